import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Driver } from 'neo4j-driver';
import { readGraph } from '../graph/io.ts';
import type { Neo4jConfig } from '../sinks/neo4j/config.ts';
import { openDriver } from '../sinks/neo4j/driver.ts';
import { runReadQuery } from '../sinks/neo4j/query.ts';
import { createApp, checkViewerBuilt } from './app.ts';
import type { RunReadQuery } from './cypher.ts';

export interface ServeOptions {
  graphPath: string;
  viewerDir: string;
  queriesDir: string;
  port: number;
  host: string;
  /** When given, POST /api/cypher runs read-only queries there. */
  neo4j?: Neo4jConfig | null;
  cypherLimits?: { timeoutMs: number; maxRows: number };
}

export interface RunningServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

export async function startServer(options: ServeOptions): Promise<RunningServer> {
  checkViewerBuilt(options.viewerDir);
  const graph = readGraph(options.graphPath);
  // One driver for the server's life; runReadQuery opens a READ session per query on it.
  const config = options.neo4j ?? null;
  const driver: Driver | null = config ? openDriver(config, { maxTransactionRetryTime: 0 }) : null;
  const cypher: RunReadQuery | null =
    config && driver ? (query, params, limits) => runReadQuery(query, params, { ...limits, driver, config }) : null;
  const app = createApp({ graph, viewerDir: options.viewerDir, queriesDir: options.queriesDir, runReadQuery: cypher, cypherLimits: options.cypherLimits });
  let server: Server;
  try {
    server = await new Promise<Server>((resolve, reject) => {
      const s = app.listen(options.port, options.host, (err?: Error) => (err ? reject(err) : resolve(s)));
      s.once('error', reject);
    });
  } catch (err) {
    await driver?.close();
    throw new Error(`cannot listen on ${options.host}:${options.port}: ${(err as Error).message}`);
  }
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${host}:${port}`,
    server,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await driver?.close();
    },
  };
}
