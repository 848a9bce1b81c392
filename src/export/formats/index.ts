/** The export formats by name, for the CLI and the server. */
import type { KgGraph } from '../../graph/io.ts';
import { writeCsv } from './csv.ts';
import type { CsvOptions, ExportFile } from './csv.ts';
import { cypherPieces, writeCypher } from './cypher.ts';
import { writeGexf } from './gexf.ts';
import { writeGraphml } from './graphml.ts';
import { jsonPieces, writeJson } from './json.ts';
import { jsonlPieces, writeJsonl } from './jsonl.ts';
import type { FormatName } from './names.ts';

export type { ExportFile, CsvOptions };
export { FORMAT_NAMES, isFormatName, type FormatName } from './names.ts';

/** A format written as one file. */
export interface FileFormat {
  kind: 'file';
  extension: string;
  mediaType: string;
  write(graph: KgGraph): string;
  /**
   * The same text in pieces made as they are read, for files and standard output: a whole big
   * graph's export would pass JavaScript's longest string. GEXF and GraphML come whole from
   * their XML libraries, as one piece.
   */
  pieces(graph: KgGraph): Iterable<string>;
}

/** A format written as a folder of files (csv). */
export interface FolderFormat {
  kind: 'folder';
  write(graph: KgGraph, options?: CsvOptions): ExportFile[];
}

export const FORMATS = {
  json: { kind: 'file', extension: 'json', mediaType: 'application/json; charset=utf-8', write: writeJson, pieces: jsonPieces },
  jsonl: { kind: 'file', extension: 'jsonl', mediaType: 'application/x-ndjson; charset=utf-8', write: writeJsonl, pieces: jsonlPieces },
  gexf: { kind: 'file', extension: 'gexf', mediaType: 'application/gexf+xml; charset=utf-8', write: writeGexf, pieces: (graph) => [writeGexf(graph)] },
  graphml: { kind: 'file', extension: 'graphml', mediaType: 'application/graphml+xml; charset=utf-8', write: writeGraphml, pieces: (graph) => [writeGraphml(graph)] },
  cypher: { kind: 'file', extension: 'cypher', mediaType: 'application/x-cypher-query; charset=utf-8', write: writeCypher, pieces: cypherPieces },
  csv: { kind: 'folder', write: writeCsv },
} as const satisfies Record<FormatName, FileFormat | FolderFormat>;
