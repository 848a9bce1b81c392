/**
 * The build's memory of each article (out/facts/<article>.json): its facts and sentences.
 * The graph is always rebuilt from every stored article, so building a corpus in two halves
 * gives the graph of one pass, and a changed file replaces its old facts.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync, renameSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { ArticleRecord, SentenceRecord } from '../resolve/types.ts';
import type { ArticleFacts } from '../extract/types.ts';
import type { Evidence } from '../evidence.ts';
import { extractorVersion } from './extractor.ts';

const dirOf = (out: string) => join(out, 'facts');
const fileOf = (out: string, articleKey: string) => join(dirOf(out), `${encodeURIComponent(articleKey)}.json`);

/**
 * A record as written: each sentence's text once. A sentence's `original` only where the
 * article's own script differs (Traditional pages); the facts of one sentence share one
 * Evidence object, written once in `evidence`, and as the index of its sentence with its
 * date (`{ s, date }`) when it is one of the record's sentences. Records are about half the
 * size of whole objects, quicker to write and to read; records written before (whole
 * evidence objects, or evidence inside each fact) read the same.
 */
interface StoredRecord {
  /** The extraction that made the record (extractor.ts); absent in records written before it was kept. */
  extractor?: string;
  facts: ArticleFacts;
  sentences: StoredSentence[];
  evidence?: StoredEvidence[];
}
type StoredSentence = Omit<SentenceRecord, 'original'> & { original?: string };
type StoredEvidence = Evidence | { s: number; date: string | null };

export function encodeRecord(record: ArticleRecord, extractor = extractorVersion()): string {
  const { key } = record.facts.article;
  const sentenceAt = new Map(record.sentences.map((s, i) => [`${s.item}:${s.start}:${s.end}`, i]));
  const compact = (e: Evidence): StoredEvidence => {
    const s = sentenceAt.get(`${e.item}:${e.start}:${e.end}`);
    const sentence = s === undefined ? undefined : record.sentences[s];
    const same = sentence && e.article === key && e.sentence === sentence.text && e.original === sentence.original;
    return same ? { s: s!, date: e.date } : e;
  };
  const table: StoredEvidence[] = [];
  const indexOf = new Map<Evidence, number>();
  const facts = JSON.stringify(record.facts, (name, value) => {
    if (name !== 'evidence' || value === null || typeof value !== 'object') return value;
    let index = indexOf.get(value);
    if (index === undefined) {
      index = table.push(compact(value)) - 1;
      indexOf.set(value, index);
    }
    return index;
  });
  const sentences: StoredSentence[] = record.sentences.map(({ item, text, original, start, end, date }) =>
    original === text ? { item, text, start, end, date } : { item, text, original, start, end, date },
  );
  return `{"extractor":${JSON.stringify(extractor)},"facts":${facts},"sentences":${JSON.stringify(sentences)},"evidence":${JSON.stringify(table)}}`;
}

export function decodeRecord(text: string): ArticleRecord {
  const stored = JSON.parse(text) as StoredRecord;
  const sentences: SentenceRecord[] = stored.sentences.map(({ item, text, original, start, end, date }) => ({ item, text, original: original ?? text, start, end, date }));
  const { key } = stored.facts.article;
  const table = stored.evidence?.map((e): Evidence => {
    if (!('s' in e)) return e;
    const { item, text: sentence, original, start, end } = sentences[e.s];
    return { article: key, item, sentence, original, start, end, date: e.date };
  });
  if (table) {
    for (const list of Object.values(stored.facts)) {
      if (!Array.isArray(list)) continue;
      for (const fact of list as { evidence: Evidence | number }[]) if (typeof fact.evidence === 'number') fact.evidence = table[fact.evidence];
    }
  }
  return { facts: stored.facts, sentences };
}

/** The text (sha256) and the extraction a stored record was made from; null when there is none. */
export function storedSource(out: string, articleKey: string): { sha256: string; extractor: string | null } | null {
  const path = fileOf(out, articleKey);
  if (!existsSync(path)) return null;
  try {
    const stored = JSON.parse(readFileSync(path, 'utf8')) as StoredRecord;
    return { sha256: stored.facts.article.sha256, extractor: stored.extractor ?? null };
  } catch {
    return null; // a damaged record is simply extracted again
  }
}

export function storeRecord(out: string, record: ArticleRecord): void {
  mkdirSync(dirOf(out), { recursive: true });
  const path = fileOf(out, record.facts.article.key);
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, encodeRecord(record));
  renameSync(tmp, path);
}

/** Forgets every stored article whose key is not in `keep`; returns how many were removed. */
export function pruneRecords(out: string, keep: ReadonlySet<string>): number {
  const dir = dirOf(out);
  if (!existsSync(dir)) return 0;
  let removed = 0;
  for (const f of readdirSync(dir)) {
    if (!f.endsWith('.json') || keep.has(decodeURIComponent(f.slice(0, -5)))) continue;
    rmSync(join(dir, f), { force: true });
    removed++;
  }
  return removed;
}

export function* storedRecords(out: string): Generator<ArticleRecord> {
  const dir = dirOf(out);
  if (!existsSync(dir)) return;
  for (const f of readdirSync(dir).sort()) {
    if (!f.endsWith('.json')) continue;
    try {
      yield decodeRecord(readFileSync(join(dir, f), 'utf8'));
    } catch {
      // A record cut short by a crash is skipped; the next build of its file rewrites it.
    }
  }
}
