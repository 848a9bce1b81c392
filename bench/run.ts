/**
 * `npm run bench [-- --sizes 1000,10000,50000] [--seed 1] [--workers N] [--naive-seconds 60]
 *   [--neo4j-size 10000] [--no-neo4j] [--no-viewer]`
 *
 * How kg's cost grows with the corpus, in one run on this machine, each figure beside a
 * baseline measured in the same run (see bench/README.md):
 *  1. throughput of read+clean+extract and of kg build on one core, against jieba alone
 *     (cut; tag = segment + POS) on the same files; and on all cores with worker threads;
 *  2. each corpus size built in its own process: time and memory of the streaming phase
 *     (facts) and of each step to graph.json, with the graph's size;
 *  3. Neo4j load, batched loader against one auto-commit MERGE per relationship; and a first
 *     bulk load past it: the CSV export through neo4j-admin database import (bench/neo4j-import.ts);
 *  4. the viewer's time to first render for 10k and 50k nodes (bench/viewer-scale.ts).
 * Corpora are generated on first use into bench/corpus/<size> (git-ignored).
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, freemem, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { spawn } from 'node:child_process';
import { generateCorpus } from './generate.ts';
import { corpusDir, corpusLabel, du, ROOT, round, runChild, table, TSX_LOADER } from './lib.ts';
import type { ThroughputResult } from './throughput.ts';
import type { ScaleResult } from './scale.ts';
import { benchNeo4j, type Neo4jResult } from './neo4j-load.ts';
import { benchAdminImport, type AdminImportResult } from './neo4j-import.ts';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000,50000' },
    seed: { type: 'string', default: '1' },
    workers: { type: 'string', default: String(availableParallelism()) },
    'naive-seconds': { type: 'string', default: '60' },
    'neo4j-size': { type: 'string' },
    'no-neo4j': { type: 'boolean', default: false },
    'no-viewer': { type: 'boolean', default: false },
  },
});
const sizes = values.sizes.split(',').map((s) => Number(s.trim()));
if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`--sizes takes positive integers separated by commas, got ${values.sizes}`);
const seed = Number(values.seed);
const workers = Number(values.workers);
const OUT = join(ROOT, 'bench/out');
mkdirSync(OUT, { recursive: true });

const log = (line: string) => console.error(line);
const runStarted = performance.now();
const machine = {
  cpus: `${availableParallelism()} × ${cpus()[0]?.model ?? 'unknown CPU'}`,
  memoryGB: round(totalmem() / 2 ** 30),
  freeGB: round(freemem() / 2 ** 30),
  node: process.version,
  loadAverageAtStart: loadavg().map((x) => round(x, 2)),
  loadAverageAtEnd: [] as number[],
};
log(`bench: ${machine.cpus}, ${machine.memoryGB} GB, Node ${machine.node}, load average ${machine.loadAverageAtStart.join(' ')}`);

// ------------------------------------------------------------ corpora

interface CorpusInfo {
  articles: number;
  seed: number;
  bytes: number;
  generatedSeconds?: number;
}

function ensureCorpus(articles: number, dir = corpusDir(articles), corpusSeed = seed): CorpusInfo {
  const marker = join(dir, '.corpus.json'); // hidden: kg build skips it
  if (existsSync(marker)) {
    const info = JSON.parse(readFileSync(marker, 'utf8')) as CorpusInfo;
    if (info.articles === articles && info.seed === corpusSeed) return info;
  }
  rmSync(dir, { recursive: true, force: true });
  log(`bench: generating ${articles} articles into ${dir} ...`);
  const started = performance.now();
  const { bytes } = generateCorpus({ articles, seed: corpusSeed, out: dir });
  const info: CorpusInfo = { articles, seed: corpusSeed, bytes, generatedSeconds: round((performance.now() - started) / 1000, 1) };
  writeFileSync(marker, JSON.stringify(info));
  return info;
}

const corpora = new Map(sizes.map((n) => [n, ensureCorpus(n)]));
/**
 * Articles every thread works through before a steady-state timing: another seed, so none is
 * a timed file. Measured per 1k articles, our time per article levels out only after ~6,000
 * (V8 and the caches settling); after 2,000 the timed run was still warming.
 */
const WARM_UP_ARTICLES = 10_000;
const warmUpDir = join(ROOT, 'bench/corpus/warm-up');
ensureCorpus(WARM_UP_ARTICLES, warmUpDir, seed + 1);

// ------------------------------------------------------------ 1. throughput

const smallest = Math.min(...sizes);
const largest = Math.max(...sizes);
const throughputTask = (task: string, articles: number, threads = 1, steady = false) => {
  log(`bench: ${task} on ${corpusLabel(articles)} with ${threads} thread(s)${steady ? `, after ${WARM_UP_ARTICLES} warm-up articles per thread` : ''} ...`);
  const warm = steady ? ['--warm-up-dir', warmUpDir] : [];
  return runChild<ThroughputResult>('bench/throughput.ts', ['--task', task, '--dir', corpusDir(articles), '--workers', String(threads), ...warm]);
};
// Ours and jieba on the same files: the 10k corpus (or the largest), so that each run lasts seconds, not a blink.
// Cold: timing starts once lexicons and dictionaries are loaded. Steady: once every thread has
// also worked through the warm-up corpus, as in a long build after its first thousands of articles.
const jiebaSize = sizes.includes(10_000) ? 10_000 : largest;
const throughput = {
  extract1: await throughputTask('extract', jiebaSize),
  jiebaCut1: await throughputTask('jieba-cut', jiebaSize),
  jiebaTag1: await throughputTask('jieba-tag', jiebaSize),
  extractN: await throughputTask('extract', jiebaSize, workers),
  jiebaTagN: await throughputTask('jieba-tag', jiebaSize, workers),
  extract1Steady: await throughputTask('extract', jiebaSize, 1, true),
  jiebaTag1Steady: await throughputTask('jieba-tag', jiebaSize, 1, true),
  extractNSteady: await throughputTask('extract', jiebaSize, workers, true),
  jiebaTagNSteady: await throughputTask('jieba-tag', jiebaSize, workers, true),
  build1: await throughputTask('build', smallest),
};

// ------------------------------------------------------------ 2. scale

const scale: ScaleResult[] = [];
for (const n of sizes) {
  log(`bench: kg build of ${corpusLabel(n)} (${workers} workers), in its own process ...`);
  scale.push(await runChild<ScaleResult>('bench/scale.ts', ['--dir', corpusDir(n), '--out', join(OUT, `scale-${corpusLabel(n)}`), '--workers', String(workers)]));
  log(`  ${JSON.stringify(scale.at(-1))}`);
}

// ------------------------------------------------------------ 3. Neo4j

let neo4j: Neo4jResult | { skipped: string } = { skipped: '--no-neo4j' };
let neo4jAdmin: AdminImportResult | { skipped: string } = { skipped: '--no-neo4j' };
if (!values['no-neo4j']) {
  const size = values['neo4j-size'] ? Number(values['neo4j-size']) : sizes.includes(10_000) ? 10_000 : smallest;
  const graphPath = join(OUT, `scale-${corpusLabel(size)}`, 'graph.json');
  if (!existsSync(graphPath)) neo4j = neo4jAdmin = { skipped: `no graph for ${corpusLabel(size)} (run that size too)` };
  else {
    log(`bench: Neo4j load of the ${corpusLabel(size)} graph ...`);
    try {
      neo4j = await benchNeo4j(graphPath, { naiveSeconds: Number(values['naive-seconds']), log });
    } catch (err) {
      neo4j = { skipped: `Neo4j failed: ${(err as Error).message.split('\n')[0]}` };
    }
    log(`bench: the ${corpusLabel(size)} graph through kg export --format csv and neo4j-admin database import ...`);
    try {
      neo4jAdmin = await benchAdminImport(graphPath, log);
    } catch (err) {
      neo4jAdmin = { skipped: `neo4j-admin import failed: ${(err as Error).message.split('\n')[0]}` };
    }
  }
}

// ------------------------------------------------------------ 4. viewer

interface ViewerResult {
  nodes: number;
  edges: number;
  firstRenderMs: number | null;
  firstFrameMs: number | null;
  readyMs: number | null;
  output: string;
}
let viewer: ViewerResult[] | { skipped: string } = { skipped: '--no-viewer' };
if (!values['no-viewer']) {
  if (!existsSync(join(ROOT, 'bench/viewer-scale.ts'))) viewer = { skipped: 'bench/viewer-scale.ts is not there' };
  else {
    // Edges per node as in the largest graph built above.
    const big = scale.at(-1);
    const perNode = big ? big.edges / big.nodes : 2;
    viewer = [];
    for (const nodes of [10_000, 50_000]) {
      const edges = Math.round(nodes * perNode);
      log(`bench: viewer first render, ${nodes} nodes, ${edges} edges ...`);
      try {
        viewer.push(await viewerRun(nodes, edges));
      } catch (err) {
        viewer.push({ nodes, edges, firstRenderMs: null, firstFrameMs: null, readyMs: null, output: (err as Error).message.slice(0, 500) });
      }
    }
  }
}

function viewerRun(nodes: number, edges: number): Promise<ViewerResult> {
  return new Promise((resolve, reject) => {
    const args = ['--import', TSX_LOADER, join(ROOT, 'bench/viewer-scale.ts'), '--nodes', String(nodes), '--edges', String(edges), '--seconds', '2'];
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (output += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (output += c));
    const timer = setTimeout(() => child.kill('SIGTERM'), 600_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      const number = (re: RegExp) => (re.exec(output) ? Number(re.exec(output)![1]) : null);
      if (code !== 0) return reject(new Error(`viewer-scale exited ${code}: ${output.slice(-500)}`));
      resolve({
        nodes,
        edges,
        firstRenderMs: number(/first render[^:\n]*: (\d+) ms/),
        firstFrameMs: number(/first frame on screen: (\d+) ms/),
        readyMs: number(/ready[^:\n]*: (\d+) ms/),
        output: output.trim(),
      });
    });
  });
}

// ------------------------------------------------------------ report

machine.loadAverageAtEnd = loadavg().map((x) => round(x, 2));
const totalMinutes = round((performance.now() - runStarted) / 60_000);
const results = { machine, seed, workers, corpora: [...corpora.values()], throughput, scale, neo4j, neo4jAdmin, viewer, totalMinutes, at: new Date().toISOString() };
const resultsPath = join(OUT, `results-${sizes.map(corpusLabel).join('-')}.json`);
writeFileSync(resultsPath, JSON.stringify(results, null, 2));

const t = throughput;
const scaleN = scale.at(-1)!;
const factsN = { mbPerSecond: scaleN.corpusMB / scaleN.extract.seconds, articlesPerSecond: scaleN.articles / scaleN.extract.seconds };
const ratio = (a: number, b: number) => `${round(a / b, 2)}`;
const mbps = (x: number) => round(x, 3);

console.log(`\nkg benchmark — ${machine.cpus}, ${machine.memoryGB} GB RAM, Node ${machine.node}, seed ${seed}`);
console.log(`load average at start ${machine.loadAverageAtStart.join(' ')}, at end ${machine.loadAverageAtEnd.join(' ')} (other work on the machine skews the figures)`);
console.log(`corpora: ${[...corpora.values()].map((c) => `${corpusLabel(c.articles)} = ${round(c.bytes / 1e6)} MB${c.generatedSeconds ? ` (generated in ${c.generatedSeconds} s)` : ''}`).join(', ')}\n`);

console.log(`Throughput (jieba = @node-rs/jieba alone on the same files; cold = lexicons and dictionaries loaded, steady = each thread also warmed on ${WARM_UP_ARTICLES} other articles)`);
console.log(
  table(
    ['what', 'corpus', 'threads', 'MB/s', 'articles/s', 'peak RSS MB', 'heap total MB', 'ours / jieba tag', 'ours / jieba cut'],
    [
      ['read+clean+extract, steady', corpusLabel(jiebaSize), 1, mbps(t.extract1Steady.mbPerSecond), t.extract1Steady.articlesPerSecond, t.extract1Steady.peakRssMB, t.extract1Steady.heapTotalMB, ratio(t.extract1Steady.mbPerSecond, t.jiebaTag1Steady.mbPerSecond), ''],
      ['read+clean+extract, steady (worker threads)', corpusLabel(jiebaSize), workers, mbps(t.extractNSteady.mbPerSecond), t.extractNSteady.articlesPerSecond, t.extractNSteady.peakRssMB, '', ratio(t.extractNSteady.mbPerSecond, t.jiebaTagNSteady.mbPerSecond), ''],
      ['read+clean+extract, cold', corpusLabel(jiebaSize), 1, mbps(t.extract1.mbPerSecond), t.extract1.articlesPerSecond, t.extract1.peakRssMB, t.extract1.heapTotalMB, ratio(t.extract1.mbPerSecond, t.jiebaTag1.mbPerSecond), ratio(t.extract1.mbPerSecond, t.jiebaCut1.mbPerSecond)],
      ['read+clean+extract, cold (worker threads)', corpusLabel(jiebaSize), workers, mbps(t.extractN.mbPerSecond), t.extractN.articlesPerSecond, t.extractN.peakRssMB, '', ratio(t.extractN.mbPerSecond, t.jiebaTagN.mbPerSecond), ''],
      ['kg build (full, to graph.json)', corpusLabel(smallest), 1, mbps(t.build1.mbPerSecond), t.build1.articlesPerSecond, t.build1.peakRssMB, t.build1.heapTotalMB, ratio(t.build1.mbPerSecond, t.jiebaTag1.mbPerSecond), ''],
      ['kg build --facts-only (workers)', corpusLabel(largest), workers, mbps(factsN.mbPerSecond), round(factsN.articlesPerSecond), scaleN.extract.memory.peakRssMB, '', ratio(factsN.mbPerSecond, t.jiebaTagN.mbPerSecond), ''],
      ['kg build (full, workers)', corpusLabel(largest), workers, mbps(scaleN.corpusMB / scaleN.totalSeconds), round(scaleN.articles / scaleN.totalSeconds), scaleN.peakRssMB, '', ratio(scaleN.corpusMB / scaleN.totalSeconds, t.jiebaTagN.mbPerSecond), ''],
      ['jieba cut', corpusLabel(jiebaSize), 1, mbps(t.jiebaCut1.mbPerSecond), t.jiebaCut1.articlesPerSecond, t.jiebaCut1.peakRssMB, t.jiebaCut1.heapTotalMB, '', ''],
      ['jieba tag (segment + POS)', corpusLabel(jiebaSize), 1, mbps(t.jiebaTag1.mbPerSecond), t.jiebaTag1.articlesPerSecond, t.jiebaTag1.peakRssMB, t.jiebaTag1.heapTotalMB, '', ''],
      ['jieba tag (segment + POS), worker threads', corpusLabel(jiebaSize), workers, mbps(t.jiebaTagN.mbPerSecond), t.jiebaTagN.articlesPerSecond, t.jiebaTagN.peakRssMB, '', '', ''],
      ['jieba tag (segment + POS), steady', corpusLabel(jiebaSize), 1, mbps(t.jiebaTag1Steady.mbPerSecond), t.jiebaTag1Steady.articlesPerSecond, t.jiebaTag1Steady.peakRssMB, t.jiebaTag1Steady.heapTotalMB, '', ''],
      ['jieba tag (segment + POS), steady, worker threads', corpusLabel(jiebaSize), workers, mbps(t.jiebaTagNSteady.mbPerSecond), t.jiebaTagNSteady.articlesPerSecond, t.jiebaTagNSteady.peakRssMB, '', '', ''],
    ],
  ),
);

console.log('\nGrowth: kg build per corpus size, each in its own process (facts on worker threads, then one thread to graph.json)');
console.log(
  table(
    ['articles', 'MB', 'facts s', 'art/s', 'RSS after facts', 'heap after facts', 'load s', 'resolve s', 'graph s', 'write s', 'to graph.json s', 'total s', 'peak RSS MB', 'graph heap MB', 'nodes', 'edges', 'evidence', 'graph.json MB'],
    scale.map((s) => [
      s.articles, s.corpusMB, s.extract.seconds, round(s.articles / s.extract.seconds), s.extract.memory.peakRssMB, s.extract.memory.heapUsedMB,
      s.load.seconds, s.resolve.seconds, s.graph.seconds, s.write.seconds, s.graphJsonSeconds, s.totalSeconds, s.peakRssMB, s.graphHeapMB, s.nodes, s.edges, s.evidence, s.graphJsonMB,
    ]),
  ),
);
for (const s of scale) if (s.writeError) console.log(`${s.articles} articles: graph.json could not be written: ${s.writeError}`);
const heapPeaks = scale.map((s) => `${s.articles}: records ${s.load.memory.heapUsedMB} MB, resolved ${s.resolve.memory.heapUsedMB} MB, graph ${s.graph.memory.heapUsedMB} MB`);
console.log(`heap retained after each step (MB, after GC): ${heapPeaks.join('; ')}`);

console.log('\nNeo4j load');
if ('skipped' in neo4j) console.log(`skipped: ${neo4j.skipped}`);
else {
  console.log(
    table(
      ['loader', 'relationships', 'seconds', 'relationships/s'],
      [
        [`batched (kg load, UNWIND ${neo4j.batched.batchSize} per tx, ${neo4j.batched.concurrency} in flight)`, neo4j.relationships, neo4j.batched.relationshipSeconds, neo4j.batched.relationshipsPerSecond],
        [`naive (1 auto-commit MERGE each, even sample, ${round(Number(values['naive-seconds']) / neo4j.naive.runsPerSecond.length)} s cap)`, neo4j.naive.relationships, neo4j.naive.seconds, neo4j.naive.relationshipsPerSecond],
      ],
    ),
  );
  console.log(`median of ${neo4j.batched.runsPerSecond.length} rounds, each a batched load then a naive run: batched ${neo4j.batched.runsPerSecond.join(', ')}; naive ${neo4j.naive.runsPerSecond.join(', ')} relationships/s`);
  console.log(`batched / naive: ${neo4j.speedup}x (goal >= 20x); naive would take ~${neo4j.naive.extrapolatedSeconds} s for all ${neo4j.relationships}; ${neo4j.nodes} nodes; ${neo4j.server}; load average ${neo4j.loadAverage.before} before, ${neo4j.loadAverage.after} after`);
}

console.log('\nFirst bulk load: kg export --format csv, then neo4j-admin database import full (a new store, offline)');
if ('skipped' in neo4jAdmin) console.log(`skipped: ${neo4jAdmin.skipped}`);
else {
  const a = neo4jAdmin;
  const rows: (string | number)[][] = [
    ['kg export --format csv', a.exportSeconds, `${a.csvMB} MB of CSV`],
    ['neo4j-admin database import full (JVM start included)', a.importSeconds, `${a.relationshipsPerSecond} relationships/s over the whole import`],
    ["kg load's schema over the imported store", a.schemaSeconds, `stored: ${a.stored.nodes} nodes, ${a.stored.relationships} relationships`],
    ['together', round(a.exportSeconds + a.importSeconds + a.schemaSeconds, 2), ''],
  ];
  if (!('skipped' in neo4j)) rows.push(['kg load of the same graph, whole (median round above)', neo4j.batched.seconds, `${neo4j.nodes} nodes, ${neo4j.relationships} relationships`]);
  console.log(table(['step', 'seconds', ''], rows));
}

console.log('\nViewer (headless chromium, bench/viewer-scale.ts)');
if ('skipped' in viewer) console.log(`skipped: ${viewer.skipped}`);
else {
  const rows = viewer.map((v) => [v.nodes, v.edges, v.firstRenderMs ?? 'failed', v.firstFrameMs ?? '', v.readyMs ?? '']);
  console.log(table(['nodes', 'edges', 'first render ms', 'first frame ms', 'ready ms'], rows));
}
console.log(`time to build graph.json: ${scale.map((s) => `${corpusLabel(s.articles)} ${s.graphJsonSeconds} s`).join(', ')}`);

console.log(`\ntotal ${totalMinutes} min; all figures in ${resultsPath}`);
