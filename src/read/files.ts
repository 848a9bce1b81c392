import { statSync } from 'node:fs';
import { opendir } from 'node:fs/promises';
import { extname, join } from 'node:path';

/** Extensions of article files picked up from directories. */
export const ARTICLE_EXTENSIONS = new Set(['.txt', '.md', '.html', '.htm']);

/**
 * The article files named by `paths`: a file is yielded whatever its extension (and
 * yielded even when missing, so that reading it reports the problem); a directory is
 * walked recursively in name order, yielding files with an article extension and
 * skipping hidden entries. Streams: a directory of any size is never held as Articles.
 */
export async function* listInputFiles(paths: string[]): AsyncIterable<string> {
  for (const path of paths) {
    // Synchronous: a stat costs microseconds, an awaited one a promise chain (paths may be thousands of files).
    let isDir = false;
    try {
      isDir = statSync(path).isDirectory();
    } catch {
      isDir = false; // reading it will say what is wrong
    }
    if (isDir) yield* walk(path);
    else yield path;
  }
}

async function* walk(dir: string): AsyncGenerator<string> {
  const files: string[] = [];
  const dirs: string[] = [];
  const handle = await opendir(dir);
  for await (const entry of handle) {
    if (entry.name.startsWith('.')) continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) dirs.push(full);
    else if ((entry.isFile() || entry.isSymbolicLink()) && ARTICLE_EXTENSIONS.has(extname(entry.name).toLowerCase())) files.push(full);
  }
  files.sort();
  dirs.sort();
  yield* files;
  for (const d of dirs) yield* walk(d);
}
