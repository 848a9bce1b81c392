/**
 * One article -> its facts. Officials, meetings, campaigns and places are found sentence by
 * sentence; relations come from events: within a news item, a meeting (held, chaired,
 * spoken at) or an inspection (调研, 督导, 来到 …) runs until another begins, and who
 * chaired, attended or took part is read against the event that is running.
 */
import type { Article, NewsItem, Sentence } from '../read/types.ts';
import { findDivisions } from './gazetteer.ts';
import type { DivisionMention } from './places/types.ts';
import { buildPlaceContext, placeRef, type PlaceContext } from './context.ts';
import { ChainState } from './titles.ts';
import { findOfficials, bylineNames, type OfficialMention } from './officials.ts';
import { skipToVerb, verbAfterList, inspectionStart } from './events.ts';
import { findMeetings, refersToCurrentMeeting, type MeetingMention } from './meetings.ts';
import { findCampaigns } from './campaigns.ts';
import { findTargets, targetPlace, type Target } from './targets.ts';
import { lexicon, lazy, wordAt } from './lexicon.ts';
import type { ArticleFacts, Evidence, MeetingFact, PlaceRef, RelationFact } from './types.ts';

interface MeetingRef {
  fact: MeetingFact;
}

interface Event {
  kind: 'meeting' | 'inspection';
  meeting?: MeetingRef;
  leads: Set<string>;
  participants: Set<string>;
  targets: { target: Target; evidence: Evidence }[];
  /** Unnamed meetings held during an inspection (座谈会): the inspectors attend them. */
  sideMeetings: { meeting: MeetingRef; evidence: Evidence }[];
  /** A delegation named by its place (嘉兴市党政代表团): its members are that place's officials. */
  delegationOf: string | null;
  evidence: Evidence;
}

const lexiconCampaigns = lazy((): ReadonlySet<string> => new Set(lexicon().campaigns.known));
const attendOrAccompany = lazy(() => [...lexicon().verbs.attend, ...lexicon().verbs.accompany]);

const sameMeeting = (a: string, b: string) => a === b || (a.length >= 4 && b.length >= 4 && (a.includes(b) || b.includes(a)));

interface ArticleOfficials {
  /** The officials of a sentence, read with every name of the article known. */
  officialsIn(sentence: Sentence, item: number): OfficialMention[];
}

/**
 * Reads the article's officials in two passes: the first learns the names introduced
 * anywhere in the article (by a title, a list, 同志 or 主持), the second reads
 * each sentence knowing them all. A sentence where no name learnt after its first reading
 * stands reads the same the second time (findOfficials only asks `known` about names in
 * the text), so its first reading is kept.
 */
function readOfficials(article: Article, context: PlaceContext, excluded: ReadonlySet<string>): ArticleOfficials {
  const names = new Set<string>();
  const firstReadings = new Map<Sentence, { officials: OfficialMention[]; namesBefore: number }>();
  for (const item of article.items) {
    for (const s of item.sentences) {
      const officials = findOfficials(s.text, new ChainState(context, item.index), names, excluded);
      firstReadings.set(s, { officials, namesBefore: names.size });
      for (const m of officials) names.add(m.name);
    }
  }
  const inOrder = [...names];
  /** Some name learnt after the first `count` stands in `text`. */
  const learntSince = (count: number, text: string): boolean => {
    for (let i = count; i < inOrder.length; i++) if (text.includes(inOrder[i])) return true;
    return false;
  };
  return {
    officialsIn(sentence, item) {
      const first = firstReadings.get(sentence);
      if (first && !learntSince(first.namesBefore, sentence.text)) return first.officials;
      return findOfficials(sentence.text, new ChainState(context, item), names, excluded);
    },
  };
}

/**
 * Extraction reads one article alone, so that building a corpus in parts gives the graph of
 * one pass; what the corpus teaches (campaigns named elsewhere) is applied when resolving.
 */
export function extractArticle(article: Article): ArticleFacts {
  const context = buildPlaceContext(article.items.map((it) => it.sentences.map((s) => s.text).join('\n')));
  const excluded = new Set(article.items.flatMap((it) => it.sentences.flatMap((s) => bylineNames(s.original === s.text ? s.text : `${s.text}\n${s.original}`))));
  const officials = readOfficials(article, context, excluded);
  const knownCampaigns = lexiconCampaigns();

  const facts: ArticleFacts = {
    article: { key: article.key, file: article.file, published: article.published, title: article.title, script: article.script, sha256: article.sha256 },
    officials: [],
    posts: [],
    cities: [],
    meetings: [],
    campaigns: [],
    relations: [],
  };
  for (const item of article.items) new ItemReader(article, item, context, officials, knownCampaigns, facts).read();
  return facts;
}

/**
 * Reads one news item sentence by sentence, keeping the event that is running. A class
 * rather than one long function with closures: V8 compiles each small method on its own,
 * so a rare input that deoptimises one of them does not recompile the whole reader.
 */
class ItemReader {
  private readonly events: Event[] = [];
  private current: Event | undefined;
  /** Meeting referred to before it is named (a headline 王浩主持 before the body names it). */
  private readonly pendingChairs: { name: string; evidence: Evidence }[] = [];
  private readonly officialPlaces = new Map<string, Set<string>>();
  private lastOrganisation: string | null = null;

  constructor(
    private readonly article: Article,
    private readonly item: NewsItem,
    private readonly context: PlaceContext,
    private readonly articleOfficials: ArticleOfficials,
    private readonly knownCampaigns: ReadonlySet<string>,
    private readonly facts: ArticleFacts,
  ) {}

  read(): void {
    // The item's places were found once, in the item's text (sentences joined by \n): each sentence takes its share.
    const itemPlaces = this.context.mentions[this.item.index] ?? [];
    let sentenceOffset = 0;
    for (const sentence of this.item.sentences) {
      const sentencePlaces = itemPlaces.filter((m) => m.start >= sentenceOffset && m.end <= sentenceOffset + sentence.text.length);
      sentenceOffset += sentence.text.length + 1;
      this.readSentence(sentence, sentencePlaces);
    }
    this.closeInspections();
  }

  private relation(type: RelationFact['type'], from: string, to: string, target: RelationFact['target'], evidence: Evidence, extra: Partial<RelationFact> = {}): void {
    this.facts.relations.push({ type, from, to, target, evidence, ...extra });
  }

  private attendMeeting(name: string, meeting: MeetingRef, evidence: Evidence): void {
    this.relation('ATTENDED', name, meeting.fact.name, 'Meeting', evidence, { meetingDate: meeting.fact.date });
  }

  private chairMeeting(name: string, meeting: MeetingRef, evidence: Evidence): void {
    this.relation('CHAIRED', name, meeting.fact.name, 'Meeting', evidence, { meetingDate: meeting.fact.date });
  }

  private meetingFor(name: string, evidence: Evidence, placeText: string | null): MeetingRef {
    const { context, item } = this;
    const existing = this.facts.meetings.find((m) => sameMeeting(m.name, name) && (m.date === evidence.date || !m.date || !evidence.date));
    if (existing) {
      if (name.length > existing.name.length && !/^[我]/.test(name)) existing.name = name;
      if (placeText) existing.place = meetingPlace(name, placeText, context, item.index) ?? existing.place;
      existing.date ??= evidence.date;
      return { fact: existing };
    }
    const fact: MeetingFact = { name, date: evidence.date, place: meetingPlace(name, placeText, context, item.index), evidence };
    this.facts.meetings.push(fact);
    return { fact };
  }

  /** The evidence of a sentence, dated as the read stage dated it (Sentence.date). */
  private evidenceOf(sentence: Sentence): Evidence {
    const { article, item } = this;
    return {
      article: article.key,
      item: item.index,
      sentence: sentence.text,
      original: sentence.original,
      start: sentence.start,
      end: sentence.end,
      date: sentence.date,
    };
  }

  private readSentence(sentence: Sentence, sentencePlaces: DivisionMention[]): void {
    const { facts } = this;
    const text = sentence.text;
    const evidence = this.evidenceOf(sentence);

    const officials = this.articleOfficials.officialsIn(sentence, this.item.index);
    for (const o of officials) {
      facts.officials.push({ name: o.name, evidence });
      for (const post of o.posts) {
        facts.posts.push({ official: o.name, post: post.title, place: post.place, evidence });
        if (post.place) this.officialPlaces.set(o.name, (this.officialPlaces.get(o.name) ?? new Set()).add(post.place.name));
      }
    }
    for (const m of sentencePlaces) facts.cities.push({ place: placeRef(m.division), evidence });
    const campaigns = findCampaigns(text, this.knownCampaigns);
    for (const c of campaigns) facts.campaigns.push({ name: c.name, evidence });
    const org = /公司|集团|厂/.test(text) ? /^([\u4e00-\u9fff（）()]{4,30}?(?:有限公司|公司|集团|厂))(?:是|，)/.exec(text) : null;
    if (org) this.lastOrganisation = org[1];

    const meetings = findMeetings(text);
    this.namedMeetings(text, meetings, officials, evidence);
    this.inspection(text, officials, evidence);
    this.clauses(text, meetings, officials, evidence);
    this.campaignSpeaker(text, campaigns, officials, evidence);
  }

  /** Meetings named in this sentence: a new event unless it is the running one, and who chaired or spoke at it. */
  private namedMeetings(text: string, meetings: MeetingMention[], officials: OfficialMention[], evidence: Evidence): void {
    for (const m of meetings) {
      const current = this.current;
      const isSide = /座谈/.test(m.name) && current?.kind === 'inspection';
      const meeting = this.meetingFor(m.name, evidence, m.placeText);
      if (isSide) {
        current!.sideMeetings.push({ meeting, evidence });
      } else if (!current || current.kind !== 'meeting' || !current.meeting || !sameMeeting(current.meeting.fact.name, meeting.fact.name)) {
        this.current = { kind: 'meeting', meeting, leads: new Set(), participants: new Set(), targets: [], sideMeetings: [], delegationOf: null, evidence };
        this.events.push(this.current);
      }
      for (const p of this.pendingChairs.splice(0)) {
        this.chairMeeting(p.name, meeting, p.evidence);
        this.attendMeeting(p.name, meeting, p.evidence);
      }
      // 在…会上强调: the speaker before it attended.
      if (m.trigger === 'spoken') {
        const speaker = lastBefore(officials, m.start);
        const gap = speaker ? text.slice(speaker.end, m.start) : '';
        if (speaker && /^(?:同志)?[\d年月日上下午晚]*在(?:随后召开的)?$/.test(gap)) this.attendMeeting(speaker.name, meeting, evidence);
      }
      if (m.trigger === 'chaired') {
        const chairPerson = lastBefore(officials, m.start);
        if (chairPerson) {
          this.chairMeeting(chairPerson.name, meeting, evidence);
          this.attendMeeting(chairPerson.name, meeting, evidence);
        }
      }
    }
  }

  /** Inspections: an official (or a delegation, 一行, 督查组) with an inspection verb starts one; its targets follow. */
  private inspection(text: string, officials: OfficialMention[], evidence: Evidence): void {
    const start = inspectionStart(text, officials);
    if (start) {
      const leads = new Set(start.leads);
      const running = this.current;
      const continuing = running?.kind === 'inspection' && (leads.size === 0 || [...leads].every((l) => running.leads.has(l) || running.participants.has(l)));
      if (!continuing) {
        this.current = { kind: 'inspection', leads, participants: new Set(), targets: [], sideMeetings: [], delegationOf: start.delegationOf, evidence };
        this.events.push(this.current);
      }
    }
    const current = this.current;
    if (current?.kind === 'inspection') {
      for (const t of findTargets(text, this.context, this.item.index, this.lastOrganisation)) {
        current.targets.push({ target: t, evidence });
        if (t.place && !t.place.code) this.facts.cities.push({ place: t.place, evidence });
      }
    }
  }

  /** Who chairs, attends, speaks or takes part, clause by clause. */
  private clauses(text: string, meetings: MeetingMention[], officials: OfficialMention[], evidence: Evidence): void {
    const { chair, speak, accompany } = lexicon().verbs;
    for (const o of officials) {
      const current = this.current;
      const after = text.slice(o.end);
      const verbAt = skipToVerb(after);
      const listVerb = verbAfterList(text, o, officials);
      if (wordAt(verbAt, 0, chair)) {
        const named = meetings.find((m) => m.start >= o.end && m.start - o.end <= 6);
        if (named) continue; // handled with the meeting above
        if (current?.kind === 'meeting' && current.meeting) {
          this.chairMeeting(o.name, current.meeting, evidence);
          this.attendMeeting(o.name, current.meeting, evidence);
        } else if (current?.kind === 'inspection' && current.sideMeetings.length) {
          const side = current.sideMeetings[current.sideMeetings.length - 1].meeting;
          this.chairMeeting(o.name, side, evidence);
        } else this.pendingChairs.push({ name: o.name, evidence });
        continue;
      }
      const verb = wordAt(verbAt, 0, attendOrAccompany()) ?? listVerb;
      if (verb && accompany.includes(verb)) continue;
      if (verb && speak.includes(verb)) {
        if (current?.kind === 'meeting' && current.meeting) this.attendMeeting(o.name, current.meeting, evidence);
        continue;
      }
      if (verb) {
        const object = text.slice(text.indexOf(verb, o.end) + verb.length);
        const namedMeeting = meetings.find((m) => m.start >= o.end && m.trigger === 'attended');
        if (namedMeeting) continue; // attended a meeting named in the sentence: below
        if (verb === '参加' && /^(?:相关|有关)?活动/.test(object)) continue;
        if (current?.kind === 'meeting' && current.meeting && !/^(?:部分)?[\u4e00-\u9fff]{0,6}(?:督导|调研|检查|考察|视察)/.test(object)) {
          this.attendMeeting(o.name, current.meeting, evidence);
        } else if (current?.kind === 'inspection' && verb === '参加') {
          current.participants.add(o.name);
        }
        continue;
      }
      if (wordAt(verbAt.replace(/^(?:在会上|会上|就[^，。]{1,20}?)/, ''), 0, speak) && current?.kind === 'meeting' && current.meeting) {
        this.attendMeeting(o.name, current.meeting, evidence);
      }
    }
    for (const m of meetings.filter((x) => x.trigger === 'attended')) {
      const meeting = this.meetingFor(m.name, evidence, m.placeText);
      for (const o of officials.filter((x) => x.end <= m.start)) this.attendMeeting(o.name, meeting, evidence);
    }
    const current = this.current;
    if (current?.kind === 'meeting' && current.meeting && (text.includes('会上') || text.includes('与会')) && /(?:^|[，。；\s]|在)会上|与会/.test(text)) {
      const speaker = officials.find((o) => /^(?:会上|在会上)?[^，。]{0,4}?(?:强调|指出|讲话|表示|要求|宣读|通报|传达|提出)/.test(text.slice(o.end)));
      if (speaker) this.attendMeeting(speaker.name, current.meeting, evidence);
      if (/与会/.test(text)) for (const o of officials) this.attendMeeting(o.name, current.meeting, evidence);
    }
    if (refersToCurrentMeeting(text) && current?.kind === 'meeting' && current.meeting) {
      for (const o of officials) if (/^(?:主持|出席|参加|列席)/.test(text.slice(o.end))) this.attendMeeting(o.name, current.meeting, evidence);
    }
  }

  /** Campaigns that an official speaks for in this sentence. */
  private campaignSpeaker(text: string, campaigns: { name: string }[], officials: OfficialMention[], evidence: Evidence): void {
    const current = this.current;
    const speaker = officials.find((o) => /^[^，。]{0,12}?(?:强调|指出|要求|表示|讲话)/.test(text.slice(o.end))) ?? (/^(?:他|她)/.test(text) && current ? [...current.leads][0] : undefined);
    const speakerName = typeof speaker === 'string' ? speaker : speaker?.name;
    if (speakerName) for (const c of campaigns) this.relation('PROMOTED', speakerName, c.name, 'Campaign', evidence);
  }

  /** Inspections: everyone who led or took part visited every place of the event. */
  private closeInspections(): void {
    const { context, item } = this;
    for (const e of this.events.filter((x) => x.kind === 'inspection')) {
      const members = new Set([...e.leads, ...e.participants]);
      if (e.delegationOf) for (const [name, places] of this.officialPlaces) if (places.has(e.delegationOf)) members.add(name);
      for (const { target, evidence } of e.targets) {
        for (const name of members) {
          this.relation('INSPECTED', name, target.name, target.place ? 'City' : 'Site', evidence, { place: target.place ?? targetPlace(target, context, item.index) });
        }
      }
      for (const { meeting, evidence } of e.sideMeetings) for (const name of members) this.attendMeeting(name, meeting, evidence);
    }
  }
}

/** The last official named before `pos`. */
function lastBefore(officials: OfficialMention[], pos: number): OfficialMention | undefined {
  return officials.filter((o) => o.end <= pos).pop();
}

function meetingPlace(name: string, placeText: string | null, context: PlaceContext, item: number): PlaceRef | null {
  if (placeText) {
    const d = findDivisions(placeText)[0];
    if (d) return placeRef(d.division);
  }
  const level = /^(?:全|我)?(省|市|区|县)/.exec(name)?.[1];
  if (level) return context.resolveLevel(level, item);
  return null;
}

