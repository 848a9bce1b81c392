/** A build worker thread (see ./workers.ts): reads, extracts and stores a batch of files per task. */
import { readArticleFile } from '../read/index.ts';
import { processArticle, type FileOutcome } from './article.ts';

export interface ExtractTask {
  paths: string[];
  out: string;
  maxBytes?: number;
}

export default function extract(task: ExtractTask): FileOutcome[] {
  return task.paths.map((path) => processArticle(readArticleFile(path, task.maxBytes), task.out));
}
