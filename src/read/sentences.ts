import { CLOSERS, SENTENCE_END } from './chars.ts';
import { isCreditSentence } from './boilerplate.ts';
import type { Sentence } from './types.ts';

/** A stretch of cleaned text with the raw offset of each of its characters. */
export interface Span {
  text: string;
  offsets: number[];
}

/** The sentence for `text[a, b)` of a span, trimmed; null when only spaces remain. */
export function sentenceOf(raw: string, span: Span, a: number, b: number): Sentence | null {
  while (a < b && span.text[a] === ' ') a++;
  while (b > a && span.text[b - 1] === ' ') b--;
  if (a >= b) return null;
  const start = span.offsets[a];
  const last = span.offsets[b - 1];
  const lastCode = raw.charCodeAt(last);
  const end = last + (lastCode >= 0xd800 && lastCode <= 0xdbff ? 2 : 1);
  return {
    text: span.text.slice(a, b),
    original: raw.slice(start, end),
    start,
    end,
    offsets: span.offsets.slice(a, b),
  };
}

/**
 * Splits a paragraph after 。！？； (with any closing quote or bracket that follows);
 * drops photo-credit sentences (记者 胡元勇 摄, 图源：…).
 */
export function splitSentences(raw: string, span: Span): Sentence[] {
  const out: Sentence[] = [];
  const { text } = span;
  let from = 0;
  const push = (to: number) => {
    const s = sentenceOf(raw, span, from, to);
    if (s && !isCreditSentence(s.text)) out.push(s);
    from = to;
  };
  for (let i = 0; i < text.length; i++) {
    if (!SENTENCE_END.includes(text[i])) continue;
    let j = i + 1;
    while (j < text.length && (CLOSERS.includes(text[j]) || SENTENCE_END.includes(text[j]))) j++;
    push(j);
    i = j - 1;
  }
  if (from < text.length) push(text.length);
  return out;
}
