/**
 * The shapes the server's JSON API returns (see docs/api.md). The viewer talks to the
 * server over HTTP only, so these restate the parts of src/graph/schema.ts it reads (the
 * evidence is imported as a type, which the build erases).
 */
import type { Evidence as StoredEvidence } from '../../src/evidence.ts';

export const NODE_LABELS = ['Official', 'Post', 'City', 'Meeting', 'Campaign', 'Site', 'Article'] as const;
export type NodeLabel = (typeof NODE_LABELS)[number];

/** The evidence the graph stores (a type only: nothing of src/ is bundled), with the article's title, date and file added by the server. */
export interface Evidence extends StoredEvidence {
  articleTitle?: string | null;
  articlePublished?: string | null;
  articleFile?: string | null;
}

export interface NodeData {
  key: string;
  label: NodeLabel;
  name: string;
  aliases: string[];
  [property: string]: unknown;
}

export interface EdgeData {
  key: string;
  type: string;
  evidence: Evidence[];
  firstDate: string | null;
  lastDate: string | null;
}

export interface SerializedGraph {
  attributes?: Record<string, unknown>;
  nodes: { key: string; attributes: NodeData }[];
  edges: { key: string; source: string; target: string; attributes: EdgeData }[];
}

export interface GraphInfo {
  order: number;
  size: number;
  builtAt: string | null;
  labels: { label: NodeLabel; count: number }[];
  types: { type: string; count: number }[];
  dateRange: { from: string; to: string } | null;
  cities: { key: string; name: string; level: string | null; parent: string | null }[];
  cypher: boolean;
}

export interface SearchHit {
  key: string;
  label: NodeLabel;
  name: string;
  aliases: string[];
  matched: string;
  match: 'exact' | 'prefix' | 'contains';
}

export interface RelationshipView {
  key: string;
  type: string;
  direction: 'out' | 'in';
  other: { key: string; label: NodeLabel; name: string };
  firstDate: string | null;
  lastDate: string | null;
  evidence: Evidence[];
}

export interface NodeDetail {
  node: NodeData;
  names: Record<string, string>;
  degree: number;
  relationships: RelationshipView[];
}

export interface CypherResult {
  graph: Pick<SerializedGraph, 'nodes' | 'edges'>;
  columns: string[];
  rows: Record<string, unknown>[];
}

export interface SavedQuery {
  name: string;
  description: string;
  query: string;
}
