import { readFileSync, renameSync, mkdirSync, openSync, writeSync, closeSync, fsyncSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
// Named import: under NodeNext graphology's CJS typings make the default import a namespace.
import { MultiDirectedGraph } from 'graphology';
import type { NodeAttributes, EdgeAttributes, GraphAttributes, SerializedGraph } from './schema.ts';

export type KgGraph = MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>;

export function newGraph(): KgGraph {
  const graph: KgGraph = new MultiDirectedGraph({ allowSelfLoops: false });
  graph.replaceAttributes({ schema: 1, builtAt: new Date().toISOString() });
  return graph;
}

export function graphFromJSON(data: SerializedGraph): KgGraph {
  const graph = newGraph();
  graph.import(data as never);
  return graph;
}

/*
 * graph.json is graphology's serialised graph, written one node or edge per line:
 *
 *   {"attributes":{…},"options":{…},
 *   "nodes":[
 *   {"key":…,"attributes":{…}},
 *   …
 *   ],
 *   "edges":[
 *   …
 *   ]}
 *
 * It is plain JSON for any tool, and it is written and read line by line, so a graph
 * larger than the longest string JavaScript can hold (~512 MB) still round-trips.
 */
const NODES_OPEN = '"nodes":[';
const EDGES_OPEN = '"edges":[';

/** Reads graph.json; throws an Error naming the file when it is missing or not a graph. */
export function readGraph(path: string): KgGraph {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    throw new Error(`cannot read graph ${path}: ${(err as Error).message}`);
  }
  try {
    return bytes.includes(`\n${NODES_OPEN}\n`) ? readLines(bytes) : readWhole(bytes);
  } catch (err) {
    throw new Error(`${path} is not a graph.json written by kg build: ${(err as Error).message}`);
  }
}

function readWhole(bytes: Buffer): KgGraph {
  const data = JSON.parse(bytes.toString('utf8')) as SerializedGraph;
  if (!data || !Array.isArray(data.nodes) || !Array.isArray(data.edges)) throw new Error('no nodes and edges');
  return graphFromJSON(data);
}

function readLines(bytes: Buffer): KgGraph {
  const graph = newGraph();
  let section: 'header' | 'nodes' | 'edges' | 'done' = 'header';
  let sawEdges = false;
  for (let start = 0; start < bytes.length; ) {
    let end = bytes.indexOf(10, start);
    if (end < 0) end = bytes.length;
    const line = bytes.toString('utf8', start, end).trim();
    start = end + 1;
    if (!line) continue;
    if (section === 'header') {
      const header = JSON.parse(`${line.replace(/,$/, '')}}`) as Pick<SerializedGraph, 'attributes'>;
      graph.replaceAttributes(header.attributes);
      section = 'done';
    } else if (line === NODES_OPEN) section = 'nodes';
    else if (line === EDGES_OPEN) {
      section = 'edges';
      sawEdges = true;
    } else if (line === '],' || line === ']}' || line === ']') section = 'done';
    else if (section === 'nodes') {
      const n = JSON.parse(line.replace(/,$/, '')) as SerializedGraph['nodes'][number];
      graph.addNode(n.key, n.attributes);
    } else if (section === 'edges') {
      const e = JSON.parse(line.replace(/,$/, '')) as SerializedGraph['edges'][number];
      graph.addDirectedEdgeWithKey(e.key, e.source, e.target, e.attributes);
    } else throw new Error(`unexpected line: ${line.slice(0, 60)}`);
  }
  if (!sawEdges) throw new Error('no edges section (file cut short?)');
  return graph;
}

/** Writes graph.json atomically (temp file + rename) so a crash never leaves half a file. */
export function writeGraph(graph: KgGraph, path: string): void {
  writeFileAtomically(path, graphJsonPieces(graph));
}

/** Text gathered into pieces of about this many characters before they are handed on. */
const PIECE = 1 << 16;

/** graph.json's text (the layout above) in pieces of about 64 K characters, made as they are read. */
export function* graphJsonPieces(graph: KgGraph): Generator<string> {
  const options = { type: graph.type, multi: graph.multi, allowSelfLoops: graph.allowSelfLoops };
  let piece = `{"attributes":${JSON.stringify(graph.getAttributes())},"options":${JSON.stringify(options)},\n${NODES_OPEN}\n`;
  let first = true;
  for (const { node, attributes } of graph.nodeEntries()) {
    piece += `${first ? '' : ',\n'}${JSON.stringify({ key: node, attributes })}`;
    first = false;
    if (piece.length > PIECE) {
      yield piece;
      piece = '';
    }
  }
  piece += `\n],\n${EDGES_OPEN}\n`;
  first = true;
  for (const { edge, attributes, source, target } of graph.edgeEntries()) {
    piece += `${first ? '' : ',\n'}${JSON.stringify({ key: edge, source, target, attributes })}`;
    first = false;
    if (piece.length > PIECE) {
      yield piece;
      piece = '';
    }
  }
  yield `${piece}\n]}\n`;
}

/**
 * Writes text given in pieces to `path` atomically: into a temporary file beside it, flushed
 * to disk, then renamed over `path`, so a crash or an error half-way never leaves half a file.
 */
export function writeFileAtomically(path: string, pieces: Iterable<string>): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w');
  try {
    for (const piece of pieces) {
      const bytes = Buffer.from(piece);
      for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at);
    }
    fsyncSync(fd);
  } catch (err) {
    closeSync(fd);
    rmSync(tmp, { force: true });
    throw err;
  }
  closeSync(fd);
  renameSync(tmp, path);
}
