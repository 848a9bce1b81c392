import type { Prediction, RelationPrediction } from '../extract/predictions.ts';
import { exactMatch, postMatch, containsMatch, fuzzyMatch, normalizeName, type Matcher } from './normalize.ts';

/** A gold annotation file (../shared/gold/FORMAT.md). */
export interface GoldFile {
  article: string;
  published: string | null;
  officials: Split<string>;
  posts: Split<{ official: string; post: string }>;
  cities: Split<string>;
  meetings: Split<{ name: string; date: string | null; city: string | null }>;
  campaigns: Split<string>;
  relations: Split<RelationPrediction>;
}
interface Split<T> {
  required: T[];
  optional: T[];
}

export const FIELDS = ['officials', 'posts', 'cities', 'meetings', 'campaigns', 'CHAIRED', 'ATTENDED', 'INSPECTED'] as const;
export type Field = (typeof FIELDS)[number];

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

/** What did not match, for the report: false positives and false negatives. */
export interface Misses {
  fp: string[];
  fn: string[];
}

export interface ArticleScore {
  article: string;
  counts: Record<Field, Counts>;
  misses: Record<Field, Misses>;
  publishedCorrect: boolean;
}

/**
 * Greedy one-to-one matching, best pairs first; a prediction matched to an optional
 * item counts neither way.
 */
export function matchItems<P, G>(
  predicted: P[],
  required: G[],
  optional: G[],
  score: (p: P, g: G) => number,
): Counts & { unmatchedPredicted: P[]; unmatchedRequired: G[] } {
  const gold = [...required.map((g) => ({ g, required: true })), ...optional.map((g) => ({ g, required: false }))];
  const pairs: { pi: number; gi: number; s: number; required: boolean }[] = [];
  predicted.forEach((p, pi) =>
    gold.forEach(({ g, required: req }, gi) => {
      const s = score(p, g);
      if (s > 0) pairs.push({ pi, gi, s, required: req });
    }),
  );
  pairs.sort((a, b) => b.s - a.s || Number(b.required) - Number(a.required));
  const usedP = new Set<number>();
  const usedG = new Set<number>();
  for (const { pi, gi } of pairs) {
    if (usedP.has(pi) || usedG.has(gi)) continue;
    usedP.add(pi);
    usedG.add(gi);
  }
  const tp = [...usedG].filter((gi) => gold[gi].required).length;
  const unmatchedPredicted = predicted.filter((_, pi) => !usedP.has(pi));
  const unmatchedRequired = required.filter((_, gi) => !usedG.has(gi));
  return { tp, fp: unmatchedPredicted.length, fn: unmatchedRequired.length, unmatchedPredicted, unmatchedRequired };
}

function dedupe<T>(items: T[], key: (t: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const t of items) if (!seen.has(key(t))) seen.set(key(t), t);
  return [...seen.values()];
}

function relationScorer(type: string): (p: RelationPrediction, g: RelationPrediction) => number {
  const target: Matcher = type === 'INSPECTED' || type === 'CHAIRED' || type === 'ATTENDED' ? fuzzyMatch : exactMatch;
  return (p, g) => (exactMatch(p.from, g.from) ? target(p.to, g.to) : 0);
}

export function scoreArticle(pred: Prediction, gold: GoldFile): ArticleScore {
  const counts = {} as Record<Field, Counts>;
  const misses = {} as Record<Field, Misses>;
  const record = <P, G>(field: Field, p: P[], g: Split<G>, score: (p: P, g: G) => number, show: (x: P | G) => string) => {
    const m = matchItems(p, g.required, g.optional, score);
    counts[field] = { tp: m.tp, fp: m.fp, fn: m.fn };
    misses[field] = { fp: m.unmatchedPredicted.map(show), fn: m.unmatchedRequired.map(show) };
  };
  const str = (x: unknown) => String(x);
  record('officials', dedupe(pred.officials, normalizeName), gold.officials, exactMatch, str);
  record(
    'posts',
    dedupe(pred.posts, (p) => `${normalizeName(p.official)}|${p.post}`),
    gold.posts,
    (p, g) => (exactMatch(p.official, g.official) ? postMatch(p.post, g.post) : 0),
    (x) => `${x.official}:${x.post}`,
  );
  record('cities', dedupe(pred.cities, normalizeName), gold.cities, exactMatch, str);
  record('meetings', pred.meetings, gold.meetings, (p, g) => fuzzyMatch(p.name, g.name), (x) => x.name);
  record('campaigns', dedupe(pred.campaigns, normalizeName), gold.campaigns, containsMatch, str);
  for (const type of ['CHAIRED', 'ATTENDED', 'INSPECTED'] as const) {
    const of = <T extends { type: string }>(xs: T[]) => xs.filter((r) => r.type === type);
    record(
      type,
      dedupe(of(pred.relations), (r) => `${r.from}|${r.to}`),
      { required: of(gold.relations.required), optional: of(gold.relations.optional) },
      relationScorer(type),
      (x) => `${x.from}->${x.to}`,
    );
  }
  return { article: gold.article, counts, misses, publishedCorrect: (pred.published ?? null) === (gold.published ?? null) };
}

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
}

export function prf({ tp, fp, fn }: Counts): Prf {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

export interface CorpusScore {
  articles: ArticleScore[];
  fields: Record<Field, Counts & Prf>;
  micro: Counts & Prf;
  publishedAccuracy: number;
  /** Gold files with no prediction (article missing from the corpus or unreadable). */
  missing: string[];
}

export function scoreCorpus(preds: Prediction[], golds: GoldFile[]): CorpusScore {
  const byArticle = new Map(preds.map((p) => [p.article, p]));
  const missing: string[] = [];
  const articles = golds.map((g) => {
    const p = byArticle.get(g.article);
    if (!p) missing.push(g.article);
    return scoreArticle(p ?? emptyPrediction(g.article), g);
  });
  const fields = {} as Record<Field, Counts & Prf>;
  const micro: Counts = { tp: 0, fp: 0, fn: 0 };
  for (const f of FIELDS) {
    const c: Counts = { tp: 0, fp: 0, fn: 0 };
    for (const a of articles) {
      c.tp += a.counts[f].tp;
      c.fp += a.counts[f].fp;
      c.fn += a.counts[f].fn;
    }
    fields[f] = { ...c, ...prf(c) };
    micro.tp += c.tp;
    micro.fp += c.fp;
    micro.fn += c.fn;
  }
  const publishedAccuracy = articles.length ? articles.filter((a) => a.publishedCorrect).length / articles.length : 1;
  return { articles, fields, micro: { ...micro, ...prf(micro) }, publishedAccuracy, missing };
}

export function emptyPrediction(article: string): Prediction {
  return { article, published: null, officials: [], posts: [], cities: [], meetings: [], campaigns: [], relations: [] };
}
