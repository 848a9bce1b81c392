/**
 * A worker thread of the multi-threaded extraction measurement (bench/throughput.ts --task
 * extract --workers N): reads, cleans and extracts a batch of files, keeping nothing.
 */
import { readArticles, isReadFailure } from '../src/read/index.ts';
import { recordOf } from '../src/pipeline/build.ts';
import { warmUp } from './warm-up.ts';

export default async function extract(task: { paths: string[]; warm?: true }): Promise<number> {
  if (task.warm) {
    // Load the lexicons, gazetteer, jieba and OpenCC before timing, and work through the
    // warm-up files if any; hold the thread a moment so each worker gets one warm-up task.
    warmUp(task.paths);
    await new Promise((resolve) => setTimeout(resolve, 300));
    return 0;
  }
  // The pipeline's reader: files read a few ahead while the current one is extracted.
  for await (const article of readArticles(task.paths)) {
    if (isReadFailure(article)) throw new Error(`${article.path}: ${article.reason}`);
    recordOf(article);
  }
  return task.paths.length;
}
