import { readFileSync, writeFileSync, renameSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
// Named import: under NodeNext graphology's CJS typings make the default import a namespace.
import { MultiDirectedGraph } from 'graphology';
import type { NodeAttributes, EdgeAttributes, GraphAttributes, SerializedGraph } from './schema.ts';

export type KgGraph = MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>;

export function newGraph(): KgGraph {
  const graph: KgGraph = new MultiDirectedGraph({ allowSelfLoops: false });
  graph.replaceAttributes({ schema: 1, builtAt: new Date().toISOString() });
  return graph;
}

export function graphFromJSON(data: SerializedGraph): KgGraph {
  const graph = newGraph();
  graph.import(data as never);
  return graph;
}

/** Reads graph.json; throws an Error naming the file when it is missing or not a graph. */
export function readGraph(path: string): KgGraph {
  let data: SerializedGraph;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new Error(`cannot read graph ${path}: ${(err as Error).message}`);
  }
  if (!data || !Array.isArray(data.nodes) || !Array.isArray(data.edges)) {
    throw new Error(`${path} is not a graph.json written by kg build`);
  }
  return graphFromJSON(data);
}

/** Writes graph.json atomically (temp file + rename) so a crash never leaves half a file. */
export function writeGraph(graph: KgGraph, path: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(graph.export()));
  renameSync(tmp, path);
}
