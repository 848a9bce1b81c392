/**
 * What every export format needs to know about the schema at run time: the fields each node
 * label carries (formats that cannot tell "missing" from null restore them from this list),
 * which relationship types are facts and which are structure, and a colour per label.
 */
import type { NodeAttributes, NodeLabel, RelType, EdgeAttributes } from '../graph/schema.ts';

type NodeOf<L extends NodeLabel> = Extract<NodeAttributes, { label: L }>;

const COMMON = ['key', 'label', 'name', 'aliases'] as const;

/** The attributes of each node label, in the order exports write them. */
export const NODE_FIELDS = {
  Official: [...COMMON],
  Post: [...COMMON, 'city'],
  City: [...COMMON, 'code', 'level', 'parent'],
  Meeting: [...COMMON, 'date', 'city'],
  Campaign: [...COMMON],
  Site: [...COMMON, 'city'],
  Article: [...COMMON, 'file', 'sha256', 'published', 'script', 'title'],
} as const satisfies { [L in NodeLabel]: readonly (keyof NodeOf<L>)[] };

/** The attributes of every relationship, in the order exports write them. */
export const EDGE_FIELDS = ['key', 'type', 'evidence', 'firstDate', 'lastDate'] as const satisfies readonly (keyof EdgeAttributes)[];

// Compile-time check that the lists above name every field of schema.ts: adding a field to
// the schema without listing it here is a type error on the line below.
type Unlisted = { [L in NodeLabel]: Exclude<keyof NodeOf<L>, (typeof NODE_FIELDS)[L][number]> }[NodeLabel]
  | Exclude<keyof EdgeAttributes, (typeof EDGE_FIELDS)[number]>;
const everyFieldListed: [Unlisted] extends [never] ? true : Unlisted = true;
void everyFieldListed;

/** Extracted facts: they exist only through their evidence. */
export const FACT_TYPES: ReadonlySet<RelType> = new Set(['CHAIRED', 'ATTENDED', 'INSPECTED', 'HOLDS', 'PROMOTED']);

/** Structural links, which lead from a thing to the place it lies in. */
export const PLACE_TYPES: ReadonlySet<RelType> = new Set(['POST_IN', 'HELD_IN', 'LOCATED_IN', 'PART_OF']);

/** Node colours by label (Gephi reads them from GEXF viz:color): the tab10 palette. */
export const LABEL_COLORS: Record<NodeLabel, string> = {
  Official: '#d62728',
  Post: '#ff7f0e',
  City: '#2ca02c',
  Meeting: '#1f77b4',
  Campaign: '#9467bd',
  Site: '#8c564b',
  Article: '#7f7f7f',
};

/** Fields of a node's label (an unknown label yields the common fields). */
export function nodeFields(label: string): readonly string[] {
  return (NODE_FIELDS as Record<string, readonly string[]>)[label] ?? COMMON;
}
