import { readArticleFile, readArticleBytes, isReadFailure, MAX_FILE_BYTES } from './article.ts';
import { listInputFiles } from './files.ts';
import type { Article, ReadFailure } from './types.ts';

const READ_AHEAD = 4;

/** Reads the articles named by `paths` (files, directories, or `-` for standard input), one at a time. */
export async function* readArticles(paths: string[], maxBytes = MAX_FILE_BYTES): AsyncGenerator<Article | ReadFailure> {
  for (const path of paths) {
    if (path === '-') {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      yield readArticleBytes('<stdin>', Buffer.concat(chunks));
      continue;
    }
    // Read a few files ahead, so that disk reads overlap the caller's work on the current one.
    const ahead: Promise<Article | ReadFailure>[] = [];
    for await (const file of listInputFiles([path])) {
      ahead.push(readArticleFile(file, maxBytes));
      if (ahead.length > READ_AHEAD) yield await ahead.shift()!;
    }
    while (ahead.length) yield await ahead.shift()!;
  }
}

/** All readable articles, and the files that failed with their reasons. */
export async function readAll(paths: string[]): Promise<{ articles: Article[]; failures: ReadFailure[] }> {
  const articles: Article[] = [];
  const failures: ReadFailure[] = [];
  for await (const a of readArticles(paths)) (isReadFailure(a) ? failures : articles).push(a as never);
  return { articles, failures };
}
