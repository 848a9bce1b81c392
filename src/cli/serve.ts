import type { Command } from 'commander';
import { fileURLToPath } from 'node:url';
import { describe as describeNeo4j, neo4jConfig } from '../sinks/neo4j/config.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

export function register(program: Command): void {
  program
    .command('serve')
    .description('Explore a graph in the browser: the Sigma.js viewer and a JSON API (see docs/api.md).')
    .option('--graph <file>', 'graph.json written by kg build', 'out/graph.json')
    .option('--port <n>', 'port to listen on (0: any free port)', '3000')
    .option('--host <addr>', 'address to bind; keep 127.0.0.1 unless you mean to expose the graph', '127.0.0.1')
    .action(async (opts: { graph: string; port: string; host: string }) => {
      const port = Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) {
        console.error(`kg serve: --port must be a number from 0 to 65535, got "${opts.port}"`);
        process.exitCode = 1;
        return;
      }
      try {
        // Cypher is offered only when the user points kg serve at a Neo4j.
        const neo4j = process.env.NEO4J_URI ? neo4jConfig() : null;
        const { startServer } = await import('../serve/server.ts');
        const running = await startServer({
          neo4j,
          graphPath: opts.graph,
          viewerDir: `${root}viewer/dist`,
          queriesDir: `${root}cypher/queries`,
          port,
          host: opts.host,
        });
        console.log(`kg serve: ${opts.graph} on ${running.url}/${neo4j ? ` (Cypher, read-only, on ${describeNeo4j(neo4j)})` : ''}`);
      } catch (err) {
        console.error(`kg serve: ${(err as Error).message}`);
        process.exitCode = 1;
      }
    });
}
