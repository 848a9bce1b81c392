import { type Command, InvalidArgumentError } from 'commander';
import { FORMATS, type Format } from '../sinks/neo4j/formats.ts';
import { listQueries, queryParams, readQueryFile } from '../sinks/neo4j/library.ts';
import { DEFAULT_MAX_ROWS, DEFAULT_TIMEOUT_MS } from '../sinks/neo4j/config.ts';

interface QueryOptions {
  file?: string;
  param: Record<string, unknown>;
  format: Format;
  maxRows: number;
  timeout: number;
  list?: boolean;
}

export function register(program: Command): void {
  program
    .command('query')
    .description('run a read-only Cypher query against Neo4j (connection from NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE)')
    .argument('[cypher]', 'the query (or use --file)')
    .option('-f, --file <path>', 'run a .cypher file, e.g. cypher/queries/meetings-of-official.cypher (its header gives example parameters)')
    .option('-p, --param <name=value>', 'a parameter: name=text, or name:=JSON for numbers, lists, null (repeatable)', collectParam, {})
    .option('--format <format>', `output: ${FORMATS.join(', ')}`, parseFormat, 'table')
    .option('--max-rows <n>', 'keep at most n rows', (v) => positiveInteger(v, '--max-rows'), DEFAULT_MAX_ROWS)
    .option('--timeout <seconds>', 'stop the query after this time', (v) => positiveInteger(v, '--timeout'), DEFAULT_TIMEOUT_MS / 1000)
    .option('--list', 'list the query library (cypher/queries/) with parameters')
    .action(async (cypher: string | undefined, options: QueryOptions) => {
      try {
        await query(cypher, options);
      } catch (err) {
        console.error(`kg query: ${(err as Error).message}`);
        process.exitCode = 1;
      }
    });
}

async function query(text: string | undefined, options: QueryOptions): Promise<void> {
  if (options.list) {
    for (const q of listQueries()) {
      const params = q.params.map((p) => `$${p.name} (e.g. ${JSON.stringify(p.example)}): ${p.description}`);
      process.stdout.write(`${q.path}\n  ${q.description.split('\n')[0]}\n${params.map((p) => `    ${p}\n`).join('')}`);
    }
    return;
  }
  if (Boolean(text) === Boolean(options.file)) throw new Error('give either a Cypher query or --file <path>, not both');
  let cypher = text!;
  let params = options.param;
  if (options.file) {
    const file = readQueryFile(options.file);
    cypher = file.cypher;
    params = queryParams(file, options.param);
  }
  // Loaded when run: the driver is heavy, and the other commands do without it.
  const { runReadQuery } = await import('../sinks/neo4j/query.ts');
  const { formatResult } = await import('../sinks/neo4j/format.ts');
  const result = await runReadQuery(cypher, params, { timeoutMs: options.timeout * 1000, maxRows: options.maxRows });
  process.stdout.write(formatResult(result, options.format));
  console.error(
    result.truncated
      ? `kg query: first ${result.rows.length} rows shown; there are more (raise --max-rows)`
      : `kg query: ${result.rows.length} row${result.rows.length === 1 ? '' : 's'}`,
  );
}

function collectParam(value: string, params: Record<string, unknown>): Record<string, unknown> {
  const match = /^(\w+)(:?=)([\s\S]*)$/.exec(value);
  if (!match) throw new InvalidArgumentError(`--param ${value}: expected name=value or name:=JSON`);
  const [, name, op, raw] = match;
  if (op === '=') return { ...params, [name!]: raw };
  try {
    return { ...params, [name!]: JSON.parse(raw!) };
  } catch {
    throw new InvalidArgumentError(`--param ${value}: the value after := is not JSON`);
  }
}

function parseFormat(value: string): Format {
  if (!(FORMATS as readonly string[]).includes(value)) throw new InvalidArgumentError(`--format must be one of ${FORMATS.join(', ')}`);
  return value as Format;
}

function positiveInteger(value: string, name: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`${name} must be a positive integer, got ${value}`);
  return n;
}
