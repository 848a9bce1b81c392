/** `json`: graphology's serialised form, the same shape as graph.json (kg serve, kg load and graphology's `import` read it). */
import type { KgGraph } from '../../graph/io.ts';

export function writeJson(graph: KgGraph): string {
  return JSON.stringify(graph.export()) + '\n';
}
