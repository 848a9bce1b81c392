import Graph from 'graphology';
import { write as writeGexf } from 'graphology-gexf/browser';
import { downloadAsPNG } from '@sigma/export-image';
import type Sigma from 'sigma';
import { download } from './dom.ts';
import type { ViewGraph } from './graph.ts';

/** The visible part of the view graph, with the schema's own attributes (graph.json form) plus positions. */
export function visibleSubgraph(graph: ViewGraph, isNodeVisible: (n: string) => boolean, isEdgeVisible: (e: string) => boolean) {
  const nodes = graph.filterNodes((n) => isNodeVisible(n)).map((key) => {
    const a = graph.getNodeAttributes(key);
    return { key, attributes: { ...a.data, x: a.x, y: a.y, size: a.size, color: a.color } };
  });
  const edges = graph.filterEdges((e) => isEdgeVisible(e)).map((key) => ({
    key,
    source: graph.source(key),
    target: graph.target(key),
    attributes: graph.getEdgeAttribute(key, 'data'),
  }));
  return { attributes: { exportedAt: new Date().toISOString() }, options: { type: 'directed', multi: true, allowSelfLoops: false }, nodes, edges };
}

/** GEXF has no list or object values: lists become `|`-joined text, evidence becomes JSON text. */
function flatten(attrs: Record<string, unknown>, skip: string[] = []): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || skip.includes(k)) continue;
    if (Array.isArray(v) && v.every((x) => typeof x === 'string')) out[k] = v.join('|');
    else if (typeof v === 'object') out[k] = JSON.stringify(v);
    else out[k] = v as string | number | boolean;
  }
  return out;
}

export function exportJSON(subgraph: ReturnType<typeof visibleSubgraph>): void {
  download('graph-view.json', new Blob([JSON.stringify(subgraph, null, 1)], { type: 'application/json' }));
}

export function exportGEXF(subgraph: ReturnType<typeof visibleSubgraph>): void {
  const graph = new Graph({ type: 'directed', multi: true });
  graph.import(subgraph as never);
  const gexf = writeGexf(graph, {
    formatNode: (_key: string, a: Record<string, unknown>) => ({
      label: String(a.name),
      viz: { x: Number(a.x), y: Number(a.y), size: Number(a.size), color: String(a.color) },
      attributes: flatten(a, ['x', 'y', 'size', 'color']),
    }),
    formatEdge: (_key: string, a: Record<string, unknown>) => ({
      label: String(a.type),
      kind: String(a.type),
      attributes: { ...flatten(a), evidenceCount: Array.isArray(a.evidence) ? a.evidence.length : 0 },
    }),
  } as never);
  download('graph-view.gexf', new Blob([gexf], { type: 'application/gexf+xml' }));
}

export function exportPNG(sigma: Sigma<any, any>): Promise<void> {
  return downloadAsPNG(sigma as never, { fileName: 'graph-view', backgroundColor: '#ffffff' });
}
