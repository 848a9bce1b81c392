import { conversionSources, toSimplified } from './script.ts';

/**
 * Dates in Chinese news: the article's own date, and day expressions (5日下午, 2月4日,
 * 昨日, 2026年2月24日, 7月10日至12日) resolved against a reference date. All dates are
 * `YYYY-MM-DD` strings; nothing here guesses a year the text and reference do not give.
 */

const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, O: 0, o: 0, '○': 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** `2019`, `二O一九`, `十`, `二十五`, `廿五` -> number; NaN when not a numeral. */
export function parseNumeral(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  const t = s.replace(/廿/g, '二十').replace(/卅/g, '三十');
  if (!/^[零〇O○o一二两三四五六七八九十]+$/.test(t)) return NaN;
  if (!t.includes('十')) {
    // Digit by digit, as years are written: 二〇一九.
    let n = 0;
    for (const ch of t) n = n * 10 + DIGITS[ch];
    return n;
  }
  const [tens, units] = t.split('十');
  if (t.split('十').length > 2) return NaN;
  const ten = tens === '' ? 1 : DIGITS[tens];
  const unit = units === '' ? 0 : DIGITS[units];
  return ten === undefined || unit === undefined ? NaN : ten * 10 + unit;
}

const NUM = '[0-9０-９]{1,4}|[零〇O○o一二两三四五六七八九十廿卅]{1,4}';

function halfwidth(s: string): string {
  // Most text has no fullwidth digit: look before building a new string.
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xff10 && c <= 0xff19) return s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  }
  return s;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A valid calendar date as `YYYY-MM-DD`, else null. */
export function formatDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || year < 1900 || year > 2200) return null;
  if (!Number.isInteger(month) || month < 1 || month > 12) return null;
  if (!Number.isInteger(day) || day < 1 || day > daysIn(year, month)) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

function parseIso(date: string | null): { y: number; m: number; d: number } | null {
  const m = date ? /^(\d{4})-(\d{2})-(\d{2})/.exec(date) : null;
  return m ? { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) } : null;
}

function addDays(date: string, days: number): string {
  const t = new Date(`${date}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + days);
  return t.toISOString().slice(0, 10);
}

function dayDiff(a: string, b: string): number {
  return (Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / 86_400_000;
}

const FULL = new RegExp(`^(${NUM})\\s*年\\s*(${NUM})\\s*月\\s*(${NUM})\\s*(?:日|号|(?![0-9０-９]))`);
const ISO = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/;
const MONTH_DAY = new RegExp(`^(${NUM})\\s*月\\s*(${NUM})\\s*[日号]`);
const DAY = new RegExp(`^(${NUM})\\s*[日号]`);
const RELATIVE = Object.entries({ 前日: -2, 前天: -2, 昨日: -1, 昨天: -1, 今日: 0, 今天: 0, 明日: 1, 明天: 1 });

/**
 * Resolves the date expression at the start of `expr` (trailing text such as 下午 or
 * the rest of the sentence is ignored). A range (7月10日至12日) gives its first day.
 * Without a reference only fully dated expressions resolve.
 *
 * - `M月D日`: the reference's year, or the year before when that would put the day more
 *   than two months after the reference (news report the past).
 * - `D日`: the reference's month; a day after the reference day is in the previous month.
 */
export function resolveDate(expr: string, reference: string | null): string | null {
  const s = halfwidth(expr.trim());
  let m = FULL.exec(s);
  if (m) return formatDate(parseNumeral(m[1]), parseNumeral(m[2]), parseNumeral(m[3]));
  m = ISO.exec(s);
  if (m) return formatDate(Number(m[1]), Number(m[2]), Number(m[3]));
  const ref = parseIso(reference);
  if (!ref || !reference) return null;
  for (const [word, days] of RELATIVE) if (s.startsWith(word)) return addDays(reference.slice(0, 10), days);
  m = MONTH_DAY.exec(s);
  if (m) {
    const month = parseNumeral(m[1]);
    const day = parseNumeral(m[2]);
    const same = formatDate(ref.y, month, day);
    if (!same) return formatDate(ref.y - 1, month, day);
    const diff = dayDiff(same, reference.slice(0, 10));
    if (diff > 62) return formatDate(ref.y - 1, month, day);
    if (diff < -300) return formatDate(ref.y + 1, month, day);
    return same;
  }
  m = DAY.exec(s);
  if (m) {
    const day = parseNumeral(m[1]);
    if (day <= ref.d) return formatDate(ref.y, ref.m, day);
    const prevYear = ref.m === 1 ? ref.y - 1 : ref.y;
    const prevMonth = ref.m === 1 ? 12 : ref.m - 1;
    return formatDate(prevYear, prevMonth, day);
  }
  return null;
}

/** A date expression at the start of a sentence: `6月25日`, `2日下午`, `昨日`, `2026年2月4日`. */
export const LEADING_DATE = new RegExp(
  `^(?:(?:${NUM})\\s*年\\s*)?(?:(?:${NUM})\\s*月\\s*)?(?:${NUM})\\s*[日号](?:\\s*至\\s*(?:(?:${NUM})\\s*月\\s*)?(?:${NUM})\\s*[日号]?)?` +
    `|^(?:前日|前天|昨日|昨天|今日|今天)(?![常])`,
);

/** The date expression that opens `text` (after a dateline such as 本报讯), or null. */
export function leadingDateExpression(text: string): string | null {
  const m = LEADING_DATE.exec(halfwidth(text));
  return m ? m[0] : null;
}

const LABELLED = /(?:发布时间|发布日期|发表时间|发表日期|发稿时间|更新时间|日期|时间)\s*[:：]?\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/;
const HEADER_ISO = /(?:^|[^\d])(\d{4})-(\d{1,2})-(\d{1,2})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?(?!\d)/;
const MASTHEAD = new RegExp(`(${NUM})\\s*年\\s*(${NUM})\\s*月\\s*(${NUM})\\s*日?(?=\\s*(?:农历|星期|周[一二三四五六日天]|第|今日|来源|发布|编辑|作者|\\d{1,2}:\\d{2}|\\s|$))`);
const EXCERPT = /[（(]\s*摘自[^）)]{0,80}?(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/;
const TELEGRAM = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*电/;

/** How many leading lines count as the page header (title, source, date line). */
const HEADER_LINES = 15;

/** The first HEADER_LINES non-blank lines of `raw`, trimmed (read no further than them). */
function headerLines(raw: string): string[] {
  const head: string[] = [];
  let start = 0;
  while (head.length < HEADER_LINES && start <= raw.length) {
    let end = start;
    while (end < raw.length && raw.charCodeAt(end) !== 10 && raw.charCodeAt(end) !== 13) end++;
    const line = raw.slice(start, end).trim();
    if (line !== '') head.push(line);
    start = end + (raw.charCodeAt(end) === 13 && raw.charCodeAt(end + 1) === 10 ? 2 : 1);
  }
  return head;
}

/**
 * Every pattern of a stated date needs a digit or 年: a header line without them, or
 * without what conversion to Simplified turns into them, is not converted or searched.
 */
const DATE_SOURCES = conversionSources('0123456789０１２３４５６７８９年');

function mayStateDate(line: string): boolean {
  for (let i = 0; i < line.length; i++) if (DATE_SOURCES[line.charCodeAt(i)]) return true;
  return false;
}

/**
 * The article's own date when the text states it with a year: a labelled publication
 * time (发布时间:2019-11-19), a date line in the page header (温州网 2024-09-30 09:36:55,
 * 2024-08-03 14:29 来源), a newspaper masthead (2023年6月26 农历…), a 新华社…年…月…日电
 * dateline. Null otherwise (a year-less page, a year only inside the text).
 */
export function findPublishedDate(raw: string): string | null {
  const head = headerLines(raw)
    .map((l) => l.slice(0, 300))
    .filter(mayStateDate)
    .map((l) => halfwidth(toSimplified(l)));
  for (const line of head) {
    const m = LABELLED.exec(line);
    const date = m && formatDate(Number(m[1]), Number(m[2]), Number(m[3]));
    if (date) return date;
  }
  for (const line of head) {
    // A short header line carrying a date, not a sentence that mentions one.
    if (line.length > 60 || /[。！？]/.test(line)) continue;
    const iso = HEADER_ISO.exec(line);
    const date = iso && formatDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    if (date) return date;
    const mast = MASTHEAD.exec(line);
    const mdate = mast && formatDate(parseNumeral(mast[1]), parseNumeral(mast[2]), parseNumeral(mast[3]));
    if (mdate && /农历|星期|周[一二三四五六日天]|版|期|来源|发布|^\S*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日?$/.test(line)) return mdate;
  }
  for (const line of head) {
    const m = TELEGRAM.exec(line);
    const date = m && formatDate(Number(m[1]), Number(m[2]), Number(m[3]));
    if (date) return date;
  }
  return null;
}

/**
 * The date of the event a reprinted text comes from, stated in its source note:
 * `（摘自王浩同志2026年2月24日在浙江省新春第一会上的讲话）`. Not the publication date
 * (the reprint may be later), but the right reference for 今天 and day expressions.
 */
export function findSourceNoteDate(raw: string): string | null {
  if (!raw.includes('摘自')) return null; // the note names its source: 摘自…
  const lines = raw.split(/\r\n|\r|\n/).filter((l) => l.trim() !== '');
  for (const line of lines.slice(-30)) {
    const m = EXCERPT.exec(halfwidth(line.slice(0, 300)));
    const date = m && formatDate(Number(m[1]), Number(m[2]), Number(m[3]));
    if (date) return date;
  }
  return null;
}

/**
 * The month a chronicle page covers (宁波市二O一九年十月份记事, 2019年10月大事记), as the
 * last day of that month so that day numbers resolve inside it. Null when not a chronicle.
 */
export function chronicleMonthEnd(line: string): string | null {
  const m = new RegExp(`(${NUM})\\s*年\\s*(${NUM})\\s*月份?\\s*(?:记事|大事记|大事|工作动态)`).exec(halfwidth(line));
  if (!m) return null;
  const year = parseNumeral(m[1]);
  const month = parseNumeral(m[2]);
  return formatDate(year, month, 1) ? formatDate(year, month, daysIn(year, month)) : null;
}
