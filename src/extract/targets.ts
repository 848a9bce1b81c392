/**
 * What an inspection visits: the places listed after a verb of movement (来到萧山国际机场主线卡口、
 * 临浦高速卡口等地; 赴长合区督导), a place that opens the sentence (在下沙四格排灌站，金承涛…), a
 * division the inspectors were sent to (就我市…进行督查), and 企业/公司 standing for the
 * company just named.
 */
import { findDivisions } from './gazetteer.ts';
import { placeRef, freePlace, type PlaceContext } from './context.ts';
import type { PlaceRef } from './types.ts';

export interface Target {
  name: string;
  /** Set when the target is an administrative division. */
  place: PlaceRef | null;
}

const MOVE = /(?:来到|前往|赴|走进|深入|走访|考察了|考察|视察|参观|踏看|(?:一行|先后|还|又|率队|带队|分别)到)(?![组团])/g;
const LIST_END = /[，,。；;：:]|等地|等重点场所|等场所|等处|等单位|等企业|等项目|等/;
const STOP_VERBS = /(?:调研|检查|督导|督查|开展|进行|了解|听取|看望|慰问|学习考察|考察|指导|察看|实地|召开|参加|座谈|交流|观看)/;
const SITE = /(?:公司|厂|站|中心|基地|园|园区|社区|村|街道|镇|乡|项目|工地|现场|学校|大学|医院|院区|馆|大队|中队|支队|部|卡口|大道|路|桥|港|码头|市场|场所|企业|所|室|楼|大楼|小区|家园|区块|水库|流域|广场|景区|车间|展厅|岛|岗|节点|片区|新区|示范区|开发区|区|县|市|省)$/;
const LEAD_WORDS = /^(?:先后|实地|了|首先|又|还|亲自|分别|相继|一同)+/;
const GEO_PREFIX = /^([\u4e00-\u9fff]{2,10}?(?:流域|区域|新区|开发区|园区|示范区|镇|乡|街道))/;

function cleanName(s: string): string {
  return s.replace(/[“”"「」]/g, '').replace(LEAD_WORDS, '').trim();
}

function asTarget(name: string, context: PlaceContext, item: number): Target {
  const divisions = findDivisions(name);
  if (divisions.length === 1 && divisions[0].start === 0 && divisions[0].end === name.length) {
    return { name: divisions[0].division.name, place: placeRef(divisions[0].division) };
  }
  // A division the gazetteer lacks, named by its structure right after a verb: 赴长合区.
  if (/^[\u4e00-\u9fff]{2,4}(?:区|县|市)$/.test(name) && !/(?:园区|社区|城区|片区|景区|小区|院区|校区|分区|街区|厂区|营区)$/.test(name)) {
    return { name, place: freePlace(name) };
  }
  const we = /^(?:我|全)(市|区|县|省)$/.exec(name);
  if (we) {
    const place = context.resolveLevel(we[1], item);
    if (place) return { name: place.name, place };
  }
  return { name, place: null };
}

/** Splits a list of places on 、 and on 和/及 where the part before is itself a place. */
function splitList(list: string): string[] {
  const parts: string[] = [];
  for (const piece of list.split(/[、]/)) {
    let rest = piece;
    for (;;) {
      const m = /[和及]/.exec(rest.slice(2));
      if (!m) break;
      const at = m.index + 2;
      if (!SITE.test(rest.slice(0, at))) break;
      parts.push(rest.slice(0, at));
      rest = rest.slice(at + 1);
    }
    parts.push(rest);
  }
  return parts.map(cleanName).filter(Boolean);
}

function acceptList(parts: string[]): string[] {
  const ok = parts.filter((p) => p.length >= 2 && p.length <= 32 && !/[的了]/.test(p));
  if (!ok.some((p) => SITE.test(p))) {
    // 视察黄泽江流域水环境治理工作: the named place at the start of the object.
    const geo = parts.length === 1 ? GEO_PREFIX.exec(parts[0]) : null;
    return geo ? [geo[1]] : [];
  }
  return ok;
}

export function findTargets(text: string, context: PlaceContext, item: number, lastOrganisation: string | null): Target[] {
  const names: string[] = [];
  let organisation = lastOrganisation;

  // 在下沙四格排灌站，金承涛…  /  在浦东新区，代表团参观…
  const opening = /^(?:[^，。]{0,12}?[日午晚]，)?在([^，。；在]{2,32}?)，/.exec(text);
  const openingDivision = opening ? findDivisions(opening[1]) : [];
  const wholeDivision = openingDivision.length === 1 && openingDivision[0].start === 0 && openingDivision[0].end === opening![1].length;
  if (opening && ((SITE.test(opening[1]) && !/(?:期间|时|后|前|中)$/.test(opening[1])) || wholeDivision)) {
    const name = cleanName(opening[1]);
    names.push(name);
    if (/(?:公司|集团|厂|企业)$/.test(name)) organisation = name;
  }

  for (const m of text.matchAll(MOVE)) {
    const from = m.index! + m[0].length;
    const rest = text.slice(from);
    let end = rest.search(LIST_END);
    if (end < 0) end = rest.length;
    // A verb ends the list at an element's start, or inside the last element (赴长合区督导检查…);
    // inside a name it does not (养老服务指导中心).
    const elements = rest.slice(0, end).split('、');
    const kept: string[] = [];
    for (const [i, element] of elements.entries()) {
      const stop = element.search(STOP_VERBS);
      if (stop === 0) break;
      if (stop > 0 && (i === elements.length - 1 || !SITE.test(element))) {
        kept.push(element.slice(0, stop));
        break;
      }
      kept.push(element);
    }
    let list = kept.join('、');
    // 到A、B等项目，C等地进行调研: the list goes on after 等X，.
    const more = /^等[\u4e00-\u9fff]{0,3}[，,]([^，。；]{2,40}?)等地/.exec(rest.slice(end));
    if (more) list += `、${more[1]}`;
    for (const part of acceptList(splitList(list))) {
      names.push(/^(?:企业|公司|该企业|该公司)/.test(part) && organisation ? organisation : part);
    }
  }

  // 就我市…进行督查: the inspectors' division.
  const we = /就(我|全)(市|区|县|省)[^，。]*?(?:督查|检查|督导|调研|视察)/.exec(text);
  if (we) names.push(`我${we[2]}`);
  // 在澳门学习考察
  const abroad = /在([\u4e00-\u9fff]{2,8}?)(?:学习考察|考察|调研|视察)/.exec(text);
  if (abroad && findDivisions(abroad[1]).length) names.push(abroad[1]);

  const seen = new Set<string>();
  const out: Target[] = [];
  for (const n of names) {
    const t = asTarget(n, context, item);
    // 展厅, 车间: a bare common noun is no name (the place is the one named before).
    if ((t.name.length <= 2 && !t.place) || seen.has(t.name)) continue;
    seen.add(t.name);
    out.push(t);
  }
  return out;
}

/** Where a site lies, when its name starts with a division (德清县养老服务指导中心 -> 德清县). */
export function targetPlace(target: Target, context: PlaceContext, item: number): PlaceRef | null {
  if (target.place) return target.place;
  const first = findDivisions(target.name)[0];
  if (first && first.start === 0) return placeRef(first.division);
  return context.resolveLevel('区', item) ?? context.resolveLevel('县', item);
}
