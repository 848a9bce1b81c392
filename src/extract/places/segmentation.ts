/**
 * Word boundaries from jieba (@node-rs/jieba, its own dictionary plus every division's
 * short form), so that a place name is only taken where the text has a word starting
 * there: 康保 is not in 健康保护, 范县 not in 示范县, 市中 not in 全市中小企业.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Jieba } from '@node-rs/jieba';
import { loadGazetteer } from './divisions.ts';

const require = createRequire(import.meta.url);

/** Frequency given to short forms and two-character names missing from jieba's dictionary (鄠邑, 柯桥). */
const ADDED_NAME_FREQUENCY = 50;

let jieba: Jieba | undefined;

function segmenter(): Jieba {
  if (jieba) return jieba;
  const instance = Jieba.withDict(readFileSync(require.resolve('@node-rs/jieba/dict.txt')));
  // A name is in the dictionary when jieba, without guessing (no HMM), keeps it whole.
  const isKnown = (name: string) => {
    const words = instance.cut(name, false);
    return words.length === 1 && words[0] === name;
  };
  const added = new Set<string>();
  for (const d of loadGazetteer().all) {
    const twoCharName = d.name.length === 2 ? [d.name] : [];
    for (const name of [d.shortName, ...twoCharName, ...(d.aliases ?? [])]) {
      if (name && !/\s/.test(name) && !isKnown(name)) added.add(name);
    }
  }
  instance.loadDict(Buffer.from([...added].map((w) => `${w} ${ADDED_NAME_FREQUENCY} ns`).join('\n')));
  jieba = instance;
  return jieba;
}

export interface Words {
  /** starts[i]: a word starts at offset i. */
  starts: Uint8Array;
  /** wordAt[i]: offset just past the word that starts at i (0 where none starts). */
  endOfWordAt: Uint32Array;
}

/**
 * Word starts of `text`. Null when jieba's words do not add up to the text (then callers
 * match without word boundaries rather than at wrong offsets).
 */
export function segmentWords(text: string): Words | null {
  const known = recent.get(text);
  if (known !== undefined) return known;
  const words = cutWords(text);
  remember(text, words);
  if (words && text.includes('\n') && !text.includes('\r')) rememberLines(text, words);
  return words;
}

function cutWords(text: string): Words | null {
  const words = segmenter().cut(text, true);
  const starts = new Uint8Array(text.length + 1);
  const endOfWordAt = new Uint32Array(text.length + 1);
  let offset = 0;
  for (const word of words) {
    if (text.startsWith(word, offset) === false) return null;
    starts[offset] = 1;
    endOfWordAt[offset] = offset + word.length;
    offset += word.length;
  }
  if (offset !== text.length) return null;
  starts[text.length] = 1;
  return { starts, endOfWordAt };
}

/**
 * Texts segmented lately. Place matching segments an article's text, then each of its
 * lines (items), and often the same short texts again.
 */
const recent = new Map<string, Words | null>();
const RECENT_TEXTS = 256;

function remember(text: string, words: Words | null): void {
  if (recent.size >= RECENT_TEXTS) recent.delete(recent.keys().next().value!);
  recent.set(text, words);
}

/**
 * The words of each line of `text`, from the words of the whole: jieba segments each run
 * of Han characters, letters and digits on its own, and a line break ends a run, so a
 * line's words are the same whether it is cut alone or within the text.
 */
function rememberLines(text: string, words: Words): void {
  let start = 0;
  for (const line of text.split('\n')) {
    const end = start + line.length;
    // Words are contiguous, so breaks at both ends mean every word of the line lies inside it.
    if (words.starts[start] === 1 && words.starts[end] === 1 && !recent.has(line)) {
      const starts = words.starts.slice(start, end + 1);
      const endOfWordAt = new Uint32Array(line.length + 1);
      for (let i = 0; i < line.length; i++) if (starts[i]) endOfWordAt[i] = words.endOfWordAt[start + i] - start;
      remember(line, { starts, endOfWordAt });
    }
    start = end + 1;
  }
}
