/** A worker thread for the jieba baseline (bench/throughput.ts): reads a batch of files, cuts or tags each. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Jieba } from '@node-rs/jieba';

/** jieba's own dictionary, as src/extract/places/segmentation.ts loads it. */
const dict = readFileSync(createRequire(import.meta.url).resolve('@node-rs/jieba/dict.txt'));

const jieba = Jieba.withDict(dict);

export default async function segment(task: { paths: string[]; mode: 'cut' | 'tag' | 'warm' }): Promise<number> {
  // Warm-up: tag the warm-up files, then hold the thread a moment so that each worker gets one warm-up task.
  if (task.mode === 'warm') {
    for (const path of task.paths) jieba.tag(readFileSync(path, 'utf8'), true);
    return new Promise((resolve) => setTimeout(() => resolve(0), 300));
  }
  let words = 0;
  for (const path of task.paths) {
    const text = readFileSync(path, 'utf8');
    words += task.mode === 'cut' ? jieba.cut(text, true).length : jieba.tag(text, true).length;
  }
  return words;
}
