/** Loads the place lexicons (src/extract/lexicon/*.json) once, on first use. */
import { readFileSync } from 'node:fs';
import { lazy } from '../lexicon.ts';

const LEXICON_DIR = new URL('../lexicon/', import.meta.url);

function loadJson<T>(file: string): T {
  const url = new URL(file, LEXICON_DIR);
  try {
    return JSON.parse(readFileSync(url, 'utf8')) as T;
  } catch (error) {
    throw new Error(`cannot read place lexicon ${url.pathname}: ${(error as Error).message}`);
  }
}

export interface FormerDivisionEntry {
  name: string;
  level: 'province' | 'prefecture' | 'county';
  successor: string;
  /** Full name of the parent (current name). */
  in: string;
  year: number;
  note: string;
}

export interface FunctionalAreaEntry {
  name: string;
  aliases?: string[];
  /** Full name of the division that manages it; null when it spans provinces. */
  in: string | null;
  former?: boolean;
  successor?: string;
  year?: number;
  note: string;
}

export interface DivisionExtras {
  former: FormerDivisionEntry[];
  functional: FunctionalAreaEntry[];
}

export const divisionExtras = lazy(() => loadJson<DivisionExtras>('divisions-extra.json'));

export const ethnicGroups = lazy(() => loadJson<{ groups: string[] }>('ethnic-groups.json').groups);

interface WordList {
  words: string[];
}

interface PlaceMatchingFile {
  nameContinuations: WordList;
  organisationSuffixes: WordList;
  runBreakers: WordList;
  commonWordShortForms: WordList;
  contextOnlyNames: WordList;
  organsAfterName: { words: string[]; notOrgans: string[] };
  unsplittableWords: WordList;
  townshipTails: { endings: string; charsBeforePlace: string };
  personNames: { surnames: string; before: string };
}

export interface PlaceMatchingRules {
  nameContinuations: string[];
  organisationSuffixes: string[];
  runBreakers: string[];
  commonWordShortForms: Set<string>;
  contextOnlyNames: Set<string>;
  organsAfterName: string[];
  notOrgans: string[];
  unsplittableWords: string[];
  townshipEndings: Set<string>;
  charsBeforePlace: Set<string>;
  surnames: Set<string>;
  beforeSurname: Set<string>;
}

export const placeMatchingRules = lazy((): PlaceMatchingRules => {
  const file = loadJson<PlaceMatchingFile>('place-matching.json');
  return {
    nameContinuations: file.nameContinuations.words,
    organisationSuffixes: file.organisationSuffixes.words,
    runBreakers: file.runBreakers.words,
    commonWordShortForms: new Set(file.commonWordShortForms.words),
    contextOnlyNames: new Set(file.contextOnlyNames.words),
    organsAfterName: file.organsAfterName.words,
    notOrgans: file.organsAfterName.notOrgans,
    unsplittableWords: file.unsplittableWords.words,
    townshipEndings: new Set(file.townshipTails.endings),
    charsBeforePlace: new Set(file.townshipTails.charsBeforePlace),
    surnames: new Set(file.personNames.surnames),
    beforeSurname: new Set(file.personNames.before),
  };
});
