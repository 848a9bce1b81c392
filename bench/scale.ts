/**
 * One corpus size through kg build, run by bench/run.ts in its own process so that its peak
 * memory is its own: `tsx bench/scale.ts --dir D --out O [--workers N]`.
 *
 * Phase 1 is the streaming part (read + extract + store facts, on N worker threads); phase 2
 * is what buildCorpus then does in one go, step by step so that each step's time and the
 * memory it retains can be seen: load every stored record, resolve, build the graph, write
 * graph.json.
 */
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildCorpus } from '../src/pipeline/build.ts';
import { storedRecords } from '../src/pipeline/store.ts';
import { resolve } from '../src/resolve/resolve.ts';
import { buildGraph } from '../src/graph/build.ts';
import { writeGraph } from '../src/graph/io.ts';
import { du, memory, printResult, round, type Memory } from './lib.ts';

export interface ScaleResult {
  articles: number;
  corpusMB: number;
  workers: number;
  extract: { seconds: number; memory: Memory };
  load: { seconds: number; memory: Memory };
  resolve: { seconds: number; memory: Memory };
  graph: { seconds: number; memory: Memory };
  write: { seconds: number; memory: Memory };
  /** Why graph.json could not be written, if it could not (the graph is still measured). */
  writeError?: string;
  /** Time from the stored facts to graph.json: load + resolve + graph + write. */
  graphJsonSeconds: number;
  totalSeconds: number;
  /** JS heap the finished graph holds (heap with the graph minus heap before loading records). */
  graphHeapMB: number;
  nodes: number;
  edges: number;
  evidence: number;
  graphJsonMB: number;
  factsMB: number;
  peakRssMB: number;
}

const { values } = parseArgs({ options: { dir: { type: 'string' }, out: { type: 'string' }, workers: { type: 'string', default: '1' } } });
const dir = values.dir!;
const out = values.out!;
const workers = Number(values.workers);
rmSync(out, { recursive: true, force: true });

const step = <T>(f: () => T): { value: T; seconds: number; memory: Memory } => {
  const started = performance.now();
  const value = f();
  const seconds = round((performance.now() - started) / 1000, 2);
  return { value, seconds, memory: memory() };
};

let lastReport = 0;
const started = performance.now();
const extractStarted = performance.now();
const built = await buildCorpus([dir], {
  out,
  workers,
  factsOnly: true,
  onProgress: (p) => {
    if (Date.now() - lastReport < 10_000) return;
    lastReport = Date.now();
    process.stderr.write(`  ${p.read} files ${Math.round(p.read / ((performance.now() - extractStarted) / 1000))}/s\n`);
  },
});
if (built.failures.length) throw new Error(`${built.failures.length} files failed, first: ${built.failures[0].path}: ${built.failures[0].reason}`);
const extract = { seconds: round((performance.now() - extractStarted) / 1000, 2), memory: memory() };

const load = step(() => [...storedRecords(out)]);
const resolved = step(() => resolve(load.value));
load.value.length = 0; // what buildCorpus holds until resolve returns
const graph = step(() => buildGraph(resolved.value));
resolved.value.entities.clear();
resolved.value.links.length = 0;
const graphPath = join(out, 'graph.json');
let writeError: string | undefined;
const write = step(() => {
  try {
    writeGraph(graph.value, graphPath);
  } catch (err) {
    writeError = `${(err as Error).name}: ${(err as Error).message}`;
    process.stderr.write(`  writing graph.json failed: ${writeError}\n`);
  }
});
const totalSeconds = round((performance.now() - started) / 1000, 2);

let evidence = 0;
graph.value.forEachEdge((_, a) => (evidence += a.evidence.length));
const strip = <T extends { value: unknown }>({ value: _value, ...rest }: T) => rest;
printResult({
  articles: built.progress.extracted,
  corpusMB: round(du(dir).bytes / 1e6),
  workers,
  extract,
  load: strip(load),
  resolve: strip(resolved),
  graph: strip(graph),
  write: strip(write),
  writeError,
  graphJsonSeconds: round(load.seconds + resolved.seconds + graph.seconds + write.seconds, 2),
  totalSeconds,
  graphHeapMB: round(write.memory.heapUsedMB - extract.memory.heapUsedMB),
  nodes: graph.value.order,
  edges: graph.value.size,
  evidence,
  graphJsonMB: writeError ? 0 : round(statSync(graphPath).size / 1e6),
  factsMB: round(du(join(out, 'facts')).bytes / 1e6),
  peakRssMB: memory().peakRssMB,
} satisfies ScaleResult);
