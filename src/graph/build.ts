/**
 * Resolved entities and links -> the graph. One edge per (type, source, target), holding
 * every piece of evidence for it, deduplicated, with the first and last dates attested.
 */
import type { Resolved } from '../resolve/types.ts';
import { newGraph, type KgGraph } from './io.ts';
import { edgeKey, type EdgeAttributes, type Evidence, type NodeAttributes, type RelType } from './schema.ts';

export function buildGraph(resolved: Resolved): KgGraph {
  const graph = newGraph();
  const seen = new Set<string>();
  const keys = [...resolved.entities.keys()].sort();
  for (const key of keys) {
    const e = resolved.entities.get(key)!;
    graph.addNode(key, { key, label: e.label, name: e.name, aliases: [...e.aliases].sort(), ...e.props } as unknown as NodeAttributes);
  }
  for (const l of resolved.links) {
    if (!graph.hasNode(l.from) || !graph.hasNode(l.to) || l.from === l.to) continue;
    const type = l.type as RelType;
    const key = edgeKey(type, l.from, l.to);
    if (!graph.hasEdge(key)) {
      graph.addDirectedEdgeWithKey(key, l.from, l.to, { key, type, evidence: [], firstDate: null, lastDate: null } satisfies EdgeAttributes);
    }
    if (l.evidence) addEvidence(graph.getEdgeAttributes(key), l.evidence, seen);
  }
  graph.forEachEdge((_, a) => a.evidence.sort((x, y) => (x.article < y.article ? -1 : x.article > y.article ? 1 : x.start - y.start)));
  return graph;
}

function addEvidence(edge: EdgeAttributes, ev: Evidence, seen: Set<string>): void {
  const id = `${edge.key}|${ev.article}|${ev.start}|${ev.end}`;
  if (seen.has(id)) return;
  seen.add(id);
  edge.evidence.push(ev);
  if (ev.date) {
    if (!edge.firstDate || ev.date < edge.firstDate) edge.firstDate = ev.date;
    if (!edge.lastDate || ev.date > edge.lastDate) edge.lastDate = ev.date;
  }
}

/** Nodes per label and edges per type, for the end-of-build table and for checks. */
export function countGraph(graph: KgGraph): { nodes: Record<string, number>; edges: Record<string, number> } {
  const nodes: Record<string, number> = {};
  const edges: Record<string, number> = {};
  graph.forEachNode((_, a) => (nodes[a.label] = (nodes[a.label] ?? 0) + 1));
  graph.forEachEdge((_, a) => (edges[a.type] = (edges[a.type] ?? 0) + 1));
  return { nodes, edges };
}
