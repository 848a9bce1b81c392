import * as OpenCC from 'opencc-js';
import type { Script } from './types.ts';

// OpenCC's generic Traditional ('t') reads the mainland-style Traditional of converted
// pages (區, 會, 講話, 長, 幹部) as well as the Taiwan and Hong Kong variants do.
let converter: ((s: string) => string) | null = null;

/**
 * Marks (by UTF-16 code unit) characters such that every dictionary entry of the
 * conversion that changes its text contains at least one of them. A text holding none of
 * them converts to itself, so most articles, already Simplified, skip the conversion.
 * Built from the dictionaries behind `Converter({ from: 't', to: 'cn' })` (OpenCC's t2s
 * config); a character outside the Basic Multilingual Plane marks its high surrogate.
 */
let changing: Uint8Array | null = null;

/** The entries of the dictionaries behind the conversion that change their text. */
function changingEntries(): Array<[string, string]> {
  const config = OpenCC.Locale.configs.t2s as { normalizationChain?: string[][]; conversionChain: string[][] };
  return [...(config.normalizationChain ?? []), ...config.conversionChain]
    .flat()
    .flatMap((dict) => dict.split('|').map((entry) => entry.split(' ') as [string, string]))
    .filter(([from, to]) => from !== to);
}

function changingUnits(): Uint8Array {
  if (changing) return changing;
  const entries = changingEntries();
  const marks = new Uint8Array(0x10000);
  // Single characters that change mark themselves; a phrase that holds none of them
  // marks its first character that differs.
  for (const [from] of entries) if ([...from].length === 1) marks[from.charCodeAt(0)] = 1;
  for (const [from, to] of entries) {
    if ([...from].some((ch) => marks[ch.charCodeAt(0)])) continue;
    let i = 0;
    while (i < from.length - 1 && from[i] === to[i]) i++;
    marks[from.charCodeAt(i)] = 1;
  }
  changing = marks;
  return marks;
}

/**
 * Marks (by UTF-16 code unit) characters such that a text holding none of them holds
 * none of `targets` once converted: the targets themselves, and one character of each
 * dictionary entry whose replacement holds a marked one (when its key holds none yet).
 */
export function conversionSources(targets: string): Uint8Array {
  const marks = new Uint8Array(0x10000);
  const holdsMarked = (s: string) => [...s].some((ch) => marks[ch.charCodeAt(0)] || marks[ch.charCodeAt(ch.length - 1)]);
  for (let i = 0; i < targets.length; i++) marks[targets.charCodeAt(i)] = 1;
  const entries = changingEntries();
  // Until nothing more is marked: the dictionaries run in a chain, so a character may
  // reach a target in two steps.
  for (let grew = true; grew; ) {
    grew = false;
    for (const [from, to] of entries) {
      if (holdsMarked(to) && !holdsMarked(from)) {
        marks[from.charCodeAt(0)] = 1;
        grew = true;
      }
    }
  }
  return marks;
}

/** Whether `s` holds a character that Traditional -> Simplified conversion may change. */
export function mayConvert(s: string): boolean {
  const marks = changingUnits();
  for (let i = 0; i < s.length; i++) if (marks[s.charCodeAt(i)]) return true;
  return false;
}

/** Traditional -> Simplified (Simplified text passes through unchanged). */
export function toSimplified(s: string): string {
  if (!mayConvert(s)) return s;
  const convert = (converter ??= OpenCC.Converter({ from: 't', to: 'cn' }) as (s: string) => string);
  return convert(s);
}

/**
 * Converts keeping the length, so each character keeps its place: a phrase rule that
 * changes the length (rare) falls back to character-by-character conversion.
 */
export function toSimplifiedSameLength(s: string): string {
  const whole = toSimplified(s);
  if (whole.length === s.length) return whole;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const one = toSimplified(s[i]);
    out += one.length === 1 ? one : s[i];
  }
  return out;
}

/** Traditional when a noticeable share of the Han characters change under conversion. */
export function detectScript(original: string, simplified: string): Script {
  if (original === simplified) return 'simplified';
  let han = 0;
  let changed = 0;
  const n = Math.min(original.length, simplified.length);
  for (let i = 0; i < n; i++) {
    const c = original.charCodeAt(i);
    if (c >= 0x3400 && c <= 0x9fff) {
      han++;
      if (c !== simplified.charCodeAt(i)) changed++;
    }
  }
  return changed >= 2 && changed >= 0.05 * han ? 'traditional' : 'simplified';
}
