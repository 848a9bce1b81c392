import { isCjk, isCjkPunct, isHan } from './chars.ts';
import { toSimplifiedSameLength, detectScript } from './script.ts';
import type { Script } from './types.ts';

/**
 * Character-level cleaning that keeps, for every output character, its offset in the
 * raw text: pinyin ruby and `?` garbage removed, ASCII punctuation inside Chinese made
 * fullwidth, doubled punctuation collapsed, OCR spaces inside words joined, Simplified.
 */

/** One raw line after cleaning. `start`/`end` bound the line in raw (without its break). */
export interface CleanLine {
  text: string;
  offsets: number[];
  start: number;
  end: number;
}

export interface CleanedDocument {
  lines: CleanLine[];
  script: Script;
  /** The page is OCR of narrow newspaper columns (lines break anywhere inside words). */
  columnar: boolean;
}

/** Text and raw offsets of one line while the passes run. */
interface Chars {
  c: string[];
  o: number[];
}

const TONE_VOWELS = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ';
const PINYIN_LETTER = /^[a-zü]$/;
const TONELESS_SYLLABLE = /^(?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh)?[aeiouv]{1,3}(?:n|ng|r)?$/;
const RUBY_WITH_TONE = /[\u4e00-\u9fff][(（][a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*[)）]/g;
const MARKDOWN_IMAGE = /!\[[^\]\n]{0,300}\]\([^)\n]{0,1000}\)/g;
const MARKDOWN_LINK = /(?<!!)\[([^\]\n]{1,300})\]\((?:https?:\/\/|\/|\.)[^)\s]{0,1000}\)/g;
const MARKDOWN_LINE_MARKER = /^\s{0,3}(?:#{1,6}|>)\s+/;
const MARKDOWN_EMPHASIS = /\*\*[^*\n]{1,300}\*\*/g;
const QUESTION_WORDS = /什么|什麼|啥|何|吗|嗎|呢|哪|怎|谁|誰|几|幾|多少|是否|难道|難道|岂|豈|么|麼/;

/** Document-wide facts the line passes need. */
interface Context {
  /** The page is full of pinyin ruby: toneless syllables in brackets are ruby too. */
  rubyDoc: boolean;
  /** The page is OCR of narrow newspaper columns: spaces inside body lines are breaks. */
  columnar: boolean;
  /** Whether the next ASCII double quote opens (toggles through the document). */
  quoteOpen: boolean;
}

/** Reads `(pinyin)` starting at the opening bracket; returns the index of `)` or -1. */
function pinyinEnd(c: string[], open: number, ctx: Context, needOpen = true): number {
  let k = open;
  if (needOpen) {
    if (c[k] !== '(' && c[k] !== '（') return -1;
    k++;
  }
  let letters = '';
  let tone = false;
  while (k < c.length && letters.length <= 7) {
    const ch = c[k];
    if (TONE_VOWELS.includes(ch)) tone = true;
    else if (!PINYIN_LETTER.test(ch)) break;
    letters += ch;
    k++;
  }
  if (letters.length === 0 || letters.length > 7) return -1;
  if (c[k] !== ')' && c[k] !== '）') return -1;
  if (tone) return k;
  return ctx.rubyDoc && TONELESS_SYLLABLE.test(letters) ? k : -1;
}

/** Markdown markup goes, its text stays: images, `# ` headings, `> ` quotes, `**`, link targets. */
function removeMarkdown(line: string, chars: Chars): Chars {
  if (!/[!#>*\[]/.test(line)) return chars;
  const drop = new Uint8Array(line.length);
  for (const m of line.matchAll(MARKDOWN_IMAGE)) drop.fill(1, m.index, m.index + m[0].length);
  const marker = MARKDOWN_LINE_MARKER.exec(line);
  if (marker) drop.fill(1, 0, marker[0].length);
  for (const m of line.matchAll(MARKDOWN_LINK)) {
    drop[m.index] = 1; // [
    drop.fill(1, m.index + 1 + m[1].length, m.index + m[0].length); // ](url)
  }
  for (const m of line.matchAll(MARKDOWN_EMPHASIS)) {
    drop.fill(1, m.index, m.index + 2);
    drop.fill(1, m.index + m[0].length - 2, m.index + m[0].length);
  }
  return filter(chars, (i) => !drop[i]);
}

function filter(chars: Chars, keep: (i: number) => boolean): Chars {
  const c: string[] = [];
  const o: number[] = [];
  for (let i = 0; i < chars.c.length; i++) {
    if (keep(i)) {
      c.push(chars.c[i]);
      o.push(chars.o[i]);
    }
  }
  return { c, o };
}

/** Invisible characters go; every kind of space becomes an ASCII space. */
function normaliseSpaces(chars: Chars): Chars {
  const out = filter(chars, (i) => !/[\u200b-\u200d\ufeff\r\u0000-\u0008\u000b-\u001f]/.test(chars.c[i]));
  for (let i = 0; i < out.c.length; i++) if (/[\t\u00a0\u2000-\u200a\u3000]/.test(out.c[i])) out.c[i] = ' ';
  return out;
}

/** `區(qū)` -> `區`; `?(gòu)` and `?gòu)` garbage go entirely. Real brackets stay. */
function removeRuby(chars: Chars, ctx: Context): Chars {
  const { c } = chars;
  const drop = new Uint8Array(c.length);
  for (let i = 0; i < c.length; i++) {
    if (isHan(c[i])) {
      const end = pinyinEnd(c, i + 1, ctx);
      if (end > 0) {
        drop.fill(1, i + 1, end + 1);
        i = end - 1;
      }
    } else if (c[i] === '?' || c[i] === '？') {
      const end = c[i + 1] === '(' || c[i + 1] === '（' ? pinyinEnd(c, i + 1, ctx) : pinyinEnd(c, i + 1, ctx, false);
      if (end > 0) {
        drop.fill(1, i, end + 1);
        i = end;
      }
    }
  }
  return filter(chars, (i) => !drop[i]);
}

function neighbour(c: string[], i: number, step: 1 | -1): string | undefined {
  let k = i + step;
  while (k >= 0 && k < c.length && c[k] === ' ') k += step;
  return c[k];
}

/** ASCII punctuation between Chinese characters becomes fullwidth; `?` garbage goes. */
function fullwidthPunctuation(chars: Chars, ctx: Context): Chars {
  const { c } = chars;
  const drop = new Uint8Array(c.length);
  for (let i = 0; i < c.length; i++) {
    const ch = c[i];
    if (!',:;!?()".'.includes(ch)) continue;
    const prev = neighbour(c, i, -1);
    const next = neighbour(c, i, 1);
    const near = isCjk(prev) || isCjk(next);
    if (ch === ',' && near) c[i] = '，';
    else if (ch === ':' && near && !(/\d/.test(prev ?? '') && /\d/.test(next ?? ''))) c[i] = '：';
    else if (ch === ';' && near) c[i] = '；';
    else if (ch === '!' && isCjk(prev)) c[i] = '！';
    else if (ch === '(' && near) c[i] = '（';
    else if (ch === ')' && near) c[i] = '）';
    else if (ch === '.' && isHan(prev) && (next === undefined || isHan(next))) c[i] = '。';
    else if (ch === '"' && near) {
      c[i] = ctx.quoteOpen ? '“' : '”';
      ctx.quoteOpen = !ctx.quoteOpen;
    } else if (ch === '?' && isCjk(prev)) {
      // A real question has a question word shortly before; a lone `?` stands for a lost character.
      let clause = '';
      for (let k = i - 1; k >= 0 && k >= i - 30 && !'，。！？；'.includes(c[k]); k--) clause = c[k] + clause;
      if (QUESTION_WORDS.test(clause)) c[i] = '？';
      else drop[i] = 1;
    }
  }
  return filter(chars, (i) => !drop[i]);
}

/** A bracket pair is fullwidth on both sides or neither: `2020(2021）` -> `2020（2021）`. */
function pairBrackets(chars: Chars): Chars {
  const { c } = chars;
  const open: number[] = [];
  for (let i = 0; i < c.length; i++) {
    if (c[i] === '(' || c[i] === '（') open.push(i);
    else if ((c[i] === ')' || c[i] === '）') && open.length > 0) {
      const j = open.pop()!;
      if (c[i] === '）' || c[j] === '（') {
        c[i] = '）';
        c[j] = '（';
      }
    }
  }
  return chars;
}

const PUNCT_RANK: Record<string, number> = { '，': 0, '、': 1, '：': 2, '；': 3, '。': 4, '！': 4, '？': 4 };

/** `,,` `,、` `,。` `。。`: a run of separators keeps its strongest mark. */
function collapsePunctuation(chars: Chars): Chars {
  const { c } = chars;
  const drop = new Uint8Array(c.length);
  let i = 0;
  while (i < c.length) {
    if (!(c[i] in PUNCT_RANK)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < c.length && c[j] in PUNCT_RANK) j++;
    if (j - i > 1) {
      let best = i;
      for (let k = i + 1; k < j; k++) if (PUNCT_RANK[c[k]] > PUNCT_RANK[c[best]]) best = k;
      for (let k = i; k < j; k++) if (k !== best) drop[k] = 1;
    }
    i = j;
  }
  return filter(chars, (k) => !drop[k]);
}

/** Han, space, Han pairs in a raw line. */
function ocrGaps(line: string): number[] {
  const gaps: number[] = [];
  for (let i = 1; i + 1 < line.length; i++) {
    if ((line[i] === ' ' || line[i] === '\u3000') && isHan(line[i - 1]) && isHan(line[i + 1])) gaps.push(i);
  }
  return gaps;
}

function looksLikeBody(line: string): boolean {
  return /[，。,.；;：:、]/.test(line) || line.trim().length >= 30;
}

/** A single line of column OCR: three or more breaks at word-wide intervals in body text. */
function columnarLine(line: string, gaps: number[]): boolean {
  if (gaps.length < 3 || line.length < 40 || !/[，。,；;、]/.test(line)) return false;
  for (let k = 1; k < gaps.length; k++) if (gaps[k] - gaps[k - 1] < 6) return false;
  return true;
}

/**
 * How spaces between two Han characters are treated on a line: `all` go (column OCR),
 * `body` go where they break a word inside running text, `none` stay (headlines).
 */
type JoinMode = 'none' | 'body' | 'all';

const CREDIT_END = /(记者|記者|通讯员|通訊員|摄影|攝影|编辑|編輯)$/;

/** Han characters in a row from `from` in direction `step`, counting up to `limit`. */
function hanRun(c: string[], from: number, step: 1 | -1, limit: number): number {
  let n = 0;
  for (let k = from; k >= 0 && k < c.length && n < limit && isHan(c[k]); k += step) n++;
  return n;
}

/**
 * In running text a lone space between Han characters is a break artifact (传达学习
 * 习近平, 新区 党工委), unless it separates short names (张三 李四) or follows a
 * credit (记者 胡元勇).
 */
function breaksWord(c: string[], space: number, after: number): boolean {
  const left = hanRun(c, space - 1, -1, 4);
  const right = hanRun(c, after, 1, 4);
  if (left < 4 && right < 4) return false;
  const before = c.slice(Math.max(0, space - 3), space).join('');
  return !CREDIT_END.test(before);
}

/**
 * Spaces: runs collapse to one; spaces at the ends or next to Chinese punctuation go;
 * a space between two Han characters goes as the line's join mode says. Elsewhere
 * (headlines: `王浩主持 葛慧君黄建发出席`, bylines, names in brackets) it stays a separator.
 */
function fixSpaces(chars: Chars, mode: JoinMode): Chars {
  const { c } = chars;
  const drop = new Uint8Array(c.length);
  let depth = 0;
  for (let i = 0; i < c.length; i++) {
    if (c[i] === '（') depth++;
    else if (c[i] === '）') depth = Math.max(0, depth - 1);
    if (c[i] !== ' ') continue;
    let j = i;
    while (j + 1 < c.length && c[j + 1] === ' ') j++;
    for (let k = i + 1; k <= j; k++) drop[k] = 1;
    const prev = c[i - 1];
    const next = c[j + 1];
    const betweenHan = isHan(prev) && isHan(next);
    if (
      prev === undefined ||
      next === undefined ||
      isCjkPunct(prev) ||
      isCjkPunct(next) ||
      (betweenHan && mode === 'all') ||
      (betweenHan && mode === 'body' && depth === 0 && i === j && breaksWord(c, i, j + 1))
    ) {
      drop[i] = 1;
    }
    i = j;
  }
  return filter(chars, (k) => !drop[k]);
}

/** Splits raw text into lines: [start, end) of each, without the line break. */
export function rawLines(raw: string): Array<[number, number]> {
  const lines: Array<[number, number]> = [];
  let start = 0;
  for (let i = 0; i < raw.length; i++) {
    const ch = raw.charCodeAt(i);
    if (ch === 10 || ch === 13) {
      lines.push([start, i]);
      if (ch === 13 && raw.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  lines.push([start, raw.length]);
  return lines;
}

function documentContext(raw: string, bounds: Array<[number, number]>): Context {
  let rubies = 0;
  for (const _ of raw.matchAll(RUBY_WITH_TONE)) if (++rubies >= 3) break;
  let longLines = 0;
  let gappy = 0;
  for (const [s, e] of bounds) {
    if (e - s < 30) continue;
    longLines++;
    if (ocrGaps(raw.slice(s, e)).length >= 2) gappy++;
  }
  return { rubyDoc: rubies >= 3, columnar: gappy >= 3 && gappy >= 0.3 * longLines, quoteOpen: true };
}

function cleanLine(raw: string, start: number, end: number, ctx: Context): Chars {
  const line = raw.slice(start, end);
  const c: string[] = new Array(line.length);
  const o: number[] = new Array(line.length);
  for (let i = 0; i < line.length; i++) {
    c[i] = line[i];
    o[i] = start + i;
  }
  let chars = removeMarkdown(line, { c, o });
  chars = normaliseSpaces(chars);
  chars = removeRuby(chars, ctx);
  chars = fullwidthPunctuation(chars, ctx);
  chars = pairBrackets(chars);
  chars = collapsePunctuation(chars);
  const gaps = ocrGaps(line);
  let mode: JoinMode = 'none';
  if (gaps.length > 0) {
    if ((ctx.columnar && looksLikeBody(line)) || columnarLine(line, gaps)) mode = 'all';
    else if (/[，。,；;：:！？]/.test(line) && line.trim().length >= 20) mode = 'body';
  }
  return fixSpaces(chars, mode);
}

/** Cleans every line of the raw text; lines keep their raw bounds. */
export function cleanDocument(raw: string): CleanedDocument {
  const bounds = rawLines(raw);
  const ctx = documentContext(raw, bounds);
  const cleaned = bounds.map(([s, e]) => cleanLine(raw, s, e, ctx));
  const joined = cleaned.map((l) => l.c.join('')).join('\n');
  const simplified = toSimplifiedSameLength(joined);
  const script = detectScript(joined, simplified);
  const lines: CleanLine[] = [];
  let at = 0;
  cleaned.forEach((l, i) => {
    lines.push({ text: simplified.slice(at, at + l.c.length), offsets: l.o, start: bounds[i][0], end: bounds[i][1] });
    at += l.c.length + 1;
  });
  return { lines, script, columnar: ctx.columnar };
}

/**
 * The whole text cleaned, lines kept (one `\n` per raw line break, mapped to the break's
 * offset). Exported for tests and for callers that want the text without item structure.
 */
export function cleanText(raw: string): { text: string; offsets: number[] } {
  const { lines } = cleanDocument(raw);
  const offsets: number[] = [];
  const parts: string[] = [];
  lines.forEach((l, i) => {
    parts.push(l.text);
    for (const o of l.offsets) offsets.push(o);
    if (i < lines.length - 1) offsets.push(l.end);
  });
  return { text: parts.join('\n'), offsets };
}
