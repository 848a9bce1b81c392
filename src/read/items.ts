import { isHan } from './chars.ts';
import { isCreditLine, isJunkLine, teaserTailStart } from './boilerplate.ts';
import type { CleanLine } from './clean.ts';
import { chronicleMonthEnd, leadingDateExpression, resolveDate } from './dates.ts';
import { sentenceOf, splitSentences, type Span } from './sentences.ts';
import type { NewsItem } from './types.ts';

/**
 * From cleaned lines to news items: drop page furniture, rejoin paragraphs broken by
 * the page layout, find where items start (headline lines before a dateline, a chronicle
 * day, a sub-heading), split paragraphs into sentences.
 */

type Kind = 'blank' | 'junk' | 'credit' | 'text';

interface Paragraph extends Span {
  /** One unbroken short line without sentence punctuation: a headline candidate. */
  headline: boolean;
  /** Opens with 本报讯 / 新华社…电 / XX讯: always a dateline. */
  strongDateline: boolean;
  /** The date expression the paragraph opens with (after any dateline prefix). */
  dateExpr: string | null;
  /** Chronicle entry (`1  我市…`, `7日至9  …`, `同日  …`): its day, or 'same' for 同日. */
  chronicleDay: number | 'same' | null;
  /** A photo caption (ends with 记者 X 摄, carries 图源): neither dateline nor body. */
  caption: boolean;
}

const DATELINE_PREFIX =
  /^(?:■\s*)?(?:[\u4e00-\u9fff]{1,10}讯(?=[\s（0-9]|昨|今|近日|日前|记者)|(?:新华社|中新社|中新网|人民网|央视网|新华网)[^，。]{0,12}?电)\s*(?:（[^）]{0,30}）)?\s*/;
const CAPTION = /(记者|通讯员|摄影)\s*[\u4e00-\u9fff]{2,4}(\s+[\u4e00-\u9fff]{2,4}){0,3}\s*摄$|图源[：:]/;
const CHRONICLE_DAY = /^(\d{1,2})(?:日?\s*至\s*\d{1,2}日?)?[ \t\u3000]+(?=\S)|^同日[ \t\u3000]/;

/** A photo caption; cheap to rule out first (it ends with 摄 or holds 图源). */
function isCaption(text: string): boolean {
  return (text.endsWith('摄') || text.includes('图源')) && CAPTION.test(text);
}

function isHeadlineText(text: string): boolean {
  if (text.length > 60 || /[。！？；]/.test(text) || /[，、：]$/.test(text)) return false;
  const commas = (text.match(/，/g) ?? []).length;
  return commas === 0 || (commas === 1 && text.length <= 30);
}

function classify(lines: CleanLine[]): Kind[] {
  const kinds: Kind[] = lines.map((l) =>
    l.text === '' ? 'blank' : isJunkLine(l.text) ? 'junk' : isCreditLine(l.text) ? 'credit' : 'text',
  );
  const tail = teaserTailStart(
    lines.map((l) => l.text),
    kinds.map((k) => k === 'junk'),
  );
  for (let i = tail; i < lines.length; i++) if (kinds[i] !== 'blank') kinds[i] = 'junk';
  return kinds;
}

function datelineOf(text: string): { strong: boolean; expr: string | null } {
  const prefix = DATELINE_PREFIX.exec(text);
  const rest = prefix ? text.slice(prefix[0].length) : text;
  return { strong: prefix !== null && prefix[0].length < text.length, expr: leadingDateExpression(rest) };
}

function chronicleDayOf(rawLine: string): number | 'same' | null {
  const m = CHRONICLE_DAY.exec(rawLine.trim());
  if (!m) return null;
  return m[1] ? Number(m[1]) : 'same';
}

/** A line that ends mid-sentence: a candidate for continuing on the next line. */
function endsMidSentence(text: string, columnar: boolean): boolean {
  if (isCaption(text)) return false;
  const last = text[text.length - 1];
  if (!(isHan(last) || last === '，' || last === '、' || /\w/.test(last))) return false;
  // Column OCR breaks lines anywhere; elsewhere a line without a comma is a heading.
  return text.length >= 8 && (/[，。；：]/.test(text) || (columnar && text.length >= 10));
}

interface Layout {
  /** Paragraphs are separated by blank lines, so a single line break is a soft wrap. */
  blankSeparated: boolean;
  columnar: boolean;
}

function layoutOf(kinds: Kind[], columnar: boolean): Layout {
  let blankAfter = 0;
  let textAfter = 0;
  for (let i = 0; i + 1 < kinds.length; i++) {
    if (kinds[i] !== 'text') continue;
    if (kinds[i + 1] === 'blank') blankAfter++;
    else if (kinds[i + 1] === 'text') textAfter++;
  }
  return { blankSeparated: blankAfter > textAfter, columnar };
}

/** The paragraph one cleaned line opens (`paragraphs` joins the lines it continues on). */
function paragraphOf(raw: string, l: CleanLine, chronicle: boolean): Paragraph {
  const d = datelineOf(l.text);
  return {
    text: l.text,
    offsets: l.offsets,
    headline: isHeadlineText(l.text),
    strongDateline: d.strong,
    dateExpr: d.expr,
    chronicleDay: chronicle ? chronicleDayOf(raw.slice(l.start, l.end)) : null,
    caption: isCaption(l.text),
  };
}

function paragraphs(raw: string, lines: CleanLine[], kinds: Kind[], chronicle: boolean, layout: Layout): Array<Paragraph | 'credit'> {
  const out: Array<Paragraph | 'credit'> = [];
  let i = 0;
  while (i < lines.length) {
    if (kinds[i] === 'credit') out.push('credit');
    if (kinds[i] !== 'text') {
      i++;
      continue;
    }
    const p = paragraphOf(raw, lines[i], chronicle);
    const isTitle = out.length === 0 && p.headline;
    i++;
    // A paragraph broken by the page layout continues on the next text line. Never across
    // page furniture, never into an indented line (a new paragraph), never from the title.
    while (!isTitle && endsMidSentence(p.text, layout.columnar)) {
      let k = i;
      while (k < lines.length && kinds[k] === 'blank' && k - i < 3) k++;
      if (k >= lines.length || kinds[k] !== 'text') break;
      if (k === i && !layout.blankSeparated && !layout.columnar) break;
      if (/^(\s{2,}|[\t\u3000])/.test(raw.slice(lines[k].start, lines[k].end))) break;
      const next = paragraphOf(raw, lines[k], chronicle);
      if (next.strongDateline || next.dateExpr || next.chronicleDay !== null) break;
      if (!/[，。；：]/.test(p.text) && next.headline) break;
      p.text += next.text;
      p.offsets = p.offsets.concat(next.offsets);
      p.headline = false;
      p.caption = isCaption(p.text);
      i = k + 1;
    }
    out.push(p);
  }
  return out;
}

function isDateline(p: Paragraph): boolean {
  return !p.caption && (p.strongDateline || p.dateExpr !== null);
}

interface Builder {
  item: NewsItem;
  hasBody: boolean;
  hasDateline: boolean;
}

/**
 * Splits the article into news items. `baseReference` dates the datelines (the published
 * date, or the date of a speech's source note); a chronicle page uses its month instead.
 */
export function buildItems(
  raw: string,
  lines: CleanLine[],
  baseReference: string | null,
  columnar = false,
): { items: NewsItem[]; reference: string | null } {
  const kinds = classify(lines);
  const chronicleLines = lines.filter((l, i) => kinds[i] === 'text' && /^\d/.test(l.text) && CHRONICLE_DAY.test(raw.slice(l.start, l.end).trim()));
  const chronicle = chronicleLines.length >= 2;
  let reference = baseReference;
  if (chronicle) {
    for (const l of lines) {
      const end = chronicleMonthEnd(l.text);
      if (end) {
        reference = end;
        break;
      }
    }
  }
  const paras = paragraphs(raw, lines, kinds, chronicle, layoutOf(kinds, columnar));

  // Headline runs that open an item: headline lines (bylines between them allowed)
  // right before a dateline paragraph.
  const opensItem = new Set<number>();
  for (let i = 0; i < paras.length; i++) {
    const p = paras[i];
    if (p === 'credit' || !p.headline || isDateline(p)) continue;
    let j = i;
    const run: number[] = [];
    while (j < paras.length) {
      const q = paras[j];
      if (q !== 'credit' && !(q.headline && !isDateline(q))) break;
      if (q !== 'credit') run.push(j);
      j++;
    }
    const next = paras[j];
    if (next && next !== 'credit' && isDateline(next)) for (const k of run) opensItem.add(k);
    i = j - 1;
  }

  const items: NewsItem[] = [];
  let b: Builder = { item: newItem(0), hasBody: false, hasDateline: false };

  for (let i = 0; i < paras.length; i++) {
    const p = paras[i];
    if (p === 'credit') continue;
    const headlineRun = opensItem.has(i) && !(i > 0 && opensItem.has(i - 1)) && !(i > 1 && paras[i - 1] === 'credit' && opensItem.has(i - 2));
    if (headlineRun && b.hasBody) b = nextItem(items, b);
    if (p.chronicleDay !== null) {
      const previous = b.item.date;
      if (b.hasBody || b.item.headline.length > 0) b = nextItem(items, b);
      b.item.date = p.chronicleDay === 'same' ? previous : resolveDate(`${p.chronicleDay}日`, reference);
      b.hasDateline = true;
    } else if (isDateline(p) && !opensItem.has(i)) {
      if (p.strongDateline && b.hasDateline && b.hasBody) b = nextItem(items, b);
      // The item's date comes from its opening paragraph (or an explicit 本报讯-style dateline).
      if (!b.hasDateline && (!b.hasBody || p.strongDateline)) {
        b.item.date = p.dateExpr ? resolveDate(p.dateExpr, reference) : null;
        b.hasDateline = true;
      }
    }
    const isHeadline = (opensItem.has(i) || (!b.hasBody && !b.hasDateline)) && p.headline;
    if (isHeadline) {
      b.item.headline.push(p.text);
      const s = sentenceOf(raw, p, 0, p.text.length);
      if (s) b.item.sentences.push(s);
    } else {
      b.item.sentences.push(...splitSentences(raw, p));
      if (!p.caption) b.hasBody = true;
    }
  }
  b = nextItem(items, b);
  return { items: items.map((item, index) => ({ ...item, index })), reference };
}

/** A dateline before the date a sentence opens with: 本报讯, 记者…讯. */
const SENTENCE_DATELINE = /^本报讯\s*|^[^，。]{0,12}讯\s*/;

/**
 * Sets each sentence's date (Sentence.date): the date it opens with, else the last date an
 * earlier sentence of its item opened with, else the item's date, else `published`. Day
 * expressions resolve against `reference` (the page's date, or a chronicle's month), else
 * `published`, else the item's date: a later sentence's day may fall after the item's own.
 */
export function dateSentences(items: NewsItem[], reference: string | null, published: string | null): void {
  for (const item of items) {
    let running = item.date;
    for (const sentence of item.sentences) {
      const text = sentence.text;
      // A dateline's 讯 stands within the first 13 characters: the pattern needs no trying otherwise.
      const afterDateline = text.slice(0, 13).includes('讯') ? text.replace(SENTENCE_DATELINE, '') : text;
      const expression = leadingDateExpression(afterDateline);
      const own = expression ? resolveDate(expression, reference ?? published ?? item.date) : null;
      if (own) running = own;
      sentence.date = running ?? published;
    }
  }
}

/** Closes the item being built (kept when it holds anything) and starts the next one. */
function nextItem(items: NewsItem[], b: Builder): Builder {
  if (b.item.sentences.length > 0 || b.item.headline.length > 0) items.push(b.item);
  return { item: newItem(items.length), hasBody: false, hasDateline: false };
}

function newItem(index: number): NewsItem {
  return { index, headline: [], date: null, sentences: [] };
}
