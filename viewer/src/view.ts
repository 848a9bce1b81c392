import Sigma from 'sigma';
import { createNodeCompoundProgram, NodeCircleProgram } from 'sigma/rendering';
import { createNodeImageProgram } from '@sigma/node-image';
import type { ViewEdge, ViewGraph, ViewNode } from './graph.ts';
import { DIMMED_EDGE, DIMMED_NODE, FONT_STACK } from './style.ts';

/**
 * What is visible and what is highlighted. Reducers read this state; every change calls
 * refresh() so sigma redraws without touching the graph's own attributes.
 */
export interface ViewState {
  /** Nodes/edges the filters (or a Cypher result) select; null: everything. */
  visibleNodes: Set<string> | null;
  visibleEdges: Set<string> | null;
  /** Nodes and edges shown whatever the filters say (expanded neighbours, search picks). */
  pinnedNodes: Set<string>;
  pinnedEdges: Set<string>;
  hovered: string | null;
  selected: string | null;
}

/**
 * Above this many nodes the view drops icons and arrow heads: software WebGL (no GPU) draws
 * a plain circle and a straight line several times faster.
 */
export const LARGE_GRAPH_NODES = 5000;

export function createView(graph: ViewGraph, container: HTMLElement, initial: Partial<ViewState> = {}) {
  const large = graph.order > LARGE_GRAPH_NODES;
  const state: ViewState = {
    visibleNodes: initial.visibleNodes ?? null,
    visibleEdges: initial.visibleEdges ?? null,
    pinnedNodes: new Set(),
    pinnedEdges: new Set(),
    hovered: null,
    selected: null,
  };
  let focus: { node: string; neighbours: Set<string> } | null = null;

  const isNodeVisible = (node: string) => !state.visibleNodes || state.visibleNodes.has(node) || state.pinnedNodes.has(node);
  const isEdgeVisible = (edge: string) => {
    const [source, target] = graph.extremities(edge);
    if (!isNodeVisible(source) || !isNodeVisible(target)) return false;
    return !state.visibleEdges || state.visibleEdges.has(edge) || state.pinnedEdges.has(edge);
  };

  const NodePictogramCircle = createNodeCompoundProgram([
    NodeCircleProgram,
    createNodeImageProgram({ padding: 0.22, size: { mode: 'force', value: 128 }, drawingMode: 'color', colorAttribute: 'pictoColor' }),
  ]);

  const sigma = new Sigma<ViewNode, ViewEdge>(graph, container, {
    // The programs are generic over attributes; ours only add fields.
    nodeProgramClasses: { pictogram: NodePictogramCircle as never },
    defaultNodeType: large ? 'circle' : 'pictogram',
    defaultEdgeType: large ? 'line' : 'arrow',
    labelFont: FONT_STACK,
    labelSize: 13,
    labelWeight: '500',
    labelColor: { color: '#222' },
    // Fewer labels when zoomed out, more when zoomed in.
    labelRenderedSizeThreshold: 9,
    labelDensity: 0.6,
    labelGridCellSize: 90,
    zIndex: true,
    hideEdgesOnMove: large,
    hideLabelsOnMove: large,
    minCameraRatio: 0.02,
    maxCameraRatio: 20,
    nodeReducer: (node, data) => {
      const out: Partial<ViewNode> & { hidden?: boolean; highlighted?: boolean; forceLabel?: boolean; zIndex?: number } = { ...data };
      if (large) out.type = 'circle' as never;
      if (!isNodeVisible(node)) return { ...out, hidden: true };
      if (focus) {
        if (node === focus.node) Object.assign(out, { highlighted: true, forceLabel: true, zIndex: 2 });
        else if (focus.neighbours.has(node)) Object.assign(out, { forceLabel: true, zIndex: 1 });
        else Object.assign(out, { color: DIMMED_NODE, pictoColor: '#f7f7f7', label: '', zIndex: 0 });
      }
      if (node === state.selected) out.highlighted = true;
      return out;
    },
    edgeReducer: (edge, data) => {
      const out: Partial<ViewEdge> & { hidden?: boolean; zIndex?: number } = { ...data };
      if (large) out.type = 'line' as never;
      if (!isEdgeVisible(edge)) return { ...out, hidden: true };
      if (focus) {
        const [source, target] = graph.extremities(edge);
        if (source === focus.node || target === focus.node) Object.assign(out, { size: (data.size ?? 1) + 1, zIndex: 1 });
        else Object.assign(out, { color: DIMMED_EDGE, zIndex: 0 });
      }
      return out;
    },
  });

  /** Highlight follows the hovered node, else the selected one. */
  const updateFocus = () => {
    const node = state.hovered ?? state.selected;
    if (!node || !graph.hasNode(node)) focus = null;
    else focus = { node, neighbours: new Set(graph.neighbors(node).filter(isNodeVisible)) };
  };

  sigma.on('enterNode', ({ node }) => {
    state.hovered = node;
    container.style.cursor = 'pointer';
    updateFocus();
    sigma.refresh({ skipIndexation: true });
  });
  sigma.on('leaveNode', () => {
    state.hovered = null;
    container.style.cursor = '';
    updateFocus();
    sigma.refresh({ skipIndexation: true });
  });

  return {
    sigma,
    state,
    isNodeVisible,
    isEdgeVisible,
    /** Redraw after the visible sets or selection changed. */
    update: () => {
      updateFocus();
      sigma.refresh();
    },
    /** Moves the camera onto a node (graph coordinates are normalised by sigma). */
    focusCamera(node: string, ratio = 0.4) {
      const position = sigma.getNodeDisplayData(node);
      if (position) void sigma.getCamera().animate({ x: position.x, y: position.y, ratio }, { duration: 600 });
    },
    resetCamera: () => void sigma.getCamera().animatedReset({ duration: 400 }),
  };
}

export type View = ReturnType<typeof createView>;
