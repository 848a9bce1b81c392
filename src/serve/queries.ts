import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A saved read query from cypher/queries/<name>.cypher. */
export interface SavedQuery {
  name: string;
  /** First comment lines (// ...) of the file: what the query answers. */
  description: string;
  query: string;
}

/** Query names are plain file stems: no dots, slashes or anything that could leave the directory. */
export const QUERY_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/;

/** Lists the library; a missing directory is an empty library. */
export function listQueries(dir: string): SavedQuery[] {
  let files: string[];
  try {
    files = readdirSync(dir);
  } catch {
    return [];
  }
  return files
    .filter((f) => f.endsWith('.cypher') && QUERY_NAME.test(f.slice(0, -'.cypher'.length)))
    .sort()
    .map((f) => {
      const query = readFileSync(join(dir, f), 'utf8');
      const description = query
        .split('\n')
        .filter((line) => line.trim().startsWith('//'))
        .map((line) => line.trim().replace(/^\/\/\s?/, ''))
        .join(' ')
        .trim();
      return { name: f.slice(0, -'.cypher'.length), description, query };
    });
}
