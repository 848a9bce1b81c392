/** A build worker thread (see ./workers.ts): reads, extracts and stores one file per task. */
import { readArticleFile } from '../read/index.ts';
import { processArticle, type FileOutcome } from './article.ts';

export interface ExtractTask {
  path: string;
  out: string;
  maxBytes?: number;
}

export default async function extract(task: ExtractTask): Promise<FileOutcome> {
  return processArticle(await readArticleFile(task.path, task.maxBytes), task.out);
}
