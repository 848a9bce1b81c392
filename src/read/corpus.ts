import { readArticleFile, readArticleBytes, isReadFailure, MAX_FILE_BYTES } from './article.ts';
import { listInputFiles } from './files.ts';
import type { Article, ReadFailure } from './types.ts';

const READ_AHEAD = 4;

/**
 * Reads the articles named by `paths` (files, directories, or `-` for standard input), in
 * order, a few files ahead so that disk reads overlap the caller's work on the current one
 * (across paths too: `kg build *.txt` names each file on its own).
 */
export async function* readArticles(paths: string[], maxBytes = MAX_FILE_BYTES): AsyncGenerator<Article | ReadFailure> {
  const ahead: Promise<Article | ReadFailure>[] = [];
  for (const path of paths) {
    if (path === '-') {
      while (ahead.length) yield await ahead.shift()!;
      yield await readStdin();
      continue;
    }
    for await (const file of listInputFiles([path])) {
      ahead.push(readArticleFile(file, maxBytes));
      if (ahead.length > READ_AHEAD) yield await ahead.shift()!;
    }
  }
  while (ahead.length) yield await ahead.shift()!;
}

async function readStdin(): Promise<Article | ReadFailure> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return readArticleBytes('<stdin>', Buffer.concat(chunks));
}

/** All readable articles, and the files that failed with their reasons. */
export async function readAll(paths: string[]): Promise<{ articles: Article[]; failures: ReadFailure[] }> {
  const articles: Article[] = [];
  const failures: ReadFailure[] = [];
  for await (const a of readArticles(paths)) (isReadFailure(a) ? failures : articles).push(a as never);
  return { articles, failures };
}
