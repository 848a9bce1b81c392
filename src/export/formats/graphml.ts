/**
 * `graphml`: GraphML for Cytoscape, yEd, Gephi, networkx and igraph, written with xmlbuilder2
 * (graphology-graphml only parses). Every attribute is declared as a <key> with its
 * attr.type; values follow the flat model of flat.ts (name as `label`, schema label as
 * `kgLabel`, aliases and evidence as JSON text).
 */
import { create } from 'xmlbuilder2';
import type { KgGraph } from '../../graph/io.ts';
import { flattenEdge, flattenNode, lineSeparatorsAsReferences, xmlSafe } from './flat.ts';
import type { FlatAttributes, FlatValue } from './flat.ts';

type KeyDomain = 'graph' | 'node' | 'edge';
type GraphmlType = 'boolean' | 'int' | 'long' | 'double' | 'string';

// xmlbuilder2 leaves "&name;" and "&#13;" alone, taking them for entities already escaped.
// Escaping every "&" first makes that safe (a literal "&lt;" in the data stays "&lt;"), and
// numeric references keep the CR, LF and tabs that XML parsers would otherwise normalise.
// U+2028, U+2029 and U+0085 go as character references too (lineSeparatorsAsReferences).
const escapeText = (text: string) => lineSeparatorsAsReferences(xmlSafe(text).replace(/&/g, '&amp;').replace(/\r/g, '&#13;'));
const escapeAttribute = (text: string) => escapeText(text).replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');

function typeOf(values: FlatValue[]): GraphmlType {
  if (values.every((v) => typeof v === 'boolean')) return 'boolean';
  if (values.every((v) => typeof v === 'number')) {
    if (values.every((v) => Number.isInteger(v) && Math.abs(v as number) <= 0x7fffffff)) return 'int';
    if (values.every((v) => Number.isSafeInteger(v))) return 'long';
    return 'double';
  }
  return 'string';
}

/** Declares one key per attribute name and domain, typed by the values it holds. */
function declareKeys(domain: KeyDomain, rows: FlatAttributes[]): Map<string, { id: string; type: GraphmlType }> {
  const values = new Map<string, FlatValue[]>();
  for (const row of rows) {
    for (const [name, value] of Object.entries(row)) {
      if (!values.has(name)) values.set(name, []);
      values.get(name)!.push(value);
    }
  }
  const keys = new Map<string, { id: string; type: GraphmlType }>();
  [...values].forEach(([name, vs], i) => keys.set(name, { id: `${domain[0]}${i}`, type: typeOf(vs) }));
  return keys;
}

function dataText(value: FlatValue, type: GraphmlType): string {
  if (type === 'string') return escapeText(String(value));
  return typeof value === 'number' && !Number.isFinite(value) ? String(value).replace('Infinity', 'INF') : String(value);
}

export function writeGraphml(graph: KgGraph): string {
  const graphRow: FlatAttributes = {};
  for (const [name, value] of Object.entries(graph.getAttributes())) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') graphRow[name] = value;
  }
  const nodeRows = graph.mapNodes((key, attrs) => ({ key, flat: flattenNode(attrs) }));
  const edgeRows = graph.mapEdges((key, attrs, source, target) => ({ key, source, target, flat: flattenEdge(attrs) }));
  const keys: Record<KeyDomain, ReturnType<typeof declareKeys>> = {
    graph: declareKeys('graph', [graphRow]),
    node: declareKeys('node', nodeRows.map((r) => r.flat)),
    edge: declareKeys('edge', edgeRows.map((r) => r.flat)),
  };

  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele('graphml', {
    xmlns: 'http://graphml.graphdrawing.org/xmlns',
    'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
    'xsi:schemaLocation': 'http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd',
  });
  for (const domain of ['graph', 'node', 'edge'] as const) {
    for (const [name, { id, type }] of keys[domain]) {
      root.ele('key', { id, for: domain, 'attr.name': escapeAttribute(name), 'attr.type': type });
    }
  }
  const body = root.ele('graph', { id: 'kg', edgedefault: 'directed' });
  const addData = (element: typeof body, domain: KeyDomain, flat: FlatAttributes) => {
    for (const [name, value] of Object.entries(flat)) {
      const { id, type } = keys[domain].get(name)!;
      element.ele('data', { key: id }).txt(dataText(value, type));
    }
  };
  addData(body, 'graph', graphRow);
  for (const { key, flat } of nodeRows) addData(body.ele('node', { id: escapeAttribute(key) }), 'node', flat);
  for (const { key, source, target, flat } of edgeRows) {
    const edge = body.ele('edge', { id: escapeAttribute(key), source: escapeAttribute(source), target: escapeAttribute(target) });
    addData(edge, 'edge', flat);
  }
  return root.end({ prettyPrint: true }) + '\n';
}
