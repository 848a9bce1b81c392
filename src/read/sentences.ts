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
    date: null, // set once the article's dates are known (items.ts, dateSentences)
  };
}

/** A sentence end with the closing marks (and further ends) that stay with it. */
const SENTENCE_BREAK = new RegExp(`[${SENTENCE_END}][${CLOSERS}${SENTENCE_END}]*`, 'g');

/**
 * Splits a paragraph after 。！？； (with any closing quote or bracket that follows);
 * drops photo-credit sentences (记者 胡元勇 摄, 图源：…).
 */
export function splitSentences(raw: string, span: Span): Sentence[] {
  const ends: number[] = [];
  SENTENCE_BREAK.lastIndex = 0;
  while (SENTENCE_BREAK.test(span.text)) ends.push(SENTENCE_BREAK.lastIndex); // test: no match object
  if (ends.length === 0 || ends[ends.length - 1] < span.text.length) ends.push(span.text.length);
  const out: Sentence[] = [];
  let from = 0;
  for (const to of ends) {
    const s = sentenceOf(raw, span, from, to);
    if (s && !isCreditSentence(s.text)) out.push(s);
    from = to;
  }
  return out;
}
