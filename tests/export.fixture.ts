/**
 * A small graph in the shape of schema.ts for the export tests: Zhejiang places three levels
 * deep, officials with Traditional aliases, meetings in two periods, a campaign, a site and
 * two articles, with evidence on every fact.
 */
import fc from 'fast-check';
import { newGraph } from '../src/graph/io.ts';
import type { KgGraph } from '../src/graph/io.ts';
import { edgeKey } from '../src/graph/schema.ts';
import type { Evidence, NodeAttributes, RelType } from '../src/graph/schema.ts';

export const A1 = 'Article:002';
export const A2 = 'Article:001';

export function evidence(article: string, sentence: string, date: string | null, item = 0): Evidence {
  return { article, item, sentence, original: sentence, start: 0, end: sentence.length, date };
}

export function addNode(graph: KgGraph, attrs: NodeAttributes): string {
  graph.addNode(attrs.key, attrs);
  return attrs.key;
}

export function addEdge(graph: KgGraph, type: RelType, source: string, target: string, ev: Evidence[] = []): string {
  const key = edgeKey(type, source, target);
  const dates = ev.map((e) => e.date).filter((d): d is string => d !== null).sort();
  graph.addEdgeWithKey(key, source, target, { key, type, evidence: ev, firstDate: dates[0] ?? null, lastDate: dates.at(-1) ?? null });
  return key;
}

export function fixtureGraph(): KgGraph {
  const g = newGraph();
  g.replaceAttributes({ schema: 1, builtAt: '2024-01-01T00:00:00.000Z' });
  const city = (key: string, name: string, level: 'province' | 'prefecture' | 'county', parent: string | null, aliases: string[] = []) =>
    addNode(g, { key, label: 'City', name, aliases, code: null, level, parent });
  const zj = city('City:330000', '浙江省', 'province', null, ['浙江']);
  const hz = city('City:330100', '杭州市', 'prefecture', zj);
  const xs = city('City:330109', '萧山区', 'county', hz, ['蕭山區']);
  const ls = city('City:331100', '丽水市', 'prefecture', zj, ['麗水市']);
  for (const [child, parent] of [[hz, zj], [xs, hz], [ls, zj]]) addEdge(g, 'PART_OF', child, parent);

  const official = (name: string, aliases: string[] = []) => addNode(g, { key: `Official:${name}`, label: 'Official', name, aliases });
  const yuan = official('袁家军', ['袁家軍']);
  const wang = official('王浩');
  const huang = official('黄莉新', ['黃莉新']);
  const jiang = official('姜永柱');

  const a1 = addNode(g, { key: A1, label: 'Article', name: '全省建设平安浙江工作会议召开', aliases: [], file: '002.txt', sha256: 'a'.repeat(64), published: '2022-04-03', script: 'simplified', title: '全省建设平安浙江工作会议召开' });
  const a2 = addNode(g, { key: A2, label: 'Article', name: '縣委書記工作交流會', aliases: [], file: '001.txt', sha256: 'b'.repeat(64), published: '2022-01-06', script: 'traditional', title: '縣委書記工作交流會' });

  const post = addNode(g, { key: 'Post:浙江省委书记', label: 'Post', name: '浙江省委书记', aliases: [], city: zj });
  addEdge(g, 'POST_IN', post, zj);
  const safe = addNode(g, { key: 'Meeting:平安浙江', label: 'Meeting', name: '全省建设平安浙江工作会议', aliases: [], date: '2022-04-02', city: hz });
  const exchange = addNode(g, { key: 'Meeting:交流会', label: 'Meeting', name: '县(市、区)委书记工作交流会暨疫情防控工作部署会', aliases: ['縣(市、區)委書記工作交流會'], date: '2022-01-05', city: null });
  const xsMeeting = addNode(g, { key: 'Meeting:萧山例会', label: 'Meeting', name: '区疫情防控指挥部工作例会', aliases: [], date: '2022-04-01', city: xs });
  const campaign = addNode(g, { key: 'Campaign:枫桥经验', label: 'Campaign', name: '枫桥经验', aliases: [] });
  const site = addNode(g, { key: 'Site:萧山国际机场主线卡口', label: 'Site', name: '萧山国际机场主线卡口', aliases: [], city: xs });

  addEdge(g, 'HELD_IN', safe, hz, [evidence(a1, '全省建设平安浙江工作会议2日在杭州召开。', '2022-04-02')]);
  addEdge(g, 'HELD_IN', xsMeeting, xs);
  addEdge(g, 'LOCATED_IN', site, xs);
  addEdge(g, 'HOLDS', yuan, post, [
    evidence(a1, '省委书记袁家军出席会议并讲话。', '2022-04-02'),
    evidence(a2, '省委書記袁家軍出席會議。', '2022-01-05'),
  ]);
  addEdge(g, 'ATTENDED', yuan, safe, [evidence(a1, '省委书记袁家军出席会议并讲话。', '2022-04-02')]);
  addEdge(g, 'ATTENDED', yuan, exchange, [evidence(a2, '省委書記袁家軍出席會議。', '2022-01-05')]);
  addEdge(g, 'CHAIRED', wang, safe, [evidence(a1, '省长王浩主持会议。', '2022-04-02')]);
  addEdge(g, 'ATTENDED', huang, safe, [evidence(a1, '黄莉新出席会议。', '2022-04-02')]);
  addEdge(g, 'PROMOTED', yuan, campaign, [evidence(a1, '要坚持和发展新时代"枫桥经验"。', '2022-04-02')]);
  addEdge(g, 'INSPECTED', jiang, site, [evidence(a1, '姜永柱检查萧山国际机场主线卡口。', '2022-04-01', 2)]);
  addEdge(g, 'ATTENDED', jiang, xsMeeting, [evidence(a1, '姜永柱参加区疫情防控指挥部工作例会。', null, 2)]);
  for (const target of [yuan, wang, huang, jiang, safe, campaign, site, hz, xs]) addEdge(g, 'MENTIONS', a1, target);
  for (const target of [yuan, exchange, ls]) addEdge(g, 'MENTIONS', a2, target);
  return g;
}

/** Text that breaks naive writers: quotes, escapes, separators, markup, line breaks, emoji, CJK. */
export const TRICKY = ["'", '"', '\\', '\n', '\r\n', '\t', ',', ';', '<', '&', '>', '&amp;', '&lt;', ']]>', '--', '//', '`', '😀', '袁家軍', '浙江省', ' ', '|', '{', '}', '$x', '\\n', '\\"', '""', '\\\\'];
export const trickyText = (minLength = 1) =>
  fc
    .array(fc.oneof(fc.constantFrom(...TRICKY), fc.string({ unit: 'grapheme', maxLength: 4 })), { minLength, maxLength: 8 })
    .map((parts) => parts.join(''))
    .filter((s) => s.length >= minLength);

/**
 * A small graph whose names, aliases, keys and evidence are all tricky text. Node fields are
 * never empty strings (GEXF cannot tell "" from a missing value; docs/export.md says so);
 * evidence sentences can be.
 */
export const trickyGraph = fc
  .record({
    names: fc.uniqueArray(trickyText(), { minLength: 2, maxLength: 4 }),
    aliases: fc.array(trickyText().filter((s) => !s.includes(';')), { maxLength: 3 }),
    sentences: fc.array(trickyText(0), { minLength: 1, maxLength: 3 }),
    meeting: trickyText(),
    title: trickyText(),
  })
  .map(({ names, aliases, sentences, meeting, title }) => {
    const g = newGraph();
    const article = addNode(g, { key: `Article:${names[0]}`, label: 'Article', name: names[0], aliases: [], file: `${names[0]}.txt`, sha256: '0'.repeat(64), published: null, script: 'traditional', title });
    const meetingKey = addNode(g, { key: `Meeting:${meeting}`, label: 'Meeting', name: meeting, aliases, date: '2022-04-02', city: null });
    for (const name of names.slice(1)) {
      const official = addNode(g, { key: `Official:${name}`, label: 'Official', name, aliases });
      addEdge(g, 'ATTENDED', official, meetingKey, sentences.map((s, i) => evidence(article, s, i ? '2022-04-02' : null, i)));
      addEdge(g, 'MENTIONS', article, official);
    }
    return g;
  });

/** The fixture graph plus nodes and evidence made of every tricky piece of text, an empty title and empty lists. */
export function trickyFixtureGraph(): KgGraph {
  const g = fixtureGraph();
  const all = TRICKY.join('');
  const article = addNode(g, { key: `Article:${all}`, label: 'Article', name: all, aliases: [], file: 'x.txt', sha256: 'c'.repeat(64), published: null, script: 'simplified', title: '' });
  const official = addNode(g, { key: `Official:${all}`, label: 'Official', name: all, aliases: TRICKY.filter((t) => !t.includes(';')), });
  const meeting = addNode(g, { key: 'Meeting:tricky', label: 'Meeting', name: `"${all}"`, aliases: [], date: null, city: null });
  addEdge(g, 'ATTENDED', official, meeting, TRICKY.map((t, i) => evidence(article, t, i % 2 ? '2022-04-02' : null, i)));
  addEdge(g, 'MENTIONS', article, official, [evidence(article, '', null)]);
  return g;
}
