/**
 * Articles read before timing, so that every lexicon and dictionary is loaded (jieba's is
 * loaded before the jieba baselines are timed): one in Simplified script, one in
 * Traditional (OpenCC's dictionaries load on the first Traditional text). For steady-state
 * figures, the files of a warm-up corpus too (bench/throughput.ts --warm-up-dir).
 */
import { isReadFailure, readArticleBytes, readArticleFile } from '../src/read/index.ts';
import { recordOf } from '../src/pipeline/build.ts';

export const WARM_UP = [
  '本报讯 4日上午，全县乡村振兴推进会召开。县委书记方正主持会议并讲话，强调要深入践行“八八战略”。',
  '本報訊 5日下午，全市城市管理工作會議召開。市委副書記、市長李明出席會議並講話，要求堅持和發展新時代“楓橋經驗”。',
];

/** Reads and extracts the warm-up articles, then the files `paths`, in this thread. */
export function warmUp(paths: readonly string[] = []): void {
  for (const text of WARM_UP) recordOf(readArticleBytes('warm-up.txt', Buffer.from(text)) as never);
  for (const path of paths) {
    const article = readArticleFile(path);
    if (!isReadFailure(article)) recordOf(article);
  }
}
