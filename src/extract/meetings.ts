/**
 * Meetings that took place, found in one sentence: a name ending in a meeting word
 * (会议, 座谈会, 推进会 ...) that a verb says was held (召开, 举行), chaired (主持召开),
 * attended (出席) or spoken at (在…会上强调). A meeting only referred to (…会议精神,
 * …会议部署要求) is not one. A generic name takes the organ that held it
 * (区委常委会召开会议 -> 区委常委会会议).
 */
import { lexicon, wordAt, findWordsAtEachPosition } from './lexicon.ts';

export type MeetingTrigger = 'held' | 'chaired' | 'attended' | 'spoken';

export interface MeetingMention {
  name: string;
  start: number;
  end: number;
  trigger: MeetingTrigger;
  /** Where the text says it was held: the words after 在 (在杭州召开). */
  placeText: string | null;
}

const CLAUSE_STOP = /[，,。；;：:！？!?\s]/;
/** Words that end what comes before a meeting name: 召开县委书记工作交流会, 在随后召开的座谈会上. */
const CUT_WORDS = ['主持召开', '召开', '举行', '主持', '出席', '参加', '列席', '收看', '收听', '在', '的', '了', '以', '于'];
/** A meeting only referred to, not held: followed by these. */
const REFERRED_AFTER = /^(?:精神|部署|要求|决策|决定|以来|上的重要讲话精神|确定|提出|通过的|期间|之前|前夕)/;

/**
 * Where meeting words end names: at each position the longest ending, dropping one that a
 * longer ending overlaps (大会 in 扩大会议, 学习会 in 学习会议) or that another ending
 * continues (常委会 in 常委会会议).
 */
function endingSpans(text: string, endings: string[]): { start: number; end: number }[] {
  const spans = findWordsAtEachPosition(text, endings);
  // Spans are in order of their start, one per position: the ones that start inside a span follow it.
  return spans.filter((span, i) => {
    for (let j = i + 1; j < spans.length && spans[j].start <= span.end; j++) if (spans[j].end > span.end) return false;
    return true;
  });
}

function insideBookTitle(text: string, at: number): boolean {
  const open = text.lastIndexOf('《', at);
  return open >= 0 && text.indexOf('》', open) >= at;
}

export function findMeetings(text: string): MeetingMention[] {
  const { endings, generic, held, notMeetings } = lexicon().meetings;
  const out: MeetingMention[] = [];
  for (const span of endingSpans(text, endings)) {
    const end = span.end;
    if (insideBookTitle(text, span.start)) continue;
    let start = span.start;
    while (start > 0 && !CLAUSE_STOP.test(text[start - 1]) && end - start < 60) start--;
    let name = text.slice(start, end);
    // Cut at the last verb or particle before the name.
    let cutAt = 0;
    let cutWord = '';
    for (const w of CUT_WORDS) {
      const i = name.lastIndexOf(w);
      if (i >= 0 && i + w.length > cutAt && i + w.length < name.length) {
        cutAt = i + w.length;
        cutWord = w;
      }
    }
    const before = name.slice(0, cutAt - cutWord.length);
    name = name.slice(cutAt).replace(/^[“"]|^[\d]+月[\d]+日(?:上午|下午|晚上)?/, '');
    start = end - name.length;
    if (!name || name.length < 2) continue;
    const after = text.slice(end);
    if (REFERRED_AFTER.test(after)) continue;
    if (notMeetings.some((w) => name.includes(w)) && !wordAt(after, 0, held)) continue;

    let trigger: MeetingTrigger | null = null;
    let placeText: string | null = null;
    const heldAfter = /^(?:在([\u4e00-\u9fff]{2,8}?))?(?:隆重|胜利|顺利)?(召开|举行|举办|开幕)/.exec(after);
    // 区委常委会召开会议: the organ convenes; the meeting is named by the generic word after.
    if (heldAfter && generic.some((g) => after.startsWith(g, heldAfter[0].length))) continue;
    if (heldAfter) {
      trigger = 'held';
      placeText = heldAfter[1] ?? null;
    } else if (cutWord === '主持召开' || cutWord === '主持') trigger = 'chaired';
    else if (cutWord === '召开' || cutWord === '举行') trigger = 'held';
    else if (['出席', '参加', '列席', '收看', '收听'].includes(cutWord)) trigger = 'attended';
    else if ((cutWord === '在' || /在[^，。]*召开的$/.test(before + cutWord)) && /^上/.test(after)) trigger = 'spoken';
    else if (cutWord === '的' && /召开$/.test(before) && /^上/.test(after)) trigger = 'spoken';
    if (!trigger) continue;

    // A generic name (会议, 扩大会议, 工作例会) takes the organ before 召开: 区委常委会召开会议.
    if (generic.includes(name) && cutWord === '召开') {
      const organ = before
        .replace(/^.*?(?:\d+月\d+日(?:上午|下午|晚上)?|[昨今]日(?:上午|下午)?)/, '')
        .replace(/^(?:并|又|还|也|再|随后|先后|同时)+/, '');
      const isOrgan = organ.length >= 2 && organ.length <= 14 && !/^[我全]/.test(organ);
      if (isOrgan) {
        name = organ + name;
        start = end - name.length;
      } else if (!/座谈/.test(name)) continue;
    } else if (generic.includes(name) && trigger !== 'spoken' && !/座谈/.test(name)) {
      continue; // 主持会议, 出席会议: the item's meeting, resolved by the caller.
    }
    out.push({ name, start, end, trigger, placeText });
  }
  // 开展座谈, 进行座谈交流: an unnamed meeting.
  if (text.includes('座谈')) for (const m of text.matchAll(/(?:开展|进行|召开)(座谈)(?!会)/g)) {
    out.push({ name: m[1], start: m.index! + m[0].length - 2, end: m.index! + m[0].length, trigger: 'held', placeText: null });
  }
  return out;
}

/** Does the sentence refer to the current meeting without naming it (主持会议, 会上, 出席会议并讲话)? */
export function refersToCurrentMeeting(text: string): boolean {
  return /(?:主持|出席|参加|列席)(?:会议|并讲话)|(?:^|[，。；\s]|在)会上|与会|到会|主持$|主持[，。并]/.test(text);
}
