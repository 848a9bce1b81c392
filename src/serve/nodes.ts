import type { KgGraph } from '../graph/io.ts';
import type { Evidence, NodeAttributes, RelType, SerializedGraph } from '../graph/schema.ts';

/** Evidence with the article it came from, ready to show: title, date, file. */
export interface EvidenceView extends Evidence {
  articleTitle: string | null;
  articlePublished: string | null;
  articleFile: string | null;
}

export interface RelationshipView {
  key: string;
  type: RelType;
  /** 'out' when the node is the relationship's source. */
  direction: 'out' | 'in';
  other: { key: string; label: string; name: string };
  firstDate: string | null;
  lastDate: string | null;
  evidence: EvidenceView[];
}

export interface NodeDetail {
  node: NodeAttributes;
  /** Names of the nodes that properties such as city and parent point to, by key. */
  names: Record<string, string>;
  degree: number;
  relationships: RelationshipView[];
}

function evidenceView(graph: KgGraph, evidence: Evidence): EvidenceView {
  const article = graph.hasNode(evidence.article) ? graph.getNodeAttributes(evidence.article) : null;
  const isArticle = article?.label === 'Article';
  return {
    ...evidence,
    articleTitle: isArticle ? article.title || article.name : null,
    articlePublished: isArticle ? article.published : null,
    articleFile: isArticle ? article.file : null,
  };
}

/** A node with every relationship and its evidence; undefined when the key is unknown. */
export function nodeDetail(graph: KgGraph, key: string): NodeDetail | undefined {
  if (!graph.hasNode(key)) return undefined;
  const relationships: RelationshipView[] = [];
  graph.forEachEdge(key, (edge, attrs, source, target) => {
    const direction = source === key ? 'out' : 'in';
    const otherKey = direction === 'out' ? target : source;
    const other = graph.getNodeAttributes(otherKey);
    relationships.push({
      key: edge,
      type: attrs.type,
      direction,
      other: { key: otherKey, label: other.label, name: other.name },
      firstDate: attrs.firstDate,
      lastDate: attrs.lastDate,
      evidence: (attrs.evidence ?? []).map((e) => evidenceView(graph, e)),
    });
  });
  relationships.sort(
    (a, b) => a.type.localeCompare(b.type) || (a.firstDate ?? '').localeCompare(b.firstDate ?? '') || a.other.name.localeCompare(b.other.name),
  );
  const node = graph.getNodeAttributes(key);
  const names: Record<string, string> = {};
  for (const value of Object.values(node)) {
    if (typeof value === 'string' && value !== key && graph.hasNode(value)) names[value] = graph.getNodeAttribute(value, 'name');
  }
  return { node, names, degree: graph.degree(key), relationships };
}

/** The node, its direct neighbours and the edges among them, in graph.json form (to expand a node in the view). */
export function neighborhood(graph: KgGraph, key: string, limit = 500): { graph: SerializedGraph; truncated: boolean } | undefined {
  if (!graph.hasNode(key)) return undefined;
  const nodes = new Set([key]);
  let truncated = false;
  graph.forEachNeighbor(key, (neighbor) => {
    if (nodes.size > limit) truncated = true;
    else nodes.add(neighbor);
  });
  const edges: SerializedGraph['edges'] = [];
  graph.forEachEdge(key, (edge, attrs, source, target) => {
    if (nodes.has(source) && nodes.has(target)) edges.push({ key: edge, source, target, attributes: attrs });
  });
  return {
    graph: {
      attributes: graph.getAttributes(),
      options: { type: 'directed', multi: true, allowSelfLoops: false },
      nodes: [...nodes].map((k) => ({ key: k, attributes: graph.getNodeAttributes(k) })),
      edges,
    },
    truncated,
  };
}
