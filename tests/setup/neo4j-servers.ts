/**
 * Private Neo4j servers for test runs, so that concurrent runs (two developers' `npm test`
 * in one tree, CI) never wipe or stop each other's database: each gets its own home
 * (.neo4j/run-<pid>-<name>) and a free port. A run killed before its teardown leaves an
 * orphan, which the next run stops and removes.
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { processExists, serverOptions, stop, type ServerOptions } from '../../scripts/neo4j/server.ts';

const NEO4J_DIR = resolve(import.meta.dirname, '../../.neo4j');
const RUN_DIR = /^run-(\d+)-[\w-]+$/;

/** Options for a server owned by this process; start it with start(), end it with removeServer(). */
export async function privateServerOptions(name: string): Promise<ServerOptions> {
  return { ...serverOptions(process.env, true), home: join(NEO4J_DIR, `run-${process.pid}-${name}`), port: await freePort() };
}

/** Stops the server and deletes its home. */
export async function removeServer(options: ServerOptions): Promise<void> {
  await stop(options);
  rmSync(options.home, { recursive: true, force: true });
}

/** Stops and removes the servers of test processes that are gone. */
export async function removeOrphanServers(): Promise<void> {
  if (!existsSync(NEO4J_DIR)) return;
  for (const entry of readdirSync(NEO4J_DIR)) {
    const owner = RUN_DIR.exec(entry)?.[1];
    if (owner === undefined || processExists(Number(owner))) continue;
    await removeServer({ ...serverOptions(process.env, true), home: join(NEO4J_DIR, entry) });
  }
}

export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => ok(port));
    });
  });
}
