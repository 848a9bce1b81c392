import type Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import FA2Layout from 'graphology-layout-forceatlas2/worker';

/** FNV-1a: a stable number per key, so the same graph opens the same way. */
function hash(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  // murmur3 finaliser: keys that differ in one digit (official:1, official:2) land far apart.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  return h >>> 0;
}

/** Where a node starts: a point of a disc chosen by the hash of its key. */
export function seededPosition(key: string): { x: number; y: number } {
  const angle = (hash(key) / 0xffffffff) * 2 * Math.PI;
  const radius = 100 * Math.sqrt(hash(key, 0x9747b28c) / 0xffffffff);
  return { x: radius * Math.cos(angle), y: radius * Math.sin(angle) };
}

/** Up to this many nodes, a fixed number of synchronous FA2 steps give a readable first view. */
const SYNC_LAYOUT_MAX_NODES = 3000;
const SYNC_ITERATIONS = 150;

/** Seeds every node's position, then (for small graphs) runs deterministic ForceAtlas2 steps. */
export function initialLayout(graph: Graph): void {
  graph.forEachNode((key) => graph.mergeNodeAttributes(key, seededPosition(key)));
  if (graph.order > 0 && graph.order <= SYNC_LAYOUT_MAX_NODES) {
    forceAtlas2.assign(graph, { iterations: SYNC_ITERATIONS, settings: { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: graph.order > 500 } });
  }
}

/** ForceAtlas2 in a web worker, started and stopped by the user. */
export function layoutController(graph: Graph) {
  let layout: FA2Layout | null = null;
  const ensure = () => {
    layout ??= new FA2Layout(graph, { settings: { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: graph.order > 500 } });
    return layout;
  };
  return {
    isRunning: () => Boolean(layout?.isRunning()),
    start: () => ensure().start(),
    stop: () => layout?.stop(),
    /** The worker must be rebuilt when nodes are added (expand, Cypher results). */
    reset: () => {
      const running = layout?.isRunning();
      layout?.kill();
      layout = null;
      if (running) ensure().start();
    },
  };
}
