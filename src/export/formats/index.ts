/** The export formats by name, for the CLI and the server. */
import type { KgGraph } from '../../graph/io.ts';
import { writeCsv } from './csv.ts';
import type { CsvOptions, ExportFile } from './csv.ts';
import { writeCypher } from './cypher.ts';
import { writeGexf } from './gexf.ts';
import { writeGraphml } from './graphml.ts';
import { writeJson } from './json.ts';
import { writeJsonl } from './jsonl.ts';
import type { FormatName } from './names.ts';

export type { ExportFile, CsvOptions };
export { FORMAT_NAMES, isFormatName, type FormatName } from './names.ts';

/** A format written as one file. */
export interface FileFormat {
  kind: 'file';
  extension: string;
  mediaType: string;
  write(graph: KgGraph): string;
}

/** A format written as a folder of files (csv). */
export interface FolderFormat {
  kind: 'folder';
  write(graph: KgGraph, options?: CsvOptions): ExportFile[];
}

export const FORMATS = {
  json: { kind: 'file', extension: 'json', mediaType: 'application/json; charset=utf-8', write: writeJson },
  jsonl: { kind: 'file', extension: 'jsonl', mediaType: 'application/x-ndjson; charset=utf-8', write: writeJsonl },
  gexf: { kind: 'file', extension: 'gexf', mediaType: 'application/gexf+xml; charset=utf-8', write: writeGexf },
  graphml: { kind: 'file', extension: 'graphml', mediaType: 'application/graphml+xml; charset=utf-8', write: writeGraphml },
  cypher: { kind: 'file', extension: 'cypher', mediaType: 'application/x-cypher-query; charset=utf-8', write: writeCypher },
  csv: { kind: 'folder', write: writeCsv },
} as const satisfies Record<FormatName, FileFormat | FolderFormat>;
