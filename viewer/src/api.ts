import type { CypherResult, GraphInfo, NodeDetail, SavedQuery, SearchHit, SerializedGraph } from './types.ts';

/** Filter parameters of GET /api/graph (comma-separated lists, YYYY-MM-DD dates, a city key). */
export interface GraphQuery {
  labels?: string[];
  types?: string[];
  from?: string;
  to?: string;
  city?: string;
}

async function getJSON<T>(url: string, init?: RequestInit): Promise<T> {
  const res = await fetch(url, init);
  const body = await res.json().catch(() => ({ error: `${url}: HTTP ${res.status}` }));
  if (!res.ok) throw new Error(body.error ?? `${url}: HTTP ${res.status}`);
  return body as T;
}

export function graphQueryString(q: GraphQuery): string {
  const params = new URLSearchParams();
  if (q.labels) params.set('labels', q.labels.join(','));
  if (q.types) params.set('types', q.types.join(','));
  if (q.from) params.set('from', q.from);
  if (q.to) params.set('to', q.to);
  if (q.city) params.set('city', q.city);
  return params.toString();
}

export const api = {
  info: () => getJSON<GraphInfo>('api/info'),
  graph: (q: GraphQuery = {}) => getJSON<SerializedGraph>(`api/graph?${graphQueryString(q)}`),
  /** Only the keys of what a filter selects: the viewer already holds the whole graph. */
  selection: async (q: GraphQuery): Promise<{ nodes: string[]; edges: string[] }> => {
    // Nothing ticked selects nothing: answered here, since the API reads an empty list as no filter.
    if (q.labels?.length === 0) return { nodes: [], edges: [] };
    const { types, ...rest } = q;
    const noTypes = types?.length === 0;
    const keys = await getJSON<{ nodes: string[]; edges: string[] }>(`api/graph?${graphQueryString(noTypes ? rest : q)}&view=keys`);
    return noTypes ? { nodes: keys.nodes, edges: [] } : keys;
  },
  search: (q: string) => getJSON<{ results: SearchHit[] }>(`api/search?q=${encodeURIComponent(q)}&limit=12`),
  node: (key: string) => getJSON<NodeDetail>(`api/nodes/${encodeURIComponent(key)}`),
  neighbors: (key: string) => getJSON<SerializedGraph & { truncated: boolean }>(`api/neighbors/${encodeURIComponent(key)}`),
  queries: () => getJSON<{ queries: SavedQuery[]; cypher: boolean }>('api/queries'),
  cypher: (query: string, params: Record<string, unknown> = {}) =>
    getJSON<CypherResult>('api/cypher', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ query, params }),
    }),
};
