/**
 * Neo4j load speed: the project's batched loader (src/sinks/neo4j/load.ts: UNWIND batches in
 * managed write transactions) against a naive loader that sends one auto-commit MERGE per
 * relationship, on the same graph and the same real server (the project's own Neo4j, started
 * by scripts/neo4j/server.ts in its own home and port so no one's data is touched).
 *
 * The naive loader finds nodes through the same key constraints (labelled MATCH), so the
 * comparison is of round trips and transactions, not of indexes. It runs on an even sample
 * of the relationships until its time cap; its rate is extrapolated to the whole graph.
 *
 * Both run on a warm server, as a long-running one is: two untimed batched loads and 10 s of
 * naive statements come first, because the JVM compiles Neo4j's hot paths during its first
 * minutes of work (on a fresh server, successive loads of the 10k graph took 25, 12, 10 and
 * 10 s of server CPU for their relationships). The batched time of relationships includes
 * building their rows from the graph (kg load builds each batch when it sends it). Three
 * rounds alternate a batched load and a naive run; the median round of each counts.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { Driver } from 'neo4j-driver';
import { readGraph, type KgGraph } from '../src/graph/io.ts';
import { openDriver } from '../src/sinks/neo4j/driver.ts';
import { applySchema, DEFAULT_BATCH_SIZE, DEFAULT_CONCURRENCY, loadGraph } from '../src/sinks/neo4j/load.ts';
import { relationshipProperties, type Properties } from '../src/sinks/neo4j/rows.ts';
import { clientConfig, serverOptions, start, stop, type ServerOptions } from '../scripts/neo4j/server.ts';
import { ROOT, round } from './lib.ts';

export interface Neo4jResult {
  nodes: number;
  relationships: number;
  /** The median of ROUNDS timed loads; `runsPerSecond`: relationships/s of each round. */
  batched: { seconds: number; relationshipSeconds: number; relationshipsPerSecond: number; batchSize: number; concurrency: number; runsPerSecond: number[] };
  /** The median of ROUNDS runs of naiveSeconds / ROUNDS each (an even sample of the relationships). */
  naive: { relationships: number; seconds: number; relationshipsPerSecond: number; extrapolatedSeconds: number; runsPerSecond: number[] };
  /** Batched relationships per second / naive relationships per second. */
  speedup: number;
  server: string;
  /** 1-minute load average before and after the timed runs: other work on the machine slows both. */
  loadAverage: { before: number; after: number };
  /**
   * CPU seconds during each timed part: this process, the server, and everything else on the
   * machine (other people's jobs; near 0 on a quiet machine). From /proc: null elsewhere.
   */
  cpu: { batchedRelationships: CpuSplit | null; naive: CpuSplit | null };
}

export interface CpuSplit {
  client: number;
  server: number;
  others: number;
}

/** CPU seconds used so far by the whole machine (all cores), this process and the server. */
function cpuNow(serverPid: number): { machine: number; client: number; server: number } | null {
  try {
    const [user, nice, system, , , irq, softirq] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    const fields = readFileSync(`/proc/${serverPid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    const { user: cu, system: cs } = process.cpuUsage();
    return { machine: (user! + nice! + system! + irq! + softirq!) / 100, client: (cu + cs) / 1e6, server: (Number(fields[11]) + Number(fields[12])) / 100 };
  } catch {
    return null;
  }
}

function cpuSince(serverPid: number, before: ReturnType<typeof cpuNow>): CpuSplit | null {
  const after = cpuNow(serverPid);
  if (!before || !after) return null;
  const client = after.client - before.client;
  const server = after.server - before.server;
  return { client: round(client, 2), server: round(server, 2), others: round(after.machine - before.machine - client - server, 2) };
}

/** The bench's own server: .neo4j/bench on port 7697 (override with KG_BENCH_NEO4J_PORT). */
export function benchServer(): ServerOptions {
  return {
    ...serverOptions(process.env),
    home: resolve(ROOT, '.neo4j/bench'),
    port: Number(process.env.KG_BENCH_NEO4J_PORT || 7697),
    heap: process.env.KG_NEO4J_HEAP || '1g',
    // Room for the whole store (about 450 MB for the 10k graph), as a production server would have.
    pageCache: process.env.KG_NEO4J_PAGECACHE || '1g',
  };
}

/**
 * Deletes everything, in batches so a big graph never needs one huge transaction: 5000 nodes
 * of the 50k graph, with their relationships, passed the 1 GB heap's transaction memory limit.
 */
async function wipe(driver: Driver, database: string): Promise<void> {
  const session = driver.session({ database });
  try {
    await session.run('MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 1000 ROWS');
  } finally {
    await session.close();
  }
}

/**
 * The edges in a stride order (0, 97, 194, …, then 1, 98, …): whatever prefix the time cap
 * leaves, it samples every type and size of relationship evenly, as the whole load does.
 */
function* spreadEdges(graph: KgGraph, stride = 97): Generator<string> {
  const edges = graph.edges();
  for (let offset = 0; offset < stride; offset++) for (let i = offset; i < edges.length; i += stride) yield edges[i];
}

/** The naive loader: one auto-commit `session.run` per relationship, with parameters. */
async function naiveLoad(driver: Driver, database: string, graph: KgGraph, capSeconds: number): Promise<{ relationships: number; seconds: number }> {
  const session = driver.session({ database });
  const started = performance.now();
  let done = 0;
  try {
    for (const edge of spreadEdges(graph)) {
      const attributes = graph.getEdgeAttributes(edge);
      const from = graph.getNodeAttribute(graph.source(edge), 'label');
      const to = graph.getNodeAttribute(graph.target(edge), 'label');
      await session.run(
        `MATCH (a:${from} {key: $source}) MATCH (b:${to} {key: $target}) MERGE (a)-[r:${attributes.type}]->(b) SET r = $props`,
        { source: graph.source(edge), target: graph.target(edge), props: relationshipProperties(attributes as unknown as Properties) },
      );
      done++;
      if ((performance.now() - started) / 1000 >= capSeconds) break;
    }
  } finally {
    await session.close();
  }
  return { relationships: done, seconds: (performance.now() - started) / 1000 };
}

/** Rounds of one batched and one naive load; the median of each is reported. */
const ROUNDS = 3;

interface NaiveRun {
  relationships: number;
  seconds: number;
  cpu: CpuSplit | null;
}

/** The run with the median `rate` (of an odd number of runs). */
function median<T>(runs: T[], rate: (run: T) => number): T {
  return [...runs].sort((a, b) => rate(a) - rate(b))[runs.length >> 1]!;
}

interface BatchedRun {
  seconds: number;
  relationshipSeconds: number;
  cpu: CpuSplit | null;
}

/** One batched load of the whole graph into a wiped store; relationships timed apart from nodes. */
async function batchedLoad(driver: Driver, database: string, graph: KgGraph, pid: number): Promise<BatchedRun> {
  const t0 = performance.now();
  let nodesDone = t0;
  let cpuAtNodesDone = cpuNow(pid);
  await loadGraph(driver, database, graph, {
    batchSize: DEFAULT_BATCH_SIZE,
    concurrency: DEFAULT_CONCURRENCY,
    onProgress: (p) => {
      if (!p.what.endsWith('nodes')) return;
      nodesDone = performance.now();
      cpuAtNodesDone = cpuNow(pid);
    },
  });
  const cpu = cpuSince(pid, cpuAtNodesDone);
  return { seconds: (performance.now() - t0) / 1000, relationshipSeconds: (performance.now() - nodesDone) / 1000, cpu };
}

export async function benchNeo4j(graphPath: string, options: { naiveSeconds: number; log?: (line: string) => void }): Promise<Neo4jResult> {
  const log = options.log ?? ((line: string) => console.error(line));
  const server = benchServer();
  const { started, pid } = await start(server, log);
  const config = clientConfig(server);
  const driver = openDriver(config, { maxTransactionRetryTime: 60_000 });
  try {
    const graph = readGraph(graphPath);
    const nodesOnly = graph.copy();
    nodesOnly.clearEdges();
    await wipe(driver, config.database);
    await applySchema(driver, config.database);

    log('  warm-up (untimed): two batched loads, then 10 s of naive statements ...');
    for (let i = 0; i < 2; i++) {
      await loadGraph(driver, config.database, graph);
      await wipe(driver, config.database);
    }
    await loadGraph(driver, config.database, nodesOnly);
    await naiveLoad(driver, config.database, graph, 10);
    await wipe(driver, config.database);
    const loadBefore = loadavg()[0];

    // ROUNDS rounds, each a batched load of the whole graph (as kg load does it) and then the
    // naive loader for a third of its time cap, both on a wiped store: the server warms up
    // further through the whole bench (the naive rate rose from ~1,060 to ~1,310/s when it ran
    // after three more batched loads), so alternating gives both loaders the same server. The
    // median round of each counts (one load on this VM varies by ±10%).
    const batchedRuns: BatchedRun[] = [];
    const naiveRuns: NaiveRun[] = [];
    for (let i = 1; i <= ROUNDS; i++) {
      log(`  round ${i}/${ROUNDS}: batched load of ${graph.order} nodes and ${graph.size} relationships ...`);
      batchedRuns.push(await batchedLoad(driver, config.database, graph, pid));
      await wipe(driver, config.database);
      // Naive: same nodes (loaded by the batched loader, not timed), then one statement per relationship.
      await loadGraph(driver, config.database, nodesOnly);
      log(`  round ${i}/${ROUNDS}: naive load, one auto-commit MERGE per relationship, for at most ${round(options.naiveSeconds / ROUNDS, 1)} s ...`);
      const cpuBefore = cpuNow(pid);
      const run = await naiveLoad(driver, config.database, graph, options.naiveSeconds / ROUNDS);
      naiveRuns.push({ ...run, cpu: cpuSince(pid, cpuBefore) });
      await wipe(driver, config.database);
    }
    const loadAfter = loadavg()[0];
    const { seconds: batchedSeconds, relationshipSeconds, cpu: batchedCpu } = median(batchedRuns, (r) => graph.size / r.relationshipSeconds);
    const { cpu: naiveCpu, ...naive } = median(naiveRuns, (r) => r.relationships / r.seconds);

    const batchedRate = graph.size / relationshipSeconds;
    const naiveRate = naive.relationships / naive.seconds;
    return {
      nodes: graph.order,
      relationships: graph.size,
      batched: {
        seconds: round(batchedSeconds, 2),
        relationshipSeconds: round(relationshipSeconds, 2),
        relationshipsPerSecond: Math.round(batchedRate),
        batchSize: DEFAULT_BATCH_SIZE,
        concurrency: DEFAULT_CONCURRENCY,
        runsPerSecond: batchedRuns.map((r) => Math.round(graph.size / r.relationshipSeconds)),
      },
      naive: {
        relationships: naive.relationships,
        seconds: round(naive.seconds, 2),
        relationshipsPerSecond: round(naiveRate),
        extrapolatedSeconds: Math.round(graph.size / naiveRate),
        runsPerSecond: naiveRuns.map((r) => round(r.relationships / r.seconds)),
      },
      speedup: round(batchedRate / naiveRate),
      server: `Neo4j 5.26 (embedded launcher, heap ${server.heap}, page cache ${server.pageCache}) on ${config.uri}`,
      loadAverage: { before: round(loadBefore, 2), after: round(loadAfter, 2) },
      cpu: { batchedRelationships: batchedCpu, naive: naiveCpu },
    };
  } finally {
    await driver.close();
    if (started) await stop(server, log);
  }
}

/** `npx tsx bench/neo4j-load.ts [graph.json] [--naive-seconds 60]`: this part of the bench alone, as JSON. */
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { 'naive-seconds': { type: 'string', default: '60' } } });
  const graphPath = positionals[0] ?? resolve(ROOT, 'bench/out/scale-10k/graph.json');
  console.log(JSON.stringify(await benchNeo4j(graphPath, { naiveSeconds: Number(values['naive-seconds']) }), null, 2));
}
