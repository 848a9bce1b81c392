/**
 * `jsonl`: one JSON object per line, first every node then every relationship, in the shape
 * of APOC's JSON export (`type`, `id`, `labels`/`label`, `properties`, `start`, `end`) so that
 * pandas (`read_json(lines=True)`), jq and Neo4j users find familiar fields. Evidence stays a
 * nested array of objects.
 */
import type { KgGraph } from '../../graph/io.ts';
import type { EdgeAttributes, NodeAttributes } from '../../graph/schema.ts';

export interface JsonlNode {
  type: 'node';
  id: string;
  labels: [string];
  properties: Omit<NodeAttributes, 'label'>;
}

export interface JsonlRelationship {
  type: 'relationship';
  id: string;
  label: string;
  start: { id: string; labels: [string] };
  end: { id: string; labels: [string] };
  properties: Omit<EdgeAttributes, 'type'>;
}

export function writeJsonl(graph: KgGraph): string {
  const lines: string[] = [];
  graph.forEachNode((key, { label, ...properties }) => {
    lines.push(JSON.stringify({ type: 'node', id: key, labels: [label], properties } satisfies JsonlNode));
  });
  graph.forEachEdge((key, { type, ...properties }, source, target, sourceAttrs, targetAttrs) => {
    const line: JsonlRelationship = {
      type: 'relationship',
      id: key,
      label: type,
      start: { id: source, labels: [sourceAttrs.label] },
      end: { id: target, labels: [targetAttrs.label] },
      properties,
    };
    lines.push(JSON.stringify(line));
  });
  return lines.map((line) => line + '\n').join('');
}
