/**
 * Person names in official prose: a surname and one or two given-name characters, ended
 * by punctuation or by a word that follows names (主持, 强调, 等 ...).
 */
import { lexicon, lazy, wordAt, isHanUnit } from './lexicon.ts';
import { UnitSet } from './units.ts';

/** Characters that never stand inside a given name in this prose: they belong to titles and verbs. */
const NOT_IN_GIVEN_NAME = UnitSet.of('省市县区委会议局厅部处镇乡村街的了着过是于在上下等和与及对说届次');
const NO_NAMES: ReadonlySet<string> = new Set();

/** Organs of two or more characters: 和政协委员 is no name 和政. */
const longOrgans = lazy(() => lexicon().titles.organs.filter((o) => o.length > 1));

/** Surnames by code unit: one-character surnames, and the first characters of compound ones. */
const surnameUnits = lazy(() => ({
  single: UnitSet.of(lexicon().surnames.single),
  compoundStart: UnitSet.of([...lexicon().surnames.compound].map((s) => s[0])),
}));

export function surnameLength(text: string, at: number): number {
  const unit = text.charCodeAt(at);
  const { single, compoundStart } = surnameUnits();
  if (compoundStart.has(unit) && lexicon().surnames.compound.has(text.slice(at, at + 2))) return 2;
  return single.has(unit) ? 1 : 0;
}

/** How strongly the text at `at` ends a name: 2 = punctuation or a following word, 1 = a weak one-character word, 0 = no. */
export function nameEndStrength(text: string, at: number): number {
  if (!isHanUnit(text.charCodeAt(at))) return 2; // NaN past the end
  const { follow, weakFollow } = lexicon().verbs;
  if (wordAt(text, at, follow)) return 2;
  if (wordAt(text, at, weakFollow)) return 1;
  return 0;
}

/**
 * The reading of a surname of `surname` characters and `given` more at `at`, when the text
 * holds it whole, all Han, with no title or verb character in the given name; else null.
 */
function reading(text: string, at: number, surname: number, given: number): string | null {
  const end = at + surname + given;
  if (end > text.length) return null;
  for (let i = at; i < end; i++) if (!isHanUnit(text.charCodeAt(i))) return null;
  for (let i = at + surname; i < end; i++) if (NOT_IN_GIVEN_NAME.has(text.charCodeAt(i))) return null;
  return text.slice(at, end);
}

/**
 * The name that starts at `at`, or null. Among the 3- and 2-character readings (4 and 3 for
 * compound surnames) it takes the one that a following word ends; a known name wins a tie,
 * and a reading whose last character is itself a weak word yields to the shorter one
 * (王成又前往 -> 王成).
 */
export function nameAt(text: string, at: number, known: ReadonlySet<string> = NO_NAMES): string | null {
  const s = surnameLength(text, at);
  if (!s) return null;
  // 和政协委员: an organ right after a surname-like character is no name.
  if (wordAt(text, at + s, longOrgans())) return null;
  // The readings, longer first; `long` is the first that stands, `short` the second.
  const two = reading(text, at, s, 2);
  const one = reading(text, at, s, 1);
  const long = two ?? one;
  const short = two === null ? null : one;
  if (long === null) return null;
  const longStrength = nameEndStrength(text, at + long.length);
  const shortStrength = short === null ? 0 : nameEndStrength(text, at + short.length);
  if (known.has(long) && longStrength > 0) return long;
  if (short !== null && known.has(short) && shortStrength > 0) return short;
  if (longStrength === 2) {
    // 王成又前往: 又 ends the name unless punctuation follows the longer reading (贺定一、).
    const endsAtPunctuation = !isHanUnit(text.charCodeAt(at + long.length));
    const lastIsWeak = !endsAtPunctuation && nameEndStrength(long, long.length - 1) === 1;
    if (!(lastIsWeak && short !== null && shortStrength > 0)) return long;
  }
  if (short !== null && shortStrength === 2) return short;
  if (longStrength === 1) return long;
  if (short !== null && shortStrength === 1) return short;
  return null;
}

/**
 * A name that fills a list element exactly (姜永柱 in 区领导姜永柱、赵立明等): the element
 * runs from `at` to the next separator or following word.
 */
export function listNameAt(text: string, at: number, known: ReadonlySet<string> = NO_NAMES): string | null {
  const name = nameAt(text, at, known);
  if (!name) return null;
  const next = text[at + name.length];
  if (next === undefined || /[、，,。；;：:\s）)]/.test(next)) return name;
  return nameEndStrength(text, at + name.length) > 0 ? name : null;
}
