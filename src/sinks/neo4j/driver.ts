import neo4j, { type Driver, Neo4jError } from 'neo4j-driver';
import { type Neo4jConfig, describe } from './config.ts';

export interface DriverOptions {
  /** How long managed transactions keep retrying after transient failures (lost connection...). */
  maxTransactionRetryTime?: number;
}

/** One driver per process: it holds the connection pool. Close it when done. */
export function openDriver(config: Neo4jConfig, options: DriverOptions = {}): Driver {
  return neo4j.driver(config.uri, neo4j.auth.basic(config.username, config.password), {
    // Our numbers (offsets, counts) fit in a double; plain numbers read better than Integer objects.
    disableLosslessIntegers: true,
    connectionTimeout: 15_000,
    maxTransactionRetryTime: options.maxTransactionRetryTime ?? 15_000,
    userAgent: 'kg',
  });
}

/**
 * Fails fast, with an explanation, when the server is unreachable, refuses the credentials
 * or has no such database. An auto-commit `RETURN 1` is not retried, unlike managed
 * transactions, so a wrong host does not cost the full retry time.
 */
export async function checkConnection(driver: Driver, config: Neo4jConfig): Promise<void> {
  const session = driver.session({ database: config.database, defaultAccessMode: neo4j.session.READ });
  try {
    await session.run('RETURN 1');
  } catch (err) {
    throw explainError(err, config);
  } finally {
    await session.close();
  }
}

/**
 * Explains a failure in the middle of work. Errors that do not say what happened (a connection
 * that died under a transaction can surface as a bare TypeError from the driver) are checked
 * against a fresh connection, so that "the server is gone" is reported as such.
 */
export async function diagnose(err: unknown, driver: Driver, config: Neo4jConfig): Promise<Error> {
  if (err instanceof Neo4jError && !['ServiceUnavailable', 'SessionExpired'].includes(err.code) && !err.code.startsWith('N/A')) {
    return explainError(err, config);
  }
  try {
    await checkConnection(driver, config);
  } catch (connectionError) {
    return connectionError as Error;
  }
  return explainError(err, config);
}

/** Turns driver errors into messages that say what is wrong and which setting to look at. */
export function explainError(err: unknown, config: Neo4jConfig): Error {
  const where = describe(config);
  if (!(err instanceof Neo4jError)) return err instanceof Error ? err : new Error(String(err));
  const code = err.code;
  let message: string;
  if (code === 'Neo.ClientError.Security.Unauthorized') {
    message = `Neo4j at ${config.uri} refused user ${config.username}: wrong username or password (set NEO4J_USERNAME / NEO4J_PASSWORD)`;
  } else if (code === 'Neo.ClientError.Security.AuthenticationRateLimit') {
    message = `Neo4j at ${config.uri} refused user ${config.username}: too many failed logins, wait and check NEO4J_PASSWORD`;
  } else if (code === 'Neo.ClientError.Database.DatabaseNotFound') {
    message = `Neo4j at ${config.uri} has no database "${config.database}" (set NEO4J_DATABASE; Community Edition has only "neo4j")`;
  } else if (code === 'ServiceUnavailable' || code === 'SessionExpired') {
    message = `cannot reach Neo4j at ${where}: ${firstLine(err.message)} (is it running? \`npm run neo4j -- start\`, or set NEO4J_URI)`;
  } else if (code === 'Neo.ClientError.Statement.AccessMode' || code === 'Neo.ClientError.Security.Forbidden') {
    message = `Neo4j refused the query: it writes, and this session is read-only (${firstLine(err.message)})`;
  } else if (code === 'Neo.ClientError.Transaction.TransactionTimedOut' || code === 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration') {
    message = `the query ran past its time limit and was stopped (${firstLine(err.message)})`;
  } else {
    message = `Neo4j error ${code} at ${where}: ${err.message}`;
  }
  return new Error(message, { cause: err });
}

function firstLine(text: string): string {
  return text.split('\n')[0]!.trim();
}
