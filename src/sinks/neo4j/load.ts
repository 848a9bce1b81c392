/**
 * Writes a graph into Neo4j: schema first, then parameterised `UNWIND $rows` batches, each in
 * its own managed write transaction. MERGE on keys makes loading idempotent: a batch is all
 * or nothing, and loading again after a failure completes the graph without duplicates.
 *
 * Three batches are in flight at once by default (one session each): the server works on two
 * (one core each) while the client builds and sends the third. Batches in flight together
 * never write to the same nodes (see inParallel). All nodes are stored before any
 * relationship looks for its ends; node batches return the elementIds of their nodes, and
 * relationship batches find their ends by them (no index seek per end).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Driver, QueryResult, Session } from 'neo4j-driver';
import type { KgGraph } from '../../graph/io.ts';
import { type Batch, batchCypher, batchRows, type NodeIds, type NodeRow, nodeBatches, relationshipBatches, type RelationshipRow } from './rows.ts';
import { DEFAULT_BATCH_SIZE, DEFAULT_CONCURRENCY } from './config.ts';

// Defaults live with the connection's in config.ts (the CLI shows them without loading the driver).
export { DEFAULT_BATCH_SIZE, DEFAULT_CONCURRENCY };

export const SCHEMA_FILE = fileURLToPath(new URL('../../../cypher/schema.cypher', import.meta.url));

export interface LoadProgress {
  /** How many batches are committed so far (this one included), out of `batches`. */
  batch: number;
  batches: number;
  /** "Official nodes" or "CHAIRED relationships (Official->Meeting)". */
  what: string;
  rows: number;
}

export interface LoadSummary {
  nodes: number;
  relationships: number;
  nodesCreated: number;
  relationshipsCreated: number;
  propertiesSet: number;
  batches: number;
}

/** Statements of a .cypher file: `//` comment lines dropped, split at `;` ending a line. */
export function cypherStatements(text: string): string[] {
  return text
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n')
    .split(/;\s*$/m)
    .map((statement) => statement.trim())
    .filter((statement) => statement.length > 0);
}

/** Applies cypher/schema.cypher (constraints and indexes, all IF NOT EXISTS) and waits for the indexes. */
export async function applySchema(driver: Driver, database: string, file = SCHEMA_FILE): Promise<void> {
  const session = driver.session({ database });
  try {
    // Schema commands cannot share a transaction with each other or with data writes.
    for (const statement of cypherStatements(readFileSync(file, 'utf8'))) {
      await session.executeWrite((tx) => tx.run(statement));
    }
    await session.run('CALL db.awaitIndexes(300)');
  } finally {
    await session.close();
  }
}

export interface LoadOptions {
  batchSize?: number;
  concurrency?: number;
  onProgress?: (progress: LoadProgress) => void;
}

export async function loadGraph(driver: Driver, database: string, graph: KgGraph, options: LoadOptions = {}): Promise<LoadSummary> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  const phases = [nodeBatches(graph, batchSize), relationshipBatches(graph, batchSize)];
  const batches = phases.flat();
  const summary: LoadSummary = {
    nodes: graph.order,
    relationships: graph.size,
    nodesCreated: 0,
    relationshipsCreated: 0,
    propertiesSet: 0,
    batches: batches.length,
  };
  let committed = 0;
  // Filled by the node batches, read by the relationship batches (which start after all nodes are stored).
  const ids: NodeIds = new Map();
  const send = async (session: Session, batch: Batch) => {
    const rows = batchRows(graph, batch, ids);
    const result = await writeBatch(session, batch, rows);
    if (batch.kind === 'nodes') for (const record of result.records) ids.set(record.get('key') as string, record.get('id') as string);
    const counters = result.summary.counters.updates();
    summary.nodesCreated += counters.nodesCreated;
    summary.relationshipsCreated += counters.relationshipsCreated;
    summary.propertiesSet += counters.propertiesSet;
    committed++;
    options.onProgress?.({ batch: committed, batches: batches.length, what: describeBatch(batch), rows: rows.length });
  };
  // Each phase ends before the next begins: relationships MATCH their ends, which must be stored.
  for (const phase of phases) {
    const failure = await inParallel(driver, database, phase, concurrency, send);
    if (failure) throw new LoadError(batches.indexOf(failure.batch), batches.length, failure.batch, committed, failure.error);
  }
  return summary;
}

/**
 * One batch in its own write transaction. A relationship batch must find both ends of every
 * row (a node deleted by someone else since this load stored it): otherwise it fails and is
 * rolled back whole, rather than skip relationships.
 */
export async function writeBatch(session: Session, batch: Batch, rows: NodeRow[] | RelationshipRow[]): Promise<QueryResult> {
  return session.executeWrite(async (tx) => {
    const result = await tx.run(batchCypher(batch), { rows });
    const stored = batch.kind === 'relationships' ? ((result.records[0]?.get('stored') as number | undefined) ?? 0) : rows.length;
    if (stored !== rows.length) throw new Error(`${rows.length - stored} of ${rows.length} relationships found no end node (deleted during the load?)`);
    return result;
  });
}

/**
 * Sends the batches over `concurrency` sessions, each taking the first pending batch that
 * shares no node with a batch in flight. Concurrent transactions then never touch the
 * same nodes, so they neither wait for each other's locks nor deadlock (two batches of
 * ATTENDED, or ATTENDED and MENTIONS Article->Official, could: each creating a relationship
 * locks both its nodes). After a failure no new batch starts; the ones in flight finish.
 */
async function inParallel(
  driver: Driver,
  database: string,
  batches: Batch[],
  concurrency: number,
  send: (session: Session, batch: Batch) => Promise<void>,
): Promise<{ batch: Batch; error: unknown } | undefined> {
  const pending = [...batches];
  const inFlight = new Map<Batch, Promise<void>>();
  let failure: { batch: Batch; error: unknown } | undefined;
  const worker = async () => {
    const session = driver.session({ database });
    try {
      while (!failure && pending.length > 0) {
        const index = pending.findIndex((batch) => ![...inFlight.keys()].some((other) => sharesNodes(batch, other)));
        if (index < 0) {
          await Promise.race(inFlight.values());
          continue;
        }
        const [batch] = pending.splice(index, 1) as [Batch];
        const sent = send(session, batch)
          .catch((error: unknown) => {
            failure ??= { batch, error };
          })
          .finally(() => inFlight.delete(batch));
        inFlight.set(batch, sent);
        await sent;
      }
    } finally {
      await session.close();
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, batches.length) }, worker));
  return failure;
}

/**
 * Whether two batches may write to the same node: relationship batches whose ends meet in a
 * label and part (rows.ts, nodePart). ATTENDED from Officials of part 0 to Meetings of part 1
 * and ATTENDED from part 1 to part 0 share no node, and run side by side.
 */
export function sharesNodes(a: Batch, b: Batch): boolean {
  if (a.kind === 'nodes' || b.kind === 'nodes') return false; // node batches hold distinct keys
  const ends = (batch: typeof a) => [`${batch.from}:${batch.fromPart}`, `${batch.to}:${batch.toPart}`];
  const other = ends(b);
  return ends(a).some((end) => other.includes(end));
}

/** A batch failed: it was rolled back; the batches committed before the load stopped are stored. */
export class LoadError extends Error {
  constructor(
    readonly batchIndex: number,
    readonly batches: number,
    batch: Batch,
    readonly committed: number,
    override readonly cause: unknown,
  ) {
    super(
      `batch ${batchIndex + 1} of ${batches} (${batch.keys.length} ${describeBatch(batch)}) failed and was rolled back; ` +
        `${committed} other batches are stored, each whole. Run kg load again to complete the graph.`,
    );
  }
}

export function describeBatch(batch: Batch): string {
  return batch.kind === 'nodes' ? `${batch.label} nodes` : `${batch.type} relationships (${batch.from}->${batch.to})`;
}
