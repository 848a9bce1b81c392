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

/** Lines gathered per piece of text. */
const LINES_PER_PIECE = 200;

export function writeJsonl(graph: KgGraph): string {
  return [...jsonlPieces(graph)].join('');
}

/** The lines in pieces of LINES_PER_PIECE, made as they are read: a big graph's export is never one string. */
export function* jsonlPieces(graph: KgGraph): Generator<string> {
  let lines: string[] = [];
  for (const { node, attributes } of graph.nodeEntries()) {
    const { label, ...properties } = attributes;
    lines.push(JSON.stringify({ type: 'node', id: node, labels: [label], properties } satisfies JsonlNode));
    if (lines.length === LINES_PER_PIECE) {
      yield piece(lines);
      lines = [];
    }
  }
  for (const { edge, attributes, source, target, sourceAttributes, targetAttributes } of graph.edgeEntries()) {
    const { type, ...properties } = attributes;
    const line: JsonlRelationship = {
      type: 'relationship',
      id: edge,
      label: type,
      start: { id: source, labels: [sourceAttributes.label] },
      end: { id: target, labels: [targetAttributes.label] },
      properties,
    };
    lines.push(JSON.stringify(line));
    if (lines.length === LINES_PER_PIECE) {
      yield piece(lines);
      lines = [];
    }
  }
  if (lines.length) yield piece(lines);
}

function piece(lines: string[]): string {
  return lines.map((line) => line + '\n').join('');
}
