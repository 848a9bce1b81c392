import Graph from 'graphology';
import { seededPosition } from './layout.ts';
import { LABEL_COLORS, TYPE_COLORS, iconUrl, nodeSize } from './style.ts';
import type { EdgeData, NodeData, SerializedGraph } from './types.ts';

/**
 * The graph as sigma draws it. Sigma reads `label` as the text to draw and `type` as the
 * program to draw with, so the schema's label/type move to `kind`/`relType`, and the
 * schema attributes stay whole in `data` (for the panel and exports).
 */
export interface ViewNode {
  x: number;
  y: number;
  size: number;
  color: string;
  label: string;
  kind: NodeData['label'];
  type: 'pictogram';
  image: string;
  pictoColor: string;
  data: NodeData;
}

export interface ViewEdge {
  relType: string;
  type: 'arrow';
  size: number;
  color: string;
  data: EdgeData;
}

export type ViewGraph = Graph<ViewNode, ViewEdge>;

export function newViewGraph(): ViewGraph {
  return new Graph<ViewNode, ViewEdge>({ type: 'directed', multi: true, allowSelfLoops: false });
}

/** Adds nodes and edges not yet in the view graph; returns how many nodes were new. */
export function mergeIntoView(graph: ViewGraph, data: Pick<SerializedGraph, 'nodes' | 'edges'>): number {
  let added = 0;
  for (const { key, attributes } of data.nodes) {
    if (graph.hasNode(key)) continue;
    const label = attributes.label;
    graph.addNode(key, {
      ...seededPosition(key),
      size: 4,
      color: LABEL_COLORS[label] ?? '#999',
      label: attributes.name,
      kind: label,
      type: 'pictogram',
      image: iconUrl(label),
      pictoColor: '#ffffff',
      data: attributes,
    });
    added++;
  }
  for (const { key, source, target, attributes } of data.edges) {
    if (graph.hasEdge(key) || !graph.hasNode(source) || !graph.hasNode(target)) continue;
    graph.addDirectedEdgeWithKey(key, source, target, {
      relType: attributes.type,
      type: 'arrow',
      size: Math.min(1 + (attributes.evidence?.length ?? 0) * 0.5, 4),
      color: TYPE_COLORS[attributes.type] ?? '#ccc',
      data: attributes,
    });
  }
  if (added || data.edges.length) graph.forEachNode((key) => graph.setNodeAttribute(key, 'size', nodeSize(graph.degree(key), graph.order)));
  return added;
}
