import neo4j from 'neo4j-driver';
import type { SerializedGraph } from '../graph/schema.ts';

/** The signature of runReadQuery in src/sinks/neo4j/query.ts. */
export type RunReadQuery = (
  cypher: string,
  params: Record<string, unknown>,
  options: { timeoutMs: number; maxRows: number },
) => Promise<unknown>;

export interface CypherResult {
  /** Nodes and relationships found anywhere in the rows, as a graph to show. */
  graph: Pick<SerializedGraph, 'nodes' | 'edges'>;
  columns: string[];
  /** Rows with graph values replaced by their key (node) or type and key (relationship). */
  rows: Record<string, unknown>[];
}

type AnyRecord = { keys: readonly PropertyKey[]; get(key: PropertyKey): unknown };

function isRecordLike(v: unknown): v is AnyRecord {
  return typeof v === 'object' && v !== null && typeof (v as AnyRecord).get === 'function' && Array.isArray((v as AnyRecord).keys);
}

/** Accepts what runReadQuery may return: a neo4j Result summary ({records}), {rows}, or an array of records/objects. */
function rowsOf(result: unknown): Record<string, unknown>[] {
  const list = Array.isArray(result)
    ? result
    : ((result as { records?: unknown[]; rows?: unknown[] })?.records ?? (result as { rows?: unknown[] })?.rows ?? []);
  return list.map((row) => {
    if (isRecordLike(row)) return Object.fromEntries(row.keys.map((k) => [String(k), row.get(k)]));
    return (row ?? {}) as Record<string, unknown>;
  });
}

function plain(value: unknown): unknown {
  if (neo4j.isInt(value)) return (value as { toNumber(): number }).toNumber();
  if (Array.isArray(value)) return value.map(plain);
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  }
  if (value && typeof value === 'object' && 'toString' in value && /Date|Time|Duration|Point/.test(value.constructor?.name ?? '')) {
    return String(value);
  }
  return value;
}

/** Turns query rows into a subgraph (nodes keyed by their `key` property) and plain rows. */
export function toCypherResult(result: unknown): CypherResult {
  const rows = rowsOf(result);
  const nodes = new Map<string, SerializedGraph['nodes'][number]>();
  const byElementId = new Map<string, string>();
  const rels: { elementId: string; type: string; start: string; end: string; props: Record<string, unknown> }[] = [];

  const visit = (value: unknown): unknown => {
    if (neo4j.isNode(value as never)) {
      const node = value as unknown as { elementId: string; labels: string[]; properties: Record<string, unknown> };
      const props = plain(node.properties) as Record<string, unknown>;
      const key = String(props.key ?? node.elementId);
      byElementId.set(node.elementId, key);
      if (!nodes.has(key)) {
        const attributes = { ...props, key, label: props.label ?? node.labels[0], name: props.name ?? key, aliases: props.aliases ?? [] };
        nodes.set(key, { key, attributes: attributes as never });
      }
      return { key, label: attributes(nodes.get(key)!).label, name: attributes(nodes.get(key)!).name };
    }
    if (neo4j.isRelationship(value as never)) {
      const rel = value as unknown as { elementId: string; type: string; startNodeElementId: string; endNodeElementId: string; properties: Record<string, unknown> };
      rels.push({ elementId: rel.elementId, type: rel.type, start: rel.startNodeElementId, end: rel.endNodeElementId, props: plain(rel.properties) as Record<string, unknown> });
      return { type: rel.type, key: rel.properties.key ?? rel.elementId };
    }
    if (neo4j.isPath(value as never)) {
      const path = value as unknown as { segments: { start: unknown; relationship: unknown; end: unknown }[]; start: unknown };
      visit(path.start);
      return path.segments.map((s) => [visit(s.start), visit(s.relationship), visit(s.end)]);
    }
    if (Array.isArray(value)) return value.map(visit);
    if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, visit(v)]));
    }
    return plain(value);
  };

  const plainRows = rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, visit(v)])));
  const edges: SerializedGraph['edges'] = [];
  const seen = new Set<string>();
  for (const rel of rels) {
    const source = byElementId.get(rel.start);
    const target = byElementId.get(rel.end);
    if (!source || !target) continue; // an end node that the query did not return is not shown
    const key = String(rel.props.key ?? rel.elementId);
    if (seen.has(key)) continue;
    seen.add(key);
    let evidence = rel.props.evidence ?? [];
    if (typeof evidence === 'string') {
      try {
        evidence = JSON.parse(evidence);
      } catch {
        evidence = [];
      }
    }
    edges.push({ key, source, target, attributes: { firstDate: null, lastDate: null, ...rel.props, key, type: rel.type, evidence } as never });
  }
  return { graph: { nodes: [...nodes.values()], edges }, columns: rows[0] ? Object.keys(rows[0]) : [], rows: plainRows };
}

function attributes(n: SerializedGraph['nodes'][number]): { label: string; name: string } {
  return n.attributes as unknown as { label: string; name: string };
}
