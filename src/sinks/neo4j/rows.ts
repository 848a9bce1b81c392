/**
 * Pure translation of the graph into parameter rows for `UNWIND $rows` batches.
 * Neo4j properties are primitives or arrays of one primitive type, never null or nested;
 * evidence therefore becomes parallel arrays (evidence.ts).
 */
import type { KgGraph } from '../../graph/io.ts';
import { NODE_LABELS, REL_TYPE_NAMES, type Evidence, type NodeLabel, type RelType } from '../../graph/schema.ts';
import { EVIDENCE_PROPERTIES, evidenceProperties } from './evidence.ts';

export type Properties = Record<string, unknown>;

export interface NodeRow {
  key: string;
  props: Properties;
}

/** Edge attributes stored as they are; `type` becomes the relationship type, `evidence` arrays. */
const PLAIN_EDGE_ATTRIBUTES = ['key', 'firstDate', 'lastDate'] as const;

/** The properties a relationship row carries by position (RelationshipRow). */
export const RELATIONSHIP_PROPERTIES = [...PLAIN_EDGE_ATTRIBUTES, ...EVIDENCE_PROPERTIES] as const;

/**
 * [source key, target key, any other properties, then the values of RELATIONSHIP_PROPERTIES
 * in order, null when absent]. A list, not a map: Bolt would send the eleven property names
 * with every row, and packing them cost the client as much as the values (10k bench graph:
 * 117 MB of parameters as maps, 91 MB as lists, a third less time to pack).
 */
export type RelationshipRow = [source: string, target: string, other: Properties, ...values: unknown[]];

/**
 * One transaction's worth of work: the keys of its nodes or edges. Its rows are built only
 * when it is sent (batchRows), so a big graph never holds all its rows at once. Labels and
 * types come from schema.ts, never from input text. A relationship batch also says which part
 * (nodePart) of each end label its nodes belong to: batches whose (label, part) pairs differ
 * never touch the same node, so they may run at once (load.ts, sharesNodes).
 */
export type Batch =
  | { kind: 'nodes'; label: NodeLabel; keys: string[] }
  | { kind: 'relationships'; type: RelType; from: NodeLabel; to: NodeLabel; fromPart: number; toPart: number; keys: string[] };

/** Node key -> elementId, as the node batches return them; relationship rows name their ends so. */
export type NodeIds = Map<string, string>;

/**
 * Into how many parts each label's nodes are cut. Two: then the biggest chain of batches that
 * share a label (all those touching Official, two thirds of the relationships of our graphs)
 * splits into halves that run side by side. More parts did not go faster (bench/README.md).
 */
export const NODE_PARTS = 2;

/** The part of a node: a hash of its key (FNV-1a), stable from run to run. */
export function nodePart(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % NODE_PARTS;
}

/** Problems that make a graph unfit to load (unknown labels or types, keys that disagree...). */
export function graphProblems(graph: KgGraph): string[] {
  const problems: string[] = [];
  const seen = new Map<string, string>();
  graph.forEachNode((key, attributes) => {
    if (!NODE_LABELS.includes(attributes.label)) problems.push(`node ${key} has unknown label ${JSON.stringify(attributes.label)}`);
    if (attributes.key !== key) problems.push(`node ${key} has attribute key ${JSON.stringify(attributes.key)}`);
  });
  graph.forEachEdge((edge, attributes, source, target) => {
    if (!REL_TYPE_NAMES.includes(attributes.type)) {
      problems.push(`edge ${edge} has unknown type ${JSON.stringify(attributes.type)}`);
      return;
    }
    // Neo4j keeps one relationship per (source, type, target): two such edges would collapse.
    const identity = `${attributes.type}|${source}|${target}`;
    const other = seen.get(identity);
    if (other !== undefined) problems.push(`edges ${other} and ${edge} are both ${attributes.type} from ${source} to ${target}`);
    seen.set(identity, edge);
    if (attributes.evidence !== undefined && !Array.isArray(attributes.evidence)) problems.push(`edge ${edge} has evidence that is not an array`);
  });
  return problems;
}

/** Node batches per label, in the order of schema.ts. */
export function nodeBatches(graph: KgGraph, batchSize: number): Batch[] {
  const keys = new Map<NodeLabel, string[]>();
  graph.forEachNode((key, attributes) => {
    const list = keys.get(attributes.label) ?? [];
    list.push(key);
    keys.set(attributes.label, list);
  });
  return NODE_LABELS.flatMap((label) => chunks(keys.get(label) ?? [], batchSize).map((part) => ({ kind: 'nodes' as const, label, keys: part })));
}

/** Relationship batches per (type, source label, target label, source part, target part), groups in name order. */
export function relationshipBatches(graph: KgGraph, batchSize: number): Batch[] {
  type Group = Omit<Extract<Batch, { kind: 'relationships' }>, 'kind'>;
  const groups = new Map<string, Group>();
  graph.forEachEdge((edge, attributes, source, target, sourceAttributes, targetAttributes) => {
    const [fromPart, toPart] = [nodePart(source), nodePart(target)];
    const name = `${attributes.type}|${sourceAttributes.label}|${targetAttributes.label}|${fromPart}|${toPart}`;
    const group = groups.get(name) ?? { type: attributes.type, from: sourceAttributes.label, to: targetAttributes.label, fromPart, toPart, keys: [] };
    group.keys.push(edge);
    groups.set(name, group);
  });
  return [...groups.keys()]
    .sort()
    .flatMap((name) => {
      const { keys, ...group } = groups.get(name)!;
      return chunks(keys, batchSize).map((part) => ({ kind: 'relationships' as const, ...group, keys: part }));
    });
}

/** Node batches, then relationship batches: the order in which kg load sends them. */
export function graphBatches(graph: KgGraph, batchSize: number): Batch[] {
  return [...nodeBatches(graph, batchSize), ...relationshipBatches(graph, batchSize)];
}

/**
 * The parameter rows of a batch. Relationship rows name their ends by elementId (`ids`, from
 * the node batches of the same load; node rows do not use them).
 */
export function batchRows(graph: KgGraph, batch: Batch, ids: NodeIds): NodeRow[] | RelationshipRow[] {
  if (batch.kind === 'nodes') return batch.keys.map((key) => ({ key, props: { ...toProperties(graph.getNodeAttributes(key)), key } }));
  const end = (key: string) => ids.get(key) ?? missingId(key);
  return batch.keys.map((edge) => relationshipRow(end(graph.source(edge)), end(graph.target(edge)), graph.getEdgeAttributes(edge) as unknown as Properties));
}

function missingId(key: string): never {
  throw new Error(`node ${key} has no elementId: its node batch was not stored in this load`);
}

/**
 * The row of one edge: relationshipProperties laid out by position. Built directly, not from
 * that map: building rows that way cost more than half the time of packing them.
 */
export function relationshipRow(source: string, target: string, attributes: Properties): RelationshipRow {
  const evidence = evidenceProperties(Array.isArray(attributes.evidence) ? (attributes.evidence as Evidence[]) : []);
  return [
    source,
    target,
    toProperties(attributes, [...PLAIN_EDGE_ATTRIBUTES, 'type', 'evidence']),
    ...PLAIN_EDGE_ATTRIBUTES.map((name) => toProperty(attributes[name]) ?? null),
    ...EVIDENCE_PROPERTIES.map((name) => evidence[name] ?? null),
  ];
}

/**
 * MERGE on key, then make the properties exactly those of the graph (re-loading replaces).
 * Node batches return each node's elementId (of the node MERGE found or created), so that
 * relationship batches find their ends by id (`elementId(a) = row[0]`) instead of two index
 * seeks per row. Relationship batches return how many rows found both ends (`stored`).
 */
export function batchCypher(batch: Batch): string {
  if (batch.kind === 'nodes') {
    return `UNWIND $rows AS row\nMERGE (n:${batch.label} {key: row.key})\nSET n = row.props\nRETURN row.key AS key, elementId(n) AS id`;
  }
  const match = (name: string, label: NodeLabel, column: number) => `MATCH (${name}:${label}) WHERE elementId(${name}) = row[${column}]\n`;
  // Null values set nothing, so the properties are exactly those of the row.
  const values = RELATIONSHIP_PROPERTIES.map((name, i) => `${name}: row[${i + 3}]`).join(', ');
  return (
    `UNWIND $rows AS row\n` +
    match('a', batch.from, 0) +
    match('b', batch.to, 1) +
    `MERGE (a)-[r:${batch.type}]->(b)\n` +
    `SET r = row[2], r += {${values}}\n` +
    `RETURN count(*) AS stored`
  );
}

/** Edge attributes as relationship properties, evidence as parallel arrays (evidence.ts). */
export function relationshipProperties(attributes: Properties): Properties {
  const evidence = Array.isArray(attributes.evidence) ? (attributes.evidence as Evidence[]) : [];
  return { ...toProperties(attributes, ['type', 'evidence']), ...evidenceProperties(evidence) };
}

/**
 * Any attributes as Neo4j properties: nulls dropped (Neo4j stores no null), primitives and
 * homogeneous primitive arrays kept, anything else (objects, mixed arrays) as JSON text.
 */
export function toProperties(attributes: object, except: string[] = []): Properties {
  const props: Properties = {};
  for (const [name, value] of Object.entries(attributes)) {
    const property = toProperty(value);
    if (property !== undefined && !except.includes(name)) props[name] = property;
  }
  return props;
}

/** One attribute as a property value (toProperties); undefined for null, which Neo4j does not store. */
function toProperty(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (isPrimitive(value)) return value;
  if (Array.isArray(value) && isHomogeneousPrimitiveArray(value)) return value;
  return JSON.stringify(value);
}

function isPrimitive(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
}

function isHomogeneousPrimitiveArray(values: unknown[]): boolean {
  return values.every((v) => isPrimitive(v) && typeof v === typeof values[0]);
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
