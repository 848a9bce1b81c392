/**
 * `json`: graph.json itself, graphology's serialised form written one node or edge per line
 * (src/graph/io.ts): kg serve, kg load and graphology's `import` read it.
 */
import { graphJsonPieces, type KgGraph } from '../../graph/io.ts';

export function writeJson(graph: KgGraph): string {
  return [...graphJsonPieces(graph)].join('');
}

/** The same text in pieces, made as they are read: a big graph's export is never one string. */
export function jsonPieces(graph: KgGraph): Iterable<string> {
  return graphJsonPieces(graph);
}
