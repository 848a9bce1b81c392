import type { KgGraph } from '../graph/io.ts';
import { NODE_LABELS, REL_TYPE_NAMES } from '../graph/schema.ts';
import type { NodeLabel, RelType, SerializedGraph } from '../graph/schema.ts';

/** What part of the graph a request asks for; every field narrows the result. */
export interface GraphFilter {
  /** Keep only nodes with these labels. */
  labels?: NodeLabel[];
  /** Keep only relationships of these types. */
  types?: RelType[];
  /** Date range (YYYY-MM-DD, inclusive): drops meetings and dated facts outside it. */
  from?: string;
  to?: string;
  /** Key (or name) of a City: keeps the city, its subdivisions (PART_OF) and what happened there. */
  city?: string;
}

export class FilterError extends Error {}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Reads a filter from query parameters (comma-separated lists); throws FilterError naming the bad value. */
export function parseFilter(query: Record<string, unknown>): GraphFilter {
  const filter: GraphFilter = {};
  const list = (name: string): string[] | undefined => {
    const raw = query[name];
    if (raw === undefined || raw === '') return undefined;
    if (typeof raw !== 'string') throw new FilterError(`parameter ${name} must be given once, as a comma-separated list`);
    return raw.split(',').map((s) => s.trim()).filter(Boolean);
  };
  const labels = list('labels');
  if (labels) {
    for (const l of labels) if (!(NODE_LABELS as readonly string[]).includes(l)) throw new FilterError(`unknown label "${l}" in labels (known: ${NODE_LABELS.join(', ')})`);
    filter.labels = labels as NodeLabel[];
  }
  const types = list('types');
  if (types) {
    for (const t of types) if (!(REL_TYPE_NAMES as string[]).includes(t)) throw new FilterError(`unknown relationship type "${t}" in types (known: ${REL_TYPE_NAMES.join(', ')})`);
    filter.types = types as RelType[];
  }
  for (const name of ['from', 'to'] as const) {
    const raw = query[name];
    if (raw === undefined || raw === '') continue;
    if (typeof raw !== 'string' || !DATE.test(raw)) throw new FilterError(`parameter ${name} must be a date YYYY-MM-DD`);
    filter[name] = raw;
  }
  const city = query.city;
  if (city !== undefined && city !== '') {
    if (typeof city !== 'string' || city.length > 200) throw new FilterError('parameter city must be one city key or name');
    filter.city = city;
  }
  return filter;
}

/** Finds a City by key, else by name or alias. */
export function findCity(graph: KgGraph, keyOrName: string): string | undefined {
  if (graph.hasNode(keyOrName) && graph.getNodeAttribute(keyOrName, 'label') === 'City') return keyOrName;
  return graph.findNode((_, a) => a.label === 'City' && (a.name === keyOrName || a.aliases.includes(keyOrName)));
}

/** The city and every division below it (reverse PART_OF, transitively). */
export function cityArea(graph: KgGraph, city: string): Set<string> {
  const area = new Set([city]);
  const queue = [city];
  while (queue.length) {
    const current = queue.pop()!;
    graph.forEachInEdge(current, (_, attrs, source) => {
      if (attrs.type === 'PART_OF' && !area.has(source)) {
        area.add(source);
        queue.push(source);
      }
    });
  }
  return area;
}

const inRange = (date: string | null, from?: string, to?: string): boolean =>
  date === null || ((!from || date >= from) && (!to || date <= to));

/** Nodes tied to an area: things in it (meetings, posts, sites, inspections) and the officials who acted there. */
function cityNeighbourhood(graph: KgGraph, area: Set<string>): Set<string> {
  const keep = new Set(area);
  const PLACED = new Set(['HELD_IN', 'POST_IN', 'LOCATED_IN', 'INSPECTED']);
  for (const city of area) {
    graph.forEachInEdge(city, (_, attrs, source) => {
      if (PLACED.has(attrs.type)) keep.add(source);
    });
  }
  // Officials who chaired/attended a meeting there, hold a post there, inspected a site there.
  for (const node of [...keep]) {
    graph.forEachInEdge(node, (_, attrs, source) => {
      if (graph.getNodeAttribute(source, 'label') === 'Official') keep.add(source);
    });
  }
  return keep;
}

/** Does an edge survive the date range? Dated facts need one evidence date in range. */
function edgeInRange(dates: (string | null)[], from?: string, to?: string): boolean {
  const known = dates.filter((d): d is string => d !== null);
  if (!known.length) return true;
  return known.some((d) => inRange(d, from, to));
}

/** The part of the graph a filter selects, in graph.json form. */
export function filterGraph(graph: KgGraph, filter: GraphFilter): SerializedGraph {
  const { labels, types, from, to } = filter;
  let allowed: Set<string> | null = null;
  if (filter.city) {
    const city = findCity(graph, filter.city);
    if (!city) throw new FilterError(`unknown city "${filter.city}"`);
    allowed = cityNeighbourhood(graph, cityArea(graph, city));
  }
  const dated = Boolean(from || to);
  const nodes = new Set<string>();
  graph.forEachNode((key, attrs) => {
    if (labels && !labels.includes(attrs.label)) return;
    if (allowed && !allowed.has(key)) return;
    if (dated && attrs.label === 'Meeting' && !inRange(attrs.date, from, to)) return;
    nodes.add(key);
  });
  const edges: SerializedGraph['edges'] = [];
  const touched = new Set<string>();
  graph.forEachEdge((key, attrs, source, target) => {
    if (!nodes.has(source) || !nodes.has(target)) return;
    if (types && !types.includes(attrs.type)) return;
    if (dated && !edgeInRange(attrs.evidence.map((e) => e.date).concat(attrs.firstDate, attrs.lastDate), from, to)) return;
    edges.push({ key, source, target, attributes: attrs });
    touched.add(source).add(target);
  });
  // A date range should not leave behind nodes whose every fact fell outside it.
  if (dated) {
    for (const key of [...nodes]) if (!touched.has(key) && graph.degree(key) > 0) nodes.delete(key);
  }
  return {
    attributes: graph.getAttributes(),
    options: { type: 'directed', multi: true, allowSelfLoops: false },
    nodes: [...nodes].map((key) => ({ key, attributes: graph.getNodeAttributes(key) })),
    edges,
  };
}
