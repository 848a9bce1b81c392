/**
 * Finds division names in Simplified Chinese text: full names (湖州市) and short forms
 * (湖州, 赴余姚调研), without hits inside other names (钱塘江, 浙江大学, 杭州龙山化工有限公司).
 *
 * Ambiguity rule (a surface naming several divisions: 朝阳 = 朝阳市, 朝阳区 ×2):
 *  1. prefer divisions related to the context — the `within` divisions passed in, and the
 *     divisions named unambiguously elsewhere in the same text — a candidate is related when
 *     it is, or lies within, a context division or one of its ancestors; the most specific
 *     context wins (a candidate within the context county's prefecture beats one within
 *     the context province only);
 *  2. then prefer current divisions over former names (萧山 -> 萧山区, not 萧山市);
 *  3. then the higher level (吉林 -> 吉林省, 西安 -> 西安市 not 吉林市's 西安区);
 *  4. still tied: a full name gives the lowest code and lists the others in
 *     `alternatives`; a short form is dropped as too uncertain.
 * Names listed as context-only (城区, 市中区, 江山, 天台 ...) are kept only when the context
 * holds their parent (for a county: its prefecture or the county itself).
 * A short form that is also a township's name inside a context county names the township
 * and is dropped (安阳 in a 瑞安市 text is 安阳街道).
 */
import { loadGazetteer } from './divisions.ts';
import { parentChain } from './hierarchy.ts';
import { placeMatchingRules, type PlaceMatchingRules } from './lexicon.ts';
import { segmentWords, type Words } from './segmentation.ts';
import { countiesWithTownship } from './townships.ts';
import type { Division, DivisionMention, DivisionLevel } from './types.ts';

export interface FindDivisionsOptions {
  /** Divisions (or their codes) the text is about, e.g. the province of the newspaper. */
  within?: (Division | string)[];
  /** Use divisions named unambiguously in the text as context too (default true). */
  autoContext?: boolean;
  /** Return functional areas (开发区, 新区, 示范区) too (default true; see Division.functional). */
  functional?: boolean;
}

interface Entry {
  division: Division;
  /** Not the full name (湖州 for 湖州市, 恩施州 for 恩施土家族苗族自治州). */
  short: boolean;
  /** Checked like a full name: it ends with a division suffix (恩施州, 景宁县). */
  suffixed: boolean;
}

interface SurfaceIndex {
  entries: Map<string, Entry[]>;
  maxLength: number;
}

let surfaceIndex: SurfaceIndex | undefined;

function index(): SurfaceIndex {
  if (surfaceIndex) return surfaceIndex;
  const entries = new Map<string, Entry[]>();
  const add = (surface: string, entry: Entry) => {
    if (surface.length < 2) return;
    entries.set(surface, [...(entries.get(surface) ?? []), entry]);
  };
  for (const division of loadGazetteer().all) {
    add(division.name, { division, short: false, suffixed: true });
    if (division.shortName && division.shortName !== division.name) add(division.shortName, { division, short: true, suffixed: false });
    for (const alias of division.aliases ?? []) add(alias, { division, short: true, suffixed: /[省市州县区盟旗]$/.test(alias) });
  }
  let maxLength = 0;
  for (const surface of entries.keys()) maxLength = Math.max(maxLength, surface.length);
  surfaceIndex = { entries, maxLength };
  return surfaceIndex;
}

const isHan = (ch: string | undefined): boolean => !!ch && /\p{Script=Han}/u.test(ch);

/** Some division name starts at `pos` (浙江|江山: the 江 after 浙江 starts a name). */
function divisionStartsAt(text: string, pos: number, idx: SurfaceIndex): boolean {
  for (let len = 2; len <= idx.maxLength && pos + len <= text.length; len++) {
    if (idx.entries.has(text.slice(pos, pos + len))) return true;
  }
  return false;
}

/** The name at [start, end) is the head of an organisation's or facility's name. */
function insideOrganisationName(text: string, end: number, rules: PlaceMatchingRules): boolean {
  let run = '';
  for (let i = end; i < text.length && run.length < 14; i++) {
    if (isHan(text[i])) run += text[i];
    // A single OCR space inside a name (配送服 务有限公司) does not end it.
    else if (!(text[i] === ' ' && isHan(text[i - 1]) && isHan(text[i + 1]))) break;
  }
  let cut = run.length;
  for (const breaker of rules.runBreakers) {
    const at = run.indexOf(breaker);
    if (at >= 0 && at < cut) cut = at;
  }
  run = run.slice(0, cut);
  return rules.organisationSuffixes.some((suffix) => run.includes(suffix));
}

/**
 * The surface lines up with the text's words: it starts a word, and a short form also
 * ends one (钱塘|江 is one word, 钱塘江), except for 人 (杭州人 names the place).
 * Full names end in 市/县/区, which often join the next word (湖州|市委), so only their
 * start is checked, and only for short ones (a long name is no accident).
 */
function alignsWithWords(words: Words | null, text: string, start: number, end: number, short: boolean): boolean {
  if (!words) return true;
  // A two-character full name must be one word: 户县 in 审定户县, not 和县 in 乡镇和县直部门.
  if (!short) return end - start > 3 || (words.starts[start] === 1 && (end - start > 2 || words.endOfWordAt[start] === end));
  if (words.starts[start] !== 1) return false;
  if (words.starts[end] === 1) return true;
  const wordEnd = words.endOfWordAt[start];
  return wordEnd > end && text.slice(end, wordEnd) === '人';
}

/** Why a surface at [start, end) cannot name a division, or null when it can. */
function rejectSurface(text: string, start: number, end: number, short: boolean, words: Words | null, idx: SurfaceIndex, rules: PlaceMatchingRules): string | null {
  const surface = text.slice(start, end);
  const before = text[start - 1];
  if (short) {
    if (rules.commonWordShortForms.has(surface)) return 'common word';
    const next = text.slice(end);
    if (rules.nameContinuations.some((w) => next.startsWith(w)) && !divisionStartsAt(text, end, idx)) return 'part of another name';
    if (surface.length === 2 && rules.surnames.has(before ?? '') && (start < 2 || rules.beforeSurname.has(text[start - 2]))) {
      return 'given name of a person';
    }
  }
  if (!alignsWithWords(words, text, start, end, short)) return 'inside a word';
  if (insideOrganisationName(text, end, rules)) return 'inside an organisation name';
  return null;
}

interface Candidate {
  start: number;
  end: number;
  surface: string;
  short: boolean;
  divisions: Division[];
  contextOnly: boolean;
}

const LEVEL_RANK: Record<DivisionLevel, number> = { province: 1, prefecture: 2, county: 3 };

function scanCandidates(text: string): Candidate[] {
  const idx = index();
  const rules = placeMatchingRules();
  const words = segmentWords(text);
  const found: Candidate[] = [];
  for (let i = 0; i < text.length; ) {
    let matched = 0;
    for (let len = Math.min(idx.maxLength, text.length - i); len >= 2 && !matched; len--) {
      const surface = text.slice(i, i + len);
      const entries = idx.entries.get(surface);
      if (!entries) continue;
      // A surface is a full name or a short form; full names win when it is both.
      const full = entries.filter((e) => !e.short);
      const use = full.length ? full : entries;
      const short = !full.length;
      const checkAsShort = !use.some((e) => e.suffixed);
      if (rejectSurface(text, i, i + len, checkAsShort, words, idx, rules)) continue;
      let divisions = use.map((e) => e.division);
      if (short && divisions.some((d) => !d.former)) divisions = divisions.filter((d) => !d.former);
      found.push({ start: i, end: i + len, surface, short, divisions, contextOnly: rules.contextOnlyNames.has(surface) });
      matched = len;
    }
    i += matched || 1;
  }
  return found;
}

/** Context codes with the rank of their level: a county context also makes its prefecture and province context. */
function contextRanks(divisions: Division[]): Map<string, number> {
  const ranks = new Map<string, number>();
  for (const d of divisions) {
    for (const c of [d, ...parentChain(d)]) {
      ranks.set(c.code, Math.max(ranks.get(c.code) ?? 0, LEVEL_RANK[c.level]));
    }
  }
  return ranks;
}

/** How specific the context that `division` belongs to is; 0 when unrelated. */
function contextScore(division: Division, ranks: Map<string, number>): number {
  let best = 0;
  for (const c of [division, ...parentChain(division)]) best = Math.max(best, ranks.get(c.code) ?? 0);
  return best;
}

function keepBest<T>(items: T[], score: (item: T) => number): T[] {
  const best = Math.max(...items.map(score));
  return items.filter((item) => score(item) === best);
}

/** The surface is a township's name in a county of the context, and `division` does not hold that township. */
function namesContextTownship(surface: string, division: Division, ranks: Map<string, number>): boolean {
  for (const county of countiesWithTownship(surface)) {
    if (ranks.get(county) === LEVEL_RANK.county && county !== division.code && !county.startsWith(division.code)) return true;
  }
  return false;
}

function choose(candidate: Candidate, ranks: Map<string, number>): DivisionMention | null {
  let pool = candidate.divisions;
  if (candidate.contextOnly) pool = pool.filter((d) => contextScore(d, ranks) >= LEVEL_RANK[d.level] - 1);
  if (!pool.length) return null;
  const inContext = pool.filter((d) => contextScore(d, ranks) > 0);
  if (inContext.length) pool = keepBest(inContext, (d) => contextScore(d, ranks));
  pool = keepBest(pool, (d) => (d.former ? 0 : 1));
  pool = keepBest(pool, (d) => -LEVEL_RANK[d.level]);
  if (pool.length > 1 && candidate.short) return null;
  const [division, ...rest] = [...pool].sort((a, b) => a.code.localeCompare(b.code));
  if (candidate.short && namesContextTownship(candidate.surface, division, ranks)) return null;
  const mention: DivisionMention = { division, start: candidate.start, end: candidate.end, surface: candidate.surface, short: candidate.short };
  if (rest.length) mention.alternatives = rest;
  return mention;
}

function resolveCodes(within: (Division | string)[]): Division[] {
  const { byCode } = loadGazetteer();
  return within.map((w) => {
    if (typeof w !== 'string') return w;
    const d = byCode.get(w);
    if (!d) throw new Error(`findDivisions: unknown division code ${w} in context`);
    return d;
  });
}

/** Division mentions in `text` (Simplified script), in text order. */
export function findDivisions(text: string, options: FindDivisionsOptions = {}): DivisionMention[] {
  const candidates = scanCandidates(text);
  const context = resolveCodes(options.within ?? []);
  if (options.autoContext ?? true) {
    for (const c of candidates) if (c.divisions.length === 1 && !c.contextOnly && !c.divisions[0].functional) context.push(c.divisions[0]);
  }
  const ranks = contextRanks(context);
  const mentions: DivisionMention[] = [];
  for (const c of candidates) {
    const mention = choose(c, ranks);
    if (!mention) continue;
    if (mention.division.functional && options.functional === false) continue;
    mentions.push(mention);
  }
  return mentions;
}
