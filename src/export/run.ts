/**
 * One export from end to end: read the graph (graph.json or a Cypher query), select, write.
 * The CLI (src/cli/export.ts) only parses options into an ExportRequest and prints the outcome.
 */
import { mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { extname, join } from 'node:path';
import { readGraph, writeFileAtomically } from '../graph/io.ts';
import type { KgGraph } from '../graph/io.ts';
import { FORMATS, FORMAT_NAMES, isFormatName } from './formats/index.ts';
import type { ExportFile, FormatName } from './formats/index.ts';
import { selectFromNeo4j } from './neo4j.ts';
import { selectSubgraph, selectsAll } from './select.ts';
import type { Selector } from './select.ts';

export interface ExportRequest {
  /** graph.json to select from (ignored when `cypher` is given). */
  graphPath: string;
  /** A read-only Cypher query whose returned nodes, relationships and paths are the base graph. */
  cypher?: string;
  timeoutMs?: number;
  maxRows?: number;
  selector: Selector;
  format: FormatName;
  /** File (or folder, for csv); absent: the text is returned for standard output. */
  out?: string;
  arrayDelimiter?: string;
}

export interface ExportOutcome {
  nodes: number;
  relationships: number;
  /** Paths written. */
  files: string[];
  /** The export's text in pieces, when no `out` was given (for standard output). */
  pieces?: Iterable<string>;
  warnings: string[];
}

/** The format named, or the one `out`'s extension implies (.gexf, .graphml, .jsonl ...), or json. */
export function chooseFormat(format: string | undefined, out: string | undefined): FormatName {
  if (format !== undefined) {
    if (!isFormatName(format)) throw new Error(`unknown format "${format}" (known: ${FORMAT_NAMES.join(', ')})`);
    return format;
  }
  const extension = out ? extname(out).slice(1).toLowerCase() : '';
  return isFormatName(extension) ? extension : 'json';
}

export async function runExport(request: ExportRequest): Promise<ExportOutcome> {
  const warnings: string[] = [];
  const format = FORMATS[request.format];
  if (format.kind === 'folder' && !request.out) throw new Error(`${request.format} writes a folder of files: give --out <folder>`);

  let base: KgGraph;
  if (request.cypher !== undefined) {
    const { graph, truncated } = await selectFromNeo4j(request.cypher, { timeoutMs: request.timeoutMs, maxRows: request.maxRows });
    if (truncated) warnings.push(`the query returned more than ${request.maxRows ?? 'the default limit of'} rows: only the first were exported (raise --max-rows)`);
    base = graph;
  } else {
    base = readGraph(request.graphPath);
  }
  // The whole graph is exported as read: a copy would hold a big graph twice in memory.
  const graph = selectsAll(request.selector) ? base : selectSubgraph(base, request.selector);
  if (graph.order === 0) warnings.push('the selection is empty');
  const outcome: ExportOutcome = { nodes: graph.order, relationships: graph.size, files: [], warnings };

  if (format.kind === 'folder') {
    const files = format.write(graph, { arrayDelimiter: request.arrayDelimiter });
    outcome.files = writeFolder(request.out!, files);
  } else if (request.out) {
    writeFileAtomically(request.out, format.pieces(graph));
    outcome.files = [request.out];
  } else {
    outcome.pieces = format.pieces(graph);
  }
  return outcome;
}

/** The files of an export folder, which a new export into that folder replaces. */
const EXPORT_FILE = /^(nodes|relationships)_.+\.csv$|^import-neo4j-admin\.sh$/;

/**
 * Writes the files into `folder`, replacing a previous export's files there (so none is
 * imported twice). They are written piece by piece into a staging folder inside it and moved
 * in once all are whole: a failure half-way leaves the folder as it was.
 */
function writeFolder(folder: string, files: ExportFile[]): string[] {
  mkdirSync(folder, { recursive: true });
  const staging = mkdtempSync(join(folder, '.kg-export-'));
  try {
    for (const file of files) writeFileAtomically(join(staging, file.name), file.pieces());
    for (const name of readdirSync(folder)) if (EXPORT_FILE.test(name)) rmSync(join(folder, name));
    return files.map(({ name }) => {
      renameSync(join(staging, name), join(folder, name));
      return join(folder, name);
    });
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
