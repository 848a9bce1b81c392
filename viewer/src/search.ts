import { api } from './api.ts';
import { byId, el } from './dom.ts';
import { LABEL_COLORS } from './style.ts';
import type { SearchHit } from './types.ts';

/** Search box: suggestions from /api/search (Simplified or Traditional), Enter or click picks one. */
export function createSearch(onPick: (hit: SearchHit) => void) {
  const input = byId<HTMLInputElement>('search-input');
  const list = byId<HTMLUListElement>('search-results');
  let hits: SearchHit[] = [];
  let active = 0;
  let timer: number | undefined;
  let generation = 0;

  const close = () => {
    list.hidden = true;
    list.replaceChildren();
  };
  const pick = (hit: SearchHit | undefined) => {
    if (!hit) return;
    clearTimeout(timer);
    generation++; // answers still on the way are for an older query
    input.value = hit.name;
    close();
    onPick(hit);
  };
  const render = () => {
    list.replaceChildren(
      ...hits.map((hit, i) => {
        const swatch = el('span', { className: 'swatch' });
        swatch.style.setProperty('--kind-color', LABEL_COLORS[hit.label] ?? '#999');
        const item = el('li', { className: i === active ? 'active' : '', attrs: { role: 'option', 'data-key': hit.key } }, [
          swatch,
          el('span', { className: 'hit-name', text: hit.name }),
          hit.matched !== hit.name ? el('span', { className: 'hit-alias', text: hit.matched }) : null,
          el('span', { className: 'hit-label', text: hit.label }),
        ]);
        item.addEventListener('mousedown', (event) => {
          event.preventDefault();
          pick(hit);
        });
        return item;
      }),
    );
    list.hidden = hits.length === 0;
  };
  const lookup = async () => {
    const q = input.value.trim();
    const mine = ++generation;
    if (!q) {
      hits = [];
      close();
      return;
    }
    try {
      const { results } = await api.search(q);
      if (mine !== generation) return; // a newer keystroke won
      hits = results;
      active = 0;
      render();
    } catch {
      hits = [];
      close();
    }
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    if (!input.value.trim()) {
      generation++;
      hits = [];
      return close();
    }
    timer = window.setTimeout(lookup, 120);
  });
  input.addEventListener('keydown', async (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      active = (active + (event.key === 'ArrowDown' ? 1 : hits.length - 1)) % Math.max(hits.length, 1);
      render();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      clearTimeout(timer);
      if (!hits.length || list.hidden) await lookup();
      pick(hits[active]);
    } else if (event.key === 'Escape') close();
  });
  input.addEventListener('blur', () => setTimeout(close, 150));
}
