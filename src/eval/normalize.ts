import * as OpenCC from 'opencc-js';

/** Matching rules of ../shared/gold/FORMAT.md, "How predictions are matched". */

const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });

const QUOTES_AND_BRACKETS = /[\s"'“”‘’「」『』《》〈〉【】\[\]]/g;

/** Names, cities, campaigns: Simplified script, no spaces, no quotes or brackets. */
export function normalizeName(s: string): string {
  return toSimplified(s).replace(QUOTES_AND_BRACKETS, '').replace(/[（]/g, '(').replace(/[）]/g, ')');
}

/**
 * Posts: strips 中共 and 人民政府, folds a doubled division suffix (X市市长 = X市长,
 * X区区委书记 = X区委书记) and drops the province name before 省委/省长… (浙江省委 = 省委).
 */
export function normalizePost(s: string): string {
  return normalizeName(s)
    .replace(/中共/g, '')
    .replace(/人民政府/g, '')
    .replace(/([市区县])\1/g, '$1')
    .replace(/^[\u4e00-\u9fff]{2,7}?省(?=(?:常务)?副省长)/, '')
    .replace(/^[\u4e00-\u9fff]{2,7}?省(?=委|长|政府|人大|政协)/, '省');
}

export function bigrams(s: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < s.length; i++) out.push(s.slice(i, i + 2));
  return out;
}

/** Character-bigram Dice coefficient (multiset). */
export function dice(a: string, b: string): number {
  const ba = bigrams(a);
  const bb = bigrams(b);
  if (ba.length + bb.length === 0) return a === b ? 1 : 0;
  const counts = new Map<string, number>();
  for (const g of ba) counts.set(g, (counts.get(g) ?? 0) + 1);
  let shared = 0;
  for (const g of bb) {
    const n = counts.get(g) ?? 0;
    if (n > 0) {
      shared++;
      counts.set(g, n - 1);
    }
  }
  return (2 * shared) / (ba.length + bb.length);
}

/** A match score in (0, 1], or 0 for no match. Exact beats containment beats similarity. */
export type Matcher = (predicted: string, gold: string) => number;

export const exactMatch: Matcher = (p, g) => (normalizeName(p) === normalizeName(g) ? 1 : 0);

export const postMatch: Matcher = (p, g) => (normalizePost(p) === normalizePost(g) ? 1 : 0);

export const containsMatch: Matcher = (p, g) => {
  const a = normalizeName(p);
  const b = normalizeName(g);
  if (!a || !b) return 0;
  if (a === b) return 1;
  return a.includes(b) || b.includes(a) ? 0.9 : 0;
};

export const fuzzyMatch: Matcher = (p, g) => {
  const c = containsMatch(p, g);
  if (c) return c;
  const d = dice(normalizeName(p), normalizeName(g));
  return d >= 0.6 ? 0.5 * d : 0;
};
