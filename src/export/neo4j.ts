/**
 * Turning the result of a read-only Cypher query into a kg graph (schema.ts), so that a
 * slice chosen in Neo4j can be exported like one chosen from graph.json. Nodes,
 * relationships and paths anywhere in the returned values (also inside lists and maps) are
 * taken; relationships whose end nodes the query did not return get them fetched.
 */
import neo4j from 'neo4j-driver';
import type { Node, Relationship } from 'neo4j-driver';
import { newGraph } from '../graph/io.ts';
import type { KgGraph } from '../graph/io.ts';
import { NODE_LABELS } from '../graph/schema.ts';
import type { EdgeAttributes, Evidence, NodeAttributes } from '../graph/schema.ts';
import { EDGE_FIELDS, nodeFields } from './fields.ts';

/** The shape of runReadQuery (src/sinks/neo4j/query.ts): records as the driver returns them. */
export type ReadQuery = (
  cypher: string,
  params: Record<string, unknown>,
  options: { timeoutMs: number; maxRows: number },
) => Promise<{ keys: readonly PropertyKey[]; get(key: PropertyKey): unknown }[]>;

interface Found {
  nodes: Map<string, Node>;
  relationships: Map<string, Relationship>;
}

function collect(value: unknown, found: Found): void {
  if (value === null || typeof value !== 'object') return;
  if (neo4j.isNode(value)) found.nodes.set(value.elementId, value);
  else if (neo4j.isRelationship(value)) found.relationships.set(value.elementId, value);
  else if (neo4j.isPath(value)) {
    found.nodes.set(value.start.elementId, value.start);
    found.nodes.set(value.end.elementId, value.end);
    for (const segment of value.segments) {
      found.nodes.set(segment.start.elementId, segment.start);
      found.nodes.set(segment.end.elementId, segment.end);
      found.relationships.set(segment.relationship.elementId, segment.relationship);
    }
  } else if (Array.isArray(value)) value.forEach((v) => collect(v, found));
  else if (Object.getPrototypeOf(value) === Object.prototype) Object.values(value).forEach((v) => collect(v, found));
}

/** Neo4j values as plain JSON values: integers as numbers, temporals as ISO strings. */
function plain(value: unknown): unknown {
  if (neo4j.isInt(value)) return (value as { toNumber(): number }).toNumber();
  if (Array.isArray(value)) return value.map(plain);
  if (value !== null && typeof value === 'object') {
    if (Object.getPrototypeOf(value) === Object.prototype) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
    return String(value); // Date, DateTime, Duration, Point: their ISO / WKT-like text
  }
  return value;
}

function toNode(node: Node): NodeAttributes {
  const label = node.labels.find((l) => (NODE_LABELS as readonly string[]).includes(l)) ?? node.labels[0] ?? 'Node';
  const props = plain(node.properties) as Record<string, unknown>;
  const attrs: Record<string, unknown> = Object.fromEntries(nodeFields(label).map((f) => [f, null]));
  Object.assign(attrs, props, { key: String(props.key ?? node.elementId), label });
  attrs.name ??= attrs.key;
  attrs.aliases ??= [];
  return attrs as unknown as NodeAttributes;
}

/** Evidence as the loader may store it: JSON text of the list, or a list of JSON texts. */
function evidenceOf(value: unknown, where: string): Evidence[] {
  if (value === null || value === undefined) return [];
  try {
    if (typeof value === 'string') return JSON.parse(value);
    if (Array.isArray(value)) return value.map((e) => (typeof e === 'string' ? JSON.parse(e) : e));
  } catch (err) {
    throw new Error(`${where}: evidence is not JSON (${(err as Error).message})`);
  }
  throw new Error(`${where}: evidence is neither JSON text nor a list`);
}

function toEdge(rel: Relationship): EdgeAttributes {
  const props = plain(rel.properties) as Record<string, unknown>;
  const attrs: Record<string, unknown> = Object.fromEntries(EDGE_FIELDS.map((f) => [f, null]));
  Object.assign(attrs, props, { key: String(props.key ?? rel.elementId), type: rel.type });
  attrs.evidence = evidenceOf(props.evidence, `relationship ${attrs.key}`);
  return attrs as unknown as EdgeAttributes;
}

export interface CypherSelectOptions {
  timeoutMs: number;
  maxRows: number;
}

/** Runs `cypher` read-only and builds the graph of the nodes, relationships and paths it returns. */
export async function graphFromCypher(
  runReadQuery: ReadQuery,
  cypher: string,
  options: CypherSelectOptions,
): Promise<KgGraph> {
  const found: Found = { nodes: new Map(), relationships: new Map() };
  for (const record of await runReadQuery(cypher, {}, options)) {
    for (const key of record.keys) collect(record.get(key), found);
  }
  const missing = new Set<string>();
  for (const rel of found.relationships.values()) {
    for (const end of [rel.startNodeElementId, rel.endNodeElementId]) if (!found.nodes.has(end)) missing.add(end);
  }
  if (missing.size) {
    const ends = await runReadQuery('MATCH (n) WHERE elementId(n) IN $ids RETURN n', { ids: [...missing] }, options);
    for (const record of ends) collect(record.get('n'), found);
  }
  return graphFromNeo4j([...found.nodes.values()], [...found.relationships.values()]);
}

/** A kg graph from Neo4j nodes and the relationships between them. */
export function graphFromNeo4j(nodes: Node[], relationships: Relationship[]): KgGraph {
  const graph = newGraph();
  const keyOf = new Map<string, string>();
  for (const node of nodes) {
    const attrs = toNode(node);
    if (graph.hasNode(attrs.key)) throw new Error(`two Neo4j nodes have key "${attrs.key}"`);
    graph.addNode(attrs.key, attrs);
    keyOf.set(node.elementId, attrs.key);
  }
  for (const rel of relationships) {
    const attrs = toEdge(rel);
    const source = keyOf.get(rel.startNodeElementId);
    const target = keyOf.get(rel.endNodeElementId);
    if (source === undefined || target === undefined) throw new Error(`relationship ${attrs.key}: an end node is missing from the result`);
    if (graph.hasEdge(attrs.key)) throw new Error(`two Neo4j relationships have key "${attrs.key}"`);
    graph.addEdgeWithKey(attrs.key, source, target, attrs);
  }
  return graph;
}
