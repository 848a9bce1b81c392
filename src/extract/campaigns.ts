/**
 * Named initiatives: 八八战略, 千万工程, 枫桥经验. A quoted phrase is a campaign when it starts
 * with a numeral (“七张问题清单”), ends with or is followed by a campaign word (“枫桥经验”,
 * “三万”行动 -> 三万行动), or is the object of a campaign verb (推进“除险保安”). Unquoted
 * phrases ending in a long campaign word (…学习教育, …集中整治) count too, and so does any
 * phrase the corpus lexicon already knows.
 */
import { lexicon, lazy, hasWord, wordBefore } from './lexicon.ts';
import { UnitSet } from './units.ts';

export interface CampaignMention {
  name: string;
  start: number;
  end: number;
}

const QUOTED = /[“"「]([^”"」“]{2,24})[”"」]/g;
/** The quotes QUOTED opens with: a sentence without any needs no matching. */
const OPENING_QUOTES = UnitSet.of('“"「');
const MEETING_WORD = /(?:会|会议)$/;

/** A set's words as a list, made once per set (word lookups index lists; the known campaigns are a fixed set). */
const lists = new WeakMap<ReadonlySet<string>, string[]>();
function listOf(words: ReadonlySet<string>): string[] {
  let list = lists.get(words);
  if (list === undefined || list.length !== words.size) lists.set(words, (list = [...words]));
  return list;
}

/** A campaign word of two or more characters right after a quote, maybe after one or two others. */
const joinedSuffix = lazy(() => {
  const longSuffixes = lexicon().campaigns.suffixes.filter((s) => s.length >= 2);
  return new RegExp(`^(?:(?![上中下里内外的是在])[\\u4e00-\\u9fff]{1,2})?(?:${longSuffixes.join('|')})`);
});

function acceptQuoted(text: string, inner: string, start: number, end: number): string | null {
  const { numerals, suffixes, verbs, stop } = lexicon().campaigns;
  if (stop.includes(inner) || MEETING_WORD.test(inner) || /[的了吗呢吧啊]/.test(inner.slice(-1))) return null;
  // A campaign word right after the quote belongs to the name: “141”体系, “22688”交通大会战.
  // Up to two characters may stand between (交通大会战), but not a localiser (“枫桥经验”上出经验),
  // and a one-character campaign word only joins directly (“十五五”开局之年 is no campaign).
  const joined = joinedSuffix().exec(text.slice(end));
  if (joined) return inner + joined[0];
  // A phrase followed by 的 is an attribute (以“时时放心不下”的责任感), not a name.
  if (text[end] === '的') return null;
  // A numeral and a measure word before a common noun: “三条赛道”, “一把手”.
  if (/^[一二三四五六七八九十两]+[个张条把件篇门道]/.test(inner) && inner.length <= 4) return null;
  if (/^\d+$/.test(inner)) return inner.length >= 3 && !/^(?:19|20)\d\d$/.test(inner) ? inner : null;
  if (numerals.includes(inner[0]) && !/^[\d.]+%?$/.test(inner)) return inner;
  if (suffixes.some((s) => inner.endsWith(s) && inner.length > s.length + 1)) return inner;
  if (text.startsWith('工作', end) && inner.length >= 4) return inner;
  const verb = wordBefore(text, start, verbs);
  if (verb && inner.length >= 3 && !/^(?:原则|要求|标准|理念|精神|意识|环节)/.test(text.slice(end))) return inner;
  return null;
}

function occurrences(text: string, word: string): number[] {
  const offsets: number[] = [];
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) offsets.push(at);
  return offsets;
}

/** [start, end) lies within a campaign already found. */
function covered(found: CampaignMention[], start: number, end: number): boolean {
  return found.some((o) => o.start <= start && o.end >= end);
}

export function findCampaigns(text: string, known: ReadonlySet<string>): CampaignMention[] {
  const out: CampaignMention[] = [];
  if (OPENING_QUOTES.occursIn(text)) for (const m of text.matchAll(QUOTED)) {
    const start = m.index!;
    const end = start + m[0].length;
    const name = acceptQuoted(text, m[1], start, end);
    if (name) out.push({ name, start, end: end + (name.length - m[1].length) });
  }
  const { unquotedSuffixes, verbs } = lexicon().campaigns;
  // Most sentences hold none of the suffixes: one pass over the text says so.
  if (hasWord(text, unquotedSuffixes)) for (const suffix of unquotedSuffixes) {
    for (const at of occurrences(text, suffix)) {
      const end = at + suffix.length;
      // The phrase runs back to the verb or punctuation before it: 开展树立和践行正确政绩观学习教育.
      let start = at;
      while (start > 0 && /[\u4e00-\u9fff]/.test(text[start - 1]) && at - start < 20 && !wordBefore(text, start, verbs)) start--;
      const name = text.slice(start, end).replace(/^(?:积极|全面|持续|深入|扎实|于|之中)/, '');
      // 的 only as in 党的…: otherwise the phrase is a description, not a name.
      const descriptive = /的/.test(name.replace(/党的/g, ''));
      if (name.length > suffix.length + 2 && !descriptive && !covered(out, at, end)) out.push({ name, start: end - name.length, end });
    }
  }
  if (hasWord(text, listOf(known))) for (const name of known) {
    for (const at of occurrences(text, name)) if (!covered(out, at, at + name.length)) out.push({ name, start: at, end: at + name.length });
  }
  return out.sort((a, b) => a.start - b.start);
}
