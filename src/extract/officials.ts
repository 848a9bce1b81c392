/**
 * Officials in one sentence, found by the structure of official prose:
 *  - a title chain before a name (省委副书记、宁波市委书记王成) and the names listed after it
 *    with the same title (县委常委张成群、陈迪、杨丽萍);
 *  - a list after or before a group title (区领导姜永柱、赵立明…; 朱重烈、张健等市四套班子领导);
 *  - a list of names joined by 、 that attends (黄莉新、陈金彪、王成出席);
 *  - a name before 同志, or opening a clause with 主持 (王浩主持);
 *  - once introduced, a name alone (袁家军指出).
 * Bylines (记者 胡元勇, 本报讯(刘乐平 余勤)) are never officials.
 */
import { lexicon, lazy, alternation, hasWord, wordAt } from './lexicon.ts';
import { UnitSet } from './units.ts';
import { nameAt, listNameAt, surnameLength } from './names.ts';
import { roleMatches, type ChainState, type Post } from './titles.ts';

export interface OfficialMention {
  name: string;
  start: number;
  end: number;
  posts: Post[];
  via: 'title' | 'list' | 'group' | 'comrade' | 'chair' | 'known';
}

/** What joins the names of a list. */
const SEPARATORS = UnitSet.of('、和及');
/** What may stand before a list of names, and before a name opening a clause. */
const BEFORE_LIST = lazy(() => UnitSet.matching(/[，,。；;：:\s、（(]/));
const BEFORE_CLAUSE = lazy(() => UnitSet.matching(/[，,。；;：:\s]/));

/** Offset `at` starts `text` or follows a character of `before`. */
function startsAfter(text: string, at: number, before: UnitSet): boolean {
  return at === 0 || before.has(text.charCodeAt(at - 1));
}

/** A mention found by its place in a list or clause has no post: all share this empty list. */
const NO_POSTS: Post[] = Object.freeze([]) as unknown as Post[];
/** Verbs that, opening a clause after a name, show an official acting: 王浩主持, 王昌荣宣读. */
const CLAUSE_ACTS = ['宣读', '致辞', '部署', '作交流发言', '作典型发言'];

const bylineWords = lazy(
  () => new RegExp(`(?:${alternation(lexicon().titles.notOfficialsBefore)})[\\s：:]*((?:[\\u4e00-\\u9fff]{2,4}[\\s、，]*){1,4})`, 'g'),
);
/** A level and a group title: 区领导, 市四套班子领导. */
const groupTitle = lazy(() => new RegExp(`(?:${alternation(lexicon().titles.levels)})(?:${alternation(lexicon().titles.groupTitles)})`, 'g'));
const actVerbs = lazy(() => {
  const { attend, speak, chair, accompany } = lexicon().verbs;
  return [...attend, ...speak, ...chair, ...accompany];
});

/** Names that bylines give: after 记者/通讯员/摄影, inside 本报讯(…) and before 摄. */
export function bylineNames(text: string): string[] {
  const out: string[] = [];
  // A pattern of a long alternation tries every position: run it only when one of its words stands in the text.
  if (hasWord(text, lexicon().titles.notOfficialsBefore)) for (const m of text.matchAll(bylineWords())) {
    out.push(...m[1].split(/[\s、，]+/).filter((n) => n.length >= 2 && n.length <= 4));
  }
  if (/[讯电]/.test(text)) for (const m of text.matchAll(/(?:讯|电)\s*[（(]([^）)]{2,40})[）)]/g)) {
    out.push(...m[1].split(/[\s、，,]+/).filter((n) => n.length >= 2 && n.length <= 4));
  }
  if (text.includes('摄')) for (const m of text.matchAll(/([\u4e00-\u9fff]{2,4})\s+摄/g)) out.push(m[1]);
  return out;
}

/** Names continuing a list from `pos` (at a separator), each ending at a separator or following word. */
function continueList(text: string, pos: number, known: ReadonlySet<string>): { name: string; start: number }[] {
  const out: { name: string; start: number }[] = [];
  while (SEPARATORS.has(text.charCodeAt(pos))) {
    const start = pos + 1;
    // A title after the separator starts a new chain, not a list element.
    if (roleMatches(text.slice(start, start + 8)).some((r) => r.start <= 4)) break;
    const name = listNameAt(text, start, known);
    if (!name) break;
    out.push({ name, start });
    pos = start + name.length;
  }
  return out;
}

/** A run of at least two names joined by 、 (or 和) starting at `at`. */
function nameRun(text: string, at: number, known: ReadonlySet<string>): { name: string; start: number }[] {
  const first = listNameAt(text, at, known);
  if (!first) return [];
  return [{ name: first, start: at }, ...continueList(text, at + first.length, known)];
}

/**
 * The known names, longest first, sorted once per set of names: an article's sentences ask
 * with the same set again and again. A cached order is used only when the set holds exactly
 * its names.
 */
const sortedNames = new WeakMap<ReadonlySet<string>, string[]>();

function longestFirst(known: ReadonlySet<string>): string[] {
  const cached = sortedNames.get(known);
  if (cached && cached.length === known.size && cached.every((name) => known.has(name))) return cached;
  const sorted = [...known].sort((a, b) => b.length - a.length);
  sortedNames.set(known, sorted);
  return sorted;
}

/** The mentions of a sentence, each name taking its characters: a later reading cannot overlap it. */
class Mentions {
  readonly found: OfficialMention[] = [];

  constructor(private readonly excluded: ReadonlySet<string>) {}

  add(name: string, start: number, posts: Post[], via: OfficialMention['via']): void {
    if (this.excluded.has(name)) return;
    const end = start + name.length;
    // A sentence names a few officials: testing each beats marking characters in a new array.
    for (const f of this.found) if (start < f.end && f.start < end) return;
    this.found.push({ name, start, end, posts, via });
  }
}

export function findOfficials(
  text: string,
  chains: ChainState,
  known: ReadonlySet<string>,
  excluded: ReadonlySet<string>,
): OfficialMention[] {
  const mentions = new Mentions(excluded);
  const found = mentions.found;
  const { chair } = lexicon().verbs;

  // Title chains, and names listed after them with the same title.
  for (const role of roleMatches(text)) {
    const name = nameAt(text, role.end, known);
    if (!name) continue;
    const posts = chains.chainEndingAt(text, role.end);
    mentions.add(name, role.end, posts, 'title');
    for (const next of continueList(text, role.end + name.length, known)) mentions.add(next.name, next.start, posts, 'title');
  }

  // Group titles: 区领导姜永柱、赵立明…  and  朱重烈、张健等市四套班子领导.
  const groupTitled = hasWord(text, lexicon().titles.groupTitles);
  if (groupTitled) for (const m of text.matchAll(groupTitle())) {
    for (const n of nameRun(text, m.index! + m[0].length, known)) mentions.add(n.name, n.start, NO_POSTS, 'group');
    if (text[m.index! - 1] === '等') {
      // Walk back over the list that ends before 等.
      const end = m.index! - 1;
      let start = end;
      while (start > 0 && /[\u4e00-\u9fff、]/.test(text[start - 1])) start--;
      const run = nameRun(text, start, known);
      if (run.length && run[run.length - 1].start + run[run.length - 1].name.length === end) {
        for (const n of run) mentions.add(n.name, n.start, NO_POSTS, 'group');
      }
    }
  }

  // Lists of names that attend, speak or chair: 黄莉新、陈金彪、王成出席; 葛慧君、黄建发和其他省领导出席.
  for (let at = 0; at < text.length; at++) {
    if (!startsAfter(text, at, BEFORE_LIST()) || !surnameLength(text, at)) continue;
    const run = nameRun(text, at, known);
    if (run.length < 2) continue;
    const last = run[run.length - 1];
    const after = text.slice(last.start + last.name.length).replace(/^(?:等|和其他[\u4e00-\u9fff]{1,6}?领导|等[\u4e00-\u9fff]{0,8}?领导|分别|在[^，。；]{1,20}?(?=出席|参加|收看))/, '');
    if (wordAt(after, 0, actVerbs()) || /^[等]/.test(after)) {
      for (const n of run) mentions.add(n.name, n.start, NO_POSTS, 'list');
    }
  }

  // 王浩同志; a clause opened by a name that chairs: 王浩主持.
  for (let at = text.indexOf('同志'); at >= 0; at = text.indexOf('同志', at + 2)) {
    for (const length of [2, 3, 4]) {
      const start = at - length;
      if (start >= 0 && nameAt(text, start, known) === text.slice(start, at)) {
        mentions.add(text.slice(start, at), start, NO_POSTS, 'comrade');
        break;
      }
    }
  }
  for (let at = 0; at < text.length; at++) {
    if (!startsAfter(text, at, BEFORE_CLAUSE())) continue;
    const name = nameAt(text, at, known);
    if (!name) continue;
    if (wordAt(text, at + name.length, chair)) mentions.add(name, at, NO_POSTS, 'chair');
    // 陈金彪部署…: only beside other officials, since 安排部署 reads the same way.
    else if (wordAt(text, at + name.length, CLAUSE_ACTS) && found.some((f) => f.name !== name)) mentions.add(name, at, NO_POSTS, 'chair');
  }

  // Names introduced earlier, wherever they stand again (longest first: 王成国 before 王成).
  for (const name of longestFirst(known)) {
    let from = 0;
    for (;;) {
      const at = text.indexOf(name, from);
      if (at < 0) break;
      from = at + 1;
      // Not inside a longer name: 王成 in 王成国 unless a following word ends it.
      const reading = /[\u4e00-\u9fff]/.test(text[at + name.length] ?? '') ? nameAt(text, at, known) : name;
      const nextIsName = reading !== null && reading !== name;
      if (!nextIsName) mentions.add(name, at, NO_POSTS, 'known');
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
