/**
 * One throughput measurement, run by bench/run.ts in its own process so that its peak memory
 * is its own: `tsx bench/throughput.ts --task extract|build|facts|jieba-cut|jieba-tag --dir D [--workers N]`.
 *
 *   extract    read + clean + extract every file (recordOf), nothing stored: the pipeline's core
 *              (with --workers N: batches of files on N worker threads)
 *   facts      kg build --facts-only: read + extract + store facts (with --workers N on N threads)
 *   build      full kg build: facts, then resolve, graph and graph.json
 *   jieba-cut  jieba alone on the same files: read, decode, segment (cut)
 *   jieba-tag  jieba alone: read, decode, segment and POS-tag (tag)
 *
 * Timing starts after lexicons and dictionaries are loaded (warm-up articles in both scripts;
 * worker threads, ours and jieba's, are warmed too); with --warm-up-dir D, after every thread
 * has also worked through D's files (steady state: V8 has compiled our code). Files are
 * listed before timing, for ours and for jieba. kg build's worker threads load theirs inside the timed run, as in a
 * real build: measure them on a large corpus (bench/scale.ts does).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createRequire } from 'node:module';
import { Jieba } from '@node-rs/jieba';

import { Piscina } from 'piscina';
import { listInputFiles, readArticles, isReadFailure } from '../src/read/index.ts';
import { recordOf, buildCorpus } from '../src/pipeline/build.ts';
import { du, memory, printResult, round, TSX_LOADER } from './lib.ts';
import { WARM_UP, warmUp } from './warm-up.ts';

/** jieba's own dictionary, as src/extract/places/segmentation.ts loads it. */
const dict = readFileSync(createRequire(import.meta.url).resolve('@node-rs/jieba/dict.txt'));

export interface ThroughputResult {
  task: string;
  workers: number;
  articles: number;
  bytes: number;
  seconds: number;
  mbPerSecond: number;
  articlesPerSecond: number;
  words?: number;
  peakRssMB: number;
  heapUsedMB: number;
  heapTotalMB: number;
}

const { values } = parseArgs({
  options: { task: { type: 'string' }, dir: { type: 'string' }, workers: { type: 'string', default: '1' }, 'warm-up-dir': { type: 'string' } },
});
const task = values.task!;
const dir = values.dir!;
const workers = Number(values.workers);

async function files(from = dir): Promise<string[]> {
  const out: string[] = [];
  for await (const f of listInputFiles([from])) out.push(f);
  return out;
}

/**
 * Files every thread works through before timing, when --warm-up-dir is given: another
 * corpus (other seed), so that V8 has compiled and settled our code, as it has after the
 * first thousands of articles of a long build. jieba gets the same warm-up.
 */
const warmUpFiles = values['warm-up-dir'] ? await files(values['warm-up-dir']) : [];

/** Files per task on worker threads: enough that handing a task over costs little beside its work. */
const BATCH = 50;
const batches = (list: string[]) => Array.from({ length: Math.ceil(list.length / BATCH) }, (_, i) => list.slice(i * BATCH, (i + 1) * BATCH));

function pool(worker: string, threads: number): Piscina {
  return new Piscina({ filename: new URL(worker, import.meta.url).href, minThreads: threads, maxThreads: threads, execArgv: ['--import', TSX_LOADER] });
}

async function run(): Promise<{ articles: number; words?: number }> {
  const list = await files();
  if (task === 'extract' && workers > 1) {
    const threads = pool('./extract-worker.ts', workers);
    await Promise.all(Array.from({ length: workers }, () => threads.run({ warm: true, paths: warmUpFiles })));
    const started = performance.now();
    const counts = await Promise.all(batches(list).map((paths) => threads.run({ paths }) as Promise<number>));
    const result = timed(started, { articles: counts.reduce((a, b) => a + b, 0) });
    await threads.destroy();
    return result;
  }
  if (task === 'extract') {
    warmUp(warmUpFiles);
    const started = performance.now();
    let articles = 0;
    // The pipeline's reader: files read a few ahead while the current one is extracted.
    for await (const a of readArticles(list)) {
      if (isReadFailure(a)) throw new Error(`${a.path}: ${a.reason}`);
      recordOf(a);
      articles++;
    }
    return timed(started, { articles });
  }
  if (task === 'facts' || task === 'build') {
    warmUp();
    const out = mkdtempSync(join(tmpdir(), 'kg-bench-'));
    const started = performance.now();
    const r = await buildCorpus([dir], { out, workers, factsOnly: task === 'facts' });
    const result = timed(started, { articles: r.progress.extracted });
    rmSync(out, { recursive: true, force: true });
    if (r.failures.length) throw new Error(`${r.failures.length} failures, first: ${r.failures[0].path}: ${r.failures[0].reason}`);
    return result;
  }
  if (task === 'jieba-cut' || task === 'jieba-tag') {
    const mode = task === 'jieba-cut' ? 'cut' : 'tag';
    if (workers > 1) {
      const threads = pool('./jieba-worker.ts', workers);
      await Promise.all(Array.from({ length: workers }, () => threads.run({ paths: warmUpFiles, mode: 'warm' })));
      const started = performance.now();
      const counts = await Promise.all(batches(list).map((paths) => threads.run({ paths, mode }) as Promise<number>));
      const result = timed(started, { articles: list.length, words: counts.reduce((a, b) => a + b, 0) });
      await threads.destroy();
      return result;
    }
    const jieba = Jieba.withDict(dict);
    for (const text of WARM_UP) jieba.tag(text);
    for (const f of warmUpFiles) jieba.tag(readFileSync(f, 'utf8'), true);
    const started = performance.now();
    let words = 0;
    for (const f of list) {
      const text = readFileSync(f, 'utf8');
      words += mode === 'cut' ? jieba.cut(text, true).length : jieba.tag(text, true).length;
    }
    return timed(started, { articles: list.length, words });
  }
  throw new Error(`unknown task ${task}`);
}

let elapsed = 0;
function timed<T>(started: number, result: T): T {
  elapsed = (performance.now() - started) / 1000;
  return result;
}

const { articles, words } = await run();
const { bytes } = du(dir);
const m = memory();
printResult({
  task,
  workers,
  articles,
  bytes,
  seconds: round(elapsed, 2),
  mbPerSecond: round(bytes / 1e6 / elapsed, 3),
  articlesPerSecond: round(articles / elapsed, 1),
  words,
  ...m,
} satisfies ThroughputResult);
