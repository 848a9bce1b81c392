/** One input file through the build: read article -> facts in the store (or a failure naming the file). */
import { createHash } from 'node:crypto';
import { isReadFailure, type Article, type ReadFailure } from '../read/index.ts';
import { extractArticle } from '../extract/article.ts';
import type { ArticleRecord } from '../resolve/types.ts';
import { storeRecord, storedSource } from './store.ts';
import { extractorVersion } from './extractor.ts';

export interface Shard {
  index: number;
  count: number;
}

/** What became of one input file. */
export type FileOutcome = { status: 'extracted' | 'reused' } | { status: 'failed'; failure: ReadFailure };

export function inShard(path: string, shard: Shard | undefined): boolean {
  if (!shard || shard.count <= 1) return true;
  const h = createHash('sha1').update(path).digest().readUInt32BE(0);
  return h % shard.count === shard.index;
}

export function recordOf(article: Article): ArticleRecord {
  const facts = extractArticle(article);
  const sentences = article.items.flatMap((item) =>
    item.sentences.map((s) => ({ item: item.index, text: s.text, original: s.original, start: s.start, end: s.end, date: s.date })),
  );
  return { facts, sentences };
}

/** Extracts a read article into the store, unless the stored facts are of the same text, extracted the same way. */
export function processArticle(a: Article | ReadFailure, out: string): FileOutcome {
  if (isReadFailure(a)) return { status: 'failed', failure: a };
  const stored = storedSource(out, a.key);
  if (stored?.sha256 === a.sha256 && stored.extractor === extractorVersion()) return { status: 'reused' };
  try {
    storeRecord(out, recordOf(a));
    return { status: 'extracted' };
  } catch (err) {
    return { status: 'failed', failure: { path: a.path, reason: `extraction failed: ${(err as Error).message}` } };
  }
}
