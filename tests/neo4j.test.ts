/**
 * The Neo4j sink against a real Neo4j 5.26 (tests/setup/neo4j.ts starts the suite's server):
 * kg load, kg query, the query library, read-only refusals,
 * and faults (server stopped mid-load, wrong password, unreachable host, wrong database).
 * Tests in this file run one after another and own the test server's database.
 */
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { newGraph, readGraph, writeGraph, type KgGraph } from '../src/graph/io.ts';
import { NODE_LABELS, edgeKey, type NodeLabel, type RelType } from '../src/graph/schema.ts';
import type { Neo4jConfig } from '../src/sinks/neo4j/config.ts';
import { neo4jConfig } from '../src/sinks/neo4j/config.ts';
import { openDriver } from '../src/sinks/neo4j/driver.ts';
import { listQueries, queryParams, readQueryFile } from '../src/sinks/neo4j/library.ts';
import { applySchema, cypherStatements, loadGraph, SCHEMA_FILE, sharesNodes, writeBatch } from '../src/sinks/neo4j/load.ts';
import { RefusedQueryError, refusalReason, runReadQuery } from '../src/sinks/neo4j/query.ts';
import { type Batch, batchCypher, batchRows, graphBatches, graphProblems, nodePart, NODE_PARTS, RELATIONSHIP_PROPERTIES, relationshipBatches, relationshipProperties, relationshipRow, type RelationshipRow, toProperties } from '../src/sinks/neo4j/rows.ts';
import { evidenceFromProperties } from '../src/sinks/neo4j/evidence.ts';
import { toPlain } from '../src/sinks/neo4j/values.ts';
import { clientConfig, start, stop, status, type ServerOptions } from '../scripts/neo4j/server.ts';
import { manyOfficialsGraph, seedFactsGraph } from './neo4j.fixture.ts';
import { freePort, privateServerOptions, removeServer } from './setup/neo4j-servers.ts';

// Each kg run is a process start (about a second); the fault test waits out the driver's retries.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 300_000 });

const ROOT = resolve(import.meta.dirname, '..');
const SEEDS = resolve(ROOT, '../shared/corpus/seeds');
const testServer = inject('neo4j');
const tmp = mkdtempSync(join(tmpdir(), 'kg-neo4j-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// ---------------------------------------------------------------- helpers

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function envFor(config: Neo4jConfig): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NEO4J_URI: config.uri,
    NEO4J_USERNAME: config.username,
    NEO4J_PASSWORD: config.password,
    NEO4J_DATABASE: config.database,
  };
}

/** Runs `node bin/kg.js ...args`; `onStderr` sees the child and each stderr chunk as it comes. */
function kg(args: string[], env: NodeJS.ProcessEnv, onStderr?: (text: string, pid: number) => void): Promise<Run> {
  return new Promise((ok, fail) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/kg.js'), ...args], { cwd: ROOT, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => {
      stderr += d;
      onStderr?.(stderr, child.pid!);
    });
    child.once('error', fail);
    child.once('close', (code) => ok({ code, stdout, stderr }));
  });
}

async function cypher(driver: Driver, query: string, params: Record<string, unknown> = {}) {
  const session = driver.session({ database: 'neo4j' });
  try {
    return (await session.run(query, params)).records.map((r) => r.toObject());
  } finally {
    await session.close();
  }
}

/** Empties the database, schema included, so that each test sees what kg load creates. */
async function wipe(driver: Driver): Promise<void> {
  await cypher(driver, 'MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS');
  for (const { name } of await cypher(driver, 'SHOW CONSTRAINTS YIELD name')) await cypher(driver, `DROP CONSTRAINT \`${name}\``);
  for (const { name } of await cypher(driver, "SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP'")) await cypher(driver, `DROP INDEX \`${name}\``);
}

type RelationshipBatch = Extract<Batch, { kind: 'relationships' }>;

type Counts = { labels: Record<string, number>; types: Record<string, number> };

async function countsInDatabase(driver: Driver): Promise<Counts> {
  const labels = await cypher(driver, 'MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS n');
  const types = await cypher(driver, 'MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n');
  return {
    labels: Object.fromEntries(labels.map((r) => [r.label, r.n])),
    types: Object.fromEntries(types.map((r) => [r.type, r.n])),
  };
}

function countsInGraph(graph: KgGraph): Counts {
  const counts: Counts = { labels: {}, types: {} };
  graph.forEachNode((_, a) => (counts.labels[a.label] = (counts.labels[a.label] ?? 0) + 1));
  graph.forEachEdge((_, a) => (counts.types[a.type] = (counts.types[a.type] ?? 0) + 1));
  return counts;
}

/** Every node and relationship with its properties, in a stable order. */
async function snapshot(driver: Driver) {
  return {
    nodes: await cypher(driver, 'MATCH (n) RETURN labels(n) AS labels, properties(n) AS props ORDER BY n.key'),
    rels: await cypher(driver, 'MATCH (a)-[r]->(b) RETURN a.key AS a, type(r) AS t, b.key AS b, properties(r) AS props ORDER BY a, t, b'),
  };
}

function save(graph: KgGraph, name: string): string {
  const path = join(tmp, name, 'graph.json');
  writeGraph(graph, path);
  return path;
}

/** The test server's driver; fails every test of a describe with the reason the server is missing. */
function useTestServer(): { driver: () => Driver; config: Neo4jConfig } {
  let driver: Driver | undefined;
  const config: Neo4jConfig = { uri: testServer.uri, username: testServer.username, password: testServer.password, database: testServer.database };
  beforeAll(() => {
    if (testServer.error) throw new Error(testServer.error);
    driver = openDriver(config);
  });
  afterAll(async () => {
    await driver?.close();
  });
  return { driver: () => driver!, config };
}

// ---------------------------------------------------------------- without a server

describe('Neo4j sink: pure parts', () => {
  it('splits schema.cypher into statements and covers every label with a key constraint', () => {
    const statements = cypherStatements(readFileSync(SCHEMA_FILE, 'utf8'));
    expect(statements.every((s) => /^CREATE (CONSTRAINT|INDEX|FULLTEXT INDEX) \w+ IF NOT EXISTS/.test(s))).toBe(true);
    for (const label of NODE_LABELS) {
      expect(statements).toContain(`CREATE CONSTRAINT ${label.toLowerCase()}_key IF NOT EXISTS FOR (n:${label}) REQUIRE n.key IS UNIQUE`);
    }
    expect(statements.some((s) => s.includes("`fulltext.analyzer`: 'cjk'") && s.includes('n.aliases'))).toBe(true);
  });

  it('turns attributes into Neo4j properties: nulls dropped, nested values as JSON', () => {
    expect(toProperties({ a: null, b: 'x', c: [1, 2], d: { e: 1 }, f: [1, 'x'], g: [] })).toEqual({
      b: 'x',
      c: [1, 2],
      d: '{"e":1}',
      f: '[1,"x"]',
      g: [],
    });
  });

  it('stores evidence once, as parallel arrays that read back to the same list', () => {
    const simplified = { article: 'article:a', item: 1, sentence: '王浩出席。', original: '王浩出席。', start: 3, end: 8, date: '2022-04-02' };
    const traditional = { article: 'article:b', item: 0, sentence: '王浩主持会议。', original: '王浩主持會議。', start: 0, end: 7, date: null };
    const empty = { article: 'article:c', item: 0, sentence: '', original: '', start: 0, end: 0, date: null };
    const attrs = (evidence: unknown[]) => ({ key: 'k', type: 'CHAIRED', firstDate: null, lastDate: null, evidence });
    for (const evidence of [[], [simplified], [simplified, traditional], [empty, traditional], [empty]]) {
      const props = toPlain(relationshipProperties(attrs(evidence))) as Record<string, unknown>;
      expect(props.evidence).toBeUndefined(); // no second copy as JSON text
      expect(props.evidenceCount).toBe(evidence.length);
      expect(evidenceFromProperties(props, 'r')).toEqual(evidence);
    }
    // the original script only when some sentence differs from its Simplified text
    expect(relationshipProperties(attrs([simplified]))).not.toHaveProperty('evidenceOriginals');
    expect(relationshipProperties(attrs([simplified, traditional])).evidenceOriginals).toEqual(['王浩出席。', '王浩主持會議。']);
    // what the CSV and Cypher exports store (JSON text) reads too; mismatched arrays are refused
    expect(evidenceFromProperties({ evidence: JSON.stringify([traditional]) }, 'r')).toEqual([traditional]);
    expect(() => evidenceFromProperties({ evidenceSentences: ['a'], evidenceArticles: [] }, 'relationship x')).toThrow(/relationship x: evidenceArticles/);
  });

  it('lays a relationship row out as exactly the properties it sets', () => {
    const asProperties = (row: RelationshipRow) => ({
      ...row[2],
      ...Object.fromEntries(RELATIONSHIP_PROPERTIES.map((name, i) => [name, row[i + 3]]).filter(([, value]) => value !== null)),
    });
    const graph = seedFactsGraph();
    graph.forEachEdge((_edge, attributes, source, target) => {
      const row = relationshipRow(source, target, attributes as never);
      expect(row.slice(0, 2)).toEqual([source, target]);
      expect(asProperties(row)).toEqual(relationshipProperties(attributes as never));
    });
    const extra = { key: 'k', type: 'HOLDS', evidence: [], firstDate: null, lastDate: '2024-01-01', note: 'x', weights: [1, 2], nested: { a: 1 } };
    expect(relationshipRow('a', 'b', extra)[2]).toEqual({ note: 'x', weights: [1, 2], nested: '{"a":1}' });
    expect(asProperties(relationshipRow('a', 'b', extra))).toEqual(relationshipProperties(extra));
  });

  it('batches nodes per label and relationships per type, end labels and end parts', () => {
    const graph = seedFactsGraph();
    const batches = graphBatches(graph, 3);
    const ids = new Map(graph.nodes().map((key) => [key, `id-of-${key}`]));
    expect(batches.every((b) => b.keys.length <= 3 && batchRows(graph, b, ids).length === b.keys.length)).toBe(true);
    expect(batches.flatMap((b) => (b.kind === 'nodes' ? b.keys : [])).sort()).toEqual(graph.nodes().sort());
    expect(batches.flatMap((b) => (b.kind === 'relationships' ? b.keys : [])).sort()).toEqual(graph.edges().sort());
    for (const batch of batches) {
      if (batch.kind === 'nodes') expect(batch.keys.every((key) => graph.getNodeAttribute(key, 'label') === batch.label)).toBe(true);
      else {
        expect(batch.keys.every((edge) => graph.getEdgeAttribute(edge, 'type') === batch.type && graph.getNodeAttribute(graph.source(edge), 'label') === batch.from)).toBe(true);
        expect(batch.keys.every((edge) => nodePart(graph.source(edge)) === batch.fromPart && nodePart(graph.target(edge)) === batch.toPart)).toBe(true);
      }
    }
    // Both parts occur (the seed graph is big enough), and a key's part never changes.
    expect(new Set(graph.nodes().map(nodePart))).toEqual(new Set(Array.from({ length: NODE_PARTS }, (_, i) => i)));
    expect(nodePart('official:王浩')).toBe(nodePart('official:王浩'));
    const kinds = batches.map((b) => b.kind);
    expect(kinds.indexOf('relationships')).toBeGreaterThan(kinds.lastIndexOf('nodes'));
  });

  it('sends together only batches that cannot write to the same node', () => {
    const rels = (type: RelType, from: NodeLabel, to: NodeLabel, fromPart = 0, toPart = 0) => ({ kind: 'relationships' as const, type, from, to, fromPart, toPart, keys: [] });
    const attended = rels('ATTENDED', 'Official', 'Meeting');
    expect(sharesNodes(attended, attended)).toBe(true);
    expect(sharesNodes(attended, rels('MENTIONS', 'Article', 'Official'))).toBe(true);
    expect(sharesNodes(rels('PART_OF', 'City', 'City'), rels('LOCATED_IN', 'Site', 'City'))).toBe(true);
    expect(sharesNodes(attended, rels('LOCATED_IN', 'Site', 'City'))).toBe(false);
    expect(sharesNodes({ kind: 'nodes', label: 'Official', keys: [] }, { kind: 'nodes', label: 'Official', keys: [] })).toBe(false);
    // Parts: the same labels, but other nodes.
    expect(sharesNodes(attended, rels('ATTENDED', 'Official', 'Meeting', 1, 1))).toBe(false);
    expect(sharesNodes(attended, rels('ATTENDED', 'Official', 'Meeting', 0, 1))).toBe(true);
    expect(sharesNodes(attended, rels('MENTIONS', 'Article', 'Official', 0, 1))).toBe(false);
    expect(sharesNodes(rels('PART_OF', 'City', 'City', 0, 1), rels('LOCATED_IN', 'Site', 'City', 0, 0))).toBe(true);
    expect(sharesNodes(rels('PART_OF', 'City', 'City', 1, 1), rels('LOCATED_IN', 'Site', 'City', 0, 0))).toBe(false);
  });

  it('finds graphs that cannot be loaded', () => {
    const graph = seedFactsGraph();
    expect(graphProblems(graph)).toEqual([]);
    graph.addNode('x', { key: 'y', label: 'Person', name: 'x', aliases: [] } as never);
    graph.addEdgeWithKey('dup', 'official:王浩', 'meeting:全省建设平安浙江工作会议', { key: 'dup', type: 'CHAIRED', evidence: [], firstDate: null, lastDate: null });
    const problems = graphProblems(graph).join('\n');
    expect(problems).toContain('node x has unknown label "Person"');
    expect(problems).toContain('node x has attribute key "y"');
    expect(problems).toMatch(/edges .* and dup are both CHAIRED from official:王浩 to meeting:全省建设平安浙江工作会议/);
  });

  it('refuses what READ mode lets through, but not the same words inside strings or comments', () => {
    for (const query of [
      "LOAD CSV FROM 'file:///x.csv' AS row RETURN row",
      'load  csv with headers from "file:///x.csv" AS row RETURN row',
      'CALL dbms.components()',
      'CALL `dbms`.`listConfig`()',
      'RETURN dbms.info()',
      'CALL db.clearQueryCaches()',
      "TERMINATE TRANSACTIONS 'neo4j-transaction-1'",
      'SHOW USERS',
      'SHOW TRANSACTIONS',
      "CALL apoc.load.json('http://example.com')",
      "CALL apoc.export.csv.all('x.csv', {})",
      "CALL apoc.periodic.iterate('MATCH (n) RETURN n', 'DETACH DELETE n', {})",
    ]) {
      expect(refusalReason(query), query).toMatch(/^refused: /);
    }
    for (const query of [
      "RETURN 'LOAD CSV' AS x",
      'MATCH (n) // CALL dbms.components()\nRETURN count(n)',
      'RETURN "CALL dbms.x" AS text',
      'SHOW INDEXES',
      "CALL db.index.fulltext.queryNodes('names', '王浩') YIELD node RETURN node",
    ]) {
      expect(refusalReason(query), query).toBeNull();
    }
  });

  it('has a documented header and an example for every parameter of every library query', () => {
    const queries = listQueries();
    expect(queries.map((q) => q.name).sort()).toEqual([
      'campaigns',
      'co-attendance',
      'inspections-in-city',
      'leaders-of-city',
      'meetings-of-official',
      'official-timeline',
      'shortest-path',
    ]);
    for (const q of queries) {
      expect(q.description.length, q.name).toBeGreaterThan(20);
      const used = new Set([...q.cypher.replace(/^\/\/.*$/gm, '').matchAll(/\$(\w+)/g)].map((m) => m[1]));
      expect(new Set(q.params.map((p) => p.name)), q.name).toEqual(used);
      for (const p of q.params) expect(p.description.length, `${q.name} $${p.name}`).toBeGreaterThan(5);
    }
  });

  it('reads NEO4J_* settings with Neo4j defaults and rejects URIs of other schemes', () => {
    expect(neo4jConfig({})).toEqual({ uri: 'bolt://127.0.0.1:7687', username: 'neo4j', password: 'kgpassword', database: 'neo4j' });
    expect(neo4jConfig({ NEO4J_URI: 'neo4j+s://x.databases.neo4j.io', NEO4J_USERNAME: 'u', NEO4J_PASSWORD: 'p', NEO4J_DATABASE: 'd' })).toEqual({
      uri: 'neo4j+s://x.databases.neo4j.io',
      username: 'u',
      password: 'p',
      database: 'd',
    });
    expect(() => neo4jConfig({ NEO4J_URI: 'http://127.0.0.1:7474' })).toThrow(/not a Neo4j URI/);
  });
});

// ---------------------------------------------------------------- loading

describe('kg load: a graph of seed facts into the real Neo4j', () => {
  const { driver, config } = useTestServer();
  const graph = seedFactsGraph();
  let graphPath: string;

  beforeAll(async () => {
    await wipe(driver());
    graphPath = save(graph, 'facts');
  });

  it('applies the schema, then loads exactly the nodes and relationships of graph.json', async () => {
    const run = await kg(['load', graphPath, '--batch-size', '4'], envFor(config));
    expect(run.stderr).toContain(`done: ${graph.order} nodes (${graph.order} created), ${graph.size} relationships (${graph.size} created)`);
    expect(run.stderr).toMatch(/batch \d+\/\d+: 4 Official nodes/);
    expect(run.code).toBe(0);
    expect(await countsInDatabase(driver())).toEqual(countsInGraph(graph));

    const constraints = await cypher(driver(), "SHOW CONSTRAINTS YIELD labelsOrTypes, properties, type WHERE type = 'UNIQUENESS' RETURN labelsOrTypes[0] AS label, properties");
    expect(constraints.filter((c) => c.properties.join() === 'key').map((c) => c.label).sort()).toEqual([...NODE_LABELS].sort());
    const found = await cypher(driver(), "CALL db.index.fulltext.queryNodes('names', '龙山化工') YIELD node RETURN node.name AS name");
    expect(found.map((r) => r.name)).toContain('杭州龙山化工有限公司');
    const byAlias = await cypher(driver(), "CALL db.index.fulltext.queryNodes('names', '袁家軍') YIELD node RETURN node.name AS name");
    expect(byAlias[0]?.name).toBe('袁家军');
  });

  it('keeps article properties and evidence (parallel arrays, stored once)', async () => {
    const [article] = await cypher(driver(), "MATCH (a:Article {key: 'article:004_99dec979f43baf55'}) RETURN properties(a) AS p");
    expect(article!.p).toMatchObject({ file: '004_99dec979f43baf55.txt', published: '2023-06-26', script: 'simplified', title: '金承涛主持召开区委常委会会议', sha256: 'c'.repeat(64) });
    const [noDate] = await cypher(driver(), "MATCH (a:Article {key: 'article:003_cc801a4120f8a8de'}) RETURN a.published AS published, a.script AS script");
    expect(noDate).toEqual({ published: null, script: 'traditional' });

    const [holds] = await cypher(driver(), "MATCH (:Official {name: '王浩'})-[r:HOLDS]->(:Post {name: '浙江省长'}) RETURN properties(r) AS p");
    const edge = graph.getEdgeAttributes(edgeKey('HOLDS', 'official:王浩', 'post:浙江省长'));
    expect(holds!.p).toMatchObject({
      key: edge.key,
      firstDate: '2022-04-02',
      lastDate: '2026-02-24',
      evidenceCount: 2,
      evidenceArticles: ['article:002_7085c0ac0f2e14a4', 'article:003_cc801a4120f8a8de'],
      evidenceDates: ['2022-04-02', '2026-02-24'],
      evidenceSentences: ['省长王浩主持会议。', '省长王浩出席。'],
      evidenceOriginals: ['省长王浩主持会议。', '省長王浩出席。'],
    });
    expect(holds!.p.evidence).toBeUndefined();
    expect(evidenceFromProperties(holds!.p, 'HOLDS')).toEqual(edge.evidence);
    // all sentences Simplified: no originals stored, coalesce() gives the sentences
    const [simplified] = await cypher(driver(), "MATCH (:Official {name: '姜永柱'})-[r:HOLDS]->(:Post {name: '萧山区长'}) RETURN r.evidenceOriginals AS originals, coalesce(r.evidenceOriginals, r.evidenceSentences) AS text");
    expect(simplified).toEqual({ originals: null, text: ['区长姜永柱检查卡口。'] });
    const [partOf] = await cypher(driver(), "MATCH (:City {name: '萧山区'})-[r:PART_OF]->(:City {name: '杭州市'}) RETURN r.evidenceCount AS n, r.evidenceArticles AS a");
    expect(partOf).toEqual({ n: 0, a: [] });
  });

  it('changes nothing when the same graph is loaded again', async () => {
    const before = await snapshot(driver());
    const run = await kg(['load', graphPath], envFor(config));
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`done: ${graph.order} nodes (0 created), ${graph.size} relationships (0 created)`);
    expect(await snapshot(driver())).toEqual(before);
  });

  it('adds a second graph without duplicates and replaces evidence instead of appending it', async () => {
    const second = newGraph();
    for (const key of ['official:王浩', 'meeting:全省建设平安浙江工作会议', 'city:330100']) second.addNode(key, graph.getNodeAttributes(key));
    second.addNode('official:黄莉新', { key: 'official:黄莉新', label: 'Official', name: '黄莉新', aliases: [] });
    const chaired = edgeKey('CHAIRED', 'official:王浩', 'meeting:全省建设平安浙江工作会议');
    const twoSentences = [
      { article: 'article:002_7085c0ac0f2e14a4', item: 0, sentence: '省长王浩主持会议。', original: '省长王浩主持会议。', start: 0, end: 9, date: '2022-04-02' },
      { article: 'article:002_7085c0ac0f2e14a4', item: 0, sentence: '王浩主持全省建设平安浙江工作会议。', original: '王浩主持全省建设平安浙江工作会议。', start: 10, end: 27, date: '2022-04-02' },
    ];
    second.addEdgeWithKey(chaired, 'official:王浩', 'meeting:全省建设平安浙江工作会议', { key: chaired, type: 'CHAIRED', evidence: twoSentences, firstDate: '2022-04-02', lastDate: '2022-04-02' });
    const attended = edgeKey('ATTENDED', 'official:黄莉新', 'meeting:全省建设平安浙江工作会议');
    second.addEdgeWithKey(attended, 'official:黄莉新', 'meeting:全省建设平安浙江工作会议', { key: attended, type: 'ATTENDED', evidence: [twoSentences[0]!], firstDate: '2022-04-02', lastDate: '2022-04-02' });
    second.addEdgeWithKey(edgeKey('HELD_IN', 'meeting:全省建设平安浙江工作会议', 'city:330100'), 'meeting:全省建设平安浙江工作会议', 'city:330100', graph.getEdgeAttributes(edgeKey('HELD_IN', 'meeting:全省建设平安浙江工作会议', 'city:330100')));
    const secondPath = save(second, 'second');

    const union = seedFactsGraph();
    union.import(second.export(), true);
    for (let round = 0; round < 2; round++) {
      const run = await kg(['load', secondPath], envFor(config));
      expect(run.code).toBe(0);
      expect(await countsInDatabase(driver())).toEqual(countsInGraph(union));
      const [rel] = await cypher(driver(), "MATCH (:Official {name: '王浩'})-[r:CHAIRED]->(:Meeting {name: '全省建设平安浙江工作会议'}) RETURN r.evidenceCount AS n, r.evidenceStarts AS starts, count(*) AS rels");
      expect(rel).toEqual({ n: 2, starts: [0, 10], rels: 1 });
    }
    const keys = await cypher(driver(), 'MATCH (n) WITH n.key AS key, count(*) AS c WHERE c > 1 RETURN key');
    expect(keys).toEqual([]);

    // The first graph again: its evidence replaces the second graph's.
    expect((await kg(['load', graphPath], envFor(config))).code).toBe(0);
    const [back] = await cypher(driver(), "MATCH (:Official {name: '王浩'})-[r:CHAIRED]->(:Meeting) RETURN r.evidenceCount AS n");
    expect(back).toEqual({ n: 1 });
  });

  it('refuses a graph it cannot load, naming the file and the problem, and writes nothing', async () => {
    const before = await countsInDatabase(driver());
    const bad = JSON.parse(readFileSync(graphPath, 'utf8'));
    bad.nodes.push({ key: 'person:x', attributes: { key: 'person:x', label: 'Person', name: 'x', aliases: [] } });
    const badPath = join(tmp, 'bad.json');
    writeFileSync(badPath, JSON.stringify(bad));
    const run = await kg(['load', badPath], envFor(config));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${badPath} cannot be loaded`);
    expect(run.stderr).toContain('node person:x has unknown label "Person"');

    const missing = await kg(['load', join(tmp, 'missing.json')], envFor(config));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`cannot read graph ${join(tmp, 'missing.json')}`);
    expect(await countsInDatabase(driver())).toEqual(before);
  });

  it('finds relationship ends by the elementIds of its node batches, also for nodes stored before', async () => {
    // The plan seeks nodes by id, not through the key index.
    const attended = relationshipBatches(graph, 1000).find((b) => b.kind === 'relationships' && b.type === 'ATTENDED') as RelationshipBatch;
    const session = driver().session({ database: config.database });
    try {
      const plan = JSON.stringify((await session.run(`EXPLAIN ${batchCypher(attended)}`, { rows: [] })).summary.plan);
      expect(plan).toContain('NodeByElementIdSeek');
      expect(plan).not.toContain('NodeUniqueIndexSeek');
    } finally {
      await session.close();
    }
    // Nodes already there with other properties (an earlier graph): MERGE returns their ids, and
    // the relationships attach to them; nothing is created twice, now or on a second load.
    await wipe(driver());
    await applySchema(driver(), config.database);
    await cypher(driver(), "UNWIND $keys AS key MERGE (n:Official {key: key}) SET n.name = 'old'", { keys: graph.filterNodes((_, a) => a.label === 'Official') });
    const first = await loadGraph(driver(), config.database, graph, { batchSize: 3 });
    expect([first.relationshipsCreated, first.nodesCreated]).toEqual([graph.size, graph.order - graph.filterNodes((_, a) => a.label === 'Official').length]);
    const stored = await snapshot(driver());
    expect(stored.rels.length).toBe(graph.size);
    const again = await loadGraph(driver(), config.database, graph, { batchSize: 3 });
    expect([again.nodesCreated, again.relationshipsCreated]).toEqual([0, 0]);
    expect(await snapshot(driver())).toEqual(stored);
    expect(await countsInDatabase(driver())).toEqual(countsInGraph(graph));
  });

  it('fails a relationship batch whole when one of its end nodes is gone', async () => {
    await loadGraph(driver(), config.database, graph);
    const ids = new Map((await cypher(driver(), 'MATCH (n) RETURN n.key AS key, elementId(n) AS id')).map((r) => [r.key as string, r.id as string]));
    const batch = relationshipBatches(graph, 1000).find((b) => b.keys.length > 1) as RelationshipBatch;
    const rows = batchRows(graph, batch, ids) as RelationshipRow[];
    const gone = graph.source(batch.keys[0]!);
    await cypher(driver(), 'MATCH (n {key: $key}) DETACH DELETE n', { key: gone });
    await cypher(driver(), `MATCH ()-[r:${batch.type}]->() DELETE r`);
    const session = driver().session({ database: config.database });
    try {
      await expect(writeBatch(session, batch, rows)).rejects.toThrow(/of \d+ relationships found no end node/);
    } finally {
      await session.close();
    }
    expect(await cypher(driver(), `MATCH ()-[r:${batch.type}]->() RETURN count(r) AS n`)).toEqual([{ n: 0 }]);
    // A new load stores the node again and completes the graph.
    await loadGraph(driver(), config.database, graph);
    expect(await countsInDatabase(driver())).toEqual(countsInGraph(graph));
  });

  it('stores the same with several batches in flight as with one at a time, and again creates nothing', async () => {
    const graph = seedFactsGraph();
    const loadFresh = async (concurrency: number) => {
      await wipe(driver());
      await applySchema(driver(), config.database);
      return loadGraph(driver(), config.database, graph, { batchSize: 2, concurrency });
    };
    await loadFresh(1);
    const oneAtATime = await snapshot(driver());
    const together = await loadFresh(4);
    expect([together.nodesCreated, together.relationshipsCreated]).toEqual([graph.order, graph.size]);
    expect(await snapshot(driver())).toEqual(oneAtATime);
    const again = await loadGraph(driver(), config.database, graph, { batchSize: 2, concurrency: 4 });
    expect([again.nodesCreated, again.relationshipsCreated]).toEqual([0, 0]);
    expect(await snapshot(driver())).toEqual(oneAtATime);
  });
});

// ---------------------------------------------------------------- querying

describe('kg query and the query library on the seed facts', () => {
  const { driver, config } = useTestServer();
  const file = (name: string) => join(ROOT, 'cypher/queries', `${name}.cypher`);
  const library = async (name: string, params: Record<string, unknown> = {}) => {
    const query = readQueryFile(file(name));
    return (await runReadQuery(query.cypher, queryParams(query, params), { config })).rows;
  };

  beforeAll(async () => {
    await wipe(driver());
    const run = await kg(['load', save(seedFactsGraph(), 'query-facts')], envFor(config));
    expect(run.code, run.stderr).toBe(0);
  });

  it('meetings an official chaired or attended, in date order', async () => {
    const rows = await library('meetings-of-official', { name: '王浩' });
    expect(rows.map((r) => [r.date, r.meeting, r.city])).toEqual([
      ['2022-04-02', '全省建设平安浙江工作会议', '杭州市'],
      ['2026-02-24', '浙江省新春第一会', null],
    ]);
    expect(rows[0]!.roles).toEqual(['CHAIRED', 'ATTENDED']);
    const yuan = await library('meetings-of-official', { name: '袁家軍' }); // Traditional alias
    expect(yuan).toMatchObject([{ official: '袁家军', meeting: '全省建设平安浙江工作会议', date: '2022-04-02', roles: ['ATTENDED'] }]);
  });

  it('co-attendance network with counts', async () => {
    const rows = await library('co-attendance');
    const pair = (a: string, b: string) => rows.find((r) => [r.official, r.other].sort().join() === [a, b].sort().join());
    expect(pair('王浩', '袁家军')).toMatchObject({ meetings: 1, meetingNames: ['全省建设平安浙江工作会议'] });
    expect(pair('刘捷', '王敏')).toMatchObject({ meetings: 1, meetingNames: ['全市疫情防控工作视频调度会'] });
    expect(pair('王浩', '刘捷')).toBeUndefined();
    const wangMin = await library('co-attendance', { name: '王敏' });
    expect(wangMin.map((r) => [r.official, r.other].find((n) => n !== '王敏')).sort()).toEqual(['刘捷', '姜永柱', '王浩', '袁家军'].sort());
    expect(await library('co-attendance', { minMeetings: 2 })).toEqual([]);
  });

  it('inspections in a city and its subdivisions', async () => {
    const hangzhou = await library('inspections-in-city', { city: '杭州市' });
    expect(hangzhou.map((r) => [r.date, r.official, r.place, r.division])).toEqual([
      ['2022-04-04', '姜永柱', '萧山国际机场主线卡口', '萧山区'],
      ['2023-06-21', '包莹莹', '杭州龙山化工有限公司', '钱塘区'],
      ['2023-06-21', '金承涛', '杭州龙山化工有限公司', '钱塘区'],
    ]);
    const byCode = await library('inspections-in-city', { city: '330114' });
    expect(byCode.map((r) => r.official)).toEqual(['包莹莹', '金承涛']);
    const province = await library('inspections-in-city', { city: '浙江省' });
    expect(province.map((r) => r.place)).toContain('丽水市');
    expect(province).toHaveLength(4);
  });

  it("an official's posts and activities as a timeline", async () => {
    const rows = await library('official-timeline', { name: '金承涛' });
    expect(rows.map((r) => [r.date, r.relation, r.what])).toEqual([
      ['2023-06-21', 'INSPECTED', '杭州龙山化工有限公司'],
      ['2023-06-25', 'ATTENDED', '区委常委会会议'],
      ['2023-06-25', 'CHAIRED', '区委常委会会议'],
      ['2023-06-25', 'HOLDS', '钱塘区委书记'],
      ['2023-06-25', 'PROMOTED', '八八战略'],
      ['2023-06-25', 'PROMOTED', '枫桥经验'],
    ]);
    expect(rows.find((r) => r.relation === 'HOLDS')!.place).toBe('钱塘区');
  });

  it('leaders of a city at a date', async () => {
    expect(await library('leaders-of-city', { city: '杭州市', date: '2022-04-02' })).toEqual([
      { post: '杭州市委书记', official: '刘捷', firstAttested: '2022-04-02', lastAttested: '2023-06-25', city: '杭州市' },
    ]);
    const province = await library('leaders-of-city', { city: '浙江省', date: '2022-04-02' });
    expect(province.map((r) => [r.post, r.official])).toEqual([
      ['浙江省委书记', '袁家军'],
      ['浙江省长', '王浩'],
    ]);
    expect(await library('leaders-of-city', { city: '杭州市', date: '2021-01-01' })).toEqual([]);
  });

  it('which campaigns are pushed where and by whom', async () => {
    const rows = await library('campaigns', { campaign: '楓橋經驗' });
    expect(rows.map((r) => [r.campaign, r.promotedBy, r.where, r.firstDate, r.articles])).toEqual([
      ['枫桥经验', '袁家军', ['浙江省'], '2022-04-02', 2],
      ['枫桥经验', '金承涛', ['钱塘区'], '2023-06-25', 2],
    ]);
    const all = await library('campaigns');
    expect(all.map((r) => r.campaign)).toEqual(['八八战略', '枫桥经验', '枫桥经验', '除险保安']);
  });

  it('shortest path between two officials', async () => {
    const [toYuan, ...more] = await library('shortest-path', { from: '王浩', to: '袁家军' });
    expect(more).toEqual([]);
    expect(toYuan).toMatchObject({ hops: 2, names: ['王浩', '全省建设平安浙江工作会议', '袁家军'], kinds: ['Official', 'Meeting', 'Official'] });
    expect(toYuan!.relations).toEqual([expect.stringMatching(/^(CHAIRED|ATTENDED)$/), 'ATTENDED']); // 王浩 both chaired and attended
    const [toLiu] = await library('shortest-path', { from: '王浩', to: '刘捷' });
    expect(toLiu!.hops).toBe(4);
    expect((toLiu!.names as string[]).at(-1)).toBe('刘捷');
  });

  it('kg query --file uses the header examples, takes --param, and prints table, JSON and CSV', async () => {
    const table = await kg(['query', '--file', file('leaders-of-city')], envFor(config));
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/杭州市委书记\s*│\s*刘捷\s*│\s*2022-04-02/);
    expect(table.stderr).toContain('1 row');

    const json = await kg(['query', '--file', file('meetings-of-official'), '--param', 'name=金承涛', '--format', 'json'], envFor(config));
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject([{ date: '2023-06-25', meeting: '区委常委会会议', roles: ['CHAIRED', 'ATTENDED'], city: '钱塘区' }]);

    const csv = await kg(['query', 'MATCH (o:Official) WHERE o.name IN $names RETURN o.name AS name, o.aliases AS aliases ORDER BY name', '-p', 'names:=["袁家军","王浩"]', '--format', 'csv'], envFor(config));
    expect(csv.code).toBe(0);
    expect(csv.stdout).toBe('name,aliases\n王浩,[]\n袁家军,"[""袁家軍""]"\n');
  });

  it('refuses writes: the READ session makes the server reject them, and nothing changes', async () => {
    const before = await snapshot(driver());
    for (const query of [
      "CREATE (n:Official {key: 'official:x', name: 'x'}) RETURN n",
      "MATCH (o:Official {name: '王浩'}) SET o.name = '王二' RETURN o",
      'MATCH (n) DETACH DELETE n',
      "MERGE (c:Campaign {key: 'campaign:x'}) RETURN c",
    ]) {
      const run = await kg(['query', query], envFor(config));
      expect(run.code, query).toBe(1);
      expect(run.stderr, query).toMatch(/kg query: Neo4j refused the query: it writes, and this session is read-only/);
    }
    await expect(runReadQuery('CREATE (n:Site {key: "s"})', {}, { config })).rejects.toThrow(/read-only/);
    expect(await snapshot(driver())).toEqual(before);
  });

  it('refuses LOAD CSV and dbms.* explicitly, before they reach the server', async () => {
    writeFileSync(join(testServer.importDir, 'kg-refusal.csv'), 'a,b\n1,2\n');
    const load = await kg(['query', "LOAD CSV FROM 'file:///kg-refusal.csv' AS row RETURN row"], envFor(config));
    expect(load.code).toBe(1);
    expect(load.stderr).toContain('kg query: refused: LOAD CSV reads files and URLs on the server');
    const dbms = await kg(['query', 'CALL dbms.listConfig() YIELD name RETURN name'], envFor(config));
    expect(dbms.code).toBe(1);
    expect(dbms.stderr).toContain('refused: dbms.* procedures');
    await expect(runReadQuery('CALL dbms.components()', {}, { config })).rejects.toBeInstanceOf(RefusedQueryError);
  });

  it('keeps at most maxRows rows and stops queries at the time limit', async () => {
    const many = await runReadQuery('UNWIND range(1, 5000) AS i RETURN i', {}, { config, maxRows: 10 });
    expect(many.rows.map((r) => r.i)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(many.truncated).toBe(true);
    const all = await runReadQuery('UNWIND range(1, 10) AS i RETURN i', {}, { config, maxRows: 10 });
    expect(all.truncated).toBe(false);
    const empty = await runReadQuery("MATCH (n:Official {name: 'nobody'}) RETURN n.name AS name", {}, { config });
    expect(empty).toEqual({ columns: ['name'], rows: [], truncated: false });

    await expect(
      runReadQuery('UNWIND range(1, 1000000) AS a UNWIND range(1, 1000000) AS b RETURN count(*) AS n', {}, { config, timeoutMs: 1000 }),
    ).rejects.toThrow(/time limit/);
    const cli = await kg(['query', 'UNWIND range(1, 20) AS i RETURN i', '--max-rows', '5', '--format', 'json'], envFor(config));
    expect(JSON.parse(cli.stdout)).toHaveLength(5);
    expect(cli.stderr).toContain('first 5 rows shown; there are more');
  });

  it('works through a neo4j:// (routing) URI as well as bolt://', async () => {
    const routed = { ...config, uri: config.uri.replace('bolt://', 'neo4j://') };
    const run = await kg(['query', "MATCH (o:Official {name: '王浩'}) RETURN o.name AS name", '--format', 'json'], envFor(routed));
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual([{ name: '王浩' }]);
  });
});

// ---------------------------------------------------------------- faults

describe('faults: clear errors and non-zero exits', () => {
  const { config } = useTestServer();
  let graphPath: string;
  beforeAll(() => {
    graphPath = save(seedFactsGraph(), 'faults');
  });

  it('wrong password', async () => {
    const run = await kg(['load', graphPath], envFor({ ...config, password: 'not-the-password' }));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`kg load: Neo4j at ${config.uri} refused user neo4j: wrong username or password (set NEO4J_USERNAME / NEO4J_PASSWORD)`);
    const query = await kg(['query', 'RETURN 1'], envFor({ ...config, password: 'not-the-password' }));
    expect(query.code).toBe(1);
    expect(query.stderr).toContain('wrong username or password');
  });

  it('unreachable host', async () => {
    const uri = `bolt://127.0.0.1:${await freePort()}`;
    const run = await kg(['load', graphPath], envFor({ ...config, uri }));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`kg load: cannot reach Neo4j at ${uri} (user neo4j, database neo4j)`);
    expect(run.stderr).toContain('npm run neo4j -- start');
    const query = await kg(['query', 'RETURN 1'], envFor({ ...config, uri }));
    expect(query.code).toBe(1);
    expect(query.stderr).toContain(`cannot reach Neo4j at ${uri}`);
  });

  it('wrong database', async () => {
    const run = await kg(['load', graphPath], envFor({ ...config, database: 'nosuchdb' }));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`kg load: Neo4j at ${config.uri} has no database "nosuchdb"`);
  });

  it('a URI that is not a Neo4j URI', async () => {
    const run = await kg(['load', graphPath], envFor({ ...config, uri: 'http://127.0.0.1:7474' }));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('NEO4J_URI http://127.0.0.1:7474 is not a Neo4j URI');
  });
});

/** Stops a server in the middle of a load: on a private server, never the one other tests use. */
describe('faults: Neo4j stopped in the middle of kg load', () => {
  let options: ServerOptions;
  let config: Neo4jConfig;
  let driver: Driver;

  beforeAll(async () => {
    if (testServer.error) throw new Error(testServer.error);
    options = await privateServerOptions('fault');
    config = clientConfig(options);
    await start(options);
    driver = openDriver(config);
  });
  afterAll(async () => {
    await driver?.close();
    if (options) await removeServer(options);
  });

  it('start twice is harmless and status tells', async () => {
    const before = status(options);
    expect(before.running).toBe(true);
    expect(await start(options)).toEqual({ started: false, pid: before.pid });
    const cli = spawnSync('npx', ['tsx', 'scripts/neo4j/server.ts', 'status'], {
      cwd: ROOT,
      env: { ...process.env, KG_NEO4J_HOME: options.home, KG_NEO4J_PORT: String(options.port) },
      encoding: 'utf8',
    });
    expect(cli.status).toBe(0);
    expect(cli.stdout).toContain(`neo4j: running (pid ${before.pid}) on bolt://127.0.0.1:${options.port}`);
    expect(cli.stdout).toContain(`LOAD CSV folder ${join(options.home, 'import')}`);
  });

  it('fails clearly, leaves only whole batches, and a second load completes to the clean counts', async () => {
    const graph = manyOfficialsGraph(3000); // 30 + 3 node batches of 100, then the relationships'
    const batches = graphBatches(graph, 100).length;
    const path = save(graph, 'many');
    let paused = false;
    const interrupted = await kg(['load', path, '--batch-size', '100'], envFor(config), (stderr, pid) => {
      if (!paused && /batch 5\/\d+/.test(stderr)) {
        paused = true;
        // Freeze the loader mid-run, stop the server under it, then let it carry on.
        process.kill(pid, 'SIGSTOP');
        void stop(options).then(() => process.kill(pid, 'SIGCONT'));
      }
    });
    expect(paused).toBe(true);
    expect(interrupted.code).toBe(1);
    expect(interrupted.stderr).toContain(`kg load: cannot reach Neo4j at ${config.uri}`);
    expect(interrupted.stderr).toMatch(new RegExp(`batch \\d+ of ${batches} \\(100 Official nodes\\) failed and was rolled back; \\d+ other batches are stored, each whole\\. Run kg load again to complete the graph\\.`));
    expect(status(options).running).toBe(false);

    expect((await start(options)).started).toBe(true);
    const partial = await countsInDatabase(driver);
    const officials = partial.labels.Official ?? 0;
    expect(officials).toBeGreaterThanOrEqual(500);
    expect(officials).toBeLessThan(3000);
    expect(officials % 100).toBe(0); // whole batches only
    expect(partial.types).toEqual({});

    const again = await kg(['load', path, '--batch-size', '100'], envFor(config));
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain(`done: 3300 nodes (${3300 - officials} created), 3000 relationships (3000 created)`);
    expect(await countsInDatabase(driver)).toEqual(countsInGraph(graph));
    expect(await cypher(driver, 'MATCH (n) WITH n.key AS key, count(*) AS c WHERE c > 1 RETURN key')).toEqual([]);
  });
});

// ---------------------------------------------------------------- the seed corpus

describe('the seed corpus built by kg build, loaded into Neo4j', () => {
  const { driver, config } = useTestServer();
  let graph: KgGraph;
  let graphPath: string;

  beforeAll(async () => {
    const out = join(tmp, 'seeds');
    const build = spawnSync(process.execPath, [join(ROOT, 'bin/kg.js'), 'build', SEEDS, '--out', out], { cwd: ROOT, encoding: 'utf8' });
    graphPath = join(out, 'graph.json');
    if (build.status !== 0 || !existsSync(graphPath)) throw new Error(`kg build failed (exit ${build.status}): ${build.stderr}`);
    graph = readGraph(graphPath);
    await wipe(driver());
    const run = await kg(['load', graphPath], envFor(config));
    if (run.code !== 0) throw new Error(`kg load of the seed graph failed: ${run.stderr}`);
  });

  it('loads with the same counts per label and type as graph.json, and again without change', async () => {
    expect(await countsInDatabase(driver())).toEqual(countsInGraph(graph));
    const before = await snapshot(driver());
    const again = await kg(['load', graphPath], envFor(config));
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain(`done: ${graph.order} nodes (0 created), ${graph.size} relationships (0 created)`);
    expect(await snapshot(driver())).toEqual(before);
  });

  const library = async (name: string, params: Record<string, unknown>) => {
    const query = readQueryFile(join(ROOT, 'cypher/queries', `${name}.cypher`));
    return (await runReadQuery(query.cypher, queryParams(query, params), { config })).rows;
  };

  it('answers the library queries with what the seed articles say', async () => {
    const wangHao = await library('meetings-of-official', { name: '王浩' });
    expect(wangHao).toContainEqual(expect.objectContaining({ meeting: '全省建设平安浙江工作会议', roles: expect.arrayContaining(['CHAIRED']) }));
    const yuan = await library('meetings-of-official', { name: '袁家军' });
    expect(yuan).toContainEqual(expect.objectContaining({ meeting: '全省建设平安浙江工作会议', roles: expect.arrayContaining(['ATTENDED']) }));
    const jin = await library('official-timeline', { name: '金承涛' });
    expect(jin).toContainEqual(expect.objectContaining({ relation: 'INSPECTED', what: '杭州龙山化工有限公司' }));
    expect(jin).toContainEqual(expect.objectContaining({ relation: 'CHAIRED', what: '区委常委会会议', date: '2023-06-25' }));
    expect(jin).toContainEqual(expect.objectContaining({ relation: 'HOLDS', what: '钱塘区委书记', place: '钱塘区' }));
    const pairs = await library('co-attendance', { name: '王浩' });
    expect(pairs.some((r) => [r.official, r.other].includes('袁家军'))).toBe(true);
    const inspections = await library('inspections-in-city', { city: '杭州市' });
    expect(inspections).toContainEqual(expect.objectContaining({ official: '金承涛', place: '杭州龙山化工有限公司', division: '钱塘区' }));
    expect(inspections.map((r) => r.official)).toContain('姜永柱');
    const campaigns = await library('campaigns', { campaign: '枫桥经验' });
    expect(campaigns.map((r) => r.promotedBy)).toContain('金承涛');
    const [path] = await library('shortest-path', { from: '王浩', to: '袁家军' });
    expect(path!.hops).toBe(2);
  });

  // Article 002 says only "2日下午" (no month or year anywhere in it), so the gold's 2022-04-02
  // cannot be read from the text; dated facts are checked on article 004, whose masthead dates it.
  it('dates facts by their articles: who led 钱塘区 and 杭州市 on 2023-06-25, and what was held that day', async () => {
    const qiantang = await library('leaders-of-city', { city: '钱塘区', date: '2023-06-25' });
    expect(qiantang).toContainEqual(expect.objectContaining({ post: '钱塘区委书记', official: '金承涛' }));
    const hangzhou = await library('leaders-of-city', { city: '杭州市', date: '2023-06-23' });
    expect(hangzhou).toContainEqual(expect.objectContaining({ post: '杭州市委书记', official: '刘捷' }));
    const jin = await library('meetings-of-official', { name: '金承涛' });
    expect(jin).toContainEqual(expect.objectContaining({ meeting: '全区综合考核工作推进会', date: '2023-06-25', roles: expect.arrayContaining(['ATTENDED']) }));
    const wangHao = await library('meetings-of-official', { name: '王浩' });
    expect(wangHao).toContainEqual(expect.objectContaining({ meeting: '全省建设平安浙江工作会议', date: null }));
  });
});
