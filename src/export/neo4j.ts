/**
 * Turning what Neo4j returns into a kg graph (schema.ts), so that a slice chosen with a
 * read-only Cypher query can be exported like one chosen from graph.json.
 *
 * `selectFromNeo4j` runs the query through runReadQuery (src/sinks/neo4j/query.ts), which
 * returns plain values: nodes as {labels, properties}, relationships as {type, properties},
 * paths as {nodes, relationships}, anywhere in the rows (also inside lists and maps).
 * Plain relationships do not say which nodes they join, so their ends are read from their
 * key, which the graph contract builds as edgeKey(type, source, target); ends the query did
 * not return are fetched by key.
 */
import type { Node, Relationship } from 'neo4j-driver';
import { newGraph } from '../graph/io.ts';
import type { KgGraph } from '../graph/io.ts';
import { NODE_LABELS } from '../graph/schema.ts';
import type { EdgeAttributes, NodeAttributes } from '../graph/schema.ts';
import { evidenceFromProperties } from '../sinks/neo4j/evidence.ts';
import { runReadQuery } from '../sinks/neo4j/query.ts';
import type { ReadQueryOptions } from '../sinks/neo4j/query.ts';
import { toPlain } from '../sinks/neo4j/values.ts';
import { EDGE_FIELDS, nodeFields } from './fields.ts';

type Properties = Record<string, unknown>;

function toNode(labels: string[], props: Properties, fallbackKey: string): NodeAttributes {
  const label = labels.find((l) => (NODE_LABELS as readonly string[]).includes(l)) ?? labels[0] ?? 'Node';
  const attrs: Properties = Object.fromEntries(nodeFields(label).map((f) => [f, null]));
  // `kg load` also stores the label as a property; the Neo4j label is what counts.
  Object.assign(attrs, props, { key: String(props.key ?? fallbackKey), label });
  attrs.name ??= attrs.key;
  attrs.aliases ??= [];
  return attrs as unknown as NodeAttributes;
}

function toEdge(type: string, props: Properties, fallbackKey: string): EdgeAttributes {
  const attrs: Properties = Object.fromEntries(EDGE_FIELDS.map((f) => [f, null]));
  for (const [name, value] of Object.entries(props)) {
    // `kg load` stores evidence as evidenceCount, evidenceSentences ...: not graph fields.
    if (!/^evidence./.test(name)) attrs[name] = value;
  }
  attrs.key = String(props.key ?? fallbackKey);
  attrs.type = type;
  attrs.evidence = evidenceFromProperties(props, `relationship ${attrs.key}`);
  return attrs as unknown as EdgeAttributes;
}

/** A kg graph from driver Node and Relationship objects (relationships join nodes given). */
export function graphFromNeo4j(nodes: Node[], relationships: Relationship[]): KgGraph {
  const graph = newGraph();
  const keyOf = new Map<string, string>();
  for (const node of nodes) {
    const attrs = toNode(node.labels, toPlain(node.properties) as Properties, node.elementId);
    if (graph.hasNode(attrs.key)) throw new Error(`two Neo4j nodes have key "${attrs.key}"`);
    graph.addNode(attrs.key, attrs);
    keyOf.set(node.elementId, attrs.key);
  }
  for (const rel of relationships) {
    const attrs = toEdge(rel.type, toPlain(rel.properties) as Properties, rel.elementId);
    const source = keyOf.get(rel.startNodeElementId);
    const target = keyOf.get(rel.endNodeElementId);
    if (source === undefined || target === undefined) throw new Error(`relationship ${attrs.key}: an end node is missing`);
    graph.addEdgeWithKey(attrs.key, source, target, attrs);
  }
  return graph;
}

interface PlainNode {
  labels: string[];
  properties: Properties;
}
interface PlainRelationship {
  type: string;
  properties: Properties;
}

const isObject = (v: unknown): v is Properties => v !== null && typeof v === 'object' && !Array.isArray(v);
const isPlainNode = (v: Properties): v is Properties & PlainNode => Array.isArray(v.labels) && isObject(v.properties);
const isPlainRelationship = (v: Properties): v is Properties & PlainRelationship =>
  typeof v.type === 'string' && isObject(v.properties) && !('labels' in v);
const isPlainPath = (v: Properties) => Array.isArray(v.nodes) && Array.isArray(v.relationships);

function collectPlain(value: unknown, nodes: PlainNode[], relationships: PlainRelationship[]): void {
  if (Array.isArray(value)) value.forEach((v) => collectPlain(v, nodes, relationships));
  else if (!isObject(value)) return;
  else if (isPlainNode(value)) nodes.push(value);
  else if (isPlainRelationship(value)) relationships.push(value);
  else if (isPlainPath(value)) {
    collectPlain(value.nodes, nodes, relationships);
    collectPlain(value.relationships, nodes, relationships);
  } else Object.values(value).forEach((v) => collectPlain(v, nodes, relationships));
}

/** The (source, target) pairs a key `TYPE|source|target` may stand for. */
function keySplits(type: string, key: string): [string, string][] {
  const prefix = `${type}|`;
  if (!key.startsWith(prefix)) return [];
  const rest = key.slice(prefix.length);
  const splits: [string, string][] = [];
  for (let i = rest.indexOf('|'); i >= 0; i = rest.indexOf('|', i + 1)) splits.push([rest.slice(0, i), rest.slice(i + 1)]);
  return splits;
}

export interface Neo4jSelection {
  graph: KgGraph;
  /** The query returned more rows than maxRows: the graph holds the first maxRows rows' items. */
  truncated: boolean;
}

/**
 * Runs `cypher` read-only (runReadQuery: READ session, refused clauses, timeout, row limit)
 * and builds the graph of the nodes, relationships and paths it returns.
 */
export async function selectFromNeo4j(cypher: string, options: ReadQueryOptions = {}): Promise<Neo4jSelection> {
  const result = await runReadQuery(cypher, {}, options);
  const nodes: PlainNode[] = [];
  const relationships: PlainRelationship[] = [];
  for (const row of result.rows) collectPlain(row, nodes, relationships);

  const graph = newGraph();
  const addNode = (node: PlainNode) => {
    const attrs = toNode(node.labels, node.properties, '');
    if (!attrs.key) throw new Error(`the query returned a node without a key property (labels ${node.labels.join(':')})`);
    if (!graph.hasNode(attrs.key)) graph.addNode(attrs.key, attrs);
  };
  nodes.forEach(addNode);

  const edges = relationships.map((rel) => toEdge(rel.type, rel.properties, ''));
  const unresolved = () => edges.filter((e) => !keySplits(e.type, e.key).some(([s, t]) => graph.hasNode(s) && graph.hasNode(t)));
  const missing = [...new Set(unresolved().flatMap((e) => keySplits(e.type, e.key).flat()))].filter((k) => !graph.hasNode(k));
  if (missing.length) {
    const ends = await runReadQuery('MATCH (n) WHERE n.key IN $keys RETURN n', { keys: missing }, { ...options, maxRows: missing.length });
    const fetched: PlainNode[] = [];
    for (const row of ends.rows) collectPlain(row, fetched, []);
    fetched.forEach(addNode);
  }
  for (const edge of edges) {
    const ends = keySplits(edge.type, edge.key).filter(([s, t]) => graph.hasNode(s) && graph.hasNode(t));
    if (ends.length !== 1) {
      throw new Error(
        `relationship ${JSON.stringify(edge.key)}: cannot tell which nodes it joins ` +
          '(kg relationships have keys TYPE|source|target; return the nodes too, e.g. RETURN p for a path p)',
      );
    }
    if (!graph.hasEdge(edge.key)) graph.addEdgeWithKey(edge.key, ends[0][0], ends[0][1], edge);
  }
  return { graph, truncated: result.truncated };
}
