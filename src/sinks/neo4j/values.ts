/** Neo4j result values as plain JSON, and as short text for table cells. */
import neo4j from 'neo4j-driver';

export interface PlainNode {
  labels: string[];
  properties: Record<string, unknown>;
}

export interface PlainRelationship {
  type: string;
  properties: Record<string, unknown>;
}

export interface PlainPath {
  nodes: PlainNode[];
  relationships: PlainRelationship[];
}

export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (neo4j.isInt(value)) return (value as { toNumber(): number }).toNumber();
  if (typeof value === 'bigint') return Number(value);
  if (neo4j.isNode(value as never)) {
    const node = value as unknown as { labels: string[]; properties: Record<string, unknown> };
    return { labels: node.labels, properties: plainObject(node.properties) } satisfies PlainNode;
  }
  if (neo4j.isRelationship(value as never)) {
    const rel = value as unknown as { type: string; properties: Record<string, unknown> };
    return { type: rel.type, properties: plainObject(rel.properties) } satisfies PlainRelationship;
  }
  if (neo4j.isPath(value as never)) {
    const path = value as unknown as { start: unknown; segments: { relationship: unknown; end: unknown }[] };
    return {
      nodes: [path.start, ...path.segments.map((s) => s.end)].map(toPlain),
      relationships: path.segments.map((s) => toPlain(s.relationship)),
    } as PlainPath;
  }
  if (isTemporalOrSpatial(value)) return String(value);
  if (Array.isArray(value)) return value.map(toPlain);
  if (typeof value === 'object') return plainObject(value as Record<string, unknown>);
  return value;
}

function plainObject(object: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(object).map(([k, v]) => [k, toPlain(v)]));
}

function isTemporalOrSpatial(value: unknown): boolean {
  const v = value as never;
  return (
    neo4j.isDate(v) || neo4j.isDateTime(v) || neo4j.isLocalDateTime(v) || neo4j.isTime(v) ||
    neo4j.isLocalTime(v) || neo4j.isDuration(v) || neo4j.isPoint(v)
  );
}

/** One line for a table cell: (:Official 王浩), [:CHAIRED], lists joined with ", ". */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'object') return String(value);
  if (isPlainNode(value)) return `(:${value.labels.join(':')} ${String(value.properties.name ?? value.properties.key ?? '')})`;
  if (isPlainRelationship(value)) return `[:${value.type}]`;
  if (isPlainPath(value)) {
    return value.nodes
      .map((n, i) => (i === 0 ? cellText(n) : `-${cellText(value.relationships[i - 1])}-${cellText(n)}`))
      .join('');
  }
  if (Array.isArray(value)) return value.map(cellText).join(', ');
  return JSON.stringify(value);
}

function isPlainNode(v: object): v is PlainNode {
  return 'labels' in v && 'properties' in v;
}
function isPlainRelationship(v: object): v is PlainRelationship {
  return 'type' in v && 'properties' in v && !('labels' in v);
}
function isPlainPath(v: object): v is PlainPath {
  return 'nodes' in v && 'relationships' in v;
}
