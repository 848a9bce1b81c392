import * as OpenCC from 'opencc-js';
import type { Script } from './types.ts';

// OpenCC's generic Traditional ('t') reads the mainland-style Traditional of converted
// pages (區, 會, 講話, 長, 幹部) as well as the Taiwan and Hong Kong variants do.
let converter: ((s: string) => string) | null = null;

/** Traditional -> Simplified (Simplified text passes through unchanged). */
export function toSimplified(s: string): string {
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
  let han = 0;
  let changed = 0;
  const n = Math.min(original.length, simplified.length);
  for (let i = 0; i < n; i++) {
    const c = original.charCodeAt(i);
    if (c >= 0x3400 && c <= 0x9fff) {
      han++;
      if (original[i] !== simplified[i]) changed++;
    }
  }
  return changed >= 2 && changed >= 0.05 * han ? 'traditional' : 'simplified';
}
