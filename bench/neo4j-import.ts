/**
 * A first bulk load past `kg load`: `kg export --format csv`, then Neo4j's own
 * `neo4j-admin database import full` into a new store (offline, no transactions), then the
 * schema `kg load` applies first (constraints and indexes, built over the imported data).
 * Each step is timed; the store is then served and counted, so the figures are of a load that
 * holds the whole graph. Runs in its own home (.neo4j/bench-import), removed afterwards.
 */
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runExport } from '../src/export/run.ts';
import { emptySelector } from '../src/export/select.ts';
import { openDriver } from '../src/sinks/neo4j/driver.ts';
import { applySchema } from '../src/sinks/neo4j/load.ts';
import { adminImportCsv, clientConfig, start, stop, type ServerOptions } from '../scripts/neo4j/server.ts';
import { benchServer } from './neo4j-load.ts';
import { ROOT, round } from './lib.ts';

export interface AdminImportResult {
  nodes: number;
  relationships: number;
  /** `kg export --format csv` of the whole graph: reading graph.json and writing the folder. */
  exportSeconds: number;
  csvMB: number;
  /** neo4j-admin database import full, JVM start included. */
  importSeconds: number;
  relationshipsPerSecond: number;
  /** applySchema on the started server: what `kg load` does first, here over the imported data. */
  schemaSeconds: number;
  /** Counted on the imported store once served. */
  stored: { nodes: number; relationships: number };
}

/** Its own home and port beside the bench server's, with the same memory settings. */
function importServer(): ServerOptions {
  const bench = benchServer();
  return { ...bench, home: resolve(ROOT, '.neo4j/bench-import'), port: bench.port + 1 };
}

const seconds = (since: number) => round((performance.now() - since) / 1000, 2);

export async function benchAdminImport(graphPath: string, log: (line: string) => void = console.error): Promise<AdminImportResult> {
  const server = importServer();
  await stop(server, () => {}); // a server left by an interrupted run would hold the store
  rmSync(server.home, { recursive: true, force: true });
  const folder = join(server.home, 'csv');
  try {
    log('  neo4j-admin: kg export --format csv ...');
    let started = performance.now();
    const exported = await runExport({ graphPath, selector: emptySelector(), format: 'csv', out: folder });
    const exportSeconds = seconds(started);
    const csvBytes = readdirSync(folder).reduce((sum, name) => sum + statSync(join(folder, name)).size, 0);

    log('  neo4j-admin: database import full into a new store ...');
    started = performance.now();
    await adminImportCsv(server, folder, [], log);
    const importSeconds = seconds(started);

    await start(server, () => {});
    const driver = openDriver(clientConfig(server));
    try {
      started = performance.now();
      await applySchema(driver, 'neo4j');
      const schemaSeconds = seconds(started);
      const count = async (cypher: string) => (await driver.executeQuery(cypher, {}, { database: 'neo4j' })).records[0]!.get('n') as number;
      const stored = { nodes: await count('MATCH (n) RETURN count(n) AS n'), relationships: await count('MATCH ()-[r]->() RETURN count(r) AS n') };
      return {
        nodes: exported.nodes,
        relationships: exported.relationships,
        exportSeconds,
        csvMB: round(csvBytes / 1e6, 1),
        importSeconds,
        relationshipsPerSecond: Math.round(exported.relationships / importSeconds),
        schemaSeconds,
        stored,
      };
    } finally {
      await driver.close();
    }
  } finally {
    await stop(server, () => {});
    rmSync(server.home, { recursive: true, force: true });
  }
}

/** `npx tsx bench/neo4j-import.ts [graph.json]`: this part of the bench alone, as JSON. */
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const graphPath = process.argv[2] ?? resolve(ROOT, 'bench/out/scale-10k/graph.json');
  console.log(JSON.stringify(await benchAdminImport(graphPath), null, 2));
}
