import type { KgGraph } from '../graph/io.ts';
import type { EdgeAttributes, Evidence, NodeAttributes, SerializedGraph } from '../graph/schema.ts';
import { evidenceFromProperties } from '../sinks/neo4j/evidence.ts';

/** runReadQuery of src/sinks/neo4j/query.ts: rows of plain JSON values. */
export type RunReadQuery = (
  cypher: string,
  params: Record<string, unknown>,
  options: { timeoutMs: number; maxRows: number },
) => Promise<ReadResult>;

/** What runReadQuery returns: nodes as {labels, properties}, relationships as {type, properties}, paths as {nodes, relationships}. */
export interface ReadResult {
  columns: string[];
  rows: Record<string, unknown>[];
  truncated: boolean;
}

export interface CypherResult {
  /** Nodes and relationships found anywhere in the rows, as a graph to show. */
  graph: Pick<SerializedGraph, 'nodes' | 'edges'>;
  columns: string[];
  /** Rows with nodes replaced by {key, label, name} and relationships by {type, key}. */
  rows: Record<string, unknown>[];
  truncated: boolean;
}

type PlainNode = { labels: string[]; properties: Record<string, unknown> };
type PlainRelationship = { type: string; properties: Record<string, unknown> };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNode = (v: unknown): v is PlainNode => isObject(v) && Array.isArray(v.labels) && isObject(v.properties);
const isRelationship = (v: unknown): v is PlainRelationship => isObject(v) && typeof v.type === 'string' && isObject(v.properties) && !('labels' in v);
const isPath = (v: unknown): v is { nodes: unknown[]; relationships: unknown[] } => isObject(v) && Array.isArray(v.nodes) && Array.isArray(v.relationships);

/**
 * Turns query rows into a subgraph to show. Nodes and relationships are matched to the served
 * graph by their `key` property (the loader stores it), so the view gets the same attributes
 * and evidence as everywhere else; ones the graph lacks are rebuilt from their properties.
 */
export function toCypherResult(result: ReadResult, graph: KgGraph): CypherResult {
  const nodes = new Map<string, NodeAttributes>();
  const relationships = new Map<string, PlainRelationship>();

  const visit = (value: unknown): unknown => {
    if (isNode(value)) {
      const key = String(value.properties.key ?? '');
      if (!key) return value; // not a node of this graph
      const attrs = graph.hasNode(key)
        ? graph.getNodeAttributes(key)
        : ({ ...value.properties, key, label: value.labels[0], name: String(value.properties.name ?? key), aliases: value.properties.aliases ?? [] } as NodeAttributes);
      nodes.set(key, attrs);
      return { key, label: attrs.label, name: attrs.name };
    }
    if (isRelationship(value)) {
      const key = String(value.properties.key ?? '');
      if (key) relationships.set(key, value);
      return { type: value.type, key };
    }
    if (isPath(value)) return { nodes: value.nodes.map(visit), relationships: value.relationships.map(visit) };
    if (Array.isArray(value)) return value.map(visit);
    if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, visit(v)]));
    return value;
  };
  const rows = result.rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, visit(v)])));

  const edges: SerializedGraph['edges'] = [];
  for (const [key, rel] of relationships) {
    const ends = graph.hasEdge(key) ? { source: graph.source(key), target: graph.target(key) } : endsFromKey(key, rel.type, nodes);
    if (!ends || !nodes.has(ends.source) || !nodes.has(ends.target)) continue; // an end the query did not return
    edges.push({ key, ...ends, attributes: graph.hasEdge(key) ? graph.getEdgeAttributes(key) : edgeAttributes(key, rel) });
  }
  return {
    graph: { nodes: [...nodes].map(([key, attributes]) => ({ key, attributes })), edges },
    columns: result.columns,
    rows,
    truncated: result.truncated,
  };
}

/** Edge keys are `TYPE|source|target` (schema.ts edgeKey); node keys may hold `|`, so try each split. */
function endsFromKey(key: string, type: string, nodes: Map<string, unknown>): { source: string; target: string } | null {
  if (!key.startsWith(`${type}|`)) return null;
  const rest = key.slice(type.length + 1);
  for (let i = rest.indexOf('|'); i >= 0; i = rest.indexOf('|', i + 1)) {
    const source = rest.slice(0, i);
    const target = rest.slice(i + 1);
    if (nodes.has(source) && nodes.has(target)) return { source, target };
  }
  return null;
}

/** A relationship the served graph lacks, from its properties; unreadable evidence is shown as none. */
function edgeAttributes(key: string, rel: PlainRelationship): EdgeAttributes {
  let evidence: Evidence[] = [];
  try {
    evidence = evidenceFromProperties(rel.properties, `relationship ${key}`);
  } catch {
    // a relationship kg did not write: show it without evidence
  }
  return {
    key,
    type: rel.type as EdgeAttributes['type'],
    evidence: Array.isArray(evidence) ? evidence : [],
    firstDate: (rel.properties.firstDate as string) ?? null,
    lastDate: (rel.properties.lastDate as string) ?? null,
  };
}
