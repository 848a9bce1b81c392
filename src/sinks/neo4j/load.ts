/**
 * Writes a graph into Neo4j: schema first, then parameterised `UNWIND $rows` batches, each in
 * its own managed write transaction. MERGE on keys makes loading idempotent: a batch is all
 * or nothing, and loading again after a failure completes the graph without duplicates.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Driver } from 'neo4j-driver';
import type { KgGraph } from '../../graph/io.ts';
import { type Batch, batchCypher, graphBatches } from './rows.ts';

export const SCHEMA_FILE = fileURLToPath(new URL('../../../cypher/schema.cypher', import.meta.url));
export const DEFAULT_BATCH_SIZE = 1000;

export interface LoadProgress {
  /** 1-based number of the batch just committed, out of `batches`. */
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

export async function loadGraph(
  driver: Driver,
  database: string,
  graph: KgGraph,
  options: { batchSize?: number; onProgress?: (progress: LoadProgress) => void } = {},
): Promise<LoadSummary> {
  const batches = graphBatches(graph, options.batchSize ?? DEFAULT_BATCH_SIZE);
  const summary: LoadSummary = {
    nodes: graph.order,
    relationships: graph.size,
    nodesCreated: 0,
    relationshipsCreated: 0,
    propertiesSet: 0,
    batches: batches.length,
  };
  const session = driver.session({ database });
  try {
    for (const [index, batch] of batches.entries()) {
      let counters;
      try {
        const result = await session.executeWrite((tx) => tx.run(batchCypher(batch), { rows: batch.rows }));
        counters = result.summary.counters.updates();
      } catch (err) {
        throw new LoadError(index, batches.length, batch, err);
      }
      summary.nodesCreated += counters.nodesCreated;
      summary.relationshipsCreated += counters.relationshipsCreated;
      summary.propertiesSet += counters.propertiesSet;
      options.onProgress?.({ batch: index + 1, batches: batches.length, what: describeBatch(batch), rows: batch.rows.length });
    }
  } finally {
    await session.close();
  }
  return summary;
}

/** A batch failed: it was rolled back, the batches before it are committed. */
export class LoadError extends Error {
  constructor(
    readonly batchIndex: number,
    readonly batches: number,
    batch: Batch,
    override readonly cause: unknown,
  ) {
    super(
      `batch ${batchIndex + 1} of ${batches} (${batch.rows.length} ${describeBatch(batch)}) failed and was rolled back; ` +
        `the ${batchIndex} batches before it are stored. Run kg load again to complete the graph.`,
    );
  }
}

export function describeBatch(batch: Batch): string {
  return batch.kind === 'nodes' ? `${batch.label} nodes` : `${batch.type} relationships (${batch.from}->${batch.to})`;
}
