import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { readGraph } from '../graph/io.ts';
import { createApp, checkViewerBuilt } from './app.ts';
import type { RunReadQuery } from './cypher.ts';

export interface ServeOptions {
  graphPath: string;
  viewerDir: string;
  queriesDir: string;
  port: number;
  host: string;
}

export interface RunningServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

/** runReadQuery from the Neo4j sink, loaded only when NEO4J_URI is set so that graph.json alone is enough. */
async function loadCypher(): Promise<RunReadQuery | null> {
  if (!process.env.NEO4J_URI) return null;
  // A variable specifier: the Neo4j sink is optional at type-check time too.
  const sink = '../sinks/neo4j/query.ts';
  const module = (await import(sink)) as { runReadQuery: RunReadQuery };
  return module.runReadQuery;
}

export async function startServer(options: ServeOptions): Promise<RunningServer> {
  checkViewerBuilt(options.viewerDir);
  const graph = readGraph(options.graphPath);
  const runReadQuery = await loadCypher();
  const app = createApp({ graph, viewerDir: options.viewerDir, queriesDir: options.queriesDir, runReadQuery });
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(options.port, options.host, (err?: Error) => (err ? reject(err) : resolve(s)));
    s.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${host}:${port}`,
    server,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
