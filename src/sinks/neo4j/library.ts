/**
 * The query library in cypher/queries/: commented .cypher files whose header says what the
 * query answers and which parameters it takes, with an example value for each:
 *
 *   // Meetings an official chaired or attended, in date order.
 *   // @param name "王浩" the official's name, or one of its aliases
 */
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const QUERIES_DIR = fileURLToPath(new URL('../../../cypher/queries/', import.meta.url));

export interface QueryParameter {
  name: string;
  /** Example value, used when the caller gives none. */
  example: unknown;
  description: string;
}

export interface LibraryQuery {
  /** File name without .cypher: "meetings-of-official". */
  name: string;
  path: string;
  /** The header's text lines, without the @param lines. */
  description: string;
  params: QueryParameter[];
  cypher: string;
}

const PARAM_LINE = /^\/\/\s*@param\s+\$?(\w+)\s+("(?:[^"\\]|\\.)*"|\S+)\s*(.*)$/;

export function readQueryFile(path: string): LibraryQuery {
  const cypher = readFileSync(path, 'utf8');
  const header: string[] = [];
  const params: QueryParameter[] = [];
  for (const line of cypher.split('\n')) {
    const trimmed = line.trim();
    if (!trimmed.startsWith('//')) break;
    const param = PARAM_LINE.exec(trimmed);
    if (!param) {
      header.push(trimmed.replace(/^\/\/\s?/, ''));
      continue;
    }
    const [, name, example, description] = param;
    try {
      params.push({ name: name!, example: JSON.parse(example!), description: description!.trim() });
    } catch {
      throw new Error(`${path}: the example value of $${name} is not JSON: ${example}`);
    }
  }
  return { name: basename(path, '.cypher'), path, description: header.join('\n').trim(), params, cypher };
}

export function listQueries(dir = QUERIES_DIR): LibraryQuery[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.cypher'))
    .sort()
    .map((file) => readQueryFile(join(dir, file)));
}

/** The file's example values, overridden by the caller's. */
export function queryParams(query: LibraryQuery, given: Record<string, unknown>): Record<string, unknown> {
  return { ...Object.fromEntries(query.params.map((p) => [p.name, p.example])), ...given };
}
