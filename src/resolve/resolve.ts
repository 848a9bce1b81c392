/**
 * Entity resolution across articles and scripts: one entity per official, post, place,
 * meeting, campaign and site, keyed by ./keys.ts, with the spellings seen kept as aliases.
 * Campaigns learnt from quoted mentions anywhere in the corpus are found again wherever
 * another article names them without quotes.
 */
import * as OpenCC from 'opencc-js';
import { divisionByCode, parentChain } from '../extract/gazetteer.ts';
import { placeRef } from '../extract/context.ts';
import type { Evidence, PlaceRef } from '../extract/types.ts';
import { officialKey, postKey, cityKey, campaignKey, siteKey, meetingKey, normalize } from './keys.ts';
import type { ArticleRecord, Entity, EntityLabel, Link, LinkType, Resolved, SentenceRecord } from './types.ts';

const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });

/**
 * Resolves the records, read twice: once to learn campaigns, once to resolve. Pass an
 * array, or an iterable that starts afresh on each iteration
 * (`{ [Symbol.iterator]: () => storedRecords(out) }`) to stream them from the store.
 */
export function resolve(records: Iterable<ArticleRecord>): Resolved {
  if (typeof (records as { next?: unknown }).next === 'function') {
    throw new Error('resolve: records are read twice; pass an array or an iterable that starts afresh, not a generator');
  }
  const entities = new Map<string, Entity>();
  const links: Link[] = [];

  const entity = (key: string, label: EntityLabel, name: string, props: Record<string, string | null> = {}, traditional = false): string => {
    let e = entities.get(key);
    if (!e) {
      e = { key, label, name, aliases: new Set(), props: {} };
      entities.set(key, e);
    }
    for (const [k, v] of Object.entries(props)) if (v != null || !(k in e.props)) e.props[k] = v ?? e.props[k] ?? null;
    if (name !== e.name) e.aliases.add(name);
    if (traditional) {
      const t = toTraditional(name);
      if (t !== e.name) e.aliases.add(t);
    }
    return key;
  };
  const link = (type: LinkType, from: string, to: string, evidence: Evidence | null) => links.push({ type, from, to, evidence });

  /** A division and its ancestors, linked by PART_OF (once per division). */
  const chained = new Set<string>();
  const city = (place: PlaceRef): string => {
    if (chained.has(cityKey(place))) return cityKey(place);
    const division = place.code ? divisionByCode(place.code) : undefined;
    const chain = division ? [division, ...parentChain(division)] : [];
    const key = entity(cityKey(place), 'City', place.name, { code: gbCode(place.code), level: place.level, parent: null });
    let child = key;
    for (const ancestor of chain.slice(1)) {
      const ref = placeRef(ancestor);
      const parentKey = entity(cityKey(ref), 'City', ref.name, { code: gbCode(ref.code), level: ref.level, parent: null });
      entities.get(child)!.props.parent = parentKey;
      link('PART_OF', child, parentKey, null);
      child = parentKey;
    }
    chained.add(key);
    return key;
  };

  const learnt = new Set<string>();
  for (const { facts } of records) for (const c of facts.campaigns) if (normalize(c.name).length >= 3) learnt.add(normalize(c.name));
  const findLearnt = learntFinder(learnt);

  for (const { facts, sentences } of records) {
    const a = facts.article;
    const trad = a.script === 'traditional';
    const article = entity(a.key, 'Article', a.title || a.file, { file: a.file, sha256: a.sha256, published: a.published, script: a.script, title: a.title });
    const mention = (key: string, evidence: Evidence) => link('MENTIONS', article, key, evidence);

    for (const o of facts.officials) mention(entity(officialKey(o.name), 'Official', o.name, {}, trad), o.evidence);
    for (const p of facts.posts) {
      const post = entity(postKey(p.post), 'Post', p.post, { city: p.place ? cityKey(p.place) : null }, trad);
      link('HOLDS', officialKey(p.official), post, p.evidence);
      if (p.place) link('POST_IN', post, city(p.place), p.evidence);
    }
    for (const c of facts.cities) mention(city(c.place), c.evidence);
    const meetingKeys = new Map<string, string>();
    for (const m of facts.meetings) {
      const key = entity(meetingKey(m.name, m.date, a.key), 'Meeting', m.name, { date: m.date, city: m.place ? cityKey(m.place) : null }, trad);
      meetingKeys.set(m.name, key);
      mention(key, m.evidence);
      if (m.place) link('HELD_IN', key, city(m.place), m.evidence);
    }
    for (const c of facts.campaigns) mention(entity(campaignKey(c.name), 'Campaign', c.name, {}, trad), c.evidence);
    // Campaigns learnt elsewhere, named here without quotes.
    const own = new Set(facts.campaigns.map((c) => normalize(c.name)));
    for (const [name, s] of findLearnt(sentences)) {
      if (own.has(name)) continue;
      mention(entity(campaignKey(name), 'Campaign', name), { article: a.key, item: s.item, sentence: s.text, original: s.original, start: s.start, end: s.end, date: s.date });
    }
    for (const r of facts.relations) {
      const from = officialKey(r.from);
      if (r.target === 'Meeting') {
        const key = meetingKeys.get(r.to) ?? [...meetingKeys.entries()].find(([n]) => n.includes(r.to) || r.to.includes(n))?.[1];
        if (key) link(r.type, from, key, r.evidence);
      } else if (r.target === 'Campaign') {
        link(r.type, from, entity(campaignKey(r.to), 'Campaign', r.to), r.evidence);
      } else if (r.target === 'City' && r.place) {
        link(r.type, from, city(r.place), r.evidence);
      } else {
        const site = entity(siteKey(r.to), 'Site', r.to, { city: r.place ? cityKey(r.place) : null }, trad);
        if (r.place) link('LOCATED_IN', site, city(r.place), r.evidence);
        link(r.type, from, site, r.evidence);
      }
    }
  }
  return { entities, links };
}

/**
 * A finder of the learnt names (three characters or more) that occur in some sentence,
 * each with the first sentence holding it, in the order the names were learnt. Names are
 * indexed by their first two characters, so each sentence is read once whatever the
 * number of names learnt.
 */
function learntFinder(learnt: Set<string>): (sentences: SentenceRecord[]) => [string, SentenceRecord][] {
  const order = new Map<string, number>();
  const byHead = new Map<string, string[]>();
  for (const name of learnt) {
    order.set(name, order.size);
    const head = name.slice(0, 2);
    const names = byHead.get(head);
    if (names) names.push(name);
    else byHead.set(head, [name]);
  }
  return (sentences) => {
    const found = new Map<string, SentenceRecord>();
    if (!byHead.size) return [];
    for (const s of sentences) {
      const text = s.text;
      for (let i = 0; i + 1 < text.length; i++) {
        const names = byHead.get(text.slice(i, i + 2));
        if (!names) continue;
        for (const name of names) if (!found.has(name) && text.startsWith(name, i)) found.set(name, s);
      }
    }
    return [...found].sort(([a], [b]) => order.get(a)! - order.get(b)!);
  };
}

/** Only real GB/T 2260 codes go on City nodes; former and functional areas have none. */
function gbCode(code: string | null): string | null {
  return code && /^\d+$/.test(code) ? code : null;
}
