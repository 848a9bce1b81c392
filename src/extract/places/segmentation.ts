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
