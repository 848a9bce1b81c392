import { write as writeGexf } from 'graphology-gexf';
import type { KgGraph } from '../graph/io.ts';
import { graphFromJSON } from '../graph/io.ts';
import type { EdgeAttributes, NodeAttributes } from '../graph/schema.ts';
import { filterGraph, type GraphFilter } from './filter.ts';

export class ExportError extends Error {}

/** GEXF has no list or object values: lists become `|`-joined text, evidence becomes JSON text. */
function flatten(attrs: object): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined) continue;
    if (Array.isArray(v) && v.every((x) => typeof x === 'string')) out[k] = v.join('|');
    else if (typeof v === 'object') out[k] = JSON.stringify(v);
    else out[k] = v as string | number | boolean;
  }
  return out;
}

export function toGexf(graph: KgGraph): string {
  return writeGexf(graph, {
    formatNode: (_key: string, a: NodeAttributes) => ({ label: a.name, attributes: flatten(a) }),
    formatEdge: (_key: string, a: EdgeAttributes) => ({
      label: a.type,
      kind: a.type,
      attributes: { ...flatten(a), evidenceCount: a.evidence?.length ?? 0 },
    }),
  } as never);
}

/** The selected part of the graph as a file: graph.json form or GEXF 1.3. */
export function exportSelection(graph: KgGraph, filter: GraphFilter, format: 'json' | 'gexf') {
  const selected = filterGraph(graph, filter);
  if (format === 'json') {
    return { body: JSON.stringify(selected), contentType: 'application/json; charset=utf-8', extension: 'json' };
  }
  return { body: toGexf(graphFromJSON(selected)), contentType: 'application/gexf+xml; charset=utf-8', extension: 'gexf' };
}
