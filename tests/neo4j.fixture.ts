/**
 * Graphs for the Neo4j sink's tests, built with graphology and the schema's types.
 * `seedFactsGraph` holds facts the seed articles state (002: 全省建设平安浙江工作会议 of
 * 2022-04-02; 004: 钱塘区, 2023-06), as kg build is expected to write them.
 */
import { newGraph, type KgGraph } from '../src/graph/io.ts';
import { edgeKey, type Evidence, type NodeAttributes, type RelType } from '../src/graph/schema.ts';

const A002 = 'article:002_7085c0ac0f2e14a4';
const A003 = 'article:003_cc801a4120f8a8de';
const A004 = 'article:004_99dec979f43baf55';

function evidence(article: string, sentence: string, date: string | null, original = sentence, item = 0): Evidence {
  return { article, item, sentence, original, start: 0, end: sentence.length, date };
}

export function seedFactsGraph(): KgGraph {
  const graph = newGraph();
  const node = (attributes: NodeAttributes) => graph.addNode(attributes.key, attributes);
  const edge = (type: RelType, source: string, target: string, evidenceList: Evidence[] = []) => {
    const dates = evidenceList.map((e) => e.date).filter((d): d is string => d !== null).sort();
    graph.addEdgeWithKey(edgeKey(type, source, target), source, target, {
      key: edgeKey(type, source, target),
      type,
      evidence: evidenceList,
      firstDate: dates[0] ?? null,
      lastDate: dates.at(-1) ?? null,
    });
  };

  node({ key: A002, label: 'Article', name: '全省建设平安浙江工作会议召开', aliases: [], file: '002_7085c0ac0f2e14a4.txt', sha256: 'a'.repeat(64), published: '2022-04-03', script: 'simplified', title: '全省建设平安浙江工作会议召开' });
  node({ key: A003, label: 'Article', name: '浙江省新春第一会', aliases: [], file: '003_cc801a4120f8a8de.txt', sha256: 'b'.repeat(64), published: null, script: 'traditional', title: '浙江省新春第一会' });
  node({ key: A004, label: 'Article', name: '金承涛主持召开区委常委会会议', aliases: [], file: '004_99dec979f43baf55.txt', sha256: 'c'.repeat(64), published: '2023-06-26', script: 'simplified', title: '金承涛主持召开区委常委会会议' });

  node({ key: 'city:330000', label: 'City', name: '浙江省', aliases: ['浙江'], code: '330000', level: 'province', parent: null });
  node({ key: 'city:330100', label: 'City', name: '杭州市', aliases: ['杭州'], code: '330100', level: 'prefecture', parent: 'city:330000' });
  node({ key: 'city:330109', label: 'City', name: '萧山区', aliases: ['蕭山區', '萧山'], code: '330109', level: 'county', parent: 'city:330100' });
  node({ key: 'city:330114', label: 'City', name: '钱塘区', aliases: ['钱塘'], code: '330114', level: 'county', parent: 'city:330100' });
  node({ key: 'city:331100', label: 'City', name: '丽水市', aliases: [], code: '331100', level: 'prefecture', parent: 'city:330000' });
  edge('PART_OF', 'city:330100', 'city:330000');
  edge('PART_OF', 'city:330109', 'city:330100');
  edge('PART_OF', 'city:330114', 'city:330100');
  edge('PART_OF', 'city:331100', 'city:330000');

  for (const [key, name, aliases] of [
    ['official:王浩', '王浩', []],
    ['official:袁家军', '袁家军', ['袁家軍']],
    ['official:刘捷', '刘捷', ['劉捷']],
    ['official:王敏', '王敏', []],
    ['official:姜永柱', '姜永柱', []],
    ['official:金承涛', '金承涛', ['金承濤']],
    ['official:包莹莹', '包莹莹', []],
    ['official:沈燕俊', '沈燕俊', []],
  ] as const) {
    node({ key, label: 'Official', name, aliases: [...aliases] });
  }

  for (const [key, name, city] of [
    ['post:浙江省委书记', '浙江省委书记', 'city:330000'],
    ['post:浙江省长', '浙江省长', 'city:330000'],
    ['post:杭州市委书记', '杭州市委书记', 'city:330100'],
    ['post:萧山区委书记', '萧山区委书记', 'city:330109'],
    ['post:萧山区长', '萧山区长', 'city:330109'],
    ['post:钱塘区委书记', '钱塘区委书记', 'city:330114'],
  ] as const) {
    node({ key, label: 'Post', name, aliases: [], city });
    edge('POST_IN', key, city);
  }

  const s002 = (sentence: string) => evidence(A002, sentence, '2022-04-02');
  const s004 = (sentence: string, date: string) => evidence(A004, sentence, date);
  edge('HOLDS', 'official:袁家军', 'post:浙江省委书记', [s002('省委书记袁家军出席并讲话。')]);
  edge('HOLDS', 'official:王浩', 'post:浙江省长', [s002('省长王浩主持会议。'), evidence(A003, '省长王浩出席。', '2026-02-24', '省長王浩出席。')]);
  edge('HOLDS', 'official:刘捷', 'post:杭州市委书记', [s002('省委常委、杭州市委书记刘捷参加。'), s004('省委常委、杭州市委书记刘捷批示。', '2023-06-25')]);
  edge('HOLDS', 'official:王敏', 'post:萧山区委书记', [s002('杭州市委常委、萧山区委书记王敏参加。')]);
  edge('HOLDS', 'official:姜永柱', 'post:萧山区长', [evidence(A002, '区长姜永柱检查卡口。', '2022-04-04')]);
  edge('HOLDS', 'official:金承涛', 'post:钱塘区委书记', [s004('区委书记金承涛主持会议。', '2023-06-25')]);

  node({ key: 'meeting:全省建设平安浙江工作会议', label: 'Meeting', name: '全省建设平安浙江工作会议', aliases: [], date: '2022-04-02', city: 'city:330100' });
  node({ key: 'meeting:全市疫情防控工作视频调度会', label: 'Meeting', name: '全市疫情防控工作视频调度会', aliases: [], date: '2022-04-02', city: 'city:330100' });
  node({ key: 'meeting:区委常委会会议', label: 'Meeting', name: '区委常委会会议', aliases: [], date: '2023-06-25', city: 'city:330114' });
  node({ key: 'meeting:浙江省新春第一会', label: 'Meeting', name: '浙江省新春第一会', aliases: [], date: '2026-02-24', city: null });
  edge('HELD_IN', 'meeting:全省建设平安浙江工作会议', 'city:330100', [s002('全省建设平安浙江工作会议在杭州召开。')]);
  edge('HELD_IN', 'meeting:全市疫情防控工作视频调度会', 'city:330100');
  edge('HELD_IN', 'meeting:区委常委会会议', 'city:330114');

  edge('CHAIRED', 'official:王浩', 'meeting:全省建设平安浙江工作会议', [s002('省长王浩主持会议。')]);
  edge('CHAIRED', 'official:金承涛', 'meeting:区委常委会会议', [s004('区委书记金承涛主持会议。', '2023-06-25')]);
  for (const who of ['王浩', '袁家军', '王敏', '姜永柱']) {
    edge('ATTENDED', `official:${who}`, 'meeting:全省建设平安浙江工作会议', [s002(`${who}出席全省建设平安浙江工作会议。`)]);
  }
  for (const who of ['刘捷', '王敏']) {
    edge('ATTENDED', `official:${who}`, 'meeting:全市疫情防控工作视频调度会', [s002(`${who}参加全市疫情防控工作视频调度会。`)]);
  }
  edge('ATTENDED', 'official:金承涛', 'meeting:区委常委会会议', [s004('金承涛主持会议并讲话。', '2023-06-25')]);
  edge('ATTENDED', 'official:王浩', 'meeting:浙江省新春第一会', [evidence(A003, '王浩出席浙江省新春第一会。', '2026-02-24', '王浩出席浙江省新春第一會。')]);

  node({ key: 'site:杭州龙山化工有限公司', label: 'Site', name: '杭州龙山化工有限公司', aliases: [], city: 'city:330114' });
  node({ key: 'site:萧山国际机场主线卡口', label: 'Site', name: '萧山国际机场主线卡口', aliases: [], city: 'city:330109' });
  edge('LOCATED_IN', 'site:杭州龙山化工有限公司', 'city:330114');
  edge('LOCATED_IN', 'site:萧山国际机场主线卡口', 'city:330109');
  edge('INSPECTED', 'official:金承涛', 'site:杭州龙山化工有限公司', [s004('金承涛走进杭州龙山化工有限公司检查安全生产。', '2023-06-21')]);
  edge('INSPECTED', 'official:包莹莹', 'site:杭州龙山化工有限公司', [s004('包莹莹参加检查。', '2023-06-21')]);
  edge('INSPECTED', 'official:姜永柱', 'site:萧山国际机场主线卡口', [evidence(A002, '姜永柱检查萧山国际机场主线卡口。', '2022-04-04')]);
  edge('INSPECTED', 'official:姜永柱', 'city:331100', [evidence(A002, '姜永柱赴丽水市调研。', '2022-04-03')]);

  node({ key: 'campaign:除险保安', label: 'Campaign', name: '除险保安', aliases: [] });
  node({ key: 'campaign:枫桥经验', label: 'Campaign', name: '枫桥经验', aliases: ['楓橋經驗'] });
  node({ key: 'campaign:八八战略', label: 'Campaign', name: '八八战略', aliases: ['八八戰略'] });
  edge('PROMOTED', 'official:王浩', 'campaign:除险保安', [s002('王浩强调，要深入推进“除险保安”。')]);
  edge('PROMOTED', 'official:袁家军', 'campaign:枫桥经验', [s002('袁家军强调，坚持和发展新时代“枫桥经验”。')]);
  edge('PROMOTED', 'official:金承涛', 'campaign:八八战略', [s004('金承涛强调，忠实践行“八八战略”。', '2023-06-25')]);
  edge('PROMOTED', 'official:金承涛', 'campaign:枫桥经验', [s004('金承涛要求，深化新时代“枫桥经验”。', '2023-06-25')]);

  const mentions: Record<string, string[]> = {
    [A002]: ['official:王浩', 'official:袁家军', 'official:刘捷', 'official:王敏', 'official:姜永柱', 'city:330100', 'city:330109', 'city:331100', 'meeting:全省建设平安浙江工作会议', 'meeting:全市疫情防控工作视频调度会', 'campaign:除险保安', 'campaign:枫桥经验', 'site:萧山国际机场主线卡口', 'post:浙江省委书记', 'post:浙江省长', 'post:杭州市委书记'],
    [A003]: ['official:王浩', 'meeting:浙江省新春第一会', 'city:330000'],
    [A004]: ['official:金承涛', 'official:包莹莹', 'official:沈燕俊', 'official:刘捷', 'city:330114', 'city:330000', 'meeting:区委常委会会议', 'campaign:八八战略', 'campaign:枫桥经验', 'site:杭州龙山化工有限公司', 'post:钱塘区委书记', 'post:杭州市委书记'],
  };
  for (const [article, targets] of Object.entries(mentions)) {
    for (const target of targets) edge('MENTIONS', article, target);
  }
  return graph;
}

/** A graph of `n` officials attending `n / 10` meetings: enough batches to stop a load midway. */
export function manyOfficialsGraph(n: number): KgGraph {
  const graph = newGraph();
  const meetings = Math.max(1, Math.floor(n / 10));
  for (let m = 0; m < meetings; m++) {
    graph.addNode(`meeting:m${m}`, { key: `meeting:m${m}`, label: 'Meeting', name: `会议${m}`, aliases: [], date: '2024-01-01', city: null });
  }
  for (let i = 0; i < n; i++) {
    const key = `official:o${i}`;
    graph.addNode(key, { key, label: 'Official', name: `官员${i}`, aliases: [`別名${i}`] });
    const meeting = `meeting:m${i % meetings}`;
    const k = edgeKey('ATTENDED', key, meeting);
    graph.addEdgeWithKey(k, key, meeting, {
      key: k,
      type: 'ATTENDED',
      evidence: [evidence('article:x', `官员${i}出席会议${i % meetings}。`, '2024-01-01')],
      firstDate: '2024-01-01',
      lastDate: '2024-01-01',
    });
  }
  return graph;
}
