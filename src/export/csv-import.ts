/**
 * Loads a folder of CSV files written in neo4j-admin's import layout into a running Neo4j
 * with LOAD CSV, following the same header rules as `neo4j-admin database import`:
 *
 * - `name:ID`, `:ID`, `name:ID(Space)`: the node id (a named id is also stored as property `name`);
 * - `:LABEL`: labels, separated by the array delimiter;
 * - `:START_ID(Space)`, `:END_ID(Space)`, `:TYPE`: a relationship's ends and type;
 * - `name:type` with int, long, short, byte, float, double, boolean, char, string, date,
 *   localtime, time, localdatetime, datetime or duration, and `[]` for arrays (elements
 *   separated by the array delimiter); `name:IGNORE` and a plain `name` (a string);
 * - an empty field sets no property; a quoted empty field "" is an empty string, but sets no
 *   property in an array column.
 *
 * Unlike neo4j-admin it works on a live server (Community Edition too) and into a database
 * that may hold other data: it needs the folder to be readable by LOAD CSV, i.e. inside the
 * server's import directory (server.directories.import).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Session } from 'neo4j-driver';
import { cypherName, cypherString } from './formats/cypher.ts';

export interface CsvColumn {
  header: string;
  kind: 'id' | 'label' | 'start' | 'end' | 'type' | 'ignore' | 'property';
  /** Property the column sets (a named ID column sets one too), else null. */
  property: string | null;
  idSpace: string | null;
  valueType: string;
  array: boolean;
}

const VALUE_TYPES = ['int', 'long', 'short', 'byte', 'float', 'double', 'boolean', 'char', 'string', 'date', 'localtime', 'time', 'localdatetime', 'datetime', 'duration'];

/** Reads one header row; throws naming the file and column when a type is not one neo4j-admin knows. */
export function parseCsvHeader(headers: string[], file: string): CsvColumn[] {
  return headers.map((header) => {
    const colon = header.lastIndexOf(':');
    const name = colon < 0 ? header : header.slice(0, colon);
    const type = colon < 0 ? 'string' : header.slice(colon + 1);
    const meta = /^(ID|START_ID|END_ID)(?:\((.*)\))?$|^(LABEL|TYPE|IGNORE)$/i.exec(type);
    if (meta) {
      const kind = (meta[1] ?? meta[3]).toUpperCase();
      const kinds = { ID: 'id', START_ID: 'start', END_ID: 'end', LABEL: 'label', TYPE: 'type', IGNORE: 'ignore' } as const;
      return {
        header,
        kind: kinds[kind as keyof typeof kinds],
        property: kind === 'ID' && name ? name : null,
        idSpace: meta[2] ?? null,
        valueType: 'string',
        array: false,
      };
    }
    const array = type.endsWith('[]');
    const valueType = (array ? type.slice(0, -2) : type).toLowerCase();
    if (!VALUE_TYPES.includes(valueType) || !name) {
      throw new Error(`${file}: column "${header}" has ${name ? `an unknown type "${type}"` : 'no name'}`);
    }
    return { header, kind: 'property', property: name, idSpace: null, valueType, array };
  });
}

const CONVERT: Record<string, (v: string) => string> = {
  int: (v) => `toInteger(${v})`,
  long: (v) => `toInteger(${v})`,
  short: (v) => `toInteger(${v})`,
  byte: (v) => `toInteger(${v})`,
  float: (v) => `toFloat(${v})`,
  double: (v) => `toFloat(${v})`,
  boolean: (v) => `toBoolean(${v})`,
  char: (v) => v,
  string: (v) => v,
  date: (v) => `date(${v})`,
  localtime: (v) => `localtime(${v})`,
  time: (v) => `time(${v})`,
  localdatetime: (v) => `localdatetime(${v})`,
  datetime: (v) => `datetime(${v})`,
  duration: (v) => `duration(${v})`,
};

/** Cypher for one column's value in `row` (param $h<i> holds its header). */
function valueExpression(column: CsvColumn, i: number): string {
  const raw = `row[$h${i}]`;
  if (!column.array) return CONVERT[column.valueType](raw);
  return `CASE WHEN ${raw} IS NULL OR ${raw} = '' THEN null ELSE [x IN split(${raw}, $delimiter) | ${CONVERT[column.valueType]('x')}] END`;
}

const IMPORT_LABEL = 'KgCsvImport';
const IMPORT_ID = 'kgCsvImportId';
// The id space and the id, joined by a character ids do not hold.
const idOf = (space: string | null, expr: string) => `${cypherString((space ?? '') + '\u001f')} + ${expr}`;

/** The LOAD CSV statement for one file, with its parameters. */
export function loadStatement(file: string, columns: CsvColumn[], url: string, delimiter: string): { cypher: string; params: Record<string, unknown> } {
  const params: Record<string, unknown> = { url, delimiter };
  columns.forEach((c, i) => (params[`h${i}`] = c.header));
  const at = (kind: CsvColumn['kind']) => columns.findIndex((c) => c.kind === kind);
  const sets = columns
    .map((c, i) => (c.property && c.kind !== 'ignore' ? `SET e.${cypherName(c.property)} = ${c.kind === 'id' ? `row[$h${i}]` : valueExpression(c, i)}` : ''))
    .filter(Boolean);
  const [id, start, end, type, label] = (['id', 'start', 'end', 'type', 'label'] as const).map(at);

  let body: string;
  if (start >= 0 || end >= 0) {
    if (start < 0 || end < 0 || type < 0) throw new Error(`${file}: a relationship file needs :START_ID, :END_ID and :TYPE columns`);
    body = [
      `MATCH (a:${IMPORT_LABEL} {${IMPORT_ID}: ${idOf(columns[start].idSpace, `row[$h${start}]`)}})`,
      `MATCH (b:${IMPORT_LABEL} {${IMPORT_ID}: ${idOf(columns[end].idSpace, `row[$h${end}]`)}})`,
      `CREATE (a)-[e:$(row[$h${type}])]->(b)`,
      ...sets,
    ].join('\n    ');
  } else {
    if (id < 0) throw new Error(`${file}: a node file needs an :ID column`);
    body = [
      `CREATE (e:${IMPORT_LABEL} {${IMPORT_ID}: ${idOf(columns[id].idSpace, `row[$h${id}]`)}})`,
      ...(label >= 0 ? [`SET e:$(CASE WHEN row[$h${label}] IS NULL THEN [] ELSE split(row[$h${label}], $delimiter) END)`] : []),
      ...sets,
    ].join('\n    ');
  }
  const cypher = `LOAD CSV WITH HEADERS FROM $url AS row\nCALL (row) {\n    ${body}\n} IN TRANSACTIONS OF 1000 ROWS`;
  return { cypher, params };
}

/** Whether LOAD CSV on this server takes \" and \\ for escapes (Neo4j's default); assumed when the setting cannot be read. */
async function legacyQuoteEscaping(session: Session): Promise<boolean> {
  try {
    const result = await session.run("SHOW SETTINGS YIELD name, value WHERE name = 'db.import.csv.legacy_quote_escaping' RETURN value");
    return result.records[0]?.get('value') !== 'false';
  } catch {
    return true;
  }
}

export interface CsvImportResult {
  nodes: number;
  relationships: number;
}

/**
 * Imports every *.csv in `folder` (which must lie inside `importRoot`, the server's import
 * directory): node files first, then relationship files, as neo4j-admin does.
 */
export async function importCsvFolder(
  session: Session,
  folder: string,
  options: { importRoot: string; arrayDelimiter?: string },
): Promise<CsvImportResult> {
  const delimiter = options.arrayDelimiter ?? ';';
  const path = relative(options.importRoot, folder);
  if (path.startsWith('..')) throw new Error(`${folder} is not inside the Neo4j import directory ${options.importRoot}`);
  const files = readdirSync(folder)
    .filter((name) => name.endsWith('.csv'))
    .sort()
    .map((name) => {
      const text = readFileSync(join(folder, name), 'utf8');
      const [headers] = parse(text, { to_line: 1, bom: true }) as string[][];
      if (!headers) throw new Error(`${join(folder, name)}: empty file, no header`);
      const columns = parseCsvHeader(headers, join(folder, name));
      const url = 'file:///' + [...path.split(sep).filter(Boolean), name].map(encodeURIComponent).join('/');
      return { name, columns, url, isRelationships: columns.some((c) => c.kind === 'start'), backslashEscape: /\\["\\]/.test(text) };
    })
    .sort((a, b) => Number(a.isRelationships) - Number(b.isRelationships));

  const misread = files.find((f) => f.backslashEscape);
  if (misread && (await legacyQuoteEscaping(session))) {
    throw new Error(
      `${join(folder, misread.name)} holds a backslash before a quote or a backslash (\\" or \\\\), which this Neo4j ` +
        'reads as an escape (db.import.csv.legacy_quote_escaping=true): set that to false in the server settings, or load the folder with neo4j-admin',
    );
  }

  const result: CsvImportResult = { nodes: 0, relationships: 0 };
  await session.run(`CREATE INDEX kg_csv_import_id IF NOT EXISTS FOR (n:${IMPORT_LABEL}) ON (n.${IMPORT_ID})`);
  await session.run('CALL db.awaitIndexes(300)');
  try {
    for (const file of files) {
      const { cypher, params } = loadStatement(file.name, file.columns, file.url, delimiter);
      const summary = (await session.run(cypher, params)).summary.counters.updates();
      result.nodes += summary.nodesCreated;
      result.relationships += summary.relationshipsCreated;
    }
  } finally {
    await session.run(`MATCH (n:${IMPORT_LABEL}) CALL (n) { REMOVE n:${IMPORT_LABEL} REMOVE n.${IMPORT_ID} } IN TRANSACTIONS OF 1000 ROWS`);
    await session.run('DROP INDEX kg_csv_import_id IF EXISTS');
  }
  return result;
}
