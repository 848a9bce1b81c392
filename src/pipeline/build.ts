/** kg build: read -> extract -> store per article -> resolve all stored -> graph.json. */
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { readArticles, isReadFailure, type Article, type ReadFailure } from '../read/index.ts';
import { extractArticle } from '../extract/article.ts';
import { resolve } from '../resolve/resolve.ts';
import type { ArticleRecord } from '../resolve/types.ts';
import { buildGraph } from '../graph/build.ts';
import { writeGraph, type KgGraph } from '../graph/io.ts';
import { storeRecord, storedRecords, storedSha } from './store.ts';

export interface Shard {
  index: number;
  count: number;
}

export interface BuildProgress {
  read: number;
  extracted: number;
  reused: number;
  failed: number;
  file: string;
}

export interface BuildOptions {
  out: string;
  /** Extract only the files of shard i of n (by a hash of the path); outputs merge by building again. */
  shard?: Shard;
  /** Only extract and store facts; skip writing graph.json (for sharded runs). */
  factsOnly?: boolean;
  onProgress?: (p: BuildProgress) => void;
}

export interface BuildResult {
  graph: KgGraph | null;
  graphPath: string | null;
  failures: ReadFailure[];
  progress: BuildProgress;
}

export function inShard(path: string, shard: Shard | undefined): boolean {
  if (!shard || shard.count <= 1) return true;
  const h = createHash('sha1').update(path).digest().readUInt32BE(0);
  return h % shard.count === shard.index;
}

export function recordOf(article: Article): ArticleRecord {
  const facts = extractArticle(article);
  const sentences = article.items.flatMap((item) =>
    item.sentences.map((s) => ({ item: item.index, text: s.text, original: s.original, start: s.start, end: s.end, date: item.date ?? article.published })),
  );
  return { facts, sentences };
}

export async function buildCorpus(paths: string[], options: BuildOptions): Promise<BuildResult> {
  const progress: BuildProgress = { read: 0, extracted: 0, reused: 0, failed: 0, file: '' };
  const failures: ReadFailure[] = [];
  for await (const a of readArticles(paths.filter(Boolean))) {
    const path = isReadFailure(a) ? a.path : a.path;
    if (!inShard(path, options.shard)) continue;
    progress.read++;
    progress.file = path;
    if (isReadFailure(a)) {
      failures.push(a);
      progress.failed++;
    } else if (storedSha(options.out, a.key) === a.sha256) {
      progress.reused++;
    } else {
      try {
        storeRecord(options.out, recordOf(a));
        progress.extracted++;
      } catch (err) {
        failures.push({ path: a.path, reason: `extraction failed: ${(err as Error).message}` });
        progress.failed++;
      }
    }
    options.onProgress?.(progress);
  }
  if (options.factsOnly) return { graph: null, graphPath: null, failures, progress };
  const graph = buildGraph(resolve([...storedRecords(options.out)]));
  const graphPath = join(options.out, 'graph.json');
  writeGraph(graph, graphPath);
  return { graph, graphPath, failures, progress };
}
