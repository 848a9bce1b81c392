/**
 * Short forms of division names as they are written in running text:
 * 湖州市 -> 湖州, 内蒙古自治区 -> 内蒙古, 恩施土家族苗族自治州 -> 恩施, 浦东新区 -> 浦东.
 */
import { ethnicGroups } from './lexicon.ts';
import type { DivisionLevel } from './types.ts';

/** Suffixes stripped, longest first. 旗 names get no short form (科尔沁右翼前旗 is cut as 科右前旗). */
const SUFFIXES = ['特别行政区', '自治区', '自治州', '自治县', '自治旗', '新区', '林区', '特区', '地区', '省', '市', '区', '县', '盟'];

/** Short form of a full division name; '' when none is usable (one character, or nothing left). */
export function shortNameOf(name: string, _level?: DivisionLevel): string {
  if (name.endsWith('旗')) return '';
  const suffix = SUFFIXES.find((s) => name.endsWith(s) && name.length > s.length);
  if (!suffix) return '';
  let stem = name.slice(0, -suffix.length);
  if (suffix.startsWith('自治') || suffix === '自治区') stem = cutEthnicGroups(stem);
  // One character (沙县 -> 沙) is far too ambiguous to match on its own.
  return stem.length >= 2 ? stem : '';
}

/**
 * 恩施土家族苗族 -> 恩施, 广西壮族 -> 广西; a stem that starts with an ethnic name
 * (鄂温克族) -> ''. An ethnic name at offset 1 is part of the place (内蒙古).
 */
function cutEthnicGroups(stem: string): string {
  let cut = stem.length;
  for (const group of ethnicGroups()) {
    const at = stem.indexOf(group);
    if (at === 0) return '';
    if (at >= 2 && at < cut) cut = at;
  }
  return stem.slice(0, cut);
}
