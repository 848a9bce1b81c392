/**
 * `gexf`: GEXF 1.3 for Gephi, written by graphology-gexf. Nodes show their name (`label`),
 * carry `kgLabel` and the other fields as attributes, and are coloured by label (viz:color);
 * edges show their type and carry `kgType`, `evidence` (JSON text), `firstDate`, `lastDate`,
 * and a `weight` equal to their number of evidence sentences (at least 1). See flat.ts.
 */
import gexf from 'graphology-gexf';
import type { KgGraph } from '../../graph/io.ts';
import { LABEL_COLORS } from '../fields.ts';
import { flattenEdge, flattenNode, lineSeparatorsAsReferences } from './flat.ts';

/** '#d62728' -> 'rgb(214,39,40)': written as r/g/b attributes, which every Gephi version reads. */
function rgb(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `rgb(${r},${g},${b})`;
}

export function writeGexf(graph: KgGraph): string {
  // Only creator/description/lastmodifieddate are valid GEXF meta, so the graph's own
  // attributes are summarised there rather than written as unknown elements.
  const meta = graph.nullCopy();
  const builtAt = String(graph.getAttribute('builtAt') ?? '');
  meta.replaceAttributes({
    creator: 'kg export',
    description: `kg graph (schema ${graph.getAttribute('schema')}), built ${builtAt}`,
    ...(/^\d{4}-\d{2}-\d{2}/.test(builtAt) ? { lastModifiedDate: builtAt.slice(0, 10) } : {}),
  } as never);
  graph.forEachNode((key, attrs) => meta.addNode(key, attrs));
  graph.forEachEdge((key, attrs, source, target) => meta.addEdgeWithKey(key, source, target, attrs));

  // graphology-gexf writes them raw: in ids and attribute values a parser may read them as spaces.
  const xml = gexf.write(meta, {
    version: '1.3',
    pedantic: true,
    formatNode: (_key, attrs) => {
      const { label, ...attributes } = flattenNode(attrs);
      const color = LABEL_COLORS[attrs.label as keyof typeof LABEL_COLORS];
      return { label: String(label), attributes, viz: color ? { color: rgb(color) } : undefined };
    },
    formatEdge: (_key, attrs) => {
      const { label, ...attributes } = flattenEdge(attrs);
      return { label: String(label), attributes, weight: Math.max(1, attrs.evidence?.length ?? 0) };
    },
  });
  return lineSeparatorsAsReferences(xml);
}
