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
 * A short form that is the tail of a township's name is not matched: the Han characters
 * before it and the short form (plus what follows) spell a township (新丰镇 holds 丰镇,
 * 八宝山街道 holds 宝山), or a township-shaped short form (丰镇, 宁乡) follows a
 * one-character word that is not a preposition or the like (新|丰镇).
 * A context-only full name of three or more characters naming one division is taken
 * without context when a party or government body follows it (中共南湖区委, 南湖区政府):
 * only real divisions have them.
 * Short forms that are common words (南湖, 西湖, 鼓楼) are taken only when the very division
 * they name is already in the context (南湖区 named in full earlier, or passed in
 * `within`): "南湖样板" in a 南湖区 text; never on a parent's context alone (嘉兴南湖 is the lake).
 * No name starts inside 中共 (中共和县委员会 does not name 共和县).
 * A short form followed by 经验/模式 names a campaign-like model (浦江经验), not the place.
 */
import { loadGazetteer } from './divisions.ts';
import { UnitSet } from '../units.ts';
import { parentChain } from './hierarchy.ts';
import { placeMatchingRules, type PlaceMatchingRules } from './lexicon.ts';
import { wordAt } from '../lexicon.ts';
import { segmentWords, type Words } from './segmentation.ts';
import { countiesWithTownship, isTownshipName, mayEndTownshipName, MAX_TOWNSHIP_NAME_LENGTH } from './townships.ts';
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

/** What a surface names, worked out once: full names win when it is both a full name and a short form. */
interface Surface {
  short: boolean;
  /** Checked like a short form: none of its entries ends with a division suffix. */
  checkAsShort: boolean;
  /** Current divisions only, for a short form that also names current ones (萧山 -> 萧山区, not 萧山市). */
  divisions: Division[];
}

/** A trie of the surfaces by UTF-16 code unit: a walk from a position meets every surface starting there. */
interface TrieNode {
  next: Map<number, TrieNode>;
  /** Set when the path to this node spells a surface. */
  surface?: Surface;
}

interface SurfaceIndex {
  /**
   * The trie's first level by code unit (undefined for the many characters that start no
   * surface): an array index, where a Map lookup would be paid at most positions.
   */
  firstLevel: (TrieNode | undefined)[];
}

const NO_SURFACES: readonly { length: number; surface: Surface }[] = [];

/** The surfaces that start at `pos`, shortest first, with their lengths. */
function surfacesAt(text: string, pos: number, idx: SurfaceIndex): readonly { length: number; surface: Surface }[] {
  // Most positions start no name: answer those without a lookup or an allocation.
  const first = text.charCodeAt(pos);
  const firstNode = idx.firstLevel[first];
  if (firstNode === undefined) return NO_SURFACES;
  let node: TrieNode = firstNode;
  let found: { length: number; surface: Surface }[] | undefined;
  for (let j = pos + 1; j < text.length; j++) {
    const next = node.next.get(text.charCodeAt(j));
    if (!next) break;
    node = next;
    if (node.surface) (found ??= []).push({ length: j + 1 - pos, surface: node.surface });
  }
  return found ?? NO_SURFACES;
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
  const root: TrieNode = { next: new Map() };
  for (const [surface, all] of entries) {
    const full = all.filter((e) => !e.short);
    const use = full.length ? full : all;
    const short = !full.length;
    let divisions = use.map((e) => e.division);
    if (short && divisions.some((d) => !d.former)) divisions = divisions.filter((d) => !d.former);
    let node = root;
    for (let u = 0; u < surface.length; u++) {
      const unit = surface.charCodeAt(u);
      let child = node.next.get(unit);
      if (!child) node.next.set(unit, (child = { next: new Map() }));
      node = child;
    }
    node.surface = { short, checkAsShort: !use.some((e) => e.suffixed), divisions };
  }
  const firstLevel = new Array<TrieNode | undefined>(0x10000).fill(undefined);
  for (const [unit, node] of root.next) firstLevel[unit] = node;
  surfaceIndex = { firstLevel };
  return surfaceIndex;
}

/** The code units that alone are characters of the Han script (worked out on first use). */
let hanUnits: UnitSet | undefined;
/** The character at `i` is Han (false past either end); read as a code unit: text[i] would make a string of it. */
const isHanAt = (text: string, i: number): boolean => (hanUnits ??= UnitSet.matching(/\p{Script=Han}/u)).has(text.charCodeAt(i));

/** Some division name starts at `pos` (浙江|江山: the 江 after 浙江 starts a name). */
function divisionStartsAt(text: string, pos: number, idx: SurfaceIndex): boolean {
  return surfacesAt(text, pos, idx).length > 0;
}

/** The name at [start, end) is the head of an organisation's or facility's name. */
function insideOrganisationName(text: string, end: number, rules: PlaceMatchingRules): boolean {
  // The run of (up to 14) Han characters after the name.
  let i = end;
  for (let han = 0; i < text.length && han < 14; i++) {
    if (isHanAt(text, i)) han++;
    // A single OCR space inside a name (配送服 务有限公司) does not end it.
    else if (!(text.charCodeAt(i) === 0x20 && isHanAt(text, i - 1) && isHanAt(text, i + 1))) break;
  }
  let run = text.slice(end, i);
  if (run.includes(' ')) run = run.replaceAll(' ', '');
  // The name's part of the run ends where a breaker (a verb, a particle…) first starts.
  let cut = 0;
  while (cut < run.length && !wordAt(run, cut, rules.runBreakers)) cut++;
  const head = run.slice(0, cut);
  for (let at = 0; at < head.length; at++) if (wordAt(head, at, rules.organisationSuffixes)) return true;
  return false;
}

/**
 * The surface lines up with the text's words: it starts a word, and a short form also
 * ends one (钱塘|江 is one word, 钱塘江), except for 人 (杭州人 names the place).
 * Full names end in 市/县/区, which often join the next word (湖州|市委), so only their
 * start is checked, and only for short ones (a long name is no accident).
 */
function alignsWithWords(words: Words, text: string, start: number, end: number, short: boolean): boolean {
  // A long full name is no accident: no need to cut the text.
  if (!short && end - start > 3) return true;
  // A word starts after a break however the text is cut: there a full name of three needs no cutting.
  if (!short && end - start === 3 && words.followsBreak(start)) return true;
  if (!words.known(start)) return true;
  // A two-character full name must be one word: 户县 in 审定户县, not 和县 in 乡镇和县直部门.
  if (!short) return words.startsAt(start) && (end - start > 2 || words.endOfWordAt(start) === end);
  if (!words.startsAt(start)) return false;
  if (words.startsAt(end)) return true;
  const wordEnd = words.endOfWordAt(start);
  return wordEnd > end && text.slice(end, wordEnd) === '人';
}

/**
 * The short form at [start, end) is the tail of a township's name that starts after
 * `free` (the end of the division name matched before it): 新丰镇 holds 丰镇.
 */
function insideTownshipName(text: string, start: number, end: number, free: number): boolean {
  for (let from = start - 1; from >= free && start - from < MAX_TOWNSHIP_NAME_LENGTH && isHanAt(text, from); from--) {
    for (let to = end; to <= text.length && to - from <= MAX_TOWNSHIP_NAME_LENGTH; to++) {
      if (mayEndTownshipName(text, to) && isTownshipName(text.slice(from, to))) return true;
    }
  }
  return false;
}

/** A township-shaped short form (丰镇, 宁乡) after a one-character word that starts a town's name (新|丰镇). */
function townshipTail(text: string, start: number, end: number, free: number, words: Words, rules: PlaceMatchingRules): boolean {
  if (!rules.townshipEndings.has(text[end - 1])) return false;
  const before = start - 1;
  if (before < free || !isHanAt(text, before) || rules.charsBeforePlace.has(text[before]) || !words.known(before)) return false;
  return words.startsAt(before) && words.endOfWordAt(before) === start;
}

/** Position `start` is inside one of `words` as written in the text (中|共和县 in 中共和县委员会). */
function startsInside(text: string, start: number, words: string[]): boolean {
  return words.some((w) => {
    for (let k = 1; k < w.length; k++) if (text.startsWith(w, start - k)) return true;
    return false;
  });
}

/** A party or government body follows the full name ending at `end` (南湖区|委, 余杭区|政府). */
function organFollows(text: string, end: number, rules: PlaceMatchingRules): boolean {
  return wordAt(text, end, rules.organsAfterName) !== undefined && wordAt(text, end, rules.notOrgans) === undefined;
}

/**
 * Why a surface at [start, end) cannot name a division, or null when it can. `free` is
 * where the text after the previous match starts.
 */
function rejectSurface(text: string, start: number, end: number, short: boolean, free: number, words: Words, idx: SurfaceIndex, rules: PlaceMatchingRules): string | null {
  const before = text[start - 1];
  if (short) {
    if (wordAt(text, end, rules.nameContinuations) !== undefined && !divisionStartsAt(text, end, idx)) return 'part of another name';
    if (end - start === 2 && rules.surnames.has(before ?? '') && (start < 2 || rules.beforeSurname.has(text[start - 2]))) {
      return 'given name of a person';
    }
    if (insideTownshipName(text, start, end, free) || townshipTail(text, start, end, free, words, rules)) return 'tail of a township name';
  }
  if (startsInside(text, start, rules.unsplittableWords)) return 'inside a fixed word';
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

/** The names found in a text, before context chooses among their divisions. */
export interface PlaceScan {
  candidates: Candidate[];
  /** Short forms that are common words (南湖), taken only when their division is in context; they take no text from other names. */
  commonWords: Candidate[];
}

const LEVEL_RANK: Record<DivisionLevel, number> = { province: 1, prefecture: 2, county: 3 };

export function scanPlaces(text: string): PlaceScan {
  const idx = index();
  const rules = placeMatchingRules();
  // Cut into words only where a surface is found (segmenting is costly).
  const words = segmentWords(text);
  const found: Candidate[] = [];
  const commonWords: Candidate[] = [];
  let free = 0;
  for (let i = 0; i < text.length; ) {
    let matched = 0;
    // The surfaces starting here, longest first.
    const here = surfacesAt(text, i, idx);
    for (let k = here.length - 1; k >= 0 && !matched; k--) {
      const len = here[k].length;
      const { short, checkAsShort, divisions } = here[k].surface;
      const surface = text.slice(i, i + len);
      if (rejectSurface(text, i, i + len, checkAsShort, free, words, idx, rules)) continue;
      const candidate = { start: i, end: i + len, surface, short, divisions, contextOnly: rules.contextOnlyNames.has(surface) };
      if (short && rules.commonWordShortForms.has(surface)) {
        commonWords.push(candidate);
        continue;
      }
      // Not for two-character names: 和县委, 新县委 read as 和 + 县委, 新 + 县委.
      if (candidate.contextOnly && !short && len > 2 && divisions.length === 1 && organFollows(text, i + len, rules)) candidate.contextOnly = false;
      found.push(candidate);
      matched = len;
    }
    if (matched) free = i + matched;
    i += matched || 1;
  }
  return { candidates: found, commonWords };
}

/** Context codes with the rank of their level: a county context also makes its prefecture and province context. */
function contextRanks(divisions: Division[]): Map<string, number> {
  const ranks = new Map<string, number>();
  for (const d of divisions) {
    raiseRank(ranks, d);
    for (const c of parentChain(d)) raiseRank(ranks, c);
  }
  return ranks;
}

function raiseRank(ranks: Map<string, number>, c: Division): void {
  ranks.set(c.code, Math.max(ranks.get(c.code) ?? 0, LEVEL_RANK[c.level]));
}

/** How specific the context that `division` belongs to is; 0 when unrelated. */
function contextScore(division: Division, ranks: Map<string, number>): number {
  let best = ranks.get(division.code) ?? 0;
  for (const c of parentChain(division)) best = Math.max(best, ranks.get(c.code) ?? 0);
  return best;
}

function keepBest<T>(items: T[], score: (item: T) => number): T[] {
  let best = -Infinity;
  for (const item of items) best = Math.max(best, score(item));
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
  // One division: every preference below keeps it.
  if (pool.length === 1) return mentionOf(candidate, pool[0], [], ranks);
  const inContext = pool.filter((d) => contextScore(d, ranks) > 0);
  if (inContext.length) pool = keepBest(inContext, (d) => contextScore(d, ranks));
  pool = keepBest(pool, (d) => (d.former ? 0 : 1));
  pool = keepBest(pool, (d) => -LEVEL_RANK[d.level]);
  if (pool.length > 1 && candidate.short) return null;
  const [division, ...rest] = [...pool].sort((a, b) => a.code.localeCompare(b.code));
  return mentionOf(candidate, division, rest, ranks);
}

function mentionOf(candidate: Candidate, division: Division, alternatives: Division[], ranks: Map<string, number>): DivisionMention | null {
  if (candidate.short && namesContextTownship(candidate.surface, division, ranks)) return null;
  // Every mention of one shape (alternatives undefined when none), so that code reading mentions stays optimised.
  const { start, end, surface, short } = candidate;
  return { division, start, end, surface, short, alternatives: alternatives.length ? alternatives : undefined };
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

/**
 * The scan of the line text.slice(start, end) from the scan of the whole text: no name
 * crosses a line break, and every check looks within a run of Han characters, so a line
 * scanned alone gives the same names.
 */
export function lineScan(scan: PlaceScan, start: number, end: number): PlaceScan {
  return { candidates: inLine(scan.candidates, start, end), commonWords: inLine(scan.commonWords, start, end) };
}

function inLine(candidates: Candidate[], start: number, end: number): Candidate[] {
  return candidates.filter((c) => c.start >= start && c.end <= end).map((c) => ({ ...c, start: c.start - start, end: c.end - start }));
}

/**
 * Mentions in short texts read without options, kept: titles and inspection targets ask
 * about the same few words (市委书记, 县长, 德清县…) again and again.
 */
const shortTexts = new Map<string, readonly DivisionMention[]>();
const SHORT_TEXT = 32;
const SHORT_TEXTS_KEPT = 8192;

/** Division mentions in `text` (Simplified script), in text order. The result must not be changed. */
export function findDivisions(text: string, options?: FindDivisionsOptions): readonly DivisionMention[] {
  if (options || text.length > SHORT_TEXT) return mentionsOf(scanPlaces(text), options);
  let mentions = shortTexts.get(text);
  if (mentions === undefined) {
    mentions = mentionsOf(scanPlaces(text));
    if (shortTexts.size >= SHORT_TEXTS_KEPT) shortTexts.clear(); // cheaper than evicting one by one
    shortTexts.set(text, mentions);
  }
  return mentions;
}

/** Division mentions of a scanned text, chosen in context. */
export function mentionsOf({ candidates, commonWords }: PlaceScan, options: FindDivisionsOptions = {}): DivisionMention[] {
  const given = resolveCodes(options.within ?? []);
  const context = [...given];
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
  mentions.push(...commonWordMentions(commonWords, candidates, [...given, ...mentions.map((m) => m.division)]));
  return mentions.sort((a, b) => a.start - b.start);
}

/** Common-word short forms (南湖) whose division is itself named elsewhere or given, outside other names. */
function commonWordMentions(commonWords: Candidate[], taken: Candidate[], named: Division[]): DivisionMention[] {
  const codes = new Set(named.map((d) => d.code));
  const mentions: DivisionMention[] = [];
  for (const c of commonWords) {
    if (taken.some((t) => t.start < c.end && c.start < t.end)) continue;
    const pool = c.divisions.filter((d) => codes.has(d.code));
    if (pool.length !== 1) continue;
    mentions.push({ division: pool[0], start: c.start, end: c.end, surface: c.surface, short: true });
  }
  return mentions;
}
