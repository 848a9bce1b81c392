/**
 * Read-only Cypher for people and the viewer's Cypher panel. Reads run in a READ session
 * inside `executeRead`, so the server refuses writes; what READ mode does not stop (LOAD CSV,
 * dbms.* and admin procedures, file- and network-touching APOC) is refused here, before sending.
 * Every query also gets a transaction timeout and a row limit.
 */
import neo4j, { type Driver, type Record as Neo4jRecord } from 'neo4j-driver';
import { type Neo4jConfig, neo4jConfig, DEFAULT_MAX_ROWS, DEFAULT_TIMEOUT_MS } from './config.ts';
import { openDriver, explainError } from './driver.ts';
import { toPlain } from './values.ts';

export { DEFAULT_MAX_ROWS, DEFAULT_TIMEOUT_MS };

export interface ReadQueryOptions {
  /** Transaction timeout; the server stops the query when it runs longer. */
  timeoutMs?: number;
  /** Rows kept; the result says `truncated` when there were more. */
  maxRows?: number;
  /** A driver the caller owns (and closes); without it one is opened from `config` and closed. */
  driver?: Driver;
  /** Where to connect; default from the NEO4J_* environment. */
  config?: Neo4jConfig;
}

export interface ReadQueryResult {
  columns: string[];
  /** Plain JSON values: nodes as {labels, properties}, relationships as {type, properties}. */
  rows: Record<string, unknown>[];
  truncated: boolean;
}

/** Thrown for queries refused before reaching the server. */
export class RefusedQueryError extends Error {}

const REFUSED: [RegExp, string][] = [
  [/\bLOAD\s+CSV\b/i, 'LOAD CSV reads files and URLs on the server'],
  [/\bdbms\s*\./i, 'dbms.* procedures and functions administer the server'],
  [/\bdb\s*\.\s*(clearQueryCaches|stats\s*\.)/i, 'db.clearQueryCaches and db.stats.* change server state'],
  [/\bTERMINATE\s+TRANSACTIONS?\b/i, 'TERMINATE TRANSACTIONS stops other users\' work'],
  [/\bSHOW\s+(TRANSACTIONS?|USERS?|ROLES?|PRIVILEGES|(ROLE|USER)\s+\S+\s+PRIVILEGES|CURRENT\s+USER|SERVERS|SETTINGS?|ALIASES)\b/i, 'administration commands are not queries of the graph'],
  [
    /\bapoc\s*\.\s*(load|import|export|periodic|cypher|do|trigger|systemdb|custom|static|log|create|merge|refactor|nodes\s*\.\s*delete|atomic|lock|schema|util\s*\.\s*sleep)\b/i,
    'this APOC procedure writes, runs other Cypher, or reaches files and the network',
  ],
];

/** Why a query is refused before it is sent, or null when it may run. */
export function refusalReason(cypher: string): string | null {
  const code = codeOnly(cypher);
  for (const [pattern, reason] of REFUSED) {
    if (pattern.test(code)) return `refused: ${reason}; kg query runs read-only queries of the graph only`;
  }
  return null;
}

/** The query without comments, string literals or backticks, so only real clauses are matched. */
function codeOnly(cypher: string): string {
  return cypher
    .replace(/('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")|\/\/[^\n]*|\/\*[\s\S]*?\*\//g, (match, literal) => (literal ? "''" : ' '))
    .replaceAll('`', '');
}

export async function runReadQuery(
  cypher: string,
  params: Record<string, unknown> = {},
  options: ReadQueryOptions = {},
): Promise<ReadQueryResult> {
  const reason = refusalReason(cypher);
  if (reason) throw new RefusedQueryError(reason);
  const config = options.config ?? neo4jConfig();
  const maxRows = options.maxRows ?? DEFAULT_MAX_ROWS;
  const driver = options.driver ?? openDriver(config, { maxTransactionRetryTime: 0 });
  const session = driver.session({ database: config.database, defaultAccessMode: neo4j.session.READ });
  try {
    return await session.executeRead(
      async (tx) => {
        const result = tx.run(cypher, params);
        const records: Neo4jRecord[] = [];
        let truncated = false;
        for await (const record of result) {
          if (records.length === maxRows) {
            truncated = true;
            break; // leaving the loop discards the rest of the stream
          }
          records.push(record);
        }
        const columns = records[0]?.keys.map(String) ?? (await result.keys()).map(String);
        const rows = records.map((record) => Object.fromEntries(columns.map((c) => [c, toPlain(record.get(c))])));
        return { columns, rows, truncated };
      },
      { timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS },
    );
  } catch (err) {
    throw explainError(err, config);
  } finally {
    await session.close();
    if (!options.driver) await driver.close();
  }
}
