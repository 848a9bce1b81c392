import './style.css';
import { api, type GraphQuery } from './api.ts';
import { byId } from './dom.ts';
import { mergeIntoView, newViewGraph } from './graph.ts';
import { initialLayout, layoutController } from './layout.ts';
import { createView } from './view.ts';
import { renderPanel } from './panel.ts';
import { createFilters } from './filters.ts';
import { createSearch } from './search.ts';
import { createCypherPanel } from './cypher.ts';
import { exportGEXF, exportJSON, exportPNG, visibleSubgraph } from './exporting.ts';

const status = byId('status');
const say = (text: string) => (status.textContent = text);

/** For the browser tests and bench/viewer-scale.ts: timings and handles, no behaviour. */
const probe: Record<string, unknown> = { startedAt: performance.now() };
(window as unknown as { kgViewer: unknown }).kgViewer = probe;

async function start(): Promise<void> {
  const [info, data] = await Promise.all([api.info(), api.graph()]);
  probe.loadedAt = performance.now();
  const graph = newViewGraph();
  mergeIntoView(graph, data);
  probe.mergedAt = performance.now();
  initialLayout(graph);
  probe.layoutAt = performance.now();

  // Filters ask the server which keys they select; the view hides the rest.
  let filterGeneration = 0;
  let applySelection: ((selection: { nodes: string[]; edges: string[] }) => void) | null = null;
  const applyFilter = async (query: GraphQuery) => {
    const mine = ++filterGeneration;
    try {
      const selection = await api.selection(query);
      if (mine === filterGeneration) applySelection?.(selection);
      return selection;
    } catch (err) {
      say((err as Error).message);
      return null;
    }
  };
  const filters = createFilters(info, (query) => void applyFilter(query));
  // The first selection is known before sigma starts, so the first render is already filtered.
  const first = await applyFilter(filters.query());
  const view = createView(graph, byId('graph'), first ? { visibleNodes: new Set(first.nodes), visibleEdges: new Set(first.edges) } : {});
  probe.sigmaAt = performance.now();
  const { sigma, state } = view;
  const layout = layoutController(graph);
  probe.sigma = sigma;
  probe.graph = graph;
  // Sigma draws once synchronously when it starts; the next animation frame is when it is on screen.
  requestAnimationFrame(() => (probe.firstFrameAt = performance.now()));

  const showCounts = () => {
    const nodes = graph.filterNodes((n) => view.isNodeVisible(n)).length;
    const edges = graph.filterEdges((e) => view.isEdgeVisible(e)).length;
    say(`${nodes} / ${graph.order} nodes · ${edges} / ${graph.size} relationships`);
  };

  applySelection = (selection) => {
    state.visibleNodes = new Set(selection.nodes);
    state.visibleEdges = new Set(selection.edges);
    state.pinnedNodes.clear();
    state.pinnedEdges.clear();
    view.update();
    showCounts();
  };
  showCounts();

  // Side panel.
  const panel = byId('panel');
  const body = byId('panel-body');
  const openNode = async (key: string) => {
    if (!graph.hasNode(key)) return;
    state.selected = key;
    state.pinnedNodes.add(key);
    view.update();
    if (panel.hidden) {
      panel.hidden = false;
      sigma.resize(); // the panel narrows the graph area: recompute before the camera moves
    }
    try {
      renderPanel(body, await api.node(key), { open: (k) => void openNode(k).then(() => view.focusCamera(k)), expand });
    } catch (err) {
      body.textContent = (err as Error).message;
    }
  };
  const expand = async (key: string) => {
    const neighbours = await api.neighbors(key);
    if (mergeIntoView(graph, neighbours)) layout.reset();
    for (const n of neighbours.nodes) state.pinnedNodes.add(n.key);
    for (const e of neighbours.edges) state.pinnedEdges.add(e.key);
    view.update();
    showCounts();
    say(`${neighbours.nodes.length - 1} neighbours shown${neighbours.truncated ? ' (truncated)' : ''}`);
  };
  byId('panel-close').addEventListener('click', () => {
    panel.hidden = true;
    state.selected = null;
    view.update();
  });
  sigma.on('clickNode', ({ node }) => void openNode(node));
  sigma.on('clickStage', () => {
    state.selected = null;
    view.update();
  });

  createSearch((hit) => {
    void openNode(hit.key);
    view.focusCamera(hit.key);
  });

  const toggle = byId<HTMLButtonElement>('layout-toggle');
  toggle.addEventListener('click', () => {
    if (layout.isRunning()) layout.stop();
    else layout.start();
    toggle.textContent = layout.isRunning() ? '■ Stop layout' : '▶ Layout';
  });
  byId('reset-camera').addEventListener('click', view.resetCamera);

  const visible = () => visibleSubgraph(graph, view.isNodeVisible, view.isEdgeVisible);
  byId('export-json').addEventListener('click', () => exportJSON(visible()));
  byId('export-gexf').addEventListener('click', () => exportGEXF(visible()));
  byId('export-png').addEventListener('click', () => void exportPNG(sigma));

  await createCypherPanel((result) => {
    if (!result) return void applyFilter(filters.query());
    if (mergeIntoView(graph, result.graph)) layout.reset();
    state.visibleNodes = new Set(result.graph.nodes.map((n) => n.key));
    state.visibleEdges = new Set(result.graph.edges.map((e) => e.key));
    state.pinnedNodes.clear();
    state.pinnedEdges.clear();
    view.update();
    showCounts();
  }).catch((err) => say(`Cypher panel unavailable: ${(err as Error).message}`));
  probe.readyAt = performance.now();
  document.body.dataset.ready = 'true';
}

start().catch((err) => {
  say(`Could not load the graph: ${(err as Error).message}`);
  document.body.dataset.ready = 'error';
});
