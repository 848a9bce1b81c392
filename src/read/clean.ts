import { isCjkCode, isCjkPunctCode, isHanCode } from './chars.ts';
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

/**
 * Text and raw offsets of one line while the passes run. The text is kept as UTF-16 code
 * units: the passes test characters by number, and do not build a string per character.
 */
interface Chars {
  c: number[];
  o: number[];
}

const TONE_VOWELS = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ';
const TONELESS_SYLLABLE = /^(?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh)?[aeiouv]{1,3}(?:n|ng|r)?$/;
const RUBY_WITH_TONE = /[\u4e00-\u9fff][(（][a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*[)）]/g;
const MARKDOWN_IMAGE = /!\[[^\]\n]{0,300}\]\([^)\n]{0,1000}\)/g;
const MARKDOWN_LINK = /(?<!!)\[([^\]\n]{1,300})\]\((?:https?:\/\/|\/|\.)[^)\s]{0,1000}\)/g;
const MARKDOWN_LINE_MARKER = /^\s{0,3}(?:#{1,6}|>)\s+/;
const MARKDOWN_EMPHASIS = /\*\*[^*\n]{1,300}\*\*/g;
const QUESTION_WORDS = /什么|什麼|啥|何|吗|嗎|呢|哪|怎|谁|誰|几|幾|多少|是否|难道|難道|岂|豈|么|麼/;

/** UTF-16 code units the passes look for. */
const SPACE = 0x20;
const OPEN = 0x28; // (
const CLOSE = 0x29; // )
const FULL_OPEN = 0xff08; // （
const FULL_CLOSE = 0xff09; // ）
const QUESTION = 0x3f; // ?
const FULL_QUESTION = 0xff1f; // ？

/** Document-wide facts the line passes need. */
interface Context {
  /** The raw text of the whole page. */
  raw: string;
  /**
   * The page is full of pinyin ruby: toneless syllables in brackets are ruby too. Found out
   * only when a line holds such a syllable (`isRubyDoc`): most pages hold none.
   */
  rubyDoc: boolean | undefined;
  /** The page is OCR of narrow newspaper columns: spaces inside body lines are breaks. */
  columnar: boolean;
  /** Whether the next ASCII double quote opens (toggles through the document). */
  quoteOpen: boolean;
}

/** The string of `codes[from, to)`. */
function text(codes: number[], from = 0, to = codes.length): string {
  let s = '';
  if (to - from <= 16) {
    // A word or a clause: not worth a copy of the codes.
    for (let i = from; i < to; i++) s += String.fromCharCode(codes[i]);
    return s;
  }
  // In slices: a spread of a very long line would exceed the argument limit.
  for (let i = from; i < to; i += 4096) s += String.fromCharCode(...codes.slice(i, Math.min(to, i + 4096)));
  return s;
}

/** [a-zü]: a letter of toneless pinyin. */
function isPinyinLetter(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || c === 0xfc;
}

/** Reads `(pinyin)` starting at the opening bracket; returns the index of `)` or -1. */
function pinyinEnd(c: number[], open: number, ctx: Context, needOpen = true): number {
  let k = open;
  if (needOpen) {
    if (c[k] !== OPEN && c[k] !== FULL_OPEN) return -1;
    k++;
  }
  const from = k;
  let tone = false;
  while (k < c.length && k - from <= 7) {
    if (TONE_VOWELS.includes(String.fromCharCode(c[k]))) tone = true;
    else if (!isPinyinLetter(c[k])) break;
    k++;
  }
  const letters = k - from;
  if (letters === 0 || letters > 7) return -1;
  if (c[k] !== CLOSE && c[k] !== FULL_CLOSE) return -1;
  if (tone) return k;
  return TONELESS_SYLLABLE.test(text(c, from, k)) && isRubyDoc(ctx) ? k : -1;
}

/** Markdown markup goes, its text stays: images, `# ` headings, `> ` quotes, `**`, link targets. */
function removeMarkdown(line: string, chars: Chars): Chars {
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
  return without(chars, drop);
}

/** The characters not marked in `drop` (the same object when none is). */
function without(chars: Chars, drop: Uint8Array | null): Chars {
  if (drop === null || !drop.includes(1)) return chars;
  const kept = chars.c.length - drop.reduce((n, d) => n + d, 0);
  const c = new Array<number>(kept);
  const o = new Array<number>(kept);
  for (let i = 0, k = 0; i < chars.c.length; i++) {
    if (!drop[i]) {
      c[k] = chars.c[i];
      o[k++] = chars.o[i];
    }
  }
  return { c, o };
}

/** Zero-width characters, the BOM and control characters other than tab and line feed. */
function isInvisible(c: number): boolean {
  return (c >= 0x200b && c <= 0x200d) || c === 0xfeff || c <= 0x08 || (c >= 0x0b && c <= 0x1f);
}

/** Tab, no-break space, the typographic spaces and the ideographic space. */
function isOtherSpace(c: number): boolean {
  return c === 0x09 || c === 0xa0 || (c >= 0x2000 && c <= 0x200a) || c === 0x3000;
}

/** Invisible characters go; every kind of space becomes an ASCII space. */
function normaliseSpaces(chars: Chars): Chars {
  const { c } = chars;
  let drop: Uint8Array | null = null;
  for (let i = 0; i < c.length; i++) {
    if (isInvisible(c[i])) (drop ??= new Uint8Array(c.length))[i] = 1;
    else if (isOtherSpace(c[i])) c[i] = SPACE;
  }
  return without(chars, drop);
}

/** `區(qū)` -> `區`; `?(gòu)` and `?gòu)` garbage go entirely. Real brackets stay. */
function removeRuby(chars: Chars, ctx: Context): Chars {
  const { c } = chars;
  let drop: Uint8Array | null = null;
  for (let i = 0; i < c.length; i++) {
    if (isHanCode(c[i]) && (c[i + 1] === OPEN || c[i + 1] === FULL_OPEN)) {
      const end = pinyinEnd(c, i + 1, ctx);
      if (end > 0) {
        (drop ??= new Uint8Array(c.length)).fill(1, i + 1, end + 1);
        i = end - 1;
      }
    } else if (c[i] === QUESTION || c[i] === FULL_QUESTION) {
      const end = c[i + 1] === OPEN || c[i + 1] === FULL_OPEN ? pinyinEnd(c, i + 1, ctx) : pinyinEnd(c, i + 1, ctx, false);
      if (end > 0) {
        (drop ??= new Uint8Array(c.length)).fill(1, i, end + 1);
        i = end;
      }
    }
  }
  return without(chars, drop);
}

/** The nearest character that is not a space, or -1 at the end of the line. */
function neighbour(c: number[], i: number, step: 1 | -1): number {
  let k = i + step;
  while (k >= 0 && k < c.length && c[k] === SPACE) k += step;
  return k >= 0 && k < c.length ? c[k] : -1;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** Marks that end the clause a `?` may close. */
const CLAUSE_END = new Set([...'，。！？；'].map((ch) => ch.charCodeAt(0)));

/** The ASCII punctuation `fullwidthPunctuation` looks at: , : ; ! ? ( ) " . */
const ASCII_PUNCT = new Uint8Array(0x80);
for (const ch of ',:;!?()".') ASCII_PUNCT[ch.charCodeAt(0)] = 1;

function isAsciiPunct(c: number): boolean {
  return c < 0x80 && ASCII_PUNCT[c] === 1;
}

/** ASCII punctuation between Chinese characters becomes fullwidth; `?` garbage goes. */
function fullwidthPunctuation(chars: Chars, ctx: Context): Chars {
  const { c } = chars;
  let drop: Uint8Array | null = null;
  for (let i = 0; i < c.length; i++) {
    if (!isAsciiPunct(c[i])) continue;
    const ch = String.fromCharCode(c[i]);
    const prev = neighbour(c, i, -1);
    const next = neighbour(c, i, 1);
    const near = isCjkCode(prev) || isCjkCode(next);
    if (ch === ',' && near) c[i] = 0xff0c; // ，
    else if (ch === ':' && near && !(isDigit(prev) && isDigit(next))) c[i] = 0xff1a; // ：
    else if (ch === ';' && near) c[i] = 0xff1b; // ；
    else if (ch === '!' && isCjkCode(prev)) c[i] = 0xff01; // ！
    else if (ch === '(' && near) c[i] = FULL_OPEN;
    else if (ch === ')' && near) c[i] = FULL_CLOSE;
    else if (ch === '.' && isHanCode(prev) && (next === -1 || isHanCode(next))) c[i] = 0x3002; // 。
    else if (ch === '"' && near) {
      c[i] = ctx.quoteOpen ? 0x201c : 0x201d; // “ ”
      ctx.quoteOpen = !ctx.quoteOpen;
    } else if (ch === '?' && isCjkCode(prev)) {
      // A real question has a question word shortly before; a lone `?` stands for a lost character.
      let k = i - 1;
      while (k >= 0 && k >= i - 30 && !CLAUSE_END.has(c[k])) k--;
      if (QUESTION_WORDS.test(text(c, k + 1, i))) c[i] = FULL_QUESTION;
      else (drop ??= new Uint8Array(c.length))[i] = 1;
    }
  }
  return without(chars, drop);
}

/** A bracket pair is fullwidth on both sides or neither: `2020(2021）` -> `2020（2021）`. */
function pairBrackets(chars: Chars): Chars {
  const { c } = chars;
  const open: number[] = [];
  for (let i = 0; i < c.length; i++) {
    if (c[i] === OPEN || c[i] === FULL_OPEN) open.push(i);
    else if ((c[i] === CLOSE || c[i] === FULL_CLOSE) && open.length > 0) {
      const j = open.pop()!;
      if (c[i] === FULL_CLOSE || c[j] === FULL_OPEN) {
        c[i] = FULL_CLOSE;
        c[j] = FULL_OPEN;
      }
    }
  }
  return chars;
}

/** Rank of a separator (a run keeps its strongest), or -1 for other characters. */
function punctRank(c: number): number {
  switch (c) {
    case 0xff0c: // ，
      return 0;
    case 0x3001: // 、
      return 1;
    case 0xff1a: // ：
      return 2;
    case 0xff1b: // ；
      return 3;
    case 0x3002: // 。
    case 0xff01: // ！
    case 0xff1f: // ？
      return 4;
    default:
      return -1;
  }
}

/** `,,` `,、` `,。` `。。`: a run of separators keeps its strongest mark. */
function collapsePunctuation(chars: Chars): Chars {
  const { c } = chars;
  let drop: Uint8Array | null = null;
  let i = 0;
  while (i < c.length) {
    if (punctRank(c[i]) < 0) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < c.length && punctRank(c[j]) >= 0) j++;
    if (j - i > 1) {
      let best = i;
      for (let k = i + 1; k < j; k++) if (punctRank(c[k]) > punctRank(c[best])) best = k;
      drop ??= new Uint8Array(c.length);
      for (let k = i; k < j; k++) if (k !== best) drop[k] = 1;
    }
    i = j;
  }
  return without(chars, drop);
}

/** Han, space, Han pairs in the raw line [start, end): offsets from the line start. */
function ocrGaps(raw: string, start: number, end: number): number[] {
  const gaps: number[] = [];
  const line = raw.slice(start, end);
  if (!line.includes(' ') && !line.includes('\u3000')) return gaps; // a quick look first
  for (let i = start + 1; i + 1 < end; i++) {
    const c = raw.charCodeAt(i);
    if ((c === SPACE || c === 0x3000) && isHanCode(raw.charCodeAt(i - 1)) && isHanCode(raw.charCodeAt(i + 1))) gaps.push(i - start);
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
function hanRun(c: number[], from: number, step: 1 | -1, limit: number): number {
  let n = 0;
  for (let k = from; k >= 0 && k < c.length && n < limit && isHanCode(c[k]); k += step) n++;
  return n;
}

/**
 * In running text a lone space between Han characters is a break artifact (传达学习
 * 习近平, 新区 党工委), unless it separates short names (张三 李四) or follows a
 * credit (记者 胡元勇).
 */
function breaksWord(c: number[], space: number, after: number): boolean {
  const left = hanRun(c, space - 1, -1, 4);
  const right = hanRun(c, after, 1, 4);
  if (left < 4 && right < 4) return false;
  return !CREDIT_END.test(text(c, Math.max(0, space - 3), space));
}

/**
 * Spaces: runs collapse to one; spaces at the ends or next to Chinese punctuation go;
 * a space between two Han characters goes as the line's join mode says. Elsewhere
 * (headlines: `王浩主持 葛慧君黄建发出席`, bylines, names in brackets) it stays a separator.
 */
function fixSpaces(chars: Chars, mode: JoinMode): Chars {
  const { c } = chars;
  let drop: Uint8Array | null = null;
  let depth = 0;
  for (let i = 0; i < c.length; i++) {
    if (c[i] === FULL_OPEN) depth++;
    else if (c[i] === FULL_CLOSE) depth = Math.max(0, depth - 1);
    if (c[i] !== SPACE) continue;
    let j = i;
    while (j + 1 < c.length && c[j + 1] === SPACE) j++;
    if (j > i) (drop ??= new Uint8Array(c.length)).fill(1, i + 1, j + 1);
    const prev = i > 0 ? c[i - 1] : -1;
    const next = j + 1 < c.length ? c[j + 1] : -1;
    const betweenHan = isHanCode(prev) && isHanCode(next);
    if (
      prev === -1 ||
      next === -1 ||
      isCjkPunctCode(prev) ||
      isCjkPunctCode(next) ||
      (betweenHan && mode === 'all') ||
      (betweenHan && mode === 'body' && depth === 0 && i === j && breaksWord(c, i, j + 1))
    ) {
      (drop ??= new Uint8Array(c.length))[i] = 1;
    }
    i = j;
  }
  return without(chars, drop);
}

/** Splits raw text into lines: [start, end) of each, without the line break. */
export function rawLines(raw: string): Array<[number, number]> {
  const lines: Array<[number, number]> = [];
  let start = 0;
  if (!raw.includes('\r')) {
    // Line feeds only (the usual case): let indexOf find them.
    for (let i = raw.indexOf('\n'); i !== -1; i = raw.indexOf('\n', start)) {
      lines.push([start, i]);
      start = i + 1;
    }
    lines.push([start, raw.length]);
    return lines;
  }
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

/** Whether the page holds three or more Han characters with toned pinyin ruby. */
function isRubyDoc(ctx: Context): boolean {
  if (ctx.rubyDoc === undefined) {
    let rubies = 0;
    for (const _ of ctx.raw.matchAll(RUBY_WITH_TONE)) if (++rubies >= 3) break;
    ctx.rubyDoc = rubies >= 3;
  }
  return ctx.rubyDoc;
}

function documentContext(raw: string, bounds: Array<[number, number]>): Context {
  let longLines = 0;
  let gappy = 0;
  for (const [s, e] of bounds) {
    if (e - s < 30) continue;
    longLines++;
    if (ocrGaps(raw, s, e).length >= 2) gappy++;
  }
  return { raw, rubyDoc: undefined, columnar: gappy >= 3 && gappy >= 0.3 * longLines, quoteOpen: true };
}

/**
 * Bits of `TRIGGERS` and `passesFor`: the passes a line needs. SEPARATOR and PINYIN mark
 * characters that only decide, with their neighbours, COLLAPSE and RUBY.
 */
const MARKDOWN = 1;
const SPACES = 2;
const RUBY = 4;
const PUNCT = 8;
const FIX_SPACES = 16;
const SEPARATOR = 32;
const COLLAPSE = 64;
const PINYIN = 128;

/**
 * For each UTF-16 code unit, the passes that act on it: a line without any of them comes
 * out of a pass unchanged (ruby is pinyin letters and a closing bracket; `pairBrackets`
 * only changes ASCII brackets; `fixSpaces` only drops spaces).
 */
const TRIGGERS = new Uint8Array(0x10000);
for (let c = 0; c < 0x10000; c++) {
  if (isInvisible(c) || isOtherSpace(c)) TRIGGERS[c] |= SPACES;
  if (isOtherSpace(c) || c === SPACE) TRIGGERS[c] |= FIX_SPACES;
  if (isAsciiPunct(c)) TRIGGERS[c] |= PUNCT;
  if (punctRank(c) >= 0) TRIGGERS[c] |= SEPARATOR;
}
for (const ch of '!#>*[') TRIGGERS[ch.charCodeAt(0)] |= MARKDOWN;
for (const ch of ')）') TRIGGERS[ch.charCodeAt(0)] |= RUBY;
for (const ch of `abcdefghijklmnopqrstuvwxyzü${TONE_VOWELS}`) TRIGGERS[ch.charCodeAt(0)] |= PINYIN;

/**
 * Which passes `line` needs, as bits: two separators in a row need `collapsePunctuation`,
 * ruby needs pinyin letters besides its closing bracket.
 */
function passesFor(line: string): number {
  let needs = 0;
  let previous = 0;
  for (let i = 0; i < line.length; i++) {
    const t = TRIGGERS[line.charCodeAt(i)];
    if (t & previous & SEPARATOR) needs |= COLLAPSE;
    needs |= t;
    previous = t;
  }
  if (!(needs & PINYIN)) needs &= ~RUBY;
  return needs & ~(SEPARATOR | PINYIN);
}

function cleanLine(raw: string, start: number, end: number, ctx: Context): { text: string; offsets: number[] } {
  const line = raw.slice(start, end);
  const o = new Array<number>(line.length);
  for (let i = 0; i < line.length; i++) o[i] = start + i;
  const needs = passesFor(line);
  // Most lines need no pass at all.
  if (needs === 0) return { text: line, offsets: o };
  const c = new Array<number>(line.length);
  for (let i = 0; i < line.length; i++) c[i] = line.charCodeAt(i);
  let chars: Chars = { c, o };
  if (needs & MARKDOWN) chars = removeMarkdown(line, chars);
  if (needs & SPACES) chars = normaliseSpaces(chars);
  if (needs & RUBY) chars = removeRuby(chars, ctx);
  if (needs & PUNCT) chars = pairBrackets(fullwidthPunctuation(chars, ctx));
  chars = collapsePunctuation(chars);
  if (needs & FIX_SPACES) {
    const gaps = ocrGaps(raw, start, end);
    let mode: JoinMode = 'none';
    if (gaps.length > 0) {
      if ((ctx.columnar && looksLikeBody(line)) || columnarLine(line, gaps)) mode = 'all';
      else if (/[，。,；;：:！？]/.test(line) && line.trim().length >= 20) mode = 'body';
    }
    chars = fixSpaces(chars, mode);
  }
  // Many lines come out as they went in: keep the line itself rather than rebuild it.
  return { text: unchanged(line, chars.c) ? line : text(chars.c), offsets: chars.o };
}

/** Whether the codes spell `line` itself. */
function unchanged(line: string, c: number[]): boolean {
  if (c.length !== line.length) return false;
  for (let i = 0; i < c.length; i++) if (c[i] !== line.charCodeAt(i)) return false;
  return true;
}

/** Cleans every line of the raw text; lines keep their raw bounds. */
export function cleanDocument(raw: string): CleanedDocument {
  const bounds = rawLines(raw);
  const ctx = documentContext(raw, bounds);
  const cleaned = bounds.map(([s, e]) => cleanLine(raw, s, e, ctx));
  const joined = cleaned.map((l) => l.text).join('\n');
  const simplified = toSimplifiedSameLength(joined);
  const script = detectScript(joined, simplified);
  const lines: CleanLine[] = [];
  // Lines of a Simplified text are already what conversion would give.
  const converted = simplified !== joined;
  let at = 0;
  cleaned.forEach((l, i) => {
    const text = !converted ? l.text : simplified.slice(at, at + l.text.length);
    lines.push({ text, offsets: l.offsets, start: bounds[i][0], end: bounds[i][1] });
    at += l.text.length + 1;
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
