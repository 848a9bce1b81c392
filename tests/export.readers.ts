/**
 * Readers that turn each export format back into a kg graph, so the tests can check that a
 * format loses nothing. They use the tools users would: graphology-gexf and
 * graphology-graphml (on @xmldom/xmldom), after a strict well-formedness check with
 * @xmldom/xmldom, and csv-parse with neo4j-admin's header rules.
 */
import gexf from 'graphology-gexf';
import graphml from 'graphology-graphml';
import { MultiDirectedGraph } from 'graphology';
import { parse as parseCsv } from 'csv-parse/sync';
import { DOMParser, onErrorStopParsing } from '@xmldom/xmldom';
import { newGraph } from '../src/graph/io.ts';
import type { KgGraph } from '../src/graph/io.ts';
import type { EdgeAttributes, NodeAttributes } from '../src/graph/schema.ts';
import { EDGE_FIELDS, nodeFields } from '../src/export/fields.ts';
import { unflattenEdge, unflattenNode } from '../src/export/formats/flat.ts';
import { fileText, type ExportFile } from '../src/export/formats/csv.ts';
import type { JsonlNode, JsonlRelationship } from '../src/export/formats/jsonl.ts';
import { parseCsvHeader } from '../src/export/csv-import.ts';

/** Nodes and edges with their attributes, in a stable order, for deep equality. */
export function contents(graph: KgGraph) {
  return {
    nodes: graph.mapNodes((key, attrs) => ({ key, attrs })).sort((a, b) => cmp(a.key, b.key)),
    edges: graph
      .mapEdges((key, attrs, source, target) => ({ key, source, target, attrs }))
      .sort((a, b) => cmp(a.key, b.key)),
  };
}
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

type ParsedGraph = MultiDirectedGraph<Record<string, unknown>, Record<string, unknown>>;

function fromFlat(parsed: ParsedGraph): KgGraph {
  const graph = newGraph();
  parsed.forEachNode((key, flat) => graph.addNode(key, unflattenNode(key, flat)));
  parsed.forEachEdge((key, flat, source, target) => graph.addEdgeWithKey(key, source, target, unflattenEdge(key, flat)));
  return graph;
}

/** Throws unless `text` is well-formed XML: @xmldom/xmldom stopping at any error. */
export function checkWellFormed(text: string): void {
  new DOMParser({ onError: onErrorStopParsing }).parseFromString(text, 'application/xml');
}

export function readGexf(text: string): KgGraph {
  checkWellFormed(text);
  return fromFlat(gexf.parse(MultiDirectedGraph, text) as unknown as ParsedGraph);
}

export function readGraphml(text: string): KgGraph {
  checkWellFormed(text);
  return fromFlat(graphml.parse(MultiDirectedGraph, text) as unknown as ParsedGraph);
}

export function readJsonl(text: string): KgGraph {
  const graph = newGraph();
  for (const line of text.split('\n').filter(Boolean)) {
    const item = JSON.parse(line) as JsonlNode | JsonlRelationship;
    if (item.type === 'node') graph.addNode(item.id, { ...item.properties, label: item.labels[0] } as NodeAttributes);
    else graph.addEdgeWithKey(item.id, item.start.id, item.end.id, { ...item.properties, type: item.label } as EdgeAttributes);
  }
  return graph;
}

/** Reads a csv export the way neo4j-admin would (header types, "" vs empty), then maps properties back to the schema. */
export function readCsv(files: ExportFile[], delimiter = ';'): KgGraph {
  const graph = newGraph();
  const parsed = files
    .filter((f) => f.name.endsWith('.csv'))
    .map((f) => {
      const rows = parseCsv(fileText(f), {
        cast: (value, context) => ({ value, quoted: context.quoting }) as never,
      }) as unknown as { value: string; quoted: boolean }[][];
      return { file: f.name, columns: parseCsvHeader(rows[0].map((c) => c.value), f.name), rows: rows.slice(1) };
    });
  // Nodes first, as neo4j-admin does: relationship files are those with :START_ID.
  parsed.sort((a, b) => Number(a.columns.some((c) => c.kind === 'start')) - Number(b.columns.some((c) => c.kind === 'start')));
  for (const { columns, rows } of parsed) {
    for (const row of rows) {
      const props: Record<string, unknown> = {};
      let id = '', label = '', start = '', end = '', type = '';
      columns.forEach((column, i) => {
        const { value, quoted } = row[i];
        if (column.kind === 'id') id = value;
        if (column.kind === 'label') label = value.split(delimiter)[0];
        if (column.kind === 'start') start = value;
        if (column.kind === 'end') end = value;
        if (column.kind === 'type') type = value;
        if (!column.property || (value === '' && !quoted)) return;
        const convert = (v: string) => (['int', 'long', 'short', 'byte', 'float', 'double'].includes(column.valueType) ? Number(v) : column.valueType === 'boolean' ? v === 'true' : v);
        if (column.array && value === '') return; // no property, as neo4j-admin does
        props[column.property] = column.array ? value.split(delimiter).map(convert) : convert(value);
      });
      if (!start) {
        const attrs: Record<string, unknown> = Object.fromEntries(nodeFields(label).map((f) => [f, null]));
        // schema.ts: aliases is always a list (a node without aliases has no property in Neo4j)
        graph.addNode(id, { ...attrs, aliases: [], ...props, label } as unknown as NodeAttributes);
      } else {
        const attrs: Record<string, unknown> = Object.fromEntries(EDGE_FIELDS.map((f) => [f, null]));
        Object.assign(attrs, props, { type, evidence: JSON.parse((props.evidence as string | undefined) ?? '[]') });
        graph.addEdgeWithKey(String(attrs.key), start, end, attrs as unknown as EdgeAttributes);
      }
    }
  }
  return graph;
}
