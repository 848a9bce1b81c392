/**
 * Pure translation of the graph into parameter rows for `UNWIND $rows` batches.
 * Neo4j properties are primitives or arrays of one primitive type, never null or nested;
 * evidence therefore becomes parallel arrays plus the full JSON string.
 */
import neo4j from 'neo4j-driver';
import type { KgGraph } from '../../graph/io.ts';
import { NODE_LABELS, REL_TYPE_NAMES, type Evidence, type NodeLabel, type RelType } from '../../graph/schema.ts';

export type Properties = Record<string, unknown>;

export interface NodeRow {
  key: string;
  props: Properties;
}

export interface RelationshipRow {
  source: string;
  target: string;
  props: Properties;
}

/** One transaction's worth of work. Labels and types come from schema.ts, never from input text. */
export type Batch =
  | { kind: 'nodes'; label: NodeLabel; rows: NodeRow[] }
  | { kind: 'relationships'; type: RelType; from: NodeLabel; to: NodeLabel; rows: RelationshipRow[] };

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

/** Node batches per label, then relationship batches per (type, source label, target label). */
export function graphBatches(graph: KgGraph, batchSize: number): Batch[] {
  const nodes = new Map<NodeLabel, NodeRow[]>();
  graph.forEachNode((key, attributes) => {
    const rows = nodes.get(attributes.label) ?? [];
    rows.push({ key, props: { ...toProperties(attributes), key } });
    nodes.set(attributes.label, rows);
  });
  const relationships = new Map<string, { type: RelType; from: NodeLabel; to: NodeLabel; rows: RelationshipRow[] }>();
  graph.forEachEdge((_edge, attributes, source, target, sourceAttributes, targetAttributes) => {
    const group = `${attributes.type}|${sourceAttributes.label}|${targetAttributes.label}`;
    const entry = relationships.get(group) ?? { type: attributes.type, from: sourceAttributes.label, to: targetAttributes.label, rows: [] };
    entry.rows.push({ source, target, props: relationshipProperties(attributes as unknown as Properties) });
    relationships.set(group, entry);
  });

  const batches: Batch[] = [];
  for (const label of NODE_LABELS) {
    for (const rows of chunks(nodes.get(label) ?? [], batchSize)) batches.push({ kind: 'nodes', label, rows });
  }
  const groups = [...relationships.values()].sort((a, b) =>
    `${a.type}|${a.from}|${a.to}`.localeCompare(`${b.type}|${b.from}|${b.to}`),
  );
  for (const { type, from, to, rows } of groups) {
    for (const part of chunks(rows, batchSize)) batches.push({ kind: 'relationships', type, from, to, rows: part });
  }
  return batches;
}

/** MERGE on key, then make the properties exactly those of the graph (re-loading replaces). */
export function batchCypher(batch: Batch): string {
  if (batch.kind === 'nodes') {
    return `UNWIND $rows AS row\nMERGE (n:${batch.label} {key: row.key})\nSET n = row.props`;
  }
  return (
    `UNWIND $rows AS row\n` +
    `MATCH (a:${batch.from} {key: row.source})\n` +
    `MATCH (b:${batch.to} {key: row.target})\n` +
    `MERGE (a)-[r:${batch.type}]->(b)\n` +
    `SET r = row.props`
  );
}

/**
 * Edge attributes as relationship properties. Evidence is kept twice: as parallel arrays
 * (evidenceArticles[i], evidenceSentences[i], evidenceDates[i] ... describe sentence i; an
 * unknown date is "") for Cypher, and as `evidence`, the JSON text of the array, losslessly.
 */
export function relationshipProperties(attributes: Properties): Properties {
  const { evidence, type: _type, ...rest } = attributes;
  const list = (Array.isArray(evidence) ? evidence : []) as Evidence[];
  return {
    ...toProperties(rest),
    evidence: JSON.stringify(list),
    evidenceCount: neo4j.int(list.length),
    evidenceArticles: list.map((e) => String(e.article ?? '')),
    evidenceItems: list.map((e) => neo4j.int(e.item ?? 0)),
    evidenceSentences: list.map((e) => String(e.sentence ?? '')),
    evidenceOriginals: list.map((e) => String(e.original ?? '')),
    evidenceStarts: list.map((e) => neo4j.int(e.start ?? 0)),
    evidenceEnds: list.map((e) => neo4j.int(e.end ?? 0)),
    evidenceDates: list.map((e) => e.date ?? ''),
  };
}

/**
 * Any attributes as Neo4j properties: nulls dropped (Neo4j stores no null), primitives and
 * homogeneous primitive arrays kept, anything else (objects, mixed arrays) as JSON text.
 */
export function toProperties(attributes: object): Properties {
  const props: Properties = {};
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined) continue;
    if (isPrimitive(value)) props[name] = value;
    else if (Array.isArray(value) && isHomogeneousPrimitiveArray(value)) props[name] = value;
    else props[name] = JSON.stringify(value);
  }
  return props;
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
