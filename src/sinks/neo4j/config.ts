/**
 * Where to find Neo4j, following Neo4j's own environment conventions
 * (the same variable names as cypher-shell, Neo4j Desktop and Aura's .env files).
 */

export interface Neo4jConfig {
  /** bolt://, bolt+s://, neo4j:// or neo4j+s:// (and +ssc variants). */
  uri: string;
  username: string;
  password: string;
  /** Database name; Community Edition has one user database, `neo4j`. */
  database: string;
}

/** The password `npm run neo4j -- start` gives user neo4j on a fresh store. */
export const DEFAULT_PASSWORD = 'kgpassword';

export const DEFAULTS: Neo4jConfig = {
  uri: 'bolt://127.0.0.1:7687',
  username: 'neo4j',
  password: DEFAULT_PASSWORD,
  database: 'neo4j',
};

/** Rows per write transaction of kg load. */
export const DEFAULT_BATCH_SIZE = 1000;
/** Transactions in flight at once: two for the server's cores, one being built (more did not help on 2 cores). */
export const DEFAULT_CONCURRENCY = 3;
/** Limits of a read-only query (kg query, the viewer's Cypher panel). */
export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_ROWS = 1000;

const SCHEMES = ['bolt', 'bolt+s', 'bolt+ssc', 'neo4j', 'neo4j+s', 'neo4j+ssc'];

/** Reads NEO4J_URI, NEO4J_USERNAME (or NEO4J_USER), NEO4J_PASSWORD, NEO4J_DATABASE. */
export function neo4jConfig(env: NodeJS.ProcessEnv = process.env): Neo4jConfig {
  const config: Neo4jConfig = {
    uri: env.NEO4J_URI || DEFAULTS.uri,
    username: env.NEO4J_USERNAME || env.NEO4J_USER || DEFAULTS.username,
    password: env.NEO4J_PASSWORD ?? DEFAULTS.password,
    database: env.NEO4J_DATABASE || DEFAULTS.database,
  };
  const scheme = /^([a-z0-9+]+):\/\//i.exec(config.uri)?.[1]?.toLowerCase();
  if (!scheme || !SCHEMES.includes(scheme)) {
    throw new Error(`NEO4J_URI ${config.uri} is not a Neo4j URI (expected ${SCHEMES.map((s) => `${s}://`).join(', ')})`);
  }
  return config;
}

/** For messages: where we connect, never the password. */
export function describe(config: Neo4jConfig): string {
  return `${config.uri} (user ${config.username}, database ${config.database})`;
}
