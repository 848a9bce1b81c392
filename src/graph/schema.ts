/**
 * The graph's schema: the contract between the pipeline that builds `graph.json`
 * and every sink that reads it (Neo4j loader, exporter, server, viewer).
 * Sinks import this module and nothing from extraction.
 *
 * `graph.json` is graphology's serialised form (`graph.export()`) of a directed multi
 * graph whose node keys equal the node's `key` attribute and whose edge keys equal
 * the edge's `key` attribute.
 */

export const NODE_LABELS = ['Official', 'Post', 'City', 'Meeting', 'Campaign', 'Site', 'Article'] as const;
export type NodeLabel = (typeof NODE_LABELS)[number];

/**
 * Relationship types, with the labels they join.
 * CHAIRED, ATTENDED, INSPECTED, HOLDS and PROMOTED are extracted facts and carry evidence;
 * the others are structural links, some of which also carry evidence (POST_IN, HELD_IN).
 */
export const REL_TYPES = {
  CHAIRED: { from: ['Official'], to: ['Meeting'] },
  ATTENDED: { from: ['Official'], to: ['Meeting'] },
  INSPECTED: { from: ['Official'], to: ['City', 'Site'] },
  HOLDS: { from: ['Official'], to: ['Post'] },
  /** An official speaks for a campaign in a sentence (强调…推进“八八战略”). */
  PROMOTED: { from: ['Official'], to: ['Campaign'] },
  /** A post belongs to an administrative division (杭州市委书记 -> 杭州市). */
  POST_IN: { from: ['Post'], to: ['City'] },
  /** A meeting took place in a division. */
  HELD_IN: { from: ['Meeting'], to: ['City'] },
  /** A site lies in a division. */
  LOCATED_IN: { from: ['Site'], to: ['City'] },
  /** Administrative hierarchy: 萧山区 PART_OF 杭州市 PART_OF 浙江省. */
  PART_OF: { from: ['City'], to: ['City'] },
  /** Provenance: an article mentions a node. */
  MENTIONS: { from: ['Article'], to: ['Official', 'Post', 'City', 'Meeting', 'Campaign', 'Site'] },
} as const satisfies Record<string, { from: readonly NodeLabel[]; to: readonly NodeLabel[] }>;
export type RelType = keyof typeof REL_TYPES;
export const REL_TYPE_NAMES = Object.keys(REL_TYPES) as RelType[];

export type { Evidence } from '../evidence.ts';
import type { Evidence } from '../evidence.ts';

interface NodeBase {
  /** Stable identity: the same thing extracted again gets the same key. */
  key: string;
  label: NodeLabel;
  /** Display name, Simplified script. */
  name: string;
  /** Other spellings seen (Traditional script, short forms). */
  aliases: string[];
}

export interface OfficialNode extends NodeBase {
  label: 'Official';
}

export interface PostNode extends NodeBase {
  label: 'Post';
  /** `key` of the City the post belongs to, when known. */
  city: string | null;
}

export type DivisionLevel = 'province' | 'prefecture' | 'county';

export interface CityNode extends NodeBase {
  label: 'City';
  /** GB/T 2260 division code when the division is in the gazetteer. */
  code: string | null;
  level: DivisionLevel | null;
  /** `key` of the parent division. */
  parent: string | null;
}

export interface MeetingNode extends NodeBase {
  label: 'Meeting';
  date: string | null;
  /** `key` of the City where it took place. */
  city: string | null;
}

export interface CampaignNode extends NodeBase {
  label: 'Campaign';
}

export interface SiteNode extends NodeBase {
  label: 'Site';
  city: string | null;
}

export interface ArticleNode extends NodeBase {
  label: 'Article';
  /** File name the article was read from. */
  file: string;
  /** SHA-256 of the decoded text: a changed file replaces its old facts. */
  sha256: string;
  published: string | null;
  /** 'simplified' | 'traditional' */
  script: 'simplified' | 'traditional';
  title: string;
}

export type NodeAttributes =
  | OfficialNode
  | PostNode
  | CityNode
  | MeetingNode
  | CampaignNode
  | SiteNode
  | ArticleNode;

export interface EdgeAttributes {
  key: string;
  type: RelType;
  /** Every sentence that states the fact; empty for purely structural links (PART_OF). */
  evidence: Evidence[];
  /** Earliest and latest evidence dates: for HOLDS, when the post is attested. */
  firstDate: string | null;
  lastDate: string | null;
}

export interface GraphAttributes {
  /** Schema version of graph.json. */
  schema: 1;
  builtAt: string;
}

/** The serialised graph, as written to graph.json. */
export interface SerializedGraph {
  attributes: GraphAttributes;
  options: { type: 'directed'; multi: true; allowSelfLoops: false };
  nodes: { key: string; attributes: NodeAttributes }[];
  edges: { key: string; source: string; target: string; attributes: EdgeAttributes }[];
}

export function edgeKey(type: RelType, source: string, target: string): string {
  return `${type}|${source}|${target}`;
}
