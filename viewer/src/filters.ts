import type { GraphQuery } from './api.ts';
import { byId, el } from './dom.ts';
import { LABEL_COLORS, LABEL_NAMES, TYPE_COLORS, TYPE_NAMES } from './style.ts';
import type { GraphInfo } from './types.ts';

/** Hidden until asked for: provenance links would hide the facts under a hairball. */
const HIDDEN_BY_DEFAULT = { labels: ['Article'], types: ['MENTIONS'] };

function checkbox(name: string, value: string, text: string, color: string, count: number, checked: boolean): HTMLElement {
  const input = el('input', { attrs: { type: 'checkbox', name, value } });
  input.checked = checked;
  const swatch = el('span', { className: 'swatch' });
  swatch.style.setProperty('--kind-color', color);
  return el('label', { className: 'check' }, [input, swatch, el('span', { text }), el('span', { className: 'count', text: String(count) })]);
}

/** Builds the filter controls (they double as the legend) and reports every change. */
export function createFilters(info: GraphInfo, onChange: (query: GraphQuery) => void) {
  const labels = byId('filter-labels');
  const types = byId('filter-types');
  const from = byId<HTMLInputElement>('filter-from');
  const to = byId<HTMLInputElement>('filter-to');
  const city = byId<HTMLSelectElement>('filter-city');

  labels.replaceChildren(...info.labels.map(({ label, count }) =>
    checkbox('label', label, LABEL_NAMES[label] ?? label, LABEL_COLORS[label] ?? '#999', count, !HIDDEN_BY_DEFAULT.labels.includes(label))));
  types.replaceChildren(...info.types.map(({ type, count }) =>
    checkbox('type', type, TYPE_NAMES[type] ?? type, TYPE_COLORS[type] ?? '#ccc', count, !HIDDEN_BY_DEFAULT.types.includes(type))));
  if (info.dateRange) {
    from.placeholder = info.dateRange.from;
    to.placeholder = info.dateRange.to;
  }
  // Cities indented under their parent division.
  const depth = (c: GraphInfo['cities'][number]) => (c.level === 'county' ? 2 : c.level === 'prefecture' ? 1 : 0);
  for (const c of info.cities) {
    const option = el('option', { text: `${'\u3000'.repeat(depth(c))}${c.name}`, attrs: { value: c.key } });
    city.append(option);
  }

  const checked = (root: HTMLElement) => [...root.querySelectorAll<HTMLInputElement>('input:checked')].map((i) => i.value);
  const query = (): GraphQuery => {
    const q: GraphQuery = {};
    const l = checked(labels);
    const t = checked(types);
    if (l.length < info.labels.length) q.labels = l;
    if (t.length < info.types.length) q.types = t;
    if (from.value) q.from = from.value;
    if (to.value) q.to = to.value;
    if (city.value) q.city = city.value;
    return q;
  };
  for (const input of [labels, types, from, to, city]) input.addEventListener('change', () => onChange(query()));
  return { query };
}
