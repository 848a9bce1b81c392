/**
 * A synthetic corpus in the style of official Chinese news, for benchmarks (not tests of
 * extraction quality): `npm run bench:generate -- --articles 1000 --seed 1 --out bench/corpus/1k`.
 *
 * Deterministic: the same seed and size give byte-identical files. Articles are ~2 KB of
 * UTF-8 (meetings, inspections, standing-committee sessions) with 本报讯 datelines, title
 * chains, attendance lists, relative dates (5日下午) and quoted campaigns. About one in nine
 * is in Traditional script (OpenCC), half of those with pinyin ruby (區(qū)); one in ten of
 * the rest has OCR spaces inside words. Officials hold posts in real divisions of the
 * gazetteer and change every few years; meetings, sites and campaigns come from pools large
 * enough that the graph keeps growing with the corpus.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import * as OpenCC from 'opencc-js';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { allDivisions, parentChain, type Division } from '../src/extract/gazetteer.ts';

export interface GenerateOptions {
  articles: number;
  seed: number;
  out: string;
}

export interface GeneratedCorpus {
  files: number;
  bytes: number;
}

/** Articles per day: a provincial paper's political pages. Sets the span of dates, so officials change. */
const ARTICLES_PER_DAY = 14;
/** How long one person holds a post, in days. */
const TERM_DAYS = 3 * 365;

// ---------------------------------------------------------------- randomness

type Rng = ReturnType<typeof xoroshiro128plus>;

class Draw {
  constructor(readonly rng: Rng) {}
  static of(...parts: (string | number)[]): Draw {
    return new Draw(xoroshiro128plus(createHash('sha1').update(parts.join('|')).digest().readInt32BE(0)));
  }
  int(from: number, to: number): number {
    return uniformInt(this.rng, from, to);
  }
  chance(p: number): boolean {
    return this.int(0, 9999) < p * 10000;
  }
  pick<T>(list: readonly T[]): T {
    return list[this.int(0, list.length - 1)];
  }
  /** Skewed towards the head of the list, as news is towards a few people and places. */
  pickSkewed<T>(list: readonly T[], power = 2): T {
    const u = this.int(0, 999_999) / 1_000_000;
    return list[Math.floor(list.length * Math.pow(u, power))];
  }
  some<T>(list: readonly T[], n: number): T[] {
    const pool = [...list];
    const out: T[] = [];
    while (out.length < n && pool.length) out.push(pool.splice(this.int(0, pool.length - 1), 1)[0]);
    return out;
  }
}

// ---------------------------------------------------------------- pools

const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔汤温康施牛樊葛邢齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申耿焦俞柳甘祝包宁尚舒阮柯纪梅童凌毕季裴霍涂苗谷盛翁冉骆蓝游辛靳管柴鲍喻祁蒲房滕屈饶艾尤穆卓'];
/** Given-name characters that are neither title, verb nor particle characters of official prose. */
const GIVEN = [...'伟刚勇毅俊峰军平保东文辉力明永健世广志义兴良海山仁波贵福生龙元全国胜学祥才发武新利清飞彬富顺信杰涛昌成康星光天达安岩中茂进林坚彪博诚敬震振壮思群豪邦承乐绍功松善厚庆磊民友裕河哲超浩亮政谦奇翰朗伯宏鸣朋斌栋维启克伦翔旭鹏泽晨辰建家树炎德泰盛秀娟英华慧巧美娜静淑惠珠翠雅芝玉萍红娥玲芬芳燕彩春菊兰凤洁梅琳素云莲真雪荣爱霞香月媛艳瑞佳嘉琼勤珍莉桂璐琦晶妍秋珊锦青倩婷婉瑾颖露瑶怡雁蓓荷丹蓉君琴蕊薇菁岚馨韵融艺卿聪澜纯毓悦昭冰爽羽希欣育滢筠竹凝晓欢霄枫芸菲宜舒阳宝程恒鸿桦剑宽灵琪晴睿烁唯威雯萱彦宇雨洋忠宗紫逸贤'];
const REPORTER_WORDS = ['记者', '通讯员'];
const PAPERS = ['日报', '新闻网', '发布', '融媒体中心'];

const TOPICS = ['安全生产', '乡村振兴', '数字经济', '营商环境优化提升', '生态环境保护', '共同富裕示范区建设', '防汛防台', '招商引资', '重大项目建设', '民营经济高质量发展', '党风廉政建设', '基层治理', '科技创新', '城乡风貌整治提升', '信访维稳', '平安建设', '文化旅游融合发展', '教育强市建设', '医疗卫生体制改革', '粮食安全', '耕地保护', '农村人居环境整治', '制造业高质量发展', '开放型经济', '人才工作', '国资国企改革', '养老服务', '城市更新', '河湖长制', '森林防火', '食品安全', '就业创业', '消防安全', '疫情防控', '统计工作', '审计整改', '民族团结进步', '对口支援', '海洋经济', '新型城镇化'];
const MEETING_KINDS = ['工作会议', '推进会', '工作推进会', '现场推进会', '部署会', '动员部署会', '座谈会', '专题会议', '工作例会', '领导小组会议', '调度会', '誓师大会', '总结表彰大会'];
const SITE_WORDS = [...'东方新华恒通金桥星青山绿源瑞丰海宏达永安泰和鑫隆天宇博远顺昌嘉禾景明启航卓越锦程盛世长江碧水'];
const SITE_KINDS = ['科技有限公司', '制造有限公司', '集团', '产业园', '村', '社区', '水库', '污水处理厂', '农贸市场', '物流中心', '便民服务中心', '学校', '人民医院', '养老服务中心', '智能制造基地', '现代农业园区', '城市更新项目', '安置房工地', '高速卡口', '码头', '文化礼堂'];
const DEPARTMENTS = ['发改委', '经信局', '财政局', '自然资源和规划局', '生态环境局', '住建局', '交通运输局', '农业农村局', '商务局', '应急管理局', '市场监管局', '卫健委', '教育局', '公安局', '水利局', '文广旅体局'];
const KNOWN_CAMPAIGNS = ['“八八战略”', '“千万工程”', '“五水共治”', '“最多跑一次”改革', '“三服务”活动', '“两个确立”', '“两个维护”', '“四下基层”'];
const NUMERALS = [...'一二三四五六七八九十百千万双'];
const CAMPAIGN_WORDS = ['争先', '提质', '攻坚', '赋能', '护航', '共富', '清源', '强基', '育才', '兴业', '聚力', '先锋', '蓝天', '净土', '清廉', '暖心', '亲清', '匠心', '筑巢', '振兴'];
const CAMPAIGN_SUFFIXES = ['行动', '工程', '攻坚战', '专项行动', '活动', '计划'];

const FILLER = [
  '要坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，以更大力度推动{topic}取得新突破',
  '要进一步增强紧迫感和责任感，把握形势、抓住机遇、担当作为，抓紧干、向前冲、全力拼',
  '要深入践行{campaign}，把学习成果转化为推动{topic}的实际成效',
  '要坚持问题导向，聚焦短板弱项，拿出务实管用的举措，确保各项任务落地见效',
  '要压紧压实各方责任，健全完善工作机制，形成上下联动、齐抓共管的工作格局',
  '要紧盯年度目标任务，倒排工期、挂图作战，以钉钉子精神抓好落实',
  '要牢固树立以人民为中心的发展思想，切实解决群众急难愁盼问题',
  '要统筹发展和安全，守牢安全底线，坚决防范化解重大风险',
  '要大力弘扬“店小二”精神，持续优化服务，为企业发展营造良好环境',
  '要加强统筹协调，强化要素保障，推动重大项目早开工、早建成、早见效',
  '要以{campaign}为抓手，推动{topic}走深走实、见行见效',
  '要加强干部队伍建设，激励广大党员干部担当作为、干事创业',
  '要坚持系统观念，加强前瞻性思考、全局性谋划、整体性推进',
  '要把{topic}放在全局中来谋划，切实扛起责任、主动担当作为',
  '要强化数字赋能，推进改革创新，不断提升治理体系和治理能力现代化水平',
  '今年以来，各地各部门认真贯彻落实决策部署，{topic}取得了积极成效，但也还存在一些问题和不足',
  '要在全面总结中提振精气神，在剖析问题中保持紧迫感，奋力推动经济社会高质量发展',
  '要始终保持严的基调，一体推进不敢腐、不能腐、不想腐，营造风清气正的政治生态',
];

const FACTS = [
  '今年1-{month}月，全{level}完成固定资产投资{n}亿元，同比增长{p}%，其中重大项目完成投资{m}亿元',
  '据了解，全{level}已累计排查整治各类隐患{n}处，整改完成率达{p}%',
  '截至目前，全{level}共谋划实施重点项目{n}个，总投资{m}亿元',
  '今年以来，全{level}新增市场主体{n}户，规上工业增加值同比增长{p}%',
  '全{level}已建成便民服务点{n}个，惠及群众{m}万人',
];

// ---------------------------------------------------------------- places and people

interface Prefecture {
  division: Division;
  province: Division;
  counties: Division[];
  /** The province's first city stands for its capital: its secretary sits on the provincial standing committee. */
  capital: boolean;
}

/** Regular provinces (省), their prefecture-level cities (市) and those cities' counties. */
function prefectures(): Prefecture[] {
  const divisions = allDivisions().filter((d) => !d.former && !d.functional);
  const counties = new Map<string, Division[]>();
  for (const d of divisions) {
    if (d.level !== 'county' || !/^[\u4e00-\u9fff]{1,4}[区县市]$/.test(d.name) || !d.parentCode) continue;
    counties.set(d.parentCode, [...(counties.get(d.parentCode) ?? []), d]);
  }
  const out: Prefecture[] = [];
  const firstOfProvince = new Set<string>();
  for (const d of divisions) {
    if (d.level !== 'prefecture' || !/^[\u4e00-\u9fff]{2,4}市$/.test(d.name)) continue;
    const province = parentChain(d).at(-1);
    if (!province || province === d || !province.name.endsWith('省') || !counties.get(d.code)?.length) continue;
    out.push({ division: d, province, counties: counties.get(d.code)!, capital: !firstOfProvince.has(province.code) });
    firstOfProvince.add(province.code);
  }
  return out;
}

/** Head of government by the division's suffix: 市长, 县长, 区长. */
const headOf = (d: Division) => `${d.name.slice(-1)}长`;

type Role = 'secretary' | 'head' | 'executive' | 'deputy1' | 'deputy2' | 'deputy3' | 'secretaryGeneral' | 'congress' | 'cppcc';

/** A post in the title-chain style: 湖州市委副书记、市长. */
function titleChain(d: Division, role: Role, capital: boolean): string {
  const n = d.name;
  switch (role) {
    case 'secretary':
      return d.level === 'province' ? `${n}委书记` : `${capital ? '省委常委、' : ''}${n}委书记`;
    case 'head':
      return d.level === 'province' ? `${n}委副书记、省长` : `${n}委副书记、${headOf(d)}`;
    case 'executive':
      return `${n}委常委、常务副${headOf(d)}`;
    case 'secretaryGeneral':
      return `${n}委常委、秘书长`;
    case 'congress':
      return `${n}人大常委会主任`;
    case 'cppcc':
      return `${n}政协主席`;
    default:
      return `${n}副${headOf(d)}`;
  }
}

/** Who holds a post on a day: a new person every term, a name drawn from the seed, the post and the term. */
function holder(seed: number, d: Division, role: Role, day: number): string {
  const offset = Draw.of(seed, 'offset', d.code, role).int(0, TERM_DAYS - 1);
  const term = Math.floor((day + offset) / TERM_DAYS);
  return personName(Draw.of(seed, 'holder', d.code, role, term));
}

function personName(draw: Draw): string {
  const given = draw.chance(0.75) ? draw.pick(GIVEN) + draw.pick(GIVEN) : draw.pick(GIVEN);
  return draw.pickSkewed(SURNAMES, 1.6) + given;
}

interface Person {
  name: string;
  chain: string;
}

// ---------------------------------------------------------------- articles

interface Context {
  seed: number;
  index: number;
  day: number;
  draw: Draw;
  pref: Prefecture;
  county: Division;
  published: Date;
  event: Date;
}

const pad = (n: number) => String(n).padStart(2, '0');
const isoDate = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const START = Date.UTC(2015, 0, 1);

function person(c: Context, d: Division, role: Role): Person {
  return { name: holder(c.seed, d, role, c.day), chain: titleChain(d, role, d === c.pref.division && c.pref.capital) };
}

function campaign(draw: Draw): string {
  if (draw.chance(0.45)) return draw.pickSkewed(KNOWN_CAMPAIGNS, 1.5);
  return `“${draw.pick(NUMERALS)}${draw.pick(CAMPAIGN_WORDS)}”${draw.pick(CAMPAIGN_SUFFIXES)}`;
}

function site(draw: Draw, county: Division): string {
  const kind = draw.pick(SITE_KINDS);
  const word = draw.pick(SITE_WORDS) + draw.pick(SITE_WORDS);
  const short = county.shortName || county.name.slice(0, -1);
  return /^(?:村|社区)$/.test(kind) ? `${word}${kind}` : `${short}${word}${kind}`;
}

function filler(c: Context, topic: string, count: number): string[] {
  return c.draw.some(FILLER, count).map((s) => s.replace('{topic}', topic).replace('{campaign}', campaign(c.draw)));
}

function facts(c: Context, level: string, count: number): string {
  return c.draw
    .some(FACTS, count)
    .map((s) =>
      s
        .replace('{level}', level)
        .replace('{month}', String(c.published.getUTCMonth() + 1))
        .replace('{n}', String(c.draw.int(12, 900)))
        .replace('{m}', String(c.draw.int(5, 300)))
        .replace('{p}', (c.draw.int(10, 999) / 10).toFixed(1)),
    )
    .join('；');
}

/** The time of day after the day of month: 5日下午. The month too when it is not the published one. */
function when(c: Context): string {
  const sameMonth = c.event.getUTCMonth() === c.published.getUTCMonth();
  const day = `${sameMonth ? '' : `${c.event.getUTCMonth() + 1}月`}${c.event.getUTCDate()}日`;
  return day + c.draw.pick(['上午', '下午', '', '']);
}

function header(c: Context, headline: string, subtitle: string | null): string[] {
  const paper = `${c.pref.division.shortName || c.pref.division.name}${c.draw.pick(PAPERS)}`;
  const time = `${isoDate(c.published)} ${pad(c.draw.int(7, 22))}:${pad(c.draw.int(0, 59))}:00`;
  const lines = c.draw.chance(0.3) ? ['• 首页', '  • 时政', ''] : [];
  lines.push(headline, '');
  if (subtitle) lines.push(subtitle, '');
  lines.push(c.draw.chance(0.5) ? `来源：${paper}　发布时间：${time}` : `${paper} ${time}`, '');
  return lines;
}

function byline(c: Context): string {
  const reporter = () => personName(c.draw);
  return c.draw.chance(0.6) ? `（${REPORTER_WORDS[0]} ${reporter()} ${REPORTER_WORDS[1]} ${reporter()}）` : '';
}

function meetingArticle(c: Context): string[] {
  const { draw, pref } = c;
  const atCounty = draw.chance(0.4);
  const place = atCounty ? c.county : pref.division;
  const topic = draw.pick(TOPICS);
  const meeting = `${place.name}${topic}${draw.pick(MEETING_KINDS)}`;
  const speaker = person(c, place, 'secretary');
  const chair = person(c, place, 'head');
  const others = draw.some(['executive', 'deputy1', 'deputy2', 'deputy3', 'secretaryGeneral', 'congress', 'cppcc'] as Role[], draw.int(2, 5)).map((r) => person(c, place, r).name);
  const level = place.name.slice(-1);
  const lines = header(c, `${meeting}召开`, `${speaker.name}出席并讲话 ${chair.name}主持`);
  lines.push(`本报讯${byline(c)}${when(c)}，${meeting}召开。${speaker.chain}${speaker.name}出席会议并讲话。${chair.chain}${chair.name}主持会议。${level}领导${others.join('、')}等参加会议。`);
  lines.push(`会上，${draw.some(DEPARTMENTS, 3).map((d) => level + d).join('、')}和${draw.pick(pref.counties).name}等地作交流发言。`);
  lines.push(`${facts(c, level, 3)}。`);
  lines.push(`${speaker.name}指出，${filler(c, topic, 3).join('；')}。`);
  lines.push(`${speaker.name}强调，${filler(c, topic, 4).join('；')}。`);
  if (draw.chance(0.5)) {
    const superior = person(c, pref.province, draw.pick(['deputy1', 'deputy2', 'executive'] as Role[]));
    lines.push(`副省长${superior.name}以视频方式出席会议并提出要求。`);
  }
  lines.push(`${chair.name}在主持时要求，${filler(c, topic, 2).join('，')}。`);
  lines.push(`会议以视频会议形式召开，各${pref.division.name === place.name ? '县（市、区）' : '乡镇（街道）'}设分会场。`);
  return lines;
}

function inspectionArticle(c: Context): string[] {
  const { draw, pref } = c;
  const fromProvince = draw.chance(0.3);
  const lead = fromProvince ? person(c, pref.province, draw.pick(['secretary', 'head', 'deputy1', 'deputy2'] as Role[])) : person(c, pref.division, draw.pick(['secretary', 'head', 'executive'] as Role[]));
  const destination = fromProvince ? pref.division : c.county;
  const topic = draw.pick(TOPICS);
  const sites = Array.from({ length: draw.int(2, 4) }, () => site(draw, c.county));
  const escort = person(c, destination, draw.pick(['secretary', 'head'] as Role[]));
  const lines = header(c, `${lead.name}赴${destination.name}调研${topic}工作`, null);
  lines.push(`本报讯${byline(c)}${when(c)}，${lead.chain}${lead.name}赴${destination.name}调研${topic}工作。`);
  lines.push(`${lead.name}一行先后来到${sites.join('、')}等地，实地察看项目建设、安全生产和企业运行情况，详细了解${topic}推进中遇到的困难和问题。`);
  lines.push(`在${sites[0]}，${lead.name}仔细询问生产经营和用工情况，${filler(c, topic, 1)[0]}。`);
  lines.push(`在${sites[1]}，${lead.name}听取项目进展情况介绍，叮嘱有关负责人${filler(c, topic, 1)[0]}。`);
  lines.push(`${facts(c, destination.name.slice(-1), 3)}。`);
  lines.push(`随后，${lead.name}主持召开座谈会，听取${destination.name}有关工作情况汇报。`);
  lines.push(`${lead.name}指出，${filler(c, topic, 2).join('；')}。`);
  lines.push(`${lead.name}强调，${filler(c, topic, 4).join('；')}。`);
  lines.push(`${escort.chain}${escort.name}陪同调研。`);
  return lines;
}

function standingCommitteeArticle(c: Context): string[] {
  const { draw, pref } = c;
  const place = draw.chance(0.5) ? pref.division : c.county;
  const party = draw.chance(0.6);
  const organ = party ? `${place.name}委常委会` : `${place.name}政府`;
  const chair = person(c, place, party ? 'secretary' : 'head');
  const attendees = draw.some(['executive', 'secretaryGeneral', 'deputy1', 'deputy2'] as Role[], draw.int(2, 4)).map((r) => person(c, place, r).name);
  const topics = draw.some(TOPICS, 2);
  const lines = header(c, `${organ}召开会议 研究部署${topics[0]}等工作`, null);
  lines.push(`本报讯${byline(c)}${when(c)}，${organ}召开${party ? '' : '常务'}会议，传达学习上级有关会议精神，研究部署${topics.join('、')}等工作。${chair.chain}${chair.name}主持会议并讲话。`);
  lines.push(`会议指出，${filler(c, topics[0], 2).join('；')}。`);
  lines.push(`${facts(c, place.name.slice(-1), 2)}。`);
  lines.push(`会议强调，${filler(c, topics[1], 4).join('；')}。`);
  lines.push(`会议要求，${filler(c, topics[0], 3).join('；')}。`);
  lines.push(`${attendees.join('、')}出席会议。`);
  lines.push(`会议还研究了其他事项。`);
  return lines;
}

// ---------------------------------------------------------------- noise

const toTraditional = OpenCC.Converter({ from: 'cn', to: 't' }) as (s: string) => string;
/** Pinyin ruby that converted pages carry after some characters: 區(qū), 會(huì). */
const RUBY: Record<string, string> = { 區: 'qū', 會: 'huì', 書: 'shū', 記: 'jì', 長: 'zhǎng', 調: 'diào', 強: 'qiáng', 務: 'wù', 導: 'dǎo', 議: 'yì', 講: 'jiǎng', 實: 'shí', 發: 'fā', 題: 'tí', 現: 'xiàn', 進: 'jìn' };

function withRuby(text: string, draw: Draw): string {
  let out = '';
  for (const ch of text) out += ch in RUBY && draw.chance(0.8) ? `${ch}(${RUBY[ch]})` : ch;
  return out;
}

/** Column OCR: body lines broken every 14-18 characters, the breaks read as spaces (区委常委 会召开). */
function withOcrSpaces(line: string, draw: Draw): string {
  let out = '';
  let run = 0;
  let next = draw.int(14, 18);
  for (const ch of line) {
    out += ch;
    if (++run >= next) {
      out += ' ';
      run = 0;
      next = draw.int(14, 18);
    }
  }
  return out.trimEnd();
}

// ---------------------------------------------------------------- corpus

export function articleText(seed: number, index: number, pool: Prefecture[]): string {
  const draw = Draw.of(seed, 'article', index);
  const day = Math.floor(index / ARTICLES_PER_DAY);
  const published = new Date(START + day * 86_400_000);
  const event = new Date(published.getTime() - (draw.chance(0.8) ? 86_400_000 : 0));
  const pref = draw.pickSkewed(pool, 1.3);
  const c: Context = { seed, index, day, draw, pref, county: draw.pick(pref.counties), published, event };
  const kind = draw.int(0, 99);
  const lines = kind < 45 ? meetingArticle(c) : kind < 85 ? inspectionArticle(c) : standingCommitteeArticle(c);
  lines.push('', `（责任编辑：${personName(draw)}）`);
  const body = lines.join('\n') + '\n';
  if (draw.chance(1 / 9)) return draw.chance(0.5) ? withRuby(toTraditional(body), draw) : toTraditional(body);
  if (draw.chance(0.1)) return body.split('\n').map((l) => (l.length > 40 ? withOcrSpaces(l, draw) : l)).join('\n');
  return body;
}

/** Where article `index` goes: one folder per month of publication, as archives are kept. */
export function articlePath(index: number): string {
  const published = new Date(START + Math.floor(index / ARTICLES_PER_DAY) * 86_400_000);
  return join(`${published.getUTCFullYear()}-${pad(published.getUTCMonth() + 1)}`, `${String(index).padStart(6, '0')}.txt`);
}

export function generateCorpus(options: GenerateOptions): GeneratedCorpus {
  const pool = prefectures();
  let bytes = 0;
  const made = new Set<string>();
  for (let i = 0; i < options.articles; i++) {
    const path = join(options.out, articlePath(i));
    const dir = join(path, '..');
    if (!made.has(dir)) mkdirSync(dir, { recursive: true });
    made.add(dir);
    const data = Buffer.from(articleText(options.seed, i, pool), 'utf8');
    writeFileSync(path, data);
    bytes += data.length;
  }
  return { files: options.articles, bytes };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { articles: { type: 'string', default: '1000' }, seed: { type: 'string', default: '1' }, out: { type: 'string' } },
  });
  const articles = Number(values.articles);
  const seed = Number(values.seed);
  if (!Number.isInteger(articles) || articles < 1) throw new Error(`--articles must be a positive integer, got ${values.articles}`);
  if (!Number.isInteger(seed)) throw new Error(`--seed must be an integer, got ${values.seed}`);
  const out = values.out ?? join('bench/corpus', articles % 1000 === 0 ? `${articles / 1000}k` : String(articles));
  const started = performance.now();
  const result = generateCorpus({ articles, seed, out });
  const seconds = (performance.now() - started) / 1000;
  console.log(`${out}: ${result.files} articles, ${(result.bytes / 1e6).toFixed(1)} MB (${Math.round(result.bytes / result.files)} B/article), seed ${seed}, in ${seconds.toFixed(1)} s`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err) => {
    console.error(`bench:generate: ${(err as Error).message}`);
    process.exitCode = 1;
  });
}
