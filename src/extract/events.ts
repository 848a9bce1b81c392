/**
 * How official prose says who acts: the verb a name (or a list of names) leads to, and
 * whether a sentence opens an inspection and who leads it.
 */
import { lexicon, lazy, hasWord, wordAt } from './lexicon.ts';
import type { OfficialMention } from './officials.ts';

/** Skips what stands between names and their verb: 等, 和其他省领导, 分别, 一行, 在萧山分会场. */
export function skipToVerb(s: string): string {
  const between = /^(?:等[\u4e00-\u9fff]{0,8}?领导|和其他[\u4e00-\u9fff]{1,6}?领导|等|分别|一行|同志|在[^，。；]{1,20}?(?=出席|参加|收看|讲话|强调|致辞))/;
  for (let prev = ''; prev !== s; ) {
    prev = s;
    s = s.replace(between, '');
  }
  return s;
}

const listVerbs = lazy(() => {
  const { attend, accompany, speak } = lexicon().verbs;
  return [...attend, ...accompany, ...speak];
});

const inspectionVerb = lazy(
  () => new RegExp(`(?:先后|又|还|首先|随后|专题|带队|率队|率团组|率团|一行|深入|实地|亲赴)*(?:${lexicon().verbs.inspectStart.join('|')})`),
);

/** The attendance verb closing a list the official stands in: 黄莉新、陈金彪、王成出席. */
export function verbAfterList(text: string, o: OfficialMention, officials: OfficialMention[]): string | undefined {
  let end = o.end;
  for (const next of officials) {
    if (next.start < end) continue;
    const gap = text.slice(end, next.start);
    if (!/^[、，,和及\s]*(?:[\u4e00-\u9fff、]{0,24}?(?:书记|长|主任|主席|常委|委员|成员|领导))?$/.test(gap) || gap.length > 28) break;
    end = next.end;
  }
  if (end === o.end) return undefined;
  const tail = skipToVerb(text.slice(end));
  return wordAt(tail, 0, listVerbs());
}

export interface InspectionStart {
  leads: string[];
  delegationOf: string | null;
}

/** Does the sentence open an inspection? Its subject: the officials before the verb, or a delegation. */
export function inspectionStart(text: string, officials: OfficialMention[]): InspectionStart | null {
  const { accompany } = lexicon().verbs;
  const delegation = text.includes('代表团') ? /([\u4e00-\u9fff]{2,6}?[市区县省])?(?:党政)?代表团/.exec(text) : null;
  // The pattern tries every position: run it only when one of its verbs stands in the text.
  const verb = hasWord(text, lexicon().verbs.inspectStart) ? inspectionVerb().exec(text) : null;
  if (!verb) return null;
  const beforeVerb = officials.filter((o) => o.end <= verb.index);
  const leads = beforeVerb.filter((o) => {
    const tail = text.slice(o.end, verb.index);
    return !wordAt(tail.replace(/^[等、，]*/, ''), 0, accompany) && !/陪同/.test(tail) && !/[。；]/.test(tail);
  });
  // The subject must stand right before the verb clause, not in an earlier clause.
  const subject = leads.filter((o) => !/[，,]/.test(text.slice(o.end, verb.index)) || /一行|带队|率/.test(text.slice(o.end, verb.index)) || /^，率/.test(text.slice(o.end)));
  if (subject.length) return { leads: subject.map((o) => o.name), delegationOf: null };
  if (delegation && delegation.index < verb.index) return { leads: [], delegationOf: delegation[1] ?? null };
  if (/(?:一行|督查组|视察组|调研组|检查组|督导组)/.test(text.slice(0, verb.index + verb[0].length))) return { leads: [], delegationOf: null };
  return null;
}
