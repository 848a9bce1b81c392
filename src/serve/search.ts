import * as OpenCC from 'opencc-js';
import type { KgGraph } from '../graph/io.ts';
import type { NodeLabel } from '../graph/schema.ts';

const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });

export interface SearchHit {
  key: string;
  label: NodeLabel;
  name: string;
  aliases: string[];
  /** The name or alias that matched. */
  matched: string;
  /** How it matched, best first. */
  match: 'exact' | 'prefix' | 'contains';
  degree: number;
}

const RANK = { exact: 0, prefix: 1, contains: 2 } as const;

/** Folds script and case so that 袁家軍, 袁家军 and "Hangzhou"/"hangzhou" compare equal. */
export function foldName(s: string): string {
  return toSimplified(s.normalize('NFKC')).replace(/\s+/g, '').toLowerCase();
}

/**
 * An index of every node's name and aliases, folded once, so that each search is a scan of
 * short strings (fast enough for graphs of tens of thousands of nodes).
 */
export function buildSearchIndex(graph: KgGraph): { key: string; text: string; folded: string }[] {
  const index: { key: string; text: string; folded: string }[] = [];
  graph.forEachNode((key, attrs) => {
    for (const text of new Set([attrs.name, ...(attrs.aliases ?? [])])) {
      if (text) index.push({ key, text, folded: foldName(text) });
    }
  });
  return index;
}

/** Nodes whose name or an alias matches q: exact matches first, then prefixes, then substrings. */
export function search(graph: KgGraph, index: ReturnType<typeof buildSearchIndex>, q: string, limit = 20): SearchHit[] {
  const needle = foldName(q);
  if (!needle) return [];
  const best = new Map<string, SearchHit>();
  for (const entry of index) {
    const at = entry.folded.indexOf(needle);
    if (at < 0) continue;
    const match = entry.folded === needle ? 'exact' : at === 0 ? 'prefix' : 'contains';
    const previous = best.get(entry.key);
    if (previous && RANK[previous.match] <= RANK[match]) continue;
    const attrs = graph.getNodeAttributes(entry.key);
    best.set(entry.key, {
      key: entry.key,
      label: attrs.label,
      name: attrs.name,
      aliases: attrs.aliases,
      matched: entry.text,
      match,
      degree: graph.degree(entry.key),
    });
  }
  return [...best.values()]
    .sort((a, b) => RANK[a.match] - RANK[b.match] || b.degree - a.degree || a.name.length - b.name.length || a.key.localeCompare(b.key))
    .slice(0, limit);
}
