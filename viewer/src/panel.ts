import { el } from './dom.ts';
import { LABEL_COLORS, LABEL_NAMES, TYPE_NAMES } from './style.ts';
import type { Evidence, NodeDetail, RelationshipView } from './types.ts';

/** Section titles by relationship type and direction, in the order the panel shows them. */
const SECTIONS: { type: string; direction: 'out' | 'in'; title: string }[] = [
  { type: 'HOLDS', direction: 'out', title: '任职 Posts held' },
  { type: 'CHAIRED', direction: 'out', title: '主持会议 Meetings chaired' },
  { type: 'ATTENDED', direction: 'out', title: '出席会议 Meetings attended' },
  { type: 'INSPECTED', direction: 'out', title: '调研视察 Inspections' },
  { type: 'PROMOTED', direction: 'out', title: '推进 Campaigns promoted' },
  { type: 'CHAIRED', direction: 'in', title: '主持人 Chaired by' },
  { type: 'ATTENDED', direction: 'in', title: '出席者 Attended by' },
  { type: 'HOLDS', direction: 'in', title: '任职者 Held by' },
  { type: 'INSPECTED', direction: 'in', title: '调研者 Inspected by' },
  { type: 'PROMOTED', direction: 'in', title: '推进者 Promoted by' },
  { type: 'HELD_IN', direction: 'out', title: '举办地 Held in' },
  { type: 'HELD_IN', direction: 'in', title: '在此举办的会议 Meetings held here' },
  { type: 'POST_IN', direction: 'out', title: '所属地区 Post of' },
  { type: 'POST_IN', direction: 'in', title: '本地职务 Posts here' },
  { type: 'LOCATED_IN', direction: 'out', title: '位于 Located in' },
  { type: 'LOCATED_IN', direction: 'in', title: '地点 Sites here' },
  { type: 'PART_OF', direction: 'out', title: '上级 Part of' },
  { type: 'PART_OF', direction: 'in', title: '下辖 Subdivisions' },
  { type: 'MENTIONS', direction: 'in', title: '来源文章 Mentioned in' },
  { type: 'MENTIONS', direction: 'out', title: '提及 Mentions' },
];

/** Properties worth showing, beyond name and aliases. */
const PROPERTIES = ['date', 'city', 'level', 'code', 'parent', 'published', 'title', 'file', 'script', 'key'];

export interface PanelActions {
  open(key: string): void;
  expand(key: string): void;
}

function dateSpan(first: string | null, last: string | null): string {
  if (!first && !last) return '';
  return first === last || !last ? String(first) : `${first ?? '?'} – ${last}`;
}

function evidenceItem(evidence: Evidence): HTMLElement {
  const source = [evidence.articleTitle ?? evidence.article, evidence.date ?? evidence.articlePublished ?? ''].filter(Boolean).join(' · ');
  return el('li', { className: 'evidence' }, [
    el('blockquote', { className: 'sentence', text: evidence.sentence }),
    evidence.original && evidence.original !== evidence.sentence ? el('blockquote', { className: 'original', text: evidence.original, attrs: { lang: 'zh-Hant' } }) : null,
    el('div', { className: 'source', text: source, title: evidence.articleFile ?? evidence.article }),
  ]);
}

function relationshipItem(rel: RelationshipView, actions: PanelActions): HTMLElement {
  const link = el('button', { className: 'node-link', text: rel.other.name, title: `${rel.other.label} ${rel.other.key}`, attrs: { type: 'button' } });
  link.style.setProperty('--kind-color', LABEL_COLORS[rel.other.label] ?? '#999');
  link.addEventListener('click', () => actions.open(rel.other.key));
  const dates = dateSpan(rel.firstDate, rel.lastDate);
  return el('li', { className: 'relationship', attrs: { 'data-type': rel.type } }, [
    el('div', { className: 'rel-head' }, [link, dates ? el('span', { className: 'dates', text: dates }) : null]),
    rel.evidence.length ? el('ul', { className: 'evidence-list' }, rel.evidence.map(evidenceItem)) : null,
  ]);
}

/** Renders a node's details: properties, then its relationships grouped, each with its evidence sentences. */
export function renderPanel(body: HTMLElement, detail: NodeDetail, actions: PanelActions): void {
  const { node } = detail;
  const badge = el('span', { className: 'badge', text: LABEL_NAMES[node.label] ?? node.label });
  badge.style.setProperty('--kind-color', LABEL_COLORS[node.label] ?? '#999');
  const expand = el('button', { className: 'expand', text: `展开邻居 Expand neighbours (${detail.degree})`, attrs: { type: 'button' } });
  expand.addEventListener('click', () => actions.expand(node.key));

  const props = el('dl', { className: 'properties' });
  if (node.aliases?.length) props.append(el('dt', { text: 'aliases' }), el('dd', { text: node.aliases.join('、') }));
  for (const name of PROPERTIES) {
    const value = node[name];
    if (value === null || value === undefined || value === '' || (name === 'title' && value === node.name)) continue;
    const shown = typeof value === 'string' && name !== 'key' && detail.names?.[value] ? detail.names[value] : String(value);
    props.append(el('dt', { text: name }), el('dd', { text: shown, title: String(value) }));
  }

  const sections: HTMLElement[] = [];
  const shown = new Set<RelationshipView>();
  const groups = [...SECTIONS, ...[...new Set(detail.relationships.map((r) => `${r.type}|${r.direction}`))].map((id) => {
    const [type, direction] = id.split('|') as [string, 'out' | 'in'];
    return { type, direction, title: `${TYPE_NAMES[type] ?? type} (${direction})` };
  })];
  for (const section of groups) {
    const rels = detail.relationships.filter((r) => r.type === section.type && r.direction === section.direction && !shown.has(r));
    if (!rels.length) continue;
    rels.forEach((r) => shown.add(r));
    sections.push(
      el('section', { className: 'rel-section', attrs: { 'data-type': section.type, 'data-direction': section.direction } }, [
        el('h3', { text: `${section.title} · ${rels.length}` }),
        el('ul', {}, rels.map((r) => relationshipItem(r, actions))),
      ]),
    );
  }

  body.replaceChildren(
    el('header', { className: 'panel-head' }, [el('h2', { className: 'node-name', text: node.name }), badge]),
    props,
    expand,
    ...sections,
  );
}
