/** Loads the extraction lexicons (data files in ./lexicon/) once. */
import { readFileSync } from 'node:fs';
import { UnitSet } from './units.ts';

const here = new URL('./lexicon/', import.meta.url);
const json = <T>(name: string): T => JSON.parse(readFileSync(new URL(name, here), 'utf8')) as T;

export interface Lexicon {
  surnames: { single: Set<string>; compound: Set<string> };
  titles: {
    roles: string[];
    organs: string[];
    levels: string[];
    nationalPrefixes: string[];
    groupTitles: string[];
    notOfficialsBefore: string[];
  };
  verbs: Record<'chair' | 'attend' | 'speak' | 'inspect' | 'inspectStart' | 'move' | 'accompany' | 'follow' | 'weakFollow', string[]>;
  meetings: { endings: string[]; generic: string[]; held: string[]; notMeetings: string[] };
  campaigns: { numerals: string; suffixes: string[]; unquotedSuffixes: string[]; verbs: string[]; known: string[]; stop: string[] };
}

const longestFirst = (xs: string[]) => [...new Set(xs)].sort((a, b) => b.length - a.length);

let cached: Lexicon | undefined;

export function lexicon(): Lexicon {
  if (cached) return cached;
  const surnameWords = readFileSync(new URL('surnames.txt', here), 'utf8')
    .split('\n')
    .filter((line) => !line.startsWith('#'))
    .flatMap((line) => line.split(/\s+/))
    .filter(Boolean);
  const titles = json<Record<string, string[]>>('titles.json');
  const verbs = json<Record<string, string[]>>('verbs.json');
  const meetings = json<Record<string, string[]>>('meetings.json');
  const campaigns = json<Record<string, string[] | string>>('campaigns.json');
  cached = {
    surnames: {
      single: new Set(surnameWords.filter((s) => s.length === 1)),
      compound: new Set(surnameWords.filter((s) => s.length > 1)),
    },
    titles: {
      roles: longestFirst(titles.roles),
      organs: longestFirst(titles.organs),
      levels: longestFirst(titles.levels),
      nationalPrefixes: longestFirst(titles.national_prefixes),
      groupTitles: longestFirst(titles.group_titles),
      notOfficialsBefore: longestFirst(titles.not_officials_before),
    },
    verbs: {
      chair: longestFirst(verbs.chair),
      attend: longestFirst(verbs.attend),
      speak: longestFirst(verbs.speak),
      inspect: longestFirst(verbs.inspect),
      inspectStart: longestFirst(verbs.inspect_start),
      move: longestFirst(verbs.move),
      accompany: longestFirst(verbs.accompany),
      follow: longestFirst(verbs.follow),
      weakFollow: longestFirst(verbs.weak_follow),
    },
    meetings: {
      endings: longestFirst(meetings.endings),
      generic: longestFirst(meetings.generic),
      held: longestFirst(meetings.held),
      notMeetings: meetings.not_meetings,
    },
    campaigns: {
      numerals: campaigns.numerals as string,
      suffixes: longestFirst(campaigns.suffixes as string[]),
      unquotedSuffixes: longestFirst(campaigns.unquoted_suffixes as string[]),
      verbs: longestFirst(campaigns.verbs as string[]),
      known: campaigns.known as string[],
      stop: campaigns.stop as string[],
    },
  };
  return cached;
}

/** A value made on first use and kept: word lists and patterns built from the lexicon. */
export function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

const alternations = new WeakMap<readonly string[], string>();

/** A regex alternation of words, longest first, with regex metacharacters escaped. */
export function alternation(words: string[]): string {
  // Built once per list: the lexicon's lists are fixed, and extraction asks for them on every text.
  let pattern = alternations.get(words);
  if (pattern === undefined) {
    pattern = longestFirst(words)
      .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('|');
    alternations.set(words, pattern);
  }
  return pattern;
}

/**
 * Words grouped by the code unit at one end, each group in the list's order: finding a word
 * at a position then looks at the few words that can match there (most positions: none,
 * answered from `units`), not the whole list.
 */
interface WordGroups {
  /** The code units some word has at that end. */
  units: UnitSet;
  groups: Map<number, string[]>;
}

// Module functions, not arrows at the call: a closure made on each of millions of calls is garbage.
const firstUnit = (w: string) => w.charCodeAt(0);
const lastUnit = (w: string) => w.charCodeAt(w.length - 1);

const byFirst = new WeakMap<readonly string[], WordGroups>();
const byLast = new WeakMap<readonly string[], WordGroups>();

function grouped(words: readonly string[], cache: WeakMap<readonly string[], WordGroups>, end: (w: string) => number): WordGroups {
  let index = cache.get(words);
  if (index === undefined) {
    index = { units: new UnitSet(), groups: new Map() };
    for (const w of words) {
      const unit = end(w);
      index.units.add(unit);
      const group = index.groups.get(unit);
      if (group) group.push(w);
      else index.groups.set(unit, [w]);
    }
    cache.set(words, index);
  }
  return index;
}

/** The first word of `words` that `text` starts with at `at`, or undefined. */
export function wordAt(text: string, at: number, words: readonly string[]): string | undefined {
  return firstWordAt(grouped(words, byFirst, firstUnit), text, at);
}

function firstWordAt({ units, groups }: WordGroups, text: string, at: number): string | undefined {
  const unit = text.charCodeAt(at);
  if (!units.has(unit)) return undefined;
  for (const w of groups.get(unit)!) if (text.startsWith(w, at)) return w;
  return undefined;
}

/** The first word of `words` that `text` ends with at `end` (exclusive), or undefined. */
export function wordBefore(text: string, end: number, words: readonly string[]): string | undefined {
  const { units, groups } = grouped(words, byLast, lastUnit);
  const unit = text.charCodeAt(end - 1);
  if (!units.has(unit)) return undefined;
  for (const w of groups.get(unit)!) if (end - w.length >= 0 && text.startsWith(w, end - w.length)) return w;
  return undefined;
}

/** Whether any of `words` stands in `text`: a cheap test before a pattern built on them. */
export function hasWord(text: string, words: readonly string[]): boolean {
  const index = grouped(words, byFirst, firstUnit);
  for (let at = 0; at < text.length; at++) if (firstWordAt(index, text, at) !== undefined) return true;
  return false;
}

/**
 * At every position of `text` where a word of `words` starts, the first of them (as
 * wordAt gives it), left to right: unlike findWords, an occurrence may start inside another.
 */
export function findWordsAtEachPosition(text: string, words: readonly string[]): { word: string; start: number; end: number }[] {
  const found: { word: string; start: number; end: number }[] = [];
  const index = grouped(words, byFirst, firstUnit);
  for (let at = 0; at < text.length; at++) {
    const word = firstWordAt(index, text, at);
    if (word) found.push({ word, start: at, end: at + word.length });
  }
  return found;
}

/**
 * Every occurrence of `words` in `text`, as a global regex of their alternation finds them:
 * from left to right, at each position the first word of the list, the search going on
 * after it.
 */
export function findWords(text: string, words: readonly string[]): { word: string; start: number; end: number }[] {
  const found: { word: string; start: number; end: number }[] = [];
  const index = grouped(words, byFirst, firstUnit);
  for (let at = 0; at < text.length; ) {
    const word = firstWordAt(index, text, at);
    if (word) {
      found.push({ word, start: at, end: at + word.length });
      at += word.length;
    } else at++;
  }
  return found;
}

/** A CJK ideograph of the BMP's main blocks (U+3400–U+9FFF); `ch` is one character or undefined. */
export function isHan(ch: string | undefined): boolean {
  return !!ch && isHanUnit(ch.charCodeAt(0));
}

/** isHan for a code unit (text.charCodeAt(i), NaN past the end): a CJK character of text[i] would be a new string each time. */
export function isHanUnit(unit: number): boolean {
  return unit >= 0x3400 && unit <= 0x9fff;
}
