import { api } from './api.ts';
import { byId, el } from './dom.ts';
import type { CypherResult } from './types.ts';

const MAX_ROWS_SHOWN = 200;

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') {
    const v = value as { name?: unknown; type?: unknown };
    if (typeof v.name === 'string') return v.name;
    if (typeof v.type === 'string') return v.type;
    return JSON.stringify(value);
  }
  return String(value);
}

/** The Cypher panel: shown only when the server has Neo4j (GET /api/queries says so). */
export async function createCypherPanel(onResult: (result: CypherResult | null) => void): Promise<void> {
  const { queries, cypher } = await api.queries();
  if (!cypher) return;
  const section = byId('cypher');
  const library = byId<HTMLSelectElement>('cypher-library');
  const text = byId<HTMLTextAreaElement>('cypher-query');
  const output = byId('cypher-output');
  section.hidden = false;
  for (const q of queries) library.append(el('option', { text: q.description ? `${q.name} — ${q.description}` : q.name, attrs: { value: q.name } }));
  library.addEventListener('change', () => {
    const q = queries.find((x) => x.name === library.value);
    if (q) text.value = q.query;
  });
  byId('cypher-run').addEventListener('click', async () => {
    output.replaceChildren(el('p', { text: 'Running…' }));
    try {
      const result = await api.cypher(text.value);
      const rows = result.rows.slice(0, MAX_ROWS_SHOWN);
      output.replaceChildren(
        el('p', { text: `${result.rows.length} rows · ${result.graph.nodes.length} nodes · ${result.graph.edges.length} relationships` }),
        el('table', {}, [
          el('thead', {}, [el('tr', {}, result.columns.map((c) => el('th', { text: c })))]),
          el('tbody', {}, rows.map((row) => el('tr', {}, result.columns.map((c) => el('td', { text: cell(row[c]) }))))),
        ]),
      );
      onResult(result);
    } catch (err) {
      output.replaceChildren(el('p', { className: 'error', text: (err as Error).message }));
    }
  });
  byId('cypher-clear').addEventListener('click', () => {
    output.replaceChildren();
    onResult(null);
  });
}
