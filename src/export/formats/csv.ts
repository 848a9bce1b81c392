/**
 * `csv`: a folder of CSV files in the layout `neo4j-admin database import` reads, which pandas,
 * R and spreadsheets open as well.
 *
 * - `nodes_<Label>.csv` per node label: `key:ID` (one id space: node keys are unique in the
 *   whole graph, and neo4j-admin also stores the column as property `key`), `:LABEL`, then the
 *   label's fields; `aliases:string[]` joins the aliases with the array delimiter.
 * - `relationships_<TYPE>.csv` per type: `:START_ID`, `:END_ID`, `:TYPE`, `key`, `evidence`
 *   (JSON text: a list of {article, item, sentence, original, start, end, date}),
 *   `firstDate`, `lastDate`.
 * - `import-neo4j-admin.sh`: the neo4j-admin command that loads them.
 *
 * Values: a missing value (null) is an empty field, and so is an empty list (neo4j-admin sets
 * no property for either); an empty string is a quoted empty field `""`. Fields holding
 * quotes, commas or line breaks are quoted with `"` and inner quotes doubled, so neo4j-admin
 * needs --multiline-fields=true.
 */
import { stringify } from 'csv-stringify/sync';
import type { KgGraph } from '../../graph/io.ts';
import { EDGE_FIELDS, nodeFields } from '../fields.ts';

export const DEFAULT_ARRAY_DELIMITER = ';';

export interface ExportFile {
  /** File name inside the output folder. */
  name: string;
  /**
   * The file's text in pieces of ROWS_PER_PIECE rows, made as they are read: a big graph's
   * file is never one string (the 50k graph's MENTIONS file is 360 MB).
   */
  pieces(): Iterable<string>;
}

/** The whole text of a file: for small exports and tests. */
export function fileText(file: ExportFile): string {
  return [...file.pieces()].join('');
}

/**
 * Rows per piece of a file's text. Small pieces die young: with 5000 rows a piece, exporting
 * the 50k graph took 38 s, two thirds of it collecting garbage promoted beside the graph; 18 s
 * with 100.
 */
export const ROWS_PER_PIECE = 100;

/** A CSV file's text: the header row, then the records made ROWS_PER_PIECE at a time. */
function csvFile(name: string, header: string[], count: number, record: (i: number) => unknown[]): ExportFile {
  return {
    name,
    *pieces() {
      yield stringify([header], CSV_OPTIONS);
      for (let from = 0; from < count; from += ROWS_PER_PIECE) {
        const records: unknown[][] = [];
        for (let i = from; i < Math.min(count, from + ROWS_PER_PIECE); i++) records.push(record(i));
        yield stringify(records, CSV_OPTIONS);
      }
    },
  };
}

export interface CsvOptions {
  /** One character separating array elements (neo4j-admin --array-delimiter). */
  arrayDelimiter?: string;
}

type CsvType = 'string' | 'long' | 'double' | 'boolean';
interface Column {
  field: string;
  header: string;
  type: CsvType;
  array: boolean;
  /** Whether objects (evidence) are written as JSON text. */
  json: boolean;
}

/** Fields whose column does not depend on the values that happen to be exported. */
const KNOWN_COLUMNS: Record<string, Pick<Column, 'type' | 'array' | 'json'>> = {
  aliases: { type: 'string', array: true, json: false },
  evidence: { type: 'string', array: false, json: true },
};

function scalarType(values: unknown[]): CsvType {
  if (!values.length) return 'string';
  if (values.every((v) => typeof v === 'boolean')) return 'boolean';
  if (values.every((v) => typeof v === 'number')) return values.every((v) => Number.isSafeInteger(v)) ? 'long' : 'double';
  return 'string';
}

/** Columns for rows of attributes: listed fields first, then any others found, typed by their values. */
function columnsFor(rows: Record<string, unknown>[], listed: readonly string[], skip: string[]): Column[] {
  const names = [...new Set([...listed, ...rows.flatMap((row) => Object.keys(row))])].filter((n) => !skip.includes(n));
  return names.map((field) => {
    const known = KNOWN_COLUMNS[field];
    if (known) return { field, header: field + (known.array ? `:${known.type}[]` : ''), ...known };
    const values = rows.map((row) => row[field]).filter((v) => v !== null && v !== undefined);
    const arrays = values.length > 0 && values.every(Array.isArray);
    const elements = arrays ? (values as unknown[][]).flat() : values;
    const scalar = elements.every((v) => typeof v !== 'object' || v === null);
    const type = scalar ? scalarType(elements) : 'string';
    const array = arrays && scalar;
    const suffix = type === 'string' && !array ? '' : `:${type}${array ? '[]' : ''}`;
    return { field, header: field + suffix, type, array, json: !scalar || (values.some(Array.isArray) && !array) };
  });
}

/**
 * JSON text without a backslash before a quote: `"` and `\` inside strings are written as
 * \u0022 and \u005c. Same JSON, but safe for LOAD CSV, which by default (Neo4j's
 * db.import.csv.legacy_quote_escaping=true) reads \" and \\ as escapes.
 */
export function csvJson(value: unknown): string {
  return JSON.stringify(value).replace(/\\(["\\])/g, (_, c: string) => (c === '"' ? '\\u0022' : '\\u005c'));
}

function cell(value: unknown, column: Column, delimiter: string, where: () => string): unknown {
  if (value === null || value === undefined) return null;
  if (column.json) return csvJson(value);
  if (column.array) {
    const elements = (value as unknown[]).map(String);
    if (!elements.length) return null;
    const clash = elements.find((e) => e.includes(delimiter));
    if (clash !== undefined) {
      throw new Error(
        `${where()}: ${column.field} value "${clash}" contains the array delimiter "${delimiter}"; choose another delimiter (--array-delimiter)`,
      );
    }
    return elements.join(delimiter);
  }
  return typeof value === 'object' ? csvJson(value) : value;
}

const CSV_OPTIONS = {
  // null stays an empty field, '' is written "" so that neo4j-admin keeps it as an empty string
  cast: { string: (v: string) => (v === '' ? { value: '', quoted_empty: true } : v), boolean: (v: boolean) => String(v) },
  record_delimiter: '\n',
};

/**
 * The folder's files. Their text is made when read (ExportFile.pieces), so a value that
 * cannot be written (an alias holding the array delimiter) fails then.
 */
export function writeCsv(graph: KgGraph, options: CsvOptions = {}): ExportFile[] {
  const delimiter = options.arrayDelimiter ?? DEFAULT_ARRAY_DELIMITER;
  if ([...delimiter].length !== 1 || /[",\r\n]/.test(delimiter)) {
    throw new Error(`array delimiter must be one character other than a quote, comma or line break, got "${delimiter}"`);
  }
  const files: ExportFile[] = [];

  const byLabel = new Map<string, string[]>();
  graph.forEachNode((key, attrs) => {
    if (!byLabel.has(attrs.label)) byLabel.set(attrs.label, []);
    byLabel.get(attrs.label)!.push(key);
  });
  for (const [label, keys] of byLabel) {
    const rows = keys.map((key) => graph.getNodeAttributes(key) as unknown as Record<string, unknown>);
    const columns = columnsFor(rows, nodeFields(label), ['key', 'label']);
    const header = ['key:ID', ':LABEL', ...columns.map((c) => c.header)];
    files.push(
      csvFile(`nodes_${label}.csv`, header, keys.length, (i) => [
        keys[i],
        label,
        ...columns.map((c) => cell(rows[i][c.field], c, delimiter, () => `node ${keys[i]}`)),
      ]),
    );
  }

  const byType = new Map<string, string[]>();
  graph.forEachEdge((key, attrs) => {
    if (!byType.has(attrs.type)) byType.set(attrs.type, []);
    byType.get(attrs.type)!.push(key);
  });
  for (const [type, keys] of byType) {
    const rows = keys.map((key) => graph.getEdgeAttributes(key) as unknown as Record<string, unknown>);
    const columns = columnsFor(rows, EDGE_FIELDS, ['type']);
    const header = [':START_ID', ':END_ID', ':TYPE', ...columns.map((c) => c.header)];
    files.push(
      csvFile(`relationships_${type}.csv`, header, keys.length, (i) => [
        graph.source(keys[i]),
        graph.target(keys[i]),
        type,
        ...columns.map((c) => cell(rows[i][c.field], c, delimiter, () => `relationship ${keys[i]}`)),
      ]),
    );
  }

  const script = adminScript(files, delimiter);
  files.push({ name: 'import-neo4j-admin.sh', pieces: () => [script] });
  return files;
}

/** A shell script running neo4j-admin on these files (into an empty, stopped database). */
function adminScript(files: ExportFile[], delimiter: string): string {
  const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  const printable = /^[!-~]$/.test(delimiter);
  const delimiterArg = printable ? quote(delimiter) : `U+${delimiter.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  const args = [
    ...files.filter((f) => f.name.startsWith('nodes_')).map((f) => `--nodes=${quote(f.name)}`),
    ...files.filter((f) => f.name.startsWith('relationships_')).map((f) => `--relationships=${quote(f.name)}`),
  ];
  return [
    '#!/bin/sh',
    '# Loads this folder into a new Neo4j database: stop the database first; neo4j-admin must be on PATH.',
    '# Usage: sh import-neo4j-admin.sh [database [more neo4j-admin options, e.g. --overwrite-destination]]',
    'set -e',
    'cd "$(dirname "$0")"',
    'database="${1:-neo4j}"',
    '[ $# -gt 0 ] && shift',
    `neo4j-admin database import full "$database" --multiline-fields=true --array-delimiter=${delimiterArg} --id-type=string \\`,
    ...args.map((arg) => `  ${arg} \\`),
    '  "$@"',
    '',
  ].join('\n');
}
