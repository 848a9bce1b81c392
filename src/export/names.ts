/**
 * Finding the nodes a user names on the command line or in a URL: by name or alias, in
 * Simplified or Traditional script, and a clear error listing close names when none matches.
 */
import * as OpenCC from 'opencc-js';
import { distance } from 'fastest-levenshtein';
import type { KgGraph } from '../graph/io.ts';
import type { NodeLabel } from '../graph/schema.ts';

const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });

/** Folds script, width, case, spaces and quotes so that 袁家軍, 袁家军 and "袁 家军" compare equal. */
export function foldName(text: string): string {
  return toSimplified(text.normalize('NFKC'))
    .replace(/[\s"'“”‘’「」『』《》〈〉]/g, '')
    .toLowerCase();
}

// A division is often named without its suffix: 杭州 for 杭州市, 浙江 for 浙江省.
const DIVISION_SUFFIX = /(特别行政区|自治区|自治州|自治县|新区|省|市|县|区)$/;

/** Raised when a name matches no node; `candidates` are the closest names, best first. */
export class NoMatchError extends Error {
  constructor(
    readonly label: NodeLabel,
    readonly query: string,
    readonly candidates: string[],
  ) {
    super(
      `no ${label} named "${query}"` +
        (candidates.length ? `; close names: ${candidates.join(', ')}` : `; the graph has no ${label} with a similar name`),
    );
    this.name = 'NoMatchError';
  }
}

/**
 * Keys of the nodes of `label` whose name or an alias equals `query` (after folding); for
 * cities, also ignoring the division suffix. Several nodes can share a name: all are returned.
 * Throws NoMatchError with up to five close names when there is none.
 */
export function findByName(graph: KgGraph, label: NodeLabel, query: string): string[] {
  const wanted = foldName(query);
  const names: { key: string; name: string; folded: string }[] = [];
  graph.forEachNode((key, attrs) => {
    if (attrs.label !== label) return;
    for (const text of new Set([attrs.name, ...(attrs.aliases ?? [])])) {
      if (text) names.push({ key, name: attrs.name, folded: foldName(text) });
    }
  });

  let found = names.filter((n) => n.folded === wanted);
  if (!found.length && label === 'City') {
    const bare = wanted.replace(DIVISION_SUFFIX, '');
    found = names.filter((n) => n.folded.replace(DIVISION_SUFFIX, '') === bare);
  }
  if (found.length) return [...new Set(found.map((n) => n.key))];
  throw new NoMatchError(label, query, closeNames(names, wanted));
}

/** Names that contain the query or lie within a few edits of it, closest first. */
function closeNames(names: { name: string; folded: string }[], wanted: string): string[] {
  const limit = Math.max(1, Math.floor(wanted.length / 2));
  const scored = new Map<string, number>();
  for (const { name, folded } of names) {
    const score =
      folded.includes(wanted) || (wanted.length > 0 && wanted.includes(folded)) ? 0 : distance(folded, wanted);
    if (score <= limit && (scored.get(name) ?? Infinity) > score) scored.set(name, score);
  }
  return [...scored]
    .sort((a, b) => a[1] - b[1] || a[0].length - b[0].length || a[0].localeCompare(b[0]))
    .slice(0, 5)
    .map(([name]) => name);
}
