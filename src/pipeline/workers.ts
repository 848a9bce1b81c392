/**
 * kg build --workers n: files are read, extracted and stored on a pool of worker threads
 * (piscina), sixteen files per task, while the main thread lists them. Each article's facts go to its own store file
 * and the graph is built from the store afterwards, so the output is that of one thread.
 * Outcomes come back in input order, so failures are reported in the same order too.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Piscina } from 'piscina';
import { readArticles, listInputFiles } from '../read/index.ts';
import { inShard, processArticle, type FileOutcome, type Shard } from './article.ts';
import type { ExtractTask } from './worker.ts';

/** Workers run TypeScript through tsx, as the CLI does. */
const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

/** Files per task: enough that handing a task to a thread costs little beside its work. */
const FILES_PER_TASK = 16;

export async function* extractInWorkers(
  paths: string[],
  options: { out: string; shard?: Shard; workers: number; maxArticleBytes?: number },
): AsyncGenerator<{ path: string; outcome: FileOutcome }> {
  const pool = new Piscina<ExtractTask, FileOutcome[]>({
    filename: new URL('./worker.ts', import.meta.url).href,
    minThreads: options.workers,
    maxThreads: options.workers,
    execArgv: ['--import', TSX_LOADER],
  });
  // A bounded window of tasks in flight: memory stays flat however many files there are.
  const window: { paths: string[]; outcomes: Promise<FileOutcome[]> }[] = [];
  let batch: string[] = [];
  const flush = () => {
    if (batch.length) window.push({ paths: batch, outcomes: pool.run({ paths: batch, out: options.out, maxBytes: options.maxArticleBytes }) });
    batch = [];
  };
  try {
    for (const path of paths) {
      const files = path === '-' ? (['-'] as Iterable<string>) : listInputFiles([path]);
      for await (const file of files) {
        const name = file === '-' ? '<stdin>' : file;
        if (!inShard(name, options.shard)) continue;
        if (file === '-') {
          flush();
          window.push({ paths: [name], outcomes: stdinHere(options.out).then((outcome) => [outcome]) });
        } else {
          batch.push(file);
          if (batch.length === FILES_PER_TASK) flush();
        }
        while (window.length >= options.workers * 2) yield* outcomesOf(window.shift()!);
      }
    }
    flush();
    for (const task of window.splice(0)) yield* outcomesOf(task);
  } finally {
    await pool.destroy();
  }
}

async function* outcomesOf(task: { paths: string[]; outcomes: Promise<FileOutcome[]> }): AsyncGenerator<{ path: string; outcome: FileOutcome }> {
  const outcomes = await task.outcomes;
  for (const [i, outcome] of outcomes.entries()) yield { path: task.paths[i], outcome };
}

/** Standard input is read in this thread: workers cannot read it. */
async function stdinHere(out: string): Promise<FileOutcome> {
  for await (const a of readArticles(['-'])) return processArticle(a, out);
  throw new Error('no standard input');
}
