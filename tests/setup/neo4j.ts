/**
 * Vitest globalSetup: a Neo4j for the test suite, started with scripts/neo4j/server.ts.
 *
 * - If the developer keeps the test server running (`npm run neo4j -- start --test`: home
 *   .neo4j/test, Bolt 127.0.0.1:7688), the suite uses it and leaves it running.
 * - Otherwise the run starts a private server (home .neo4j/run-<pid>-suite, a free port) and
 *   stops and deletes it afterwards, so concurrent runs never share a database.
 *
 * Tests get the connection with `inject('neo4j')`. When the server cannot start, the setup
 * does not abort the other tests: it provides the error, and tests that need Neo4j fail with it.
 * The environment (NEO4J_URI...) is left alone: pass the connection to child processes explicitly.
 */
import type { TestProject } from 'vitest/node';
import { clientConfig, importDir, serverOptions, start, status, type ServerOptions } from '../../scripts/neo4j/server.ts';
import type { Neo4jConfig } from '../../src/sinks/neo4j/config.ts';
import { privateServerOptions, removeOrphanServers, removeServer } from './neo4j-servers.ts';

export interface TestNeo4j extends Neo4jConfig {
  /** The server's LOAD CSV folder (file:///x.csv reads <importDir>/x.csv). */
  importDir: string;
  /** Why the server could not start; tests needing Neo4j must fail with it. */
  error: string | null;
}

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: TestNeo4j;
  }
}

const describeServer = (options: ServerOptions, error: string | null): TestNeo4j => ({
  ...clientConfig(options),
  importDir: importDir(options),
  error,
});

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const kept = serverOptions(process.env, true);
  if (status(kept).running) {
    project.provide('neo4j', describeServer(kept, null));
    return async () => {};
  }
  await removeOrphanServers();
  const options = await privateServerOptions('suite');
  try {
    await start(options, (line) => console.error(`[neo4j globalSetup] ${line}`));
    project.provide('neo4j', describeServer(options, null));
  } catch (err) {
    project.provide('neo4j', describeServer(options, `the test Neo4j did not start: ${(err as Error).message}`));
  }
  return () => removeServer(options);
}
