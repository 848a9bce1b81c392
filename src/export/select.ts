/**
 * Selecting the slice of the graph a user means.
 *
 * Rule: focus selectors (officials, cities, campaigns, meetings) each pick a neighbourhood and
 * their neighbourhoods are UNITED; filters (period, labels, types) then NARROW that union, in
 * this order. No focus selector means the whole graph. The result is always an induced
 * subgraph of the input (plus, for a period, evidence trimmed to the period), so selecting
 * never invents a node or an edge.
 */
import { subgraph } from 'graphology-operators';
import type { KgGraph } from '../graph/io.ts';
import { NODE_LABELS, REL_TYPE_NAMES } from '../graph/schema.ts';
import type { EdgeAttributes, Evidence, NodeLabel, RelType } from '../graph/schema.ts';
import { FACT_TYPES, PLACE_TYPES } from './fields.ts';
import { findByName } from './names.ts';

export interface Selector {
  /** Officials (name or alias) whose neighbourhood of `hops` hops, either direction, is taken. */
  officials: string[];
  hops: number;
  /** Places whose divisions (PART_OF*, downwards) are taken with all their neighbours. */
  cities: string[];
  /** Campaigns and meetings taken with their neighbours. */
  campaigns: string[];
  meetings: string[];
  /** Inclusive period (YYYY-MM-DD): only facts with evidence dated in it. */
  from: string | null;
  to: string | null;
  /** Keep only nodes with these labels / relationships of these types (null: all). */
  labels: NodeLabel[] | null;
  types: RelType[] | null;
}

/** A selector a user wrote wrong: the message says which parameter and why. */
export class SelectorError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SelectorError';
  }
}

export const SELECTOR_PARAMS = ['official', 'hops', 'city', 'campaign', 'meeting', 'from', 'to', 'labels', 'types'] as const;

export const MAX_HOPS = 6;

/**
 * Reads a selector from string parameters, as a CLI's options or a URL's query (express
 * `req.query`) give them.
 * Each list parameter may repeat (an array) and/or hold comma-separated values. Parameters
 * not in SELECTOR_PARAMS are ignored so callers can mix in their own (format, out ...).
 */
export function parseSelector(query: Record<string, unknown>): Selector {
  const list = (name: string): string[] => {
    const raw = query[name];
    if (raw === undefined || raw === null) return [];
    const values = Array.isArray(raw) ? raw : [raw];
    if (!values.every((v) => typeof v === 'string' || typeof v === 'number')) {
      throw new SelectorError(`${name} must be text (a value or a comma-separated list)`);
    }
    return values
      .flatMap((value) => String(value).split(','))
      .map((value) => value.trim())
      .filter(Boolean);
  };
  const single = (name: string): string | null => {
    const values = list(name);
    if (values.length > 1) throw new SelectorError(`${name} takes one value, got ${values.length}: ${values.join(', ')}`);
    return values[0] ?? null;
  };
  const known = <T extends string>(name: string, allowed: readonly T[]): T[] | null => {
    const values = list(name);
    if (!values.length) return null;
    for (const value of values) {
      if (!(allowed as readonly string[]).includes(value)) {
        throw new SelectorError(`unknown ${name} value "${value}" (known: ${allowed.join(', ')})`);
      }
    }
    return [...new Set(values)] as T[];
  };

  const officials = list('official');
  const hopsText = single('hops');
  if (hopsText !== null && !officials.length) throw new SelectorError('hops applies to official: give an official too');
  const hops = hopsText === null ? 1 : Number(hopsText);
  if (!Number.isInteger(hops) || hops < 0 || hops > MAX_HOPS) {
    throw new SelectorError(`hops must be a whole number from 0 to ${MAX_HOPS}, got "${hopsText}"`);
  }

  const from = parseDate('from', single('from'), 'start');
  const to = parseDate('to', single('to'), 'end');
  if (from && to && from > to) throw new SelectorError(`from (${from}) is after to (${to})`);

  return {
    officials,
    hops,
    cities: list('city'),
    campaigns: list('campaign'),
    meetings: list('meeting'),
    from,
    to,
    labels: known('labels', NODE_LABELS),
    types: known('types', REL_TYPE_NAMES),
  };
}

/** Accepts YYYY, YYYY-MM or YYYY-MM-DD; a partial date stands for its first or last day. */
function parseDate(name: string, text: string | null, end: 'start' | 'end'): string | null {
  if (text === null) return null;
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
  const [year, month, day] = match ? [match[1], match[2], match[3]] : [];
  if (!match || (month && (+month < 1 || +month > 12)) || (day && (+day < 1 || +day > 31))) {
    throw new SelectorError(`${name} must be a date YYYY-MM-DD (or YYYY-MM, YYYY), got "${text}"`);
  }
  // Dates compare as strings, so a partial date is filled out to its first or last day ("-31" closes any month).
  return end === 'start' ? `${year}-${month ?? '01'}-${day ?? '01'}` : `${year}-${month ?? '12'}-${day ?? '31'}`;
}

/** A selector that selects everything. */
export function emptySelector(): Selector {
  return parseSelector({});
}

/** Whether `selector` selects the whole graph (nothing to focus on, no period, labels or types). */
export function selectsAll(selector: Selector): boolean {
  const focused = selector.officials.length + selector.cities.length + selector.campaigns.length + selector.meetings.length > 0;
  return !focused && !selector.from && !selector.to && !selector.labels && !selector.types;
}

/**
 * The subgraph `selector` means (see the rule at the top of this file). Throws NoMatchError
 * (from names.ts) when a named official, city, campaign or meeting is not in the graph.
 * Never changes `graph`.
 */
export function selectSubgraph(graph: KgGraph, selector: Selector): KgGraph {
  const seeds = new Set<string>(); // the nodes named
  const focus = new Set<string>(); // the union of their neighbourhoods
  const take = (named: string[], area: Iterable<string>) => {
    named.forEach((key) => seeds.add(key));
    for (const key of area) focus.add(key);
  };
  for (const name of selector.officials) {
    const keys = findByName(graph, 'Official', name);
    take(keys, ball(graph, keys, selector.hops));
  }
  for (const name of selector.cities) {
    const keys = findByName(graph, 'City', name);
    take(keys, ball(graph, [...divisionsOf(graph, keys)], 1));
  }
  for (const name of selector.campaigns) {
    const keys = findByName(graph, 'Campaign', name);
    take(keys, ball(graph, keys, 1));
  }
  for (const name of selector.meetings) {
    const keys = findByName(graph, 'Meeting', name);
    take(keys, ball(graph, keys, 1));
  }

  const focused = selector.officials.length + selector.cities.length + selector.campaigns.length + selector.meetings.length > 0;
  let result = induced(graph, focused ? (key) => focus.has(key) : () => true);
  if (selector.from || selector.to) result = withinPeriod(result, selector.from, selector.to, seeds);
  if (selector.labels) {
    const labels = new Set<string>(selector.labels);
    result = induced(result, (_, attrs) => labels.has(attrs.label));
  }
  if (selector.types) {
    const types = new Set<string>(selector.types);
    result.filterEdges((_, attrs) => !types.has(attrs.type)).forEach((edge) => result.dropEdge(edge));
    result = induced(result, (key) => seeds.has(key) || result.degree(key) > 0);
  }
  return result;
}

/** Induced subgraph in the input's node order, keeping the graph's attributes. */
function induced(graph: KgGraph, keep: (key: string, attrs: ReturnType<KgGraph['getNodeAttributes']>) => boolean): KgGraph {
  const result = subgraph(graph, keep) as KgGraph;
  result.replaceAttributes({ ...graph.getAttributes() });
  return result;
}

/** The nodes within `hops` steps of `start`, following edges either way. */
function ball(graph: KgGraph, start: string[], hops: number): Set<string> {
  const seen = new Set(start);
  let frontier = start;
  for (let step = 0; step < hops && frontier.length; step++) {
    const next: string[] = [];
    for (const node of frontier) {
      graph.forEachNeighbor(node, (neighbour) => {
        if (!seen.has(neighbour)) {
          seen.add(neighbour);
          next.push(neighbour);
        }
      });
    }
    frontier = next;
  }
  return seen;
}

/** The places and every division below them (PART_OF followed backwards, transitively). */
export function divisionsOf(graph: KgGraph, places: string[]): Set<string> {
  const area = new Set(places);
  const queue = [...places];
  while (queue.length) {
    graph.forEachInEdge(queue.pop()!, (_, attrs, source) => {
      if (attrs.type === 'PART_OF' && !area.has(source)) {
        area.add(source);
        queue.push(source);
      }
    });
  }
  return area;
}

/**
 * Only what the evidence dated in [from, to] supports:
 * - every edge keeps only its evidence dated in the period (undated evidence is dropped) and
 *   its firstDate/lastDate are recomputed from what is left;
 * - a fact (CHAIRED, ATTENDED, INSPECTED, HOLDS, PROMOTED) left without evidence is dropped;
 *   structural links (PART_OF, POST_IN, HELD_IN, LOCATED_IN, MENTIONS) stay between kept nodes;
 * - a node stays when it is a named seed, an end of an edge with evidence in the period, an
 *   article that such evidence cites, or the place (POST_IN, HELD_IN, LOCATED_IN, PART_OF*)
 *   where a kept node lies.
 */
function withinPeriod(graph: KgGraph, from: string | null, to: string | null, seeds: Set<string>): KgGraph {
  const inPeriod = (ev: Evidence) => ev.date !== null && (!from || ev.date >= from) && (!to || ev.date <= to);
  const result = graph.copy() as KgGraph;
  const kept = new Set([...seeds].filter((key) => result.hasNode(key)));

  for (const edge of result.edges()) {
    const attrs = result.getEdgeAttributes(edge);
    if (!attrs.evidence?.length) {
      if (FACT_TYPES.has(attrs.type)) result.dropEdge(edge);
      continue;
    }
    const evidence = attrs.evidence.filter(inPeriod);
    if (!evidence.length && FACT_TYPES.has(attrs.type)) {
      result.dropEdge(edge);
      continue;
    }
    result.replaceEdgeAttributes(edge, { ...attrs, evidence, ...dateSpan(evidence) });
    if (evidence.length) {
      kept.add(result.source(edge)).add(result.target(edge));
      for (const ev of evidence) if (result.hasNode(ev.article)) kept.add(ev.article);
    }
  }

  // Add the places kept nodes lie in, following place links outwards to the top division.
  const queue = [...kept];
  while (queue.length) {
    result.forEachOutEdge(queue.pop()!, (_, attrs, __, target) => {
      if (PLACE_TYPES.has(attrs.type) && !kept.has(target)) {
        kept.add(target);
        queue.push(target);
      }
    });
  }
  return induced(result, (key) => kept.has(key));
}

function dateSpan(evidence: Evidence[]): Pick<EdgeAttributes, 'firstDate' | 'lastDate'> {
  const dates = evidence.map((ev) => ev.date).filter((date): date is string => date !== null).sort();
  return { firstDate: dates[0] ?? null, lastDate: dates[dates.length - 1] ?? null };
}
