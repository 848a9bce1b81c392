/**
 * kg build --workers n: files are read, extracted and stored on a pool of worker threads
 * (piscina) while the main thread lists them. Each article's facts go to its own store file
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

export async function* extractInWorkers(
  paths: string[],
  options: { out: string; shard?: Shard; workers: number; maxArticleBytes?: number },
): AsyncGenerator<{ path: string; outcome: FileOutcome }> {
  const pool = new Piscina<ExtractTask, FileOutcome>({
    filename: new URL('./worker.ts', import.meta.url).href,
    minThreads: options.workers,
    maxThreads: options.workers,
    execArgv: ['--import', TSX_LOADER],
  });
  // A bounded window of files in flight: memory stays flat however many files there are.
  const window: { path: string; outcome: Promise<FileOutcome> }[] = [];
  try {
    for (const path of paths) {
      const files = path === '-' ? (['-'] as Iterable<string>) : listInputFiles([path]);
      for await (const file of files) {
        const name = file === '-' ? '<stdin>' : file;
        if (!inShard(name, options.shard)) continue;
        const outcome = file === '-' ? stdinHere(options.out) : pool.run({ path: file, out: options.out, maxBytes: options.maxArticleBytes });
        window.push({ path: name, outcome });
        while (window.length >= options.workers * 8) {
          const next = window.shift()!;
          yield { path: next.path, outcome: await next.outcome };
        }
      }
    }
    for (const next of window.splice(0)) yield { path: next.path, outcome: await next.outcome };
  } finally {
    await pool.destroy();
  }
}

/** Standard input is read in this thread: workers cannot read it. */
async function stdinHere(out: string): Promise<FileOutcome> {
  for await (const a of readArticles(['-'])) return processArticle(a, out);
  throw new Error('no standard input');
}
