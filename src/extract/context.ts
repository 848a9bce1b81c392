/**
 * Which division a bare level word means. Official prose drops the place it is about:
 * 市委书记 in a Hangzhou paper is 杭州市委书记, 我区 in a Qiantang paper is 钱塘区.
 * The context scores the divisions an article names, those of the same item first.
 */
import { scanPlaces, lineScan, mentionsOf, parentChain, divisionsByName, type Division, type DivisionMention } from './gazetteer.ts';
import type { PlaceRef } from './types.ts';

export function placeRef(d: Division): PlaceRef {
  return { name: d.name, code: d.code, level: d.level, parentCode: d.parentCode };
}

/** A place only known by its name (a town, an area the gazetteer lacks). */
export function freePlace(name: string): PlaceRef {
  return { name, code: null, level: null, parentCode: null };
}

/** The suffixes a bare level word selects: 市 -> 上海市, 湖州市, 瑞安市. */
function matchesLevel(d: Division, level: string): boolean {
  if (level === '省') return d.level === 'province' && d.name.endsWith('省');
  if (level === '新区') return d.level === 'county' && d.name.endsWith('区');
  if (level === '市') return d.name.endsWith('市');
  return d.name.endsWith(level) && d.level !== 'province';
}

export interface PlaceContext {
  /** Divisions named in each item (mentions with offsets into the item's joined text). */
  readonly mentions: DivisionMention[][];
  /** The division meant by a bare level word (省, 市, 区, 县, 新区) in item `item`. */
  resolveLevel(level: string, item: number): PlaceRef | null;
}

export function buildPlaceContext(itemTexts: string[]): PlaceContext {
  const articleText = itemTexts.join('\n');
  const scan = scanPlaces(articleText);
  const articleMentions = mentionsOf(scan);
  const named = [...new Map(articleMentions.map((m) => [m.division.code, m.division])).values()];
  // Items are whole lines of the article's text: their names are those of the article's scan.
  let lineStart = 0;
  const mentions = itemTexts.map((t) => {
    const line = lineScan(scan, lineStart, lineStart + t.length);
    lineStart += t.length + 1;
    return mentionsOf(line, { within: named });
  });
  const cache = new Map<string, PlaceRef | null>();

  const scores = (item: number): Map<Division, number> => {
    const score = new Map<Division, number>();
    const add = (d: Division, w: number) => score.set(d, (score.get(d) ?? 0) + w);
    const count = (ms: DivisionMention[], weight: number, text: string) => {
      for (const m of ms) {
        // A place someone travels to (赴海宁市, 来到余姚) is where they go, not where they serve.
        if (/(?:赴|前往|来到|到|走进|深入|抵达)$/.test(text.slice(Math.max(0, m.start - 2), m.start))) continue;
        add(m.division, weight);
        // A mention of 萧山区 also speaks, more softly, of 杭州市 and 浙江省.
        for (const a of parentChain(m.division)) add(a, weight / 2);
      }
    };
    count(articleMentions, 1, articleText);
    count(mentions[item] ?? [], 2, itemTexts[item] ?? '');
    return score;
  };

  return {
    mentions,
    resolveLevel(level, item) {
      const key = `${level}|${item}`;
      if (cache.has(key)) return cache.get(key)!;
      let best: Division | null = null;
      let bestScore = 0;
      for (const [d, s] of scores(item)) {
        if (matchesLevel(d, level) && (s > bestScore || (s === bestScore && best && d.code < best.code))) {
          best = d;
          bestScore = s;
        }
      }
      let result: PlaceRef | null = best ? placeRef(best) : null;
      if (best && level === '新区' && !best.name.endsWith('新区')) {
        // 新区 in a district paper: the district's new area (钱塘 -> 钱塘新区).
        const name = `${best.shortName || best.name.slice(0, -1)}新区`;
        const known = divisionsByName(name)[0];
        result = known ? placeRef(known) : { ...freePlace(name), parentCode: best.parentCode };
      }
      cache.set(key, result);
      return result;
    },
  };
}
