/** Loads the extraction lexicons (data files in ./lexicon/) once. */
import { readFileSync } from 'node:fs';

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

/** The first word of `words` that `text` starts with at `at`, or undefined. */
export function wordAt(text: string, at: number, words: string[]): string | undefined {
  for (const w of words) if (text.startsWith(w, at)) return w;
  return undefined;
}

/** The first word of `words` that `text` ends with at `end` (exclusive), or undefined. */
export function wordBefore(text: string, end: number, words: string[]): string | undefined {
  for (const w of words) if (end - w.length >= 0 && text.startsWith(w, end - w.length)) return w;
  return undefined;
}

export const isHan = (ch: string | undefined): boolean => !!ch && /[\u3400-\u9fff]/.test(ch);
