/**
 * Word boundaries from jieba (@node-rs/jieba, its own dictionary plus every division's
 * short form), so that a place name is only taken where the text has a word starting
 * there: 康保 is not in 健康保护, 范县 not in 示范县, 市中 not in 全市中小企业.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Jieba } from '@node-rs/jieba';
import { loadGazetteer } from './divisions.ts';
import { UnitSet } from '../units.ts';

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

/** Word boundaries of one text, worked out where they are asked for. */
export interface Words {
  /** Whether the boundaries around offset `i` are known (jieba's words there add up to the text). */
  known(i: number): boolean;
  /** Offset `i` starts the text or follows a break character: a word starts there, known without cutting. */
  followsBreak(i: number): boolean;
  /** A word starts at offset `i` (true at the text's end and at punctuation). */
  startsAt(i: number): boolean;
  /** The offset just past the word that starts at `i` (0 where none starts). */
  endOfWordAt(i: number): number;
}

/**
 * Characters jieba never puts inside a word: it cuts runs of Han characters, letters,
 * digits and +#&._%- one by one and makes every other character a word of its own. So the
 * text between two of them ("a chunk") is cut the same alone as within the whole text, and
 * only the chunks where a place name may stand need cutting.
 */
const BREAK_CHARACTERS = ' \n\t\u3000，。、；：？！“”‘’（）《》【】「」『』〈〉…—·,;:!?()"\'[]{}<>/|~*=';
const BREAKS = UnitSet.of(BREAK_CHARACTERS);
const isBreakUnit = (text: string, i: number) => BREAKS.has(text.charCodeAt(i));

interface ChunkWords {
  starts: Uint8Array;
  endOfWordAt: Uint32Array;
}

/** Word boundaries of `text`, cut by chunks on demand. */
export function segmentWords(text: string): Words {
  return new ChunkedWords(text);
}

/** A chunk of the text (from `start` to the next break) and its words. */
interface Chunk {
  start: number;
  words: ChunkWords | null;
}

class ChunkedWords implements Words {
  // "\r\n" is one word to jieba: such texts are cut whole (the cleaner removes \r anyway).
  private readonly whole: boolean;
  private readonly chunkAt = new Map<number, Chunk>();

  constructor(private readonly text: string) {
    this.whole = text.includes('\r');
  }

  known(i: number): boolean {
    return this.isBreak(i) || this.around(i).words !== null;
  }

  followsBreak(i: number): boolean {
    return i === 0 || isBreakUnit(this.text, i - 1);
  }

  startsAt(i: number): boolean {
    if (this.isBreak(i) || i === 0) return true;
    const { start, words } = this.around(i);
    return words !== null && words.starts[i - start] === 1;
  }

  endOfWordAt(i: number): number {
    if (this.isBreak(i)) return i < this.text.length ? i + 1 : 0;
    const { start, words } = this.around(i);
    const end = words?.endOfWordAt[i - start] ?? 0;
    return end === 0 ? 0 : start + end;
  }

  private isBreak(i: number): boolean {
    return !this.whole && (i >= this.text.length || isBreakUnit(this.text, i));
  }

  /** The chunk holding offset `i`, cut on first use. */
  private around(i: number): Chunk {
    const { text, whole } = this;
    let start = i;
    while (!whole && start > 0 && !isBreakUnit(text, start - 1)) start--;
    let chunk = this.chunkAt.get(start);
    if (!chunk) {
      let end = i;
      while (end < text.length && (whole || !isBreakUnit(text, end))) end++;
      chunk = { start, words: chunkWords(text.slice(start, end)) };
      this.chunkAt.set(start, chunk);
    }
    return chunk;
  }
}

/** Chunks cut lately: the same short chunks (set phrases, titles with places) come again, within and across articles. */
const recent = new Map<string, ChunkWords | null>();
const RECENT_CHUNKS = 4096;

/** The words of a chunk, or null when jieba's words do not add up to it (then callers match without boundaries there). */
function chunkWords(chunk: string): ChunkWords | null {
  const known = recent.get(chunk);
  if (known !== undefined) return known;
  const words = cutWords(chunk);
  // Emptied when full: evicting the oldest one by one (keys().next()) slows down as a Map's deleted slots pile up.
  if (recent.size >= RECENT_CHUNKS) recent.clear();
  recent.set(chunk, words);
  return words;
}

/** jieba's words of `text`, with the division names added to its dictionary. */
export function jiebaWords(text: string): string[] {
  return segmenter().cut(text, true);
}

function cutWords(text: string): ChunkWords | null {
  const words = jiebaWords(text);
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
