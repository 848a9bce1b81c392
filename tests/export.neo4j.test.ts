/**
 * Exports loaded into a real Neo4j (5.26, started by scripts/neo4j/server.ts): the CSV folder
 * through LOAD CSV with neo4j-admin's header rules and through the real neo4j-admin, the
 * Cypher script statement by statement.
 *
 * This file starts its own private servers (tests/setup/neo4j-servers.ts: a home per process
 * under .neo4j/, a free port) because it wipes the database before each test: it never races
 * the suite's shared server or a concurrent run. The tests inside run one after another.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Driver, Node, Relationship } from 'neo4j-driver';
import { adminImportCsv, clientConfig, importDir, start, stop } from '../scripts/neo4j/server.ts';
import { privateServerOptions, removeServer } from './setup/neo4j-servers.ts';
import { openDriver } from '../src/sinks/neo4j/driver.ts';
import { importCsvFolder } from '../src/export/csv-import.ts';
import { fileText, writeCsv } from '../src/export/formats/csv.ts';
import { writeCypher } from '../src/export/formats/cypher.ts';
import { graphFromNeo4j, selectFromNeo4j } from '../src/export/neo4j.ts';
import { applySchema, loadGraph } from '../src/sinks/neo4j/load.ts';
import { parseSelector, selectSubgraph } from '../src/export/select.ts';
import { readGraph } from '../src/graph/io.ts';
import type { KgGraph } from '../src/graph/io.ts';
import { fixtureGraph, trickyFixtureGraph, trickyGraph } from './export.fixture.ts';
import { contents } from './export.readers.ts';

const options = await privateServerOptions('export');
const config = clientConfig(options);
let driver: Driver;

const run = async (cypher: string, params: Record<string, unknown> = {}) => {
  const session = driver.session({ database: config.database });
  try {
    return (await session.run(cypher, params)).records;
  } finally {
    await session.close();
  }
};
const wipe = async () => {
  await run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 1000 ROWS');
  for (const r of await run('SHOW CONSTRAINTS YIELD name')) await run(`DROP CONSTRAINT \`${r.get('name')}\``);
};

/** Everything in the database, read back as a kg graph. */
async function readDatabase(): Promise<KgGraph> {
  const nodes = (await run('MATCH (n) RETURN n')).map((r) => r.get('n') as Node);
  const rels = (await run('MATCH ()-[r]->() RETURN r')).map((r) => r.get('r') as Relationship);
  return graphFromNeo4j(nodes, rels);
}

/** Nodes per label and relationships per type, as Cypher counts them and as the graph holds them. */
async function countsInDatabase() {
  const labels = Object.fromEntries((await run('MATCH (n) UNWIND labels(n) AS l RETURN l, count(*) AS c')).map((r) => [r.get('l'), r.get('c')]));
  const types = Object.fromEntries((await run('MATCH ()-[r]->() RETURN type(r) AS t, count(*) AS c')).map((r) => [r.get('t'), r.get('c')]));
  return { labels, types };
}
function countsInGraph(graph: KgGraph) {
  const labels: Record<string, number> = {};
  const types: Record<string, number> = {};
  graph.forEachNode((_, a) => (labels[a.label] = (labels[a.label] ?? 0) + 1));
  graph.forEachEdge((_, a) => (types[a.type] = (types[a.type] ?? 0) + 1));
  return { labels, types };
}

const csvRoot = () => join(importDir(options), 'export-test');
let csvRuns = 0;
async function importCsv(graph: KgGraph) {
  const folder = join(csvRoot(), `run-${++csvRuns}`);
  mkdirSync(folder, { recursive: true });
  for (const file of writeCsv(graph)) writeFileSync(join(folder, file.name), fileText(file));
  const session = driver.session({ database: config.database });
  try {
    return await importCsvFolder(session, folder, { importRoot: importDir(options) });
  } finally {
    await session.close();
  }
}

async function runCypherScript(script: string) {
  // One statement per line (the writer's layout); comments are skipped as cypher-shell does.
  const statements = script.split('\n').filter((line) => line.trim() && !line.startsWith('//'));
  for (const statement of statements) await run(statement);
  return statements.length;
}

const TIMEOUT = 120_000;
const selections: [string, Record<string, string>][] = [
  ['whole graph', {}],
  ['official 1 hop', { official: '袁家军' }],
  ['city in April, facts only', { city: '杭州', from: '2022-04', to: '2022-04', types: 'CHAIRED,ATTENDED,INSPECTED,HOLDS,PROMOTED' }],
];

describe.sequential('exports loaded into Neo4j', () => {
  beforeAll(async () => {
    await start(options);
    driver = openDriver(config);
  }, 300_000);

  afterAll(async () => {
    if (driver) {
      await wipe();
      await driver.close();
    }
    await removeServer(options);
  }, 120_000);

  beforeEach(wipe, TIMEOUT);

  it.each(selections)('csv through LOAD CSV gives the selection back: %s', async (_, query) => {
    const selected = selectSubgraph(fixtureGraph(), parseSelector(query));
    const imported = await importCsv(selected);
    expect(imported).toEqual({ nodes: selected.order, relationships: selected.size });
    expect(await countsInDatabase()).toEqual(countsInGraph(selected));
    expect(contents(await readDatabase())).toEqual(contents(selected));
  }, TIMEOUT);

  it.each(selections)('cypher script run statement by statement gives the selection back: %s', async (_, query) => {
    const selected = selectSubgraph(fixtureGraph(), parseSelector(query));
    await runCypherScript(writeCypher(selected));
    expect(await countsInDatabase()).toEqual(countsInGraph(selected));
    expect(contents(await readDatabase())).toEqual(contents(selected));
    // MERGE by key: running the script again changes nothing
    await runCypherScript(writeCypher(selected));
    expect(await countsInDatabase()).toEqual(countsInGraph(selected));
  }, TIMEOUT);

  it('the seed corpus graph, whole and as 袁家军\'s neighbourhood, survives csv and cypher', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kg-export-seed-'));
    try {
      execFileSync(process.execPath, ['bin/kg.js', 'build', '../shared/corpus/seeds', '--out', dir], { stdio: 'ignore' });
      const seeds = readGraph(join(dir, 'graph.json'));
      for (const selected of [seeds, selectSubgraph(seeds, parseSelector({ official: '袁家军' }))]) {
        await wipe();
        await importCsv(selected);
        expect(await countsInDatabase()).toEqual(countsInGraph(selected));
        expect(contents(await readDatabase())).toEqual(contents(selected));
        await wipe();
        await runCypherScript(writeCypher(selected));
        expect(await countsInDatabase()).toEqual(countsInGraph(selected));
        expect(contents(await readDatabase())).toEqual(contents(selected));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, TIMEOUT);

  it('tricky text survives csv and cypher through Neo4j', async () => {
    // Neo4j's default LOAD CSV reads \" and \\ as escapes (db.import.csv.legacy_quote_escaping):
    // the writer keeps JSON fields free of them, and the importer refuses data that holds them.
    const [setting] = await run("SHOW SETTINGS YIELD name, value WHERE name = 'db.import.csv.legacy_quote_escaping' RETURN value");
    const legacyQuoting = setting.get('value') !== 'false';
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(trickyGraph, async (graph) => {
        await wipe();
        const backslashEscape = writeCsv(graph).some((f) => /\\["\\]/.test(fileText(f)));
        if (legacyQuoting && backslashEscape) {
          await expect(importCsv(graph)).rejects.toThrow(/holds a backslash before a quote or a backslash.*legacy_quote_escaping=true/);
          refused++;
        } else {
          await importCsv(graph);
          expect(contents(await readDatabase())).toEqual(contents(graph));
        }
        await wipe();
        await runCypherScript(writeCypher(graph));
        expect(contents(await readDatabase())).toEqual(contents(graph));
      }),
      { numRuns: 15 },
    );
    expect(refused).toBeLessThan(15);
  }, TIMEOUT);

  it('a Cypher query selects a slice from a database kg load filled', async () => {
    await applySchema(driver, config.database);
    await loadGraph(driver, config.database, fixtureGraph());
    const attended = await selectFromNeo4j("MATCH (:Official {name: '袁家军'})-[r:ATTENDED]->() RETURN r", { config });
    expect(attended.truncated).toBe(false);
    expect(contents(attended.graph)).toEqual(contents(selectSubgraph(fixtureGraph(), parseSelector({ official: '袁家军', types: 'ATTENDED' })))); // ends fetched by key
    const path = await selectFromNeo4j("MATCH p = (:City {name: '萧山区'})-[:PART_OF*]->() RETURN p", { config });
    expect(path.graph.nodes().sort()).toEqual(['City:330000', 'City:330100', 'City:330109']);
    expect(path.graph.size).toBe(2);
    const whole = await selectFromNeo4j('MATCH (n) OPTIONAL MATCH (n)-[r]->() RETURN n, collect(r) AS out', { config });
    expect(contents(whole.graph)).toEqual(contents(fixtureGraph()));
    const few = await selectFromNeo4j('MATCH (n:Official) RETURN n', { config, maxRows: 2 });
    expect([few.truncated, few.graph.order]).toEqual([true, 2]);
    await expect(selectFromNeo4j('MATCH (n) DETACH DELETE n', { config })).rejects.toThrow(/read-only|refused/i);

    // the cypher export runs on top of kg load's schema and data and changes nothing
    await runCypherScript(writeCypher(fixtureGraph()));
    expect(await countsInDatabase()).toEqual(countsInGraph(fixtureGraph()));
  }, TIMEOUT);

  it('kg load stores evidence once and it reads back exactly: tricky text, empty sentences, unknown dates, other scripts', async () => {
    const graph = trickyFixtureGraph();
    // some sentences read in Traditional script: their originals differ from the Simplified text
    graph.updateEachEdgeAttributes((_, attrs) => ({ ...attrs, evidence: attrs.evidence.map((e, i) => (i % 3 === 1 ? { ...e, original: `${e.original}會議` } : e)) }));
    await applySchema(driver, config.database);
    await loadGraph(driver, config.database, graph);
    const [stored] = await run("MATCH ()-[r]->() WHERE r.evidence IS NOT NULL RETURN count(r) AS n");
    expect(stored.get('n')).toBe(0);
    expect(contents(await readDatabase())).toEqual(contents(graph));
    const whole = await selectFromNeo4j('MATCH (n) OPTIONAL MATCH (n)-[r]->() RETURN n, collect(r) AS out', { config });
    expect(contents(whole.graph)).toEqual(contents(graph));
  }, TIMEOUT);
});

describe('csv loaded by the real neo4j-admin', () => {
  it('the folder\'s import script loads a new database that holds the graph exactly', async () => {
    const server = await privateServerOptions('export-admin');
    const home = server.home;
    const graph = trickyFixtureGraph();
    try {
      const folder = join(home, 'export');
      mkdirSync(folder, { recursive: true });
      for (const file of writeCsv(graph)) writeFileSync(join(folder, file.name), fileText(file));
      const output = await adminImportCsv(server, folder);
      expect(output).toContain(`${graph.order} nodes`);
      expect(output).toContain(`${graph.size} relationships`);

      await start(server);
      // Offline only: a running server's store is refused with what to do.
      await expect(adminImportCsv(server, folder, ['--overwrite-destination'])).rejects.toThrow(/is running \(pid \d+\).*stop it first/);
      await stop(server);
      await expect(adminImportCsv(server, folder)).rejects.toThrow(/already holds a store: add --overwrite-destination/);
      await start(server);
      const admin = openDriver(clientConfig(server));
      try {
        const session = admin.session();
        const nodes = (await session.run('MATCH (n) RETURN n')).records.map((r) => r.get('n') as Node);
        const rels = (await session.run('MATCH ()-[r]->() RETURN r')).records.map((r) => r.get('r') as Relationship);
        const count = async (cypher: string) => (await session.run(cypher)).records[0].get('c');
        const withAliases = await count('MATCH (n) WHERE n.aliases IS NOT NULL RETURN count(n) AS c');
        const emptyTitles = await count("MATCH (a:Article) WHERE a.title = '' RETURN count(a) AS c");
        await session.close();
        expect(contents(graphFromNeo4j(nodes, rels))).toEqual(contents(graph));
        expect(withAliases).toBe(graph.filterNodes((_, a) => a.aliases.length > 0).length); // an empty list sets no property
        expect(emptyTitles).toBe(1); // "" is an empty string
      } finally {
        await admin.close();
      }
    } finally {
      await removeServer(server);
    }
  }, 300_000);
});
