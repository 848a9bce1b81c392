import { type Command, InvalidArgumentError } from 'commander';
import { neo4jConfig, describe, DEFAULT_BATCH_SIZE, DEFAULT_CONCURRENCY } from '../sinks/neo4j/config.ts';

export function register(program: Command): void {
  program
    .command('load')
    .description('load graph.json into Neo4j (MERGE on keys: loading again changes nothing); connection from NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE')
    .argument('[graph]', 'graph.json written by kg build', 'out/graph.json')
    .option('--batch-size <rows>', 'rows per transaction', (v) => positiveInteger(v, '--batch-size'), DEFAULT_BATCH_SIZE)
    .option('--concurrency <n>', 'transactions in flight at once', (v) => positiveInteger(v, '--concurrency'), DEFAULT_CONCURRENCY)
    .action(async (path: string, options: { batchSize: number; concurrency: number }) => {
      try {
        await load(path, options);
      } catch (err) {
        console.error(`kg load: ${(err as Error).message}`);
        process.exitCode = 1;
      }
    });
}

async function load(path: string, { batchSize, concurrency }: { batchSize: number; concurrency: number }): Promise<void> {
  // Loaded when run, so that the other commands start without the driver.
  const { readGraph } = await import('../graph/io.ts');
  const { openDriver, checkConnection, diagnose } = await import('../sinks/neo4j/driver.ts');
  const { applySchema, loadGraph, LoadError } = await import('../sinks/neo4j/load.ts');
  const { graphProblems } = await import('../sinks/neo4j/rows.ts');
  const graph = readGraph(path);
  const problems = graphProblems(graph);
  if (problems.length > 0) {
    throw new Error(`${path} cannot be loaded:\n  ${problems.slice(0, 20).join('\n  ')}${problems.length > 20 ? `\n  ... ${problems.length - 20} more` : ''}`);
  }
  const config = neo4jConfig();
  const driver = openDriver(config);
  try {
    await checkConnection(driver, config);
    await applySchema(driver, config.database).catch(async (err) => Promise.reject(await diagnose(err, driver, config)));
    console.error(`kg load: ${path} (${graph.order} nodes, ${graph.size} relationships) -> ${describe(config)}`);
    const summary = await loadGraph(driver, config.database, graph, {
      batchSize,
      concurrency,
      onProgress: (p) => console.error(`kg load: batch ${p.batch}/${p.batches}: ${p.rows} ${p.what}`),
    }).catch(async (err) => {
      if (err instanceof LoadError) throw new Error(`${(await diagnose(err.cause, driver, config)).message}\n  ${err.message}`);
      throw await diagnose(err, driver, config);
    });
    console.error(
      `kg load: done: ${summary.nodes} nodes (${summary.nodesCreated} created), ` +
        `${summary.relationships} relationships (${summary.relationshipsCreated} created), ` +
        `${summary.propertiesSet} properties set, in ${summary.batches} transactions`,
    );
  } finally {
    await driver.close();
  }
}

function positiveInteger(value: string, name: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`${name} must be a positive integer, got ${value}`);
  return n;
}
