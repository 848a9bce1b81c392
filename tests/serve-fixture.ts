/**
 * A small graph that follows src/graph/schema.ts, built with graphology, for the server and
 * viewer tests: Zhejiang officials, posts, cities with PART_OF, meetings with evidence.
 * `hostile: true` puts HTML/script payloads in names and sentences (the XSS checks).
 */
import { newGraph, writeGraph, type KgGraph } from '../src/graph/io.ts';
import { edgeKey, type Evidence, type NodeAttributes, type RelType } from '../src/graph/schema.ts';

export const XSS_SCRIPT = '<script>window.__xss = 1; alert(1)</script>';
export const XSS_IMG = '<img src=x onerror="window.__xss = 2">';

export function fixtureGraph({ hostile = false } = {}): KgGraph {
  const graph = newGraph();
  const add = (attrs: NodeAttributes) => graph.addNode(attrs.key, attrs);
  const article = (key: string, title: string, published: string, script: 'simplified' | 'traditional' = 'simplified') =>
    add({ key, label: 'Article', name: title, aliases: [], file: `${key}.txt`, sha256: '0'.repeat(64), published, script, title });
  const city = (key: string, name: string, level: 'province' | 'prefecture' | 'county', parent: string | null, code: string) =>
    add({ key, label: 'City', name, aliases: [], code, level, parent });
  const official = (key: string, name: string, aliases: string[] = []) => add({ key, label: 'Official', name, aliases });

  article('article:002', '全省建设平安浙江工作会议召开', '2022-04-03');
  article('article:001', '袁家軍在麗水調研', '2021-06-10', 'traditional');
  article('article:000', hostile ? `新春将至${XSS_SCRIPT}` : '新春将至,浙江多地党政一把手在忙这三件事', '2026-02-10');

  city('city:330000', '浙江省', 'province', null, '330000');
  city('city:330100', '杭州市', 'prefecture', 'city:330000', '330100');
  city('city:330109', '萧山区', 'county', 'city:330100', '330109');
  city('city:331100', '丽水市', 'prefecture', 'city:330000', '331100');
  city('city:330726', '浦江县', 'county', null, '330726');

  official('official:袁家军', '袁家军', ['袁家軍']);
  official('official:王浩', '王浩');
  official('official:黄莉新', '黄莉新');
  official('official:姜永柱', '姜永柱');
  official('official:王昌荣', '王昌荣');
  if (hostile) official('official:xss', `${XSS_SCRIPT}张三`, [XSS_IMG]);

  add({ key: 'post:浙江省委书记', label: 'Post', name: '浙江省委书记', aliases: [], city: 'city:330000' });
  add({ key: 'post:浙江省长', label: 'Post', name: '浙江省长', aliases: ['浙江省省长'], city: 'city:330000' });
  add({ key: 'post:萧山区委书记', label: 'Post', name: '萧山区委书记', aliases: [], city: 'city:330109' });
  add({ key: 'meeting:平安浙江', label: 'Meeting', name: '全省建设平安浙江工作会议', aliases: [], date: '2022-04-02', city: 'city:330100' });
  add({ key: 'meeting:丽水座谈会', label: 'Meeting', name: '丽水市座谈会', aliases: ['麗水市座談會'], date: '2021-06-09', city: 'city:331100' });
  add({ key: 'meeting:安全生产', label: 'Meeting', name: '春节前安全生产工作会议', aliases: [], date: '2026-02-08', city: 'city:330109' });
  add({ key: 'campaign:枫桥经验', label: 'Campaign', name: '枫桥经验', aliases: ['楓橋經驗'] });
  add({ key: 'campaign:除险保安', label: 'Campaign', name: '除险保安', aliases: [] });
  add({ key: 'site:萧山机场卡口', label: 'Site', name: '萧山国际机场主线卡口', aliases: [], city: 'city:330109' });

  const ev = (article: string, sentence: string, date: string | null, original = sentence): Evidence => ({
    article, item: 0, sentence, original, start: 0, end: sentence.length, date,
  });
  const link = (type: RelType, source: string, target: string, evidence: Evidence[] = []) => {
    const dates = evidence.map((e) => e.date).filter((d): d is string => Boolean(d)).sort();
    graph.addEdgeWithKey(edgeKey(type, source, target), source, target, {
      key: edgeKey(type, source, target), type, evidence, firstDate: dates[0] ?? null, lastDate: dates[dates.length - 1] ?? null,
    });
  };

  link('PART_OF', 'city:330100', 'city:330000');
  link('PART_OF', 'city:330109', 'city:330100');
  link('PART_OF', 'city:331100', 'city:330000');
  link('POST_IN', 'post:浙江省委书记', 'city:330000');
  link('POST_IN', 'post:浙江省长', 'city:330000');
  link('POST_IN', 'post:萧山区委书记', 'city:330109');
  link('HELD_IN', 'meeting:平安浙江', 'city:330100');
  link('HELD_IN', 'meeting:丽水座谈会', 'city:331100');
  link('HELD_IN', 'meeting:安全生产', 'city:330109');
  link('LOCATED_IN', 'site:萧山机场卡口', 'city:330109');

  const meetingSentence = '4月2日,全省建设平安浙江工作会议在杭州召开。省委书记袁家军出席会议并讲话,省长王浩主持会议,黄莉新出席。';
  link('HOLDS', 'official:袁家军', 'post:浙江省委书记', [ev('article:002', meetingSentence, '2022-04-02'), ev('article:001', '浙江省委书记袁家军在丽水调研。', '2021-06-09', '浙江省委書記袁家軍在麗水調研。')]);
  link('HOLDS', 'official:王浩', 'post:浙江省长', [ev('article:002', meetingSentence, '2022-04-02')]);
  link('ATTENDED', 'official:袁家军', 'meeting:平安浙江', [ev('article:002', meetingSentence, '2022-04-02')]);
  link('CHAIRED', 'official:王浩', 'meeting:平安浙江', [ev('article:002', meetingSentence, '2022-04-02')]);
  link('ATTENDED', 'official:王浩', 'meeting:平安浙江', [ev('article:002', meetingSentence, '2022-04-02')]);
  link('ATTENDED', 'official:黄莉新', 'meeting:平安浙江', [ev('article:002', meetingSentence, '2022-04-02')]);
  link('CHAIRED', 'official:袁家军', 'meeting:丽水座谈会', [ev('article:001', '9日下午,袁家军在丽水主持召开座谈会。', '2021-06-09', '9日下午,袁家軍在麗水主持召開座談會。')]);
  link('INSPECTED', 'official:袁家军', 'city:331100', [ev('article:001', '袁家军在丽水市调研。', '2021-06-09', '袁家軍在麗水市調研。')]);
  link('PROMOTED', 'official:袁家军', 'campaign:枫桥经验', [ev('article:002', '袁家军强调,要坚持和发展新时代“枫桥经验”。', '2022-04-02')]);
  link('PROMOTED', 'official:王浩', 'campaign:除险保安', [ev('article:002', '王浩要求扎实推进“除险保安”。', '2022-04-02')]);
  link('INSPECTED', 'official:姜永柱', 'site:萧山机场卡口', [ev('article:000', '姜永柱来到萧山国际机场主线卡口检查安全生产工作。', '2026-02-08')]);
  link('HOLDS', 'official:姜永柱', 'post:萧山区委书记', [ev('article:000', '萧山区委书记姜永柱来到萧山国际机场主线卡口。', '2026-02-08')]);
  link('CHAIRED', 'official:姜永柱', 'meeting:安全生产', [ev('article:000', '8日,姜永柱主持召开春节前安全生产工作会议。', '2026-02-08')]);
  link('ATTENDED', 'official:王昌荣', 'meeting:安全生产', [ev('article:000', '王昌荣参加会议。', '2026-02-08')]);

  for (const target of ['official:袁家军', 'official:王浩', 'official:黄莉新', 'meeting:平安浙江', 'campaign:枫桥经验', 'city:330100']) {
    link('MENTIONS', 'article:002', target);
  }
  if (hostile) {
    link('ATTENDED', 'official:xss', 'meeting:平安浙江', [ev('article:000', `张三说${XSS_IMG}${XSS_SCRIPT}`, '2022-04-02')]);
  }
  return graph;
}

export function writeFixture(path: string, options: { hostile?: boolean } = {}): void {
  writeGraph(fixtureGraph(options), path);
}
