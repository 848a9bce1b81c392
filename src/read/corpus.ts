import { readArticleFile, readArticleBytes, isReadFailure, MAX_FILE_BYTES } from './article.ts';
import { listInputFiles } from './files.ts';
import type { Article, ReadFailure } from './types.ts';

/** Reads the articles named by `paths` (files, directories, or `-` for standard input), in order. */
export async function* readArticles(paths: string[], maxBytes = MAX_FILE_BYTES): AsyncGenerator<Article | ReadFailure> {
  for (const path of paths) {
    if (path === '-') yield await readStdin();
    else for await (const file of listInputFiles([path])) yield readArticleFile(file, maxBytes);
  }
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
