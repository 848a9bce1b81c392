/**
 * Titles before names: 省委副书记、宁波市委书记王成. A title chain is a run of posts joined
 * by 、 (or ， when a post has no name yet) that ends in a name. Each post is
 * [place][organ][role]; a post that leaves its place out takes it from the post before
 * it (市委副书记、市长 -> 湖州市长), from an earlier chain of the sentence, or from the
 * article's context (市委书记 in a Hangzhou paper).
 */
import { findDivisions, divisionByCode, parentChain } from './gazetteer.ts';
import { lexicon, findWords, wordAt, wordBefore } from './lexicon.ts';
import { placeRef, freePlace, type PlaceContext } from './context.ts';
import type { PlaceRef } from './types.ts';

export interface Post {
  /** The post with its place: 湖州市委副书记, 萧山区副区长, 县人大常委会主任. */
  title: string;
  place: PlaceRef | null;
}

/** One parsed post of a chain, before its place is settled. */
interface Segment {
  place: PlaceRef | null;
  /** A level word standing for a place the context must give: 市 in 市委书记. */
  level: string | null;
  organ: string;
  role: string;
  /** The level the role itself names: 市 in 市长, 区 in 副区长. */
  roleLevel: string | null;
}

const ROLE_LEVEL = /^(?:常务)?(?:副)?(?:代)?(省|市|区|县|州|镇|乡|旗)长$/;
const CHAIN_STOP = /[，,。；;：:“”"「」《》！？!?\s]/;

/** The title roles (书记, 副市长 …) in `text`, left to right. */
export function roleMatches(text: string): { word: string; start: number; end: number }[] {
  return findWords(text, lexicon().titles.roles);
}

function endingRole(segment: string): string | undefined {
  return wordBefore(segment, segment.length, lexicon().titles.roles);
}

/** Trims a descriptive clause inside a title: 中央办公厅分管日常工作的副主任 -> 中央办公厅副主任. */
function trimDescription(prefix: string): string {
  return prefix.replace(/(?:分管|负责|主管)[^的]{0,12}的$/, '').replace(/^.*的/, '');
}

/** Post `p` has a place of the level that segment `s` names (市 in 市长 or 市委). */
function sameLevel(p: Segment, s: Segment): boolean {
  return !!p.place && !!(s.level || s.roleLevel) && levelSuffix(p.place) === (s.level ?? s.roleLevel);
}

function parseSegment(raw: string, leftmost: boolean): Segment | null {
  const role = endingRole(raw);
  if (!role) return null;
  const roleLevel = ROLE_LEVEL.exec(role)?.[1] ?? null;
  let rest = trimDescription(raw.slice(0, raw.length - role.length));
  // In the leftmost post, words before a conjunction belong to a list, not to the title:
  // 徐剑平等县领导和县政协秘书长 -> 县政协秘书长.
  if (leftmost) rest = rest.replace(/^[\u4e00-\u9fff]{2,}[和与及等]/, '');
  const { levels, nationalPrefixes, organs } = lexicon().titles;

  // A division named at the start (or, in the leftmost post, after leading words such as 比如).
  const divisions = findDivisions(rest).filter((m) => leftmost || m.start === 0);
  if (divisions.length && (divisions[0].start === 0 || leftmost)) {
    // 上海市松江区委书记: the last of adjoining divisions is the post's place.
    let last = divisions[0];
    for (const m of divisions.slice(1)) if (m.start === last.end) last = m;
    let organ = rest.slice(last.end);
    const suffix = last.division.name.slice(-1);
    if (organ.startsWith(suffix) && organ.length > 1) organ = organ.slice(1); // 浦东新区区委 -> 浦东新区 + 委
    return { place: placeRef(last.division), level: null, organ, role, roleLevel };
  }
  const national = wordAt(rest, 0, nationalPrefixes);
  if (national) return { place: freePlace(national), level: null, organ: rest.slice(national.length), role, roleLevel };
  const level = wordAt(rest, 0, levels);
  if (level) return { place: null, level, organ: rest.slice(level.length), role, roleLevel };
  if (!rest) return { place: null, level: null, organ: '', role, roleLevel };
  // A town or another named place: 临浦镇党委书记, 黄泽江水系总河长.
  const town = /^([\u4e00-\u9fff]{2,4}?(?:镇|乡|街道|村|社区|开发区|园区))/.exec(rest);
  if (town) return { place: freePlace(town[1]), level: null, organ: rest.slice(town[1].length), role, roleLevel };
  const organ = wordAt(rest, 0, organs);
  if (organ) return { place: null, level: null, organ: rest, role, roleLevel };
  if (rest.length >= 2 && rest.length <= 8 && !/[的了是在和与及对把被将从向为以]/.test(rest)) {
    return { place: freePlace(rest), level: null, organ: '', role, roleLevel };
  }
  // Leading words that are not part of the title (由副省长, 要求市长): drop them.
  return leftmost ? { place: null, level: null, organ: '', role, roleLevel } : null;
}

/**
 * The level word a place answers to: 市 for 湖州市, 区 for 萧山区 and for the district
 * 浦东新区, but 新区 for a new area that is no district (钱塘新区 beside 钱塘区).
 */
function levelSuffix(place: PlaceRef): string {
  if (place.name.endsWith('新区')) return place.level === 'county' && /^\d+$/.test(place.code ?? '') ? '区' : '新区';
  return place.name.slice(-1);
}

function provinceOf(place: PlaceRef): PlaceRef | null {
  const d = place.code ? divisionByCode(place.code) : undefined;
  if (!d || d.level === 'province') return null;
  const top = parentChain(d).find((a) => a.level === 'province' && a.name.endsWith('省'));
  return top ? placeRef(top) : null;
}

/** Joins place, organ and role the way gold posts are written: 湖州市 + 长 = 湖州市长. */
function formatPost(place: PlaceRef | null, level: string | null, organ: string, role: string, roleLevel: string | null): string {
  if (place) {
    if (!organ && roleLevel && role === `${roleLevel}长` && place.name.endsWith(roleLevel)) return `${place.name}长`;
    return `${place.name}${organ}${role}`;
  }
  return `${level ?? ''}${organ}${role}`;
}

/** State shared by the chains of one sentence: later posts inherit places from earlier ones. */
export class ChainState {
  private previous: Segment[] = [];
  constructor(
    private readonly context: PlaceContext,
    private readonly item: number,
  ) {}

  /** Settles each segment's place and returns the posts. */
  settle(segments: Segment[]): Post[] {
    const posts: Post[] = [];
    let before: Segment | undefined;
    for (const seg of segments) {
      const s = { ...seg };
      if (!s.place && !s.level && !s.organ && !s.roleLevel) {
        // A bare role (秘书长, 副主任) belongs to the organ of the post before it.
        const from = before ?? this.previous[this.previous.length - 1];
        if (from) Object.assign(s, { place: from.place, level: from.level, organ: from.organ });
      } else if (!s.place && (s.level || s.roleLevel)) {
        const inherited = (before && sameLevel(before, s) ? before : undefined) ?? [...this.previous].reverse().find((p) => sameLevel(p, s));
        s.place = inherited?.place ?? this.context.resolveLevel((s.level ?? s.roleLevel)!, this.item);
        if (s.place && s.level && s.organ.startsWith(s.level)) s.organ = s.organ.slice(s.level.length);
      } else if (!s.place && s.organ && before?.place && !s.level) {
        s.place = before.place;
      }
      posts.push({ title: formatPost(s.place, s.level, s.organ, s.role, s.roleLevel), place: s.place });
      before = s;
    }
    // 省委副书记、宁波市委书记: the province is the one the chain's city lies in.
    const province = posts.map((p) => p.place && provinceOf(p.place)).find(Boolean);
    segments.forEach((seg, i) => {
      if (seg.level === '省' && !seg.place && province) posts[i] = { title: formatPost(province, '省', seg.organ.replace(/^省/, ''), seg.role, seg.roleLevel), place: province };
    });
    this.previous.push(...segments.map((seg, i) => ({ ...seg, place: posts[i].place })));
    return posts;
  }

  /** The posts of the chain that ends at `roleEnd` in `text` (the role just before a name). */
  chainEndingAt(text: string, roleEnd: number): Post[] {
    const raws: string[] = [];
    let end = roleEnd;
    for (;;) {
      let start = end;
      while (start > 0 && !CHAIN_STOP.test(text[start - 1]) && text[start - 1] !== '、' && roleEnd - start < 40) start--;
      raws.unshift(text.slice(start, end));
      const sep = text[start - 1];
      // Go on through 、 and through ， when the part before it is a post without a name.
      if (sep === '、' || ((sep === '，' || sep === ',') && endingRole(text.slice(Math.max(0, start - 30), start - 1)))) {
        const prev = text.slice(0, start - 1);
        const prevRole = endingRole(prev);
        if (!prevRole) break;
        end = start - 1;
        continue;
      }
      break;
    }
    const segments: Segment[] = [];
    for (let i = raws.length - 1; i >= 0; i--) {
      const seg = parseSegment(raws[i], i === 0);
      if (!seg) break;
      segments.unshift(seg);
    }
    return this.settle(segments);
  }
}
