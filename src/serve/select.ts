/**
 * What a request selects. Both routes read kg export's selector (`parseSelector`) and take
 * its subgraph (`selectSubgraph`, src/export/select.ts), so `/api/export` gives exactly what
 * `kg export` gives. `/api/graph`, the viewer's filter, differs in two ways the viewer needs:
 * - `types` hides relationships only, never nodes: the viewer starts with MENTIONS hidden,
 *   and kg export's rule would then also hide every node that is only mentioned;
 * - `city` (a key, as the viewer's city list sends, or a name) narrows the selection to what
 *   lies or happened in the place and its divisions, with the officials who acted there
 *   (two steps from the place, so kg export's one-step neighbourhood would miss them).
 */
import type { KgGraph } from '../graph/io.ts';
import type { NodeLabel } from '../graph/schema.ts';
import { parseSelector, selectSubgraph, divisionsOf, type Selector } from '../export/select.ts';
import { findByName } from '../export/names.ts';

/** Request parameters, as express's flat query parser gives them. */
type Query = Record<string, unknown>;

/** A node key given where a name is expected stands for that node's name. */
function keysToNames(graph: KgGraph, label: NodeLabel, values: string[]): string[] {
  return values.map((value) =>
    graph.hasNode(value) && graph.getNodeAttribute(value, 'label') === label ? graph.getNodeAttribute(value, 'name') : value,
  );
}

/** parseSelector, also accepting node keys for the named nodes. */
function readSelector(graph: KgGraph, query: Query): Selector {
  const selector = parseSelector(query);
  return {
    ...selector,
    officials: keysToNames(graph, 'Official', selector.officials),
    cities: keysToNames(graph, 'City', selector.cities),
    campaigns: keysToNames(graph, 'Campaign', selector.campaigns),
    meetings: keysToNames(graph, 'Meeting', selector.meetings),
  };
}

/** `/api/export`: the subgraph `kg export` would write for the same parameters. */
export function selectForExport(graph: KgGraph, query: Query): KgGraph {
  return selectSubgraph(graph, readSelector(graph, query));
}

/** `/api/graph`: kg export's selection with the viewer's `types` and `city` (see the top of this file). */
export function selectForView(graph: KgGraph, query: Query): KgGraph {
  const { city: _city, ...rest } = query;
  const { types, ...selector } = readSelector(graph, rest);
  const result = selectSubgraph(graph, { ...selector, types: null });
  if (types) result.filterEdges((_, attrs) => !types.includes(attrs.type)).forEach((edge) => result.dropEdge(edge));
  const cities = parseSelector({ city: query.city }).cities;
  if (cities.length) {
    const places = cities.flatMap((city) => (graph.hasNode(city) && graph.getNodeAttribute(city, 'label') === 'City' ? [city] : findByName(graph, 'City', city)));
    const keep = cityNeighbourhood(graph, divisionsOf(graph, places));
    result.filterNodes((key) => !keep.has(key)).forEach((key) => result.dropNode(key));
  }
  return result;
}


const PLACED = new Set(['HELD_IN', 'POST_IN', 'LOCATED_IN', 'INSPECTED']);

/** An area with what lies or happened in it (meetings, posts, sites, inspections) and the officials who acted there. */
function cityNeighbourhood(graph: KgGraph, area: Set<string>): Set<string> {
  const keep = new Set(area);
  for (const place of area) {
    graph.forEachInEdge(place, (_, attrs, source) => {
      if (PLACED.has(attrs.type)) keep.add(source);
    });
  }
  // Officials who chaired/attended a meeting there, hold a post there, inspected a site there.
  for (const node of [...keep]) {
    graph.forEachInEdge(node, (_, __, source) => {
      if (graph.getNodeAttribute(source, 'label') === 'Official') keep.add(source);
    });
  }
  return keep;
}
