import { hanCount } from './chars.ts';

/**
 * Page furniture that is not part of the article: crawler snapshot notices, disclaimers,
 * editor credits, navigation, subscription menus, mastheads, and the trailing list of
 * unrelated teasers. Rules look at one cleaned (Simplified, fullwidth) line at a time.
 */

/** Furniture recognised on a line of any length. */
const JUNK_ANY: RegExp[] = [
  // Crawler snapshot notices and disclaimers.
  /以上内容为.{0,20}快照|快照生成时间|信息原文地址|信息快照查询|本站.{0,40}(删除|立场|修改)|如有侵权/,
  /^(特别声明|免责声明|版权声明|声明)[：:]/,
  /^Notice[：:]/i,
  /本平台仅提供信息存储服务|仅代表作者本人观点|转载请注明/,
  // Editor and source credits.
  /^(责编|责任编辑|美编|编辑|一审|二审|三审|初审|复审|终审|校对|审核|监制|统筹|制作|值班编辑|来源|稿源|作者)\s*[：:]/,
  // Newspaper masthead and page furniture.
  /农历.{0,20}(今日|版|期)|今日\s*\d+\s*版|总第\s*\d+\s*期|^主办\s|投稿邮箱|征订服务|服务热线/,
  // Header metadata: a source/category line with a date.
  /^(类别|栏目|分类)[：:].{0,40}(发布时间|来源)/,
];

/** Furniture recognised only on short lines: navigation, menus, widgets, date lines. */
const JUNK_SHORT: RegExp[] = [
  /您当前的位置|当前位置\s*[：:]|^首页\s*[>＞»]|正在阅读\s*[：:]|字体\s*[：:【]|【\s*字体|联系我们|^logo$|访问量|视力保护色|分享到|打印本页|关闭窗口|^返回(顶部|首页)?$|扫一扫|^上一篇|^下一篇/i,
  /^\S{1,12}\s*[>＞»]\s*\S{1,12}\s*[>＞»]/,
  /^[•·●◆]\s*\S{1,10}$/,
  /^倒计时\s*\d+\s*天$/,
  /^.{0,20}\d{4}-\d{1,2}-\d{1,2}(\s+\d{1,2}:\d{2}(:\d{2})?)?\s*(来源[：:]?.{0,30})?$/,
  /^更多关于.{0,20}的(资讯|新闻)|^相关(新闻|阅读|链接)[：:]?$/,
];

/**
 * The same patterns joined into one per set of flags, so that a line is scanned once
 * rather than once per pattern.
 */
function joined(patterns: RegExp[]): RegExp[] {
  const flags = [...new Set(patterns.map((re) => re.flags))];
  return flags.map((f) => {
    const sources = patterns.filter((re) => re.flags === f).map((re) => `(?:${re.source})`);
    return new RegExp(sources.join('|'), f);
  });
}

const ANY_JUNK = joined(JUNK_ANY);
const SHORT_JUNK = joined(JUNK_SHORT);

/** Lines up to this long may be navigation or widgets. */
const SHORT_LINE = 40;

/** Byline and photo credit lines: `■首席记者 赵一霖`, `通讯员 张祥荣 摄`, `记者 黄婷`. */
const CREDIT_LINE =
  /^(■\s*)?(首席记者|记者|通讯员|摄影|摄影记者|见习记者|特约记者|本报记者)[\s：:]*[\u4e00-\u9fff]{2,4}(\s+[\u4e00-\u9fff]{2,4}){0,4}(\s*(摄|报道))?$|^(■\s*)?[\u4e00-\u9fff]{2,4}(\s+[\u4e00-\u9fff]{2,4}){0,3}\s*摄$/;

/** Credit sentences inside a paragraph (photo captions): `浙江新闻客户端记者 胡元勇 摄`, `图源：黄石+`. */
const CREDIT_SENTENCE = /^.{0,16}(记者|通讯员|摄影)\s*[\u4e00-\u9fff]{2,4}(\s+[\u4e00-\u9fff]{2,4}){0,3}\s*摄$|^(图源|图片来源|图片|来源)[：:]/;

const TIMESTAMP = /^\d{4}-\d{1,2}-\d{1,2}(\s+\d{1,2}:\d{2}(:\d{2})?)?$/;

export function isJunkLine(text: string): boolean {
  if (text === '') return false;
  const han = hanCount(text, 2);
  if (han === 0) return true; // page numbers, phone numbers, English mastheads
  if (han === 1 && text.length <= 2) return true; // a stray OCR character
  if (text.startsWith('![')) return true;
  return ANY_JUNK.some((re) => re.test(text)) || (text.length <= SHORT_LINE && SHORT_JUNK.some((re) => re.test(text)));
}

export function isCreditLine(text: string): boolean {
  return CREDIT_LINE.test(text);
}

export function isCreditSentence(text: string): boolean {
  // Cheap to rule out first: a credit ends with 摄, a source note opens with 图 or 来.
  const first = text[0];
  return (text.endsWith('摄') || first === '图' || first === '来') && CREDIT_SENTENCE.test(text);
}

export function isTimestampLine(text: string): boolean {
  return TIMESTAMP.test(text);
}

/**
 * Index of the first line of a trailing teaser list ("related articles": a title and a
 * snippet, then a timestamp line, again and again), or `lines.length` when there is none.
 * `junk` says which lines are already known to be page furniture.
 */
export function teaserTailStart(lines: string[], junk: boolean[]): number {
  let start = lines.length;
  let stamps = 0;
  for (let i = lines.length - 1; i >= 0; i--) {
    const t = lines[i];
    const nextStamp = [1, 2, 3].some((k) => i + k < lines.length && isTimestampLine(lines[i + k]) && k <= 3);
    const teaserish =
      t === '' ||
      junk[i] ||
      isTimestampLine(t) ||
      /^(\.{2,}|…)/.test(t) ||
      /^更多关于/.test(t) ||
      (nextStamp && !/[。！？]$/.test(t)) ||
      (nextStamp && stamps > 0);
    if (!teaserish) break;
    if (isTimestampLine(t)) stamps++;
    start = i;
  }
  if (stamps < 2) return lines.length;
  // Do not eat blank or furniture lines before the first teaser: they are dropped anyway.
  return start;
}
