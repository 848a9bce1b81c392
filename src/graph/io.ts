import { readFileSync, renameSync, mkdirSync, openSync, writeSync, closeSync, fsyncSync } from 'node:fs';
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
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w');
  let buffer = '';
  const write = (s: string) => {
    buffer += s;
    if (buffer.length > 1 << 20) {
      writeSync(fd, buffer);
      buffer = '';
    }
  };
  try {
    const options = { type: graph.type, multi: graph.multi, allowSelfLoops: graph.allowSelfLoops };
    write(`{"attributes":${JSON.stringify(graph.getAttributes())},"options":${JSON.stringify(options)},\n${NODES_OPEN}\n`);
    let first = true;
    graph.forEachNode((key, attrs) => {
      write(`${first ? '' : ',\n'}${JSON.stringify({ key, attributes: attrs })}`);
      first = false;
    });
    write(`\n],\n${EDGES_OPEN}\n`);
    first = true;
    graph.forEachEdge((key, attrs, source, target) => {
      write(`${first ? '' : ',\n'}${JSON.stringify({ key, source, target, attributes: attrs })}`);
      first = false;
    });
    write('\n]}\n');
    writeSync(fd, buffer);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}
