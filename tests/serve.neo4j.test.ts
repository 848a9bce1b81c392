/**
 * kg serve with Neo4j: POST /api/cypher against a real Neo4j 5 (a private server of this
 * file, started with scripts/neo4j/server.ts, so no other test file wipes it meanwhile),
 * loaded with the serve fixture by the project's own loader.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { clientConfig, start, type ServerOptions } from '../scripts/neo4j/server.ts';
import { openDriver } from '../src/sinks/neo4j/driver.ts';
import { applySchema, loadGraph } from '../src/sinks/neo4j/load.ts';
import { startServer, type RunningServer } from '../src/serve/server.ts';
import { fixtureGraph, writeFixture } from './serve-fixture.ts';
import { QUERIES_DIR, VIEWER_DIST, ensureViewerBuilt } from './serve-helpers.ts';
import { privateServerOptions, removeServer } from './setup/neo4j-servers.ts';

let neo4jServer: ServerOptions;
let driver: Driver;
let server: RunningServer;

const cypher = async (query: string, params: Record<string, unknown> = {}) => {
  const res = await fetch(`${server.url}/api/cypher`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, params }) });
  return { status: res.status, body: await res.json() };
};
const count = async () => {
  const session = driver.session({ database: clientConfig(neo4jServer).database });
  try {
    return Number((await session.run('MATCH (n) RETURN count(n) AS n')).records[0].get('n'));
  } finally {
    await session.close();
  }
};

beforeAll(async () => {
  ensureViewerBuilt();
  neo4jServer = await privateServerOptions('serve');
  await start(neo4jServer, (line) => console.error(`[neo4j serve test] ${line}`));
  const config = clientConfig(neo4jServer);
  driver = openDriver(config);
  await applySchema(driver, config.database);
  await loadGraph(driver, config.database, fixtureGraph());
  const graphPath = join(mkdtempSync(join(tmpdir(), 'kg-serve-neo4j-')), 'graph.json');
  writeFixture(graphPath);
  server = await startServer({ graphPath, viewerDir: VIEWER_DIST, queriesDir: QUERIES_DIR, port: 0, host: '127.0.0.1', neo4j: config, cypherLimits: { timeoutMs: 2_000, maxRows: 5 } });
}, 300_000);

afterAll(async () => {
  await server?.close();
  await driver?.close();
  if (neo4jServer) await removeServer(neo4jServer);
}, 120_000);

describe('kg serve: POST /api/cypher on Neo4j', () => {
  it('offers the saved query library and Cypher', async () => {
    const body = await (await fetch(`${server.url}/api/queries`)).json();
    expect(body.cypher).toBe(true);
    expect(body.queries.length).toBeGreaterThan(0);
    expect((await (await fetch(`${server.url}/api/info`)).json()).cypher).toBe(true);
  });

  it('answers a read query with rows and the subgraph, evidence included', async () => {
    const { status, body } = await cypher('MATCH (o:Official {name: $name})-[r:ATTENDED]->(m:Meeting) RETURN o, r, m', { name: '袁家军' });
    expect(status).toBe(200);
    expect(body.columns).toEqual(['o', 'r', 'm']);
    expect(body.rows).toEqual([{ o: { key: 'official:袁家军', label: 'Official', name: '袁家军' }, r: { type: 'ATTENDED', key: 'ATTENDED|official:袁家军|meeting:平安浙江' }, m: { key: 'meeting:平安浙江', label: 'Meeting', name: '全省建设平安浙江工作会议' } }]);
    expect(body.graph.nodes.map((n: { key: string }) => n.key).sort()).toEqual(['meeting:平安浙江', 'official:袁家军']);
    expect(body.graph.edges).toHaveLength(1);
    expect(body.graph.edges[0]).toMatchObject({ source: 'official:袁家军', target: 'meeting:平安浙江' });
    expect(body.graph.edges[0].attributes.evidence[0].sentence).toContain('袁家军出席会议并讲话');
  });

  it('returns paths as subgraphs', async () => {
    const { body } = await cypher("MATCH p = (:City {name: '萧山区'})-[:PART_OF*]->(:City) RETURN p");
    const keys = body.graph.nodes.map((n: { key: string }) => n.key).sort();
    expect(keys).toEqual(['city:330000', 'city:330100', 'city:330109']);
    expect(body.graph.edges.map((e: { key: string }) => e.key).sort()).toEqual(['PART_OF|city:330100|city:330000', 'PART_OF|city:330109|city:330100']);
  });

  it('keeps to the row limit and says so', async () => {
    const { body } = await cypher('MATCH (n) RETURN n.key AS key');
    expect(body.rows).toHaveLength(5);
    expect(body.truncated).toBe(true);
  });

  it('refuses writes: nothing changes in the database', async () => {
    const before = await count();
    for (const query of ["CREATE (n:Official {key: 'x', name: 'x'}) RETURN n", "MATCH (n:Official {name: '王浩'}) SET n.name = 'changed' RETURN n", 'MATCH (n) DETACH DELETE n', "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line"]) {
      const { status, body } = await cypher(query);
      expect(status, query).toBe(400);
      expect(body.error, query).toMatch(/Cypher query refused/);
    }
    expect(await count()).toBe(before);
    const { body } = await cypher("MATCH (n:Official {key: 'official:王浩'}) RETURN n.name AS name");
    expect(body.rows).toEqual([{ name: '王浩' }]);
  });

  it('stops a query that outruns the time limit', async () => {
    const { status, body } = await cypher('UNWIND range(1, 2000000000) AS x WITH x WHERE x < 0 RETURN count(x) AS n');
    expect(status).toBe(400);
    expect(body.error).toMatch(/Cypher query refused: .*(timeout|terminated|time)/i);
  }, 60_000);

  it('refuses malformed requests', async () => {
    expect((await cypher('')).status).toBe(400);
    const res = await fetch(`${server.url}/api/cypher`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'MATCH (n) RETURN n' });
    expect(res.status).toBe(415);
    const bad = await fetch(`${server.url}/api/cypher`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toContain('not valid JSON');
    const params = await fetch(`${server.url}/api/cypher`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: 'RETURN 1', params: [1] }) });
    expect(params.status).toBe(400);
  });
});
