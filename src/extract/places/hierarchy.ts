/** Look-ups and the administrative hierarchy over the gazetteer. */
import { loadGazetteer } from './divisions.ts';
import type { Division } from './types.ts';

export function divisionByCode(code: string): Division | undefined {
  return loadGazetteer().byCode.get(code);
}

/** Divisions with this full name (湖州市); several when the name repeats (朝阳区). */
export function divisionsByName(name: string): Division[] {
  return loadGazetteer().byName.get(name) ?? [];
}

/** Every division, current and former. */
export function allDivisions(): readonly Division[] {
  return loadGazetteer().all;
}

export function parentOf(division: Division): Division | undefined {
  return division.parentCode ? divisionByCode(division.parentCode) : undefined;
}

const chains = new WeakMap<Division, readonly Division[]>();

/** The division's ancestors, nearest first: 萧山区 -> [杭州市, 浙江省]. Kept: place matching asks often. */
export function parentChain(division: Division): readonly Division[] {
  let chain = chains.get(division);
  if (!chain) {
    const ancestors: Division[] = [];
    for (let p = parentOf(division); p; p = parentOf(p)) ancestors.push(p);
    chain = Object.freeze(ancestors);
    chains.set(division, chain);
  }
  return chain;
}

/** True when `ancestor` is a strict ancestor of `child` (萧山区 within 浙江省). */
export function isWithin(child: Division, ancestor: Division): boolean {
  return parentChain(child).some((p) => p.code === ancestor.code);
}
