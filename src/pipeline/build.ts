/** kg build: read -> extract -> store per article -> resolve all stored -> graph.json. */
import { join } from 'node:path';
import { readArticles, articleKeyOf, type ReadFailure } from '../read/index.ts';
import { resolve } from '../resolve/resolve.ts';
import { buildGraph } from '../graph/build.ts';
import { writeGraph, type KgGraph } from '../graph/io.ts';
import { storedRecords, pruneRecords } from './store.ts';
import { inShard, processArticle, type FileOutcome, type Shard } from './article.ts';
import { extractInWorkers } from './workers.ts';

export { inShard, recordOf, processArticle, type FileOutcome, type Shard } from './article.ts';

export interface BuildProgress {
  read: number;
  extracted: number;
  reused: number;
  failed: number;
  /** Stored articles forgotten by --prune. */
  pruned: number;
  file: string;
}

export interface BuildOptions {
  out: string;
  /** Extract only the files of shard i of n (by a hash of the path); outputs merge by building again. */
  shard?: Shard;
  /** Only extract and store facts; skip writing graph.json (for sharded runs). */
  factsOnly?: boolean;
  /** Read and extract files on this many worker threads (1: in this thread). The graph is the same. */
  workers?: number;
  /** Forget stored articles whose files were not among the inputs of this run (deleted files). */
  prune?: boolean;
  /** Files larger than this are reported as failures, not read (default: the read stage's limit). */
  maxArticleBytes?: number;
  onProgress?: (p: BuildProgress) => void;
}

export interface BuildResult {
  graph: KgGraph | null;
  graphPath: string | null;
  failures: ReadFailure[];
  progress: BuildProgress;
}

export async function buildCorpus(paths: string[], options: BuildOptions): Promise<BuildResult> {
  const progress: BuildProgress = { read: 0, extracted: 0, reused: 0, failed: 0, pruned: 0, file: '' };
  const seen = new Set<string>();
  const failures: ReadFailure[] = [];
  const workers = options.workers ?? 1;
  const outcomes = workers > 1 ? extractInWorkers(paths.filter(Boolean), { ...options, workers }) : extractHere(paths.filter(Boolean), options);
  for await (const { path, outcome } of outcomes) {
    progress.read++;
    progress.file = path;
    seen.add(articleKeyOf(path));
    if (outcome.status === 'failed') failures.push(outcome.failure);
    progress[outcome.status === 'failed' ? 'failed' : outcome.status]++;
    options.onProgress?.(progress);
  }
  if (options.prune) progress.pruned = pruneRecords(options.out, seen);
  if (options.factsOnly) return { graph: null, graphPath: null, failures, progress };
  const { graph, graphPath } = buildGraphFromStore(options.out);
  return { graph, graphPath, failures, progress };
}

/** The graph of every article in the store, written to <out>/graph.json. */
export function buildGraphFromStore(out: string): { graph: KgGraph; graphPath: string } {
  // Streamed: resolve reads the store twice rather than holding every record at once.
  const graph = buildGraph(resolve({ [Symbol.iterator]: () => storedRecords(out) }));
  const graphPath = join(out, 'graph.json');
  writeGraph(graph, graphPath);
  return { graph, graphPath };
}

async function* extractHere(paths: string[], options: BuildOptions): AsyncGenerator<{ path: string; outcome: FileOutcome }> {
  for await (const a of readArticles(paths, options.maxArticleBytes)) {
    if (!inShard(a.path, options.shard)) continue;
    yield { path: a.path, outcome: processArticle(a, options.out) };
  }
}
