import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import * as OpenCC from 'opencc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cleanText,
  findPublishedDate,
  findSourceNoteDate,
  isReadFailure,
  listInputFiles,
  readArticleBytes,
  readArticleFile,
  resolveDate,
  toSimplified,
  type Article,
  type ReadFailure,
} from '../src/read/index.ts';
import { conversionSources, mayConvert } from '../src/read/script.ts';

/** Reads bytes and insists on an Article. */
function read(name: string, bytes: Buffer | string): Article {
  const result = readArticleBytes(name, typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes);
  if (isReadFailure(result)) throw new Error(`expected an article, got failure: ${result.reason}`);
  return result;
}

function fail(name: string, bytes: Buffer): ReadFailure {
  const result = readArticleBytes(name, bytes);
  if (!isReadFailure(result)) throw new Error('expected a failure');
  return result;
}

function sentences(article: Article): string[] {
  return article.items.flatMap((i) => i.sentences.map((s) => s.text));
}

function allText(article: Article): string {
  return sentences(article).join('\n');
}

const FULLWIDTH: Record<string, string> = { ',': '，', ':': '：', ';': '；', '(': '（', ')': '）', '!': '！', '?': '？', '.': '。', '"': '“”' };

/** A cleaned character comes from its raw character: the same, Simplified, fullwidth, or a line break. */
const isSurrogate = (c: string) => /[\ud800-\udfff]/.test(c);

function sameChar(cleaned: string, raw: string): boolean {
  if (cleaned === '\n') return raw === '\n' || raw === '\r';
  // An astral character may be normalised to another (U+2F937 -> U+24C92): halves compare as a pair only.
  if (isSurrogate(cleaned) && isSurrogate(raw)) return true;
  if (cleaned === ' ') return /\s/.test(raw);
  return cleaned === raw || cleaned === toSimplified(raw) || (FULLWIDTH[raw] ?? '').includes(cleaned);
}

/** The invariants every article must keep, whatever its input. */
function checkOffsets(article: Article): void {
  for (const item of article.items) {
    for (const s of item.sentences) {
      expect(s.original).toBe(article.raw.slice(s.start, s.end));
      expect(s.offsets.length).toBe(s.text.length);
      for (let k = 0; k < s.offsets.length; k++) {
        expect(s.offsets[k]).toBeGreaterThanOrEqual(s.start);
        expect(s.offsets[k]).toBeLessThan(s.end);
        if (k > 0) expect(s.offsets[k]).toBeGreaterThan(s.offsets[k - 1]);
        expect(sameChar(s.text[k], article.raw[s.offsets[k]])).toBe(true);
      }
    }
  }
}

const SIMPLIFIED_NEWS =
  '市委常委会召开会议\n本报讯 3月5日上午，市委常委会召开会议，传达学习全国两会精神。市委书记张明主持会议并讲话。市长李华出席会议。\n';
const TRADITIONAL_NEWS =
  '縣委召開經濟工作會議\n3月5日下午，縣委召開經濟工作會議。縣委書記張明強調，要堅定信心，推動發展。縣長李華主持會議。\n';

describe('decoding', () => {
  it('reads UTF-8 with and without a BOM', () => {
    const plain = read('a.txt', SIMPLIFIED_NEWS);
    expect(plain.encoding).toBe('utf-8');
    const bom = read('b.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SIMPLIFIED_NEWS)]));
    expect(bom.encoding).toBe('utf-8');
    expect(bom.raw).toBe(plain.raw);
    expect(bom.raw.charCodeAt(0)).not.toBe(0xfeff);
  });

  it('reads UTF-16 LE and BE, with a BOM and without one', () => {
    for (const enc of ['utf-16le', 'utf-16be'] as const) {
      const bom = enc === 'utf-16le' ? [0xff, 0xfe] : [0xfe, 0xff];
      const withBom = read('a.txt', Buffer.concat([Buffer.from(bom), iconv.encode(SIMPLIFIED_NEWS, enc)]));
      expect(withBom.encoding).toBe(enc);
      expect(withBom.raw).toBe(SIMPLIFIED_NEWS);
      const noBom = read('b.txt', iconv.encode(SIMPLIFIED_NEWS, enc));
      expect(noBom.encoding).toBe(enc);
      expect(noBom.raw).toBe(SIMPLIFIED_NEWS);
      // Chinese only, no ASCII at all: no zero bytes to go by.
      const hanOnly = '市委书记张明主持召开市委常委会会议并讲话强调要推动经济社会高质量发展';
      expect(read('c.txt', iconv.encode(hanOnly, enc)).raw).toBe(hanOnly);
    }
  });

  it('reads GBK / GB18030 and Big5, choosing the decoding that gives real Chinese', () => {
    const gbk = read('gbk.txt', iconv.encode(SIMPLIFIED_NEWS, 'gbk'));
    expect(gbk.encoding).toBe('gb18030');
    expect(gbk.raw).toBe(SIMPLIFIED_NEWS);
    const gb = read('gb.txt', iconv.encode(SIMPLIFIED_NEWS, 'gb18030'));
    expect(gb.raw).toBe(SIMPLIFIED_NEWS);
    const big5 = read('big5.txt', iconv.encode(TRADITIONAL_NEWS, 'big5'));
    expect(big5.encoding).toBe('big5');
    expect(big5.raw).toBe(TRADITIONAL_NEWS);
    expect(big5.script).toBe('traditional');
    expect(allText(big5)).toContain('县委书记张明强调');
  });

  it('refuses empty, binary and undecodable input with a clear reason', () => {
    expect(fail('e.txt', Buffer.alloc(0)).reason).toBe('empty file');
    expect(fail('w.txt', Buffer.from(' \n\t\n')).reason).toBe('empty file');
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    expect(fail('p.txt', png).reason).toBe('binary file (PNG image)');
    expect(fail('d.txt', Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj', 'latin1')).reason).toBe('binary file (PDF document)');
    expect(fail('n.txt', Buffer.from([0x41, 0, 0, 0, 0x42, 0x43, 0, 7, 0, 0, 1, 2, 3])).reason).toMatch(/^binary file/);
    // Bytes that are neither UTF-8 nor any Chinese encoding: Latin-1 accents, C1 controls.
    const latin1 = Buffer.from('Caf\xe9 cr\xe8me br\xfbl\xe9e \x81\x82\x83\x84 na\xefve', 'latin1');
    expect(fail('l.txt', latin1).reason).toBe('not text: invalid UTF-8 and no Chinese encoding fits');
    // Page furniture only: decodes, but no article.
    expect(fail('j.txt', Buffer.from('logo\n联系我们:0571-1234567\n')).reason).toMatch(/no article text/);
  });

  it('reports missing files and directories as failures naming the path', async () => {
    const missing = await readArticleFile('/nonexistent/dir/x.txt');
    expect(missing).toEqual({ path: '/nonexistent/dir/x.txt', reason: 'no such file' });
    const dir = await readArticleFile(tmpdir());
    expect(isReadFailure(dir) && dir.reason).toMatch(/directory/);
  });
});

describe('HTML', () => {
  const page = `<!DOCTYPE html><html><head><title>标题</title><style>p{color:red}</style>
<script>var x = "市委书记王某";</script></head><body>
<div class="nav">首页 &gt; 要闻</div>
<h1>区委召开常委会会议</h1>
<p>5月6日下午，区委召开常委会会议。区委书记陈某某&nbsp;主持会议。</p>
<noscript>请启用脚本</noscript>
<p>会议强调，要推进&ldquo;八八战略&rdquo;走深走实&#x3002;区长<b>周某</b>出席。</p>
</body></html>`;

  it('strips tags, drops script/style/noscript, decodes entities, keeps blocks as lines', () => {
    const a = read('page.html', page);
    expect(a.raw).not.toContain('<');
    expect(a.raw).not.toContain('color:red');
    expect(a.raw).not.toContain('var x');
    expect(a.raw).not.toContain('请启用脚本');
    expect(a.raw).toContain('区委召开常委会会议\n5月6日下午');
    expect(a.raw).toContain('“八八战略”');
    expect(a.title).toBe('区委召开常委会会议');
    expect(allText(a)).toContain('区长周某出席。');
    expect(allText(a)).not.toContain('首页');
    checkOffsets(a);
  });

  it('recognises an HTML document without an .html name', () => {
    const a = read('page.txt', page);
    expect(a.raw).not.toContain('<p>');
    expect(a.title).toBe('区委召开常委会会议');
  });

  it('decodes a GBK page as its meta charset says', () => {
    const gbkPage = `<html><head><meta charset="gb2312"></head><body><p>县委召开常委会会议</p><p>6月1日，县委书记刘某主持会议。</p></body></html>`;
    const a = read('gbk.htm', iconv.encode(gbkPage, 'gbk'));
    expect(a.encoding).toBe('gb18030');
    expect(sentences(a)).toEqual(['县委召开常委会会议', '6月1日，县委书记刘某主持会议。']);
  });

  it('treats markdown image lines as junk and keeps the text of other markup', () => {
    const a = read('md.md', '![]()\n![图片](http://x/y.png)\n# 县委召开会议\n4月2日，**县委**召开[会议](https://x.cn/a)。\n> 县委书记赵某主持。\n');
    expect(a.title).toBe('县委召开会议');
    expect(sentences(a)).toEqual(['县委召开会议', '4月2日，县委召开会议。', '县委书记赵某主持。']);
    checkOffsets(a);
  });
});

describe('cleaning', () => {
  it('converts Traditional to Simplified and keeps the original for display', () => {
    expect(toSimplified('區委書記講話，會議長達兩小時')).toBe('区委书记讲话，会议长达两小时');
    const a = read('t.txt', TRADITIONAL_NEWS);
    expect(a.script).toBe('traditional');
    const s = a.items[0].sentences.find((x) => x.text.includes('县委书记张明'))!;
    expect(s.original).toContain('縣委書記張明');
    expect(read('s.txt', SIMPLIFIED_NEWS).script).toBe('simplified');
  });

  it('skips the conversion only for text that OpenCC leaves as it is', () => {
    const convert = OpenCC.Converter({ from: 't', to: 'cn' });
    // Every dictionary entry that changes its text holds a character mayConvert sees...
    const t2s = OpenCC.Locale.configs.t2s as { normalizationChain?: string[][]; conversionChain: string[][] };
    const entries = [...(t2s.normalizationChain ?? []), ...t2s.conversionChain].flat().flatMap((d) => d.split('|'));
    const missed = entries.map((e) => e.split(' ')).filter(([from, to]) => from !== to && !mayConvert(from));
    expect(missed).toEqual([]);
    // ...and every character it passes over converts to itself.
    let passed = '';
    for (let c = 0x20; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      if ((c < 0xd800 || c > 0xdfff) && !mayConvert(ch)) passed += ch;
    }
    expect(passed.length).toBeGreaterThan(50_000);
    expect(convert(passed)).toBe(passed);
    expect(mayConvert('区委书记讲话')).toBe(false);
    expect(mayConvert('区委書記讲话')).toBe(true);
  });

  it('knows which characters can become a digit or 年 once converted', () => {
    const convert = OpenCC.Converter({ from: 't', to: 'cn' });
    const sources = conversionSources('0123456789年');
    expect(sources['年'.charCodeAt(0)]).toBe(1);
    expect(sources['\uf98e'.charCodeAt(0)]).toBe(1); // the compatibility form of 年
    let others = '';
    for (let c = 0x20; c < 0x10000; c++) if ((c < 0xd800 || c > 0xdfff) && !sources[c]) others += String.fromCharCode(c);
    expect(convert(others)).not.toMatch(/[0-9年]/);
    expect(convert('乾隆年間')).toBe('乾隆年间');
  });

  it('removes pinyin ruby after Han characters, ASCII or fullwidth brackets', () => {
    const { text } = cleanText('全縣(xiàn)各鄉(xiāng)鎮召開會(huì)議，縣長（zhǎng）王某說(shuō)，要抓緊。');
    expect(text).toBe('全县各乡镇召开会议，县长王某说，要抓紧。');
    // A bracketed place list whose last character carries ruby keeps its own bracket.
    expect(cleanText('縣(市、區(qū))委書記').text).toBe('县（市、区）委书记');
  });

  it('keeps real brackets: reporters, lists, meeting kinds, places, years', () => {
    const raw = '本报讯(记者 胡某某)各县(市、区)召开全体(扩大)会议，安泰(德清)公司和2020(2021)年度。';
    const { text } = cleanText(raw);
    expect(text).toBe('本报讯（记者 胡某某）各县（市、区）召开全体（扩大）会议，安泰（德清）公司和2020（2021）年度。');
  });

  it('removes `?` garbage and pinyin left without its character, keeps real questions', () => {
    expect(cleanText('措施再?gòu)?(qiáng)化，工作再?落实').text).toBe('措施再化，工作再落实');
    expect(cleanText('这里有何亮点?代表团先后考察').text).toBe('这里有何亮点？代表团先后考察');
    expect(cleanText('又在忙啥?').text).toBe('又在忙啥？');
    expect(cleanText('see http://a.b/c?d=1').text).toBe('see http://a.b/c?d=1');
  });

  it('collapses doubled punctuation and makes ASCII punctuation fullwidth inside Chinese', () => {
    expect(cleanText('督查组来湖,,就我市工作进行督查。市领导王某,、李某,、赵某等陪同,。').text).toBe(
      '督查组来湖，就我市工作进行督查。市领导王某、李某、赵某等陪同。',
    );
    expect(cleanText('会议强调:要落实;要推进!好。。').text).toBe('会议强调：要落实；要推进！好。');
    expect(cleanText('时间 08:27:00, value 1,000').text).toBe('时间 08:27:00, value 1,000');
    expect(cleanText('推动"八八战略"走深走实').text).toBe('推动“八八战略”走深走实');
  });

  it('joins OCR spaces inside words in narrow-column body text', () => {
    const column = [
      '本报讯 6月5日，区委常委 会召开会议，传达学习习 近平总书',
      '记重要讲话精神。新区党工委书记、区委书记金某 涛主持会议并讲话。会议要求，要抓紧抓 实各项工作。',
      '会议强调，要深入学习领 悟，切实把总书记的重要讲 话精神贯彻到各项工作之中，确保取得 实效。',
      '会议指出，要统筹发展和 安全，扎实推进各项民生工 作落地落实，让发展成果惠及更多人民群众。',
    ].join('\n');
    const { text } = cleanText(column);
    expect(text).toContain('区委常委会召开会议');
    expect(text).toContain('习近平总书');
    expect(text).toContain('金某涛主持会议');
    expect(text).toContain('抓紧抓实');
    expect(text).toContain('本报讯 6月5日');
  });

  it('joins a single long line of column OCR even in an otherwise clean text', () => {
    const { text } = cleanText('在随后召开的座谈会上，金某 涛观看网格议事日视频，认真听取 相关工作情况汇报。他指出，一段 时间以来，全区工作进行了试点 探索，形式丰富。');
    expect(text).toBe('在随后召开的座谈会上，金某涛观看网格议事日视频，认真听取相关工作情况汇报。他指出，一段时间以来，全区工作进行了试点探索，形式丰富。');
  });

  it('joins a lone break inside running text, keeps name lists, credits and bracketed bylines', () => {
    const { text } = cleanText('7月31日，市委书记赵某主持召开常委会会议，传达学习 习近平总书记重要讲话精神。本报讯（记者 林某 陈某）出席的有：张三 李四 王五。摄影记者 胡某某 摄');
    expect(text).toContain('传达学习习近平总书记');
    expect(text).toContain('（记者 林某 陈某）');
    expect(text).toContain('张三 李四 王五');
    expect(text).toContain('摄影记者 胡某某 摄');
  });

  it('keeps spaces that separate names in headlines and bylines', () => {
    const a = read('h.txt', '王某主持 张某李某出席\n■首席记者 赵某某\n本报讯 5日下午，省委召开工作会议。记者 胡某某 摄\n');
    expect(a.items[0].headline).toEqual(['王某主持 张某李某出席']);
    expect(sentences(a)).toContain('王某主持 张某李某出席');
    // Bylines and photo credits are not sentences.
    expect(allText(a)).not.toContain('赵某某');
    expect(allText(a)).not.toContain('胡某某');
  });

  it('maps every cleaned character back to the raw character it came from', () => {
    const raw = '縣(xiàn)委召開,,會(huì)議  推進 "八八戰略"?\r\n第二行：(扩大)會議';
    const { text, offsets } = cleanText(raw);
    expect(offsets.length).toBe(text.length);
    for (let i = 0; i < text.length; i++) expect(sameChar(text[i], raw[offsets[i]])).toBe(true);
    expect(text.split('\n')[1]).toBe('第二行：（扩大）会议');
    expect(raw[offsets[text.indexOf('会')]]).toBe('會');
  });
});

describe('boilerplate', () => {
  const page = [
    '• 我的订阅',
    '  • 国内',
    '您当前的位置: 首页>新闻>要闻',
    '字体:【大 中 小】',
    '县委召开全会',
    '发布时间:2021-04-09 来源:县融媒体中心 访问量:1234',
    '4月8日，县委召开全体会议。县委书记孙某主持会议。',
    '会议强调，要推进共同富裕。',
    '责编：王某',
    '一审：李某',
    '特别声明：以上内容(如有图片或视频亦包括在内)为自媒体平台用户上传并发布。',
    'Notice: The content above is uploaded by a user.',
    '以上内容为资讯信息快照，由某爬虫进行采集并收录，本站未对信息做任何修改。',
    '快照生成时间:2021-04-10 11:45:03',
    '本站信息快照查询为非营利公共服务，如有侵权请联系我们进行删除。',
    '信息原文地址:',
    '某地召开另一个会议',
    '近日，某地召开另一个会议，研究部署相关工作',
    '2021-03-28 17:28:00',
    '...。另一篇无关的文章片段，讲述另一件事情',
    '2021-01-02 10:09:00',
    '更多关于国内的资讯:',
    '第三篇无关文章的标题',
    '2021-02-12 06:41:00',
  ].join('\n');

  it('drops menus, navigation, credits, disclaimers, snapshot notices and the teaser list', () => {
    const a = read('page.txt', page);
    const text = allText(a);
    expect(sentences(a)).toEqual(['县委召开全会', '4月8日，县委召开全体会议。', '县委书记孙某主持会议。', '会议强调，要推进共同富裕。']);
    for (const junk of ['订阅', '位置', '字体', '王某', '特别声明', 'Notice', '快照', '另一个会议', '无关', '更多关于']) {
      expect(text).not.toContain(junk);
    }
    expect(a.published).toBe('2021-04-09');
    expect(a.items[0].date).toBe('2021-04-08');
    checkOffsets(a);
  });

  it('keeps content that only looks like furniture: long bullet points, 喜讯 openings, dated sentences', () => {
    const a = read('k.txt', [
      '县委召开全会',
      '5月3日，县委召开全会。',
      '● 要坚持稳中求进工作总基调，推动经济社会高质量发展。',
      '喜讯传来，全县干部群众倍受鼓舞。',
      '会议听取了2021-04-30以来的工作情况汇报，部署下一步工作，明确了各项任务。',
    ].join('\n'));
    expect(a.items.length).toBe(1);
    expect(sentences(a)).toEqual([
      '县委召开全会',
      '5月3日，县委召开全会。',
      '● 要坚持稳中求进工作总基调，推动经济社会高质量发展。',
      '喜讯传来，全县干部群众倍受鼓舞。',
      '会议听取了2021-04-30以来的工作情况汇报，部署下一步工作，明确了各项任务。',
    ]);
  });
});

describe('items', () => {
  it('splits a newspaper page into items at headline lines before a dateline', () => {
    const page = [
      '王某在全市工作会议上强调',
      '抓实抓细各项工作 推动高质量发展',
      '本报讯(记者 林某)2日下午，全市工作会议召开。市委书记王某出席并讲话。',
      '市长周某主持会议。会议要求，要抓实各项工作，推动各项任务落地见',
      '',
      '效，确保取得实效。',
      '',
      '周某调研重点项目时强调',
      '■记者 陈某',
      '本报讯 昨日上午，市长周某调研重点项目建设。副市长吴某参加。',
      '',
      '吴某检查安全生产',
      '本报讯 3日，副市长吴某检查安全生产工作。',
    ].join('\n');
    const a = read('page.txt', `2022年4月4日 星期一 今日8版\n${page}`);
    expect(a.published).toBe('2022-04-04');
    expect(a.items.map((i) => i.headline)).toEqual([
      ['王某在全市工作会议上强调', '抓实抓细各项工作 推动高质量发展'],
      ['周某调研重点项目时强调'],
      ['吴某检查安全生产'],
    ]);
    expect(a.items.map((i) => i.date)).toEqual(['2022-04-02', '2022-04-03', '2022-04-03']);
    expect(a.reference).toBe(a.published);
    expect(a.title).toBe('王某在全市工作会议上强调');
    // A paragraph broken by the page layout is one sentence again.
    expect(sentences(a)).toContain('会议要求，要抓实各项工作，推动各项任务落地见效，确保取得实效。');
    const joined = a.items[0].sentences.find((s) => s.text.startsWith('会议要求'))!;
    expect(joined.original).toContain('\n\n');
    checkOffsets(a);
  });

  it('keeps one item when the headlines and a photo caption precede the dateline', () => {
    const a = read('one.txt', [
      '省委召开工作会议 书记讲话',
      '1月5日下午，省委召开工作会议。记者 胡某某 摄',
      '书记在会上强调',
      '王某主持 张某李某出席',
      '5日下午，省委召开工作会议。省委书记袁某强调，要抓好落实。',
      '王某主持，张某、李某出席。',
    ].join('\n'));
    expect(a.items.length).toBe(1);
    expect(a.items[0].headline).toContain('王某主持 张某李某出席');
  });

  it('splits a chronicle by day numbers, dating days in the chronicle month', () => {
    const a = read('c.txt', [
      '首页>大事记',
      '某市二O二一年三月份记事',
      '发布时间:2021-04-15 来源:',
      '1  市委书记王某出席植树活动。',
      '同日  《某市条例》正式施行。',
      '3  市长李某调研重点项目。',
      '7日至9  市长李某率团赴外地考察。',
    ].join('\n'));
    const dated = a.items.filter((i) => i.date);
    expect(dated.map((i) => i.date)).toEqual(['2021-03-01', '2021-03-01', '2021-03-03', '2021-03-07']);
    expect(a.published).toBe('2021-04-15');
    // Day expressions inside the entries resolve in the chronicle's month.
    expect(a.reference).toBe('2021-03-31');
    expect(resolveDate('8日下午', a.reference)).toBe('2021-03-08');
  });

  it('splits a roundup at city sub-headings', () => {
    const a = read('r.txt', [
      '本周，各市书记市长在忙这些事',
      '  学习贯彻全会精神，调研重点项目……本周各市书记市长在忙这些事——',
      '  甲城',
      '  7月30日，甲城市委书记赵某走访慰问驻地部队。',
      '  7月31日，赵某主持召开市委常委会会议。',
      '  乙城',
      '  7月27日，乙城市委书记孙某出席报告会。',
    ].join('\n'));
    expect(a.items.map((i) => i.headline)).toEqual([['本周，各市书记市长在忙这些事'], ['甲城'], ['乙城']]);
    expect(a.items[2].sentences.map((s) => s.text)).toContain('7月27日，乙城市委书记孙某出席报告会。');
  });
});

describe('sentences', () => {
  it('splits on 。！？； and line breaks, and on ASCII ! ? ; between Han characters', () => {
    const a = read('s.txt', '第一句话说完了。第二句呢?第三句!第四句;第五句\n第六句没有句号\n');
    expect(sentences(a)).toEqual(['第一句话说完了。', '第二句呢？', '第三句！', '第四句；', '第五句', '第六句没有句号']);
    checkOffsets(a);
  });

  it('locates a mention of the cleaned text in raw through the offsets', () => {
    const raw = '縣長(zhǎng)王  某 某,,在會(huì)上講話。';
    const a = read('m.txt', raw);
    const s = a.items[0].sentences[0];
    expect(s.original).toBe(raw);
    const at = s.text.indexOf('在会上');
    expect(raw.slice(s.offsets[at], s.offsets[at + 2] + 1)).toBe('在會(huì)上');
  });
});

describe('dates', () => {
  it('resolves day expressions against a reference date', () => {
    expect(resolveDate('5日下午', '2022-01-06')).toBe('2022-01-05');
    expect(resolveDate('6日', '2022-01-06')).toBe('2022-01-06');
    expect(resolveDate('28日上午', '2022-03-02')).toBe('2022-02-28');
    expect(resolveDate('31日', '2022-03-02')).toBeNull(); // no 31 February
    expect(resolveDate('30日', '2022-01-03')).toBe('2021-12-30');
    expect(resolveDate('2月4日', '2026-02-10')).toBe('2026-02-04');
    expect(resolveDate('12月30日', '2024-01-03')).toBe('2023-12-30');
    expect(resolveDate('昨日下午', '2022-04-04')).toBe('2022-04-03');
    expect(resolveDate('昨天', '2022-03-01')).toBe('2022-02-28');
    expect(resolveDate('今日', '2022-04-04')).toBe('2022-04-04');
    expect(resolveDate('7月10日至12日', '2015-07-13')).toBe('2015-07-10');
    expect(resolveDate('7日至9', '2019-10-31')).toBe('2019-10-07');
    expect(resolveDate('二十五日', '2019-10-31')).toBe('2019-10-25');
  });

  it('resolves fully dated expressions without a reference, and nothing else', () => {
    expect(resolveDate('2026年2月24日在浙江省', null)).toBe('2026-02-24');
    expect(resolveDate('二〇一九年十月一日', null)).toBe('2019-10-01');
    expect(resolveDate('2024-09-30 09:36:55', null)).toBe('2024-09-30');
    expect(resolveDate('5日下午', null)).toBeNull();
    expect(resolveDate('昨日', null)).toBeNull();
    expect(resolveDate('2月30日', '2024-03-01')).toBeNull();
    expect(resolveDate('会议指出', '2024-03-01')).toBeNull();
  });

  it('finds the published date in headers, mastheads and speech notes', () => {
    expect(findPublishedDate('标题\n类别:国内 发布时间:2021-02-10 08:27:00 来源:某网\n正文。')).toBe('2021-02-10');
    expect(findPublishedDate('标题\n\n某某网 2023-09-30 09:36:55\n正文。')).toBe('2023-09-30');
    expect(findPublishedDate('标题\n2022-08-03 14:29 来源: 某日报\n正文。')).toBe('2022-08-03');
    expect(findPublishedDate('2021年6月28 农历辛丑年五月十九 今日8版\n正文。')).toBe('2021-06-28');
    // A speech's source note dates the speech, not the page: it is the reference, not published.
    const speech = '正文。\n（摘自王某同志2025年3月1日在全省大会上的讲话）\n来源：某报';
    expect(findPublishedDate(speech)).toBeNull();
    expect(findSourceNoteDate(speech)).toBe('2025-03-01');
    const article = read('speech.txt', `今天的大会，就是动员令。\n${speech}`);
    expect(article.published).toBeNull();
    expect(article.reference).toBe('2025-03-01');
    expect(findPublishedDate('新华社北京2020年5月1日电 正文。')).toBe('2020-05-01');
    // A year-less article has no published date; a year inside the text is not one.
    expect(findPublishedDate('7月10日，督查组来湖督查。\n2026年是开局之年。')).toBeNull();
  });
});

describe('sentence dates', () => {
  it('dates each sentence with the date in force: its own, else the last one of its item, else the item\'s', () => {
    const article = read(
      'dated.txt',
      '发布时间：2024-03-10 09:00\n市长调研\n本报讯 8日上午，市长李华调研项目。他强调要抓进度。9日下午，李华又走访企业。随后召开座谈会。\n',
    );
    const dates = article.items.flatMap((i) => i.sentences.map((s) => [s.text.slice(0, 8), s.date]));
    expect(dates).toEqual([
      ['市长调研', '2024-03-08'], // the headline takes the item's date
      ['本报讯 8日上午', '2024-03-08'],
      ['他强调要抓进度。', '2024-03-08'],
      // A later day resolves against the page's date, not the item's (9日 after 8日 is not February).
      ['9日下午，李华又', '2024-03-09'],
      ['随后召开座谈会。', '2024-03-09'],
    ]);
    // In a chronicle, a day inside an entry falls in the chronicle's month, after the entry's day.
    const chronicle = read('c.txt', ['某市二O二一年三月份记事', '发布时间:2021-04-15 来源:', '7  市长李某赴外地考察。8日下午，李某拜会企业家。', '9  市委书记王某出席植树活动。'].join('\n'));
    const entry = chronicle.items.find((i) => i.date === '2021-03-07')!;
    expect(entry.sentences.map((s) => s.date)).toEqual(['2021-03-07', '2021-03-08']);
    // Without any date in the text, a sentence takes the published date.
    const undated = read('undated.txt', '发布时间：2024-03-10 09:00\n市委常委会召开会议，研究部署工作。\n');
    expect(undated.items[0].sentences.map((s) => s.date)).toEqual(['2024-03-10']);
  });
});

describe('listing input files', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'kg-read-'));
    mkdirSync(join(dir, 'sub', 'deeper'), { recursive: true });
    mkdirSync(join(dir, '.hidden'));
    for (const f of ['a.txt', 'b.md', 'c.html', 'd.HTM', 'e.pdf', 'f.json', '.g.txt', 'sub/h.txt', 'sub/deeper/i.txt', '.hidden/j.txt'])
      writeFileSync(join(dir, f), '县委召开会议。');
    mkdirSync(join(dir, 'many'));
    for (let i = 0; i < 10_000; i++) writeFileSync(join(dir, 'many', `${String(i).padStart(5, '0')}.txt`), '');
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function collect(paths: string[]): Promise<string[]> {
    const out: string[] = [];
    for await (const p of listInputFiles(paths)) out.push(p);
    return out;
  }

  it('walks directories recursively, keeps article extensions, skips hidden entries', async () => {
    const found = (await collect([dir])).filter((p) => !p.includes('/many/')).map((p) => p.slice(dir.length + 1));
    expect(found).toEqual(['a.txt', 'b.md', 'c.html', 'd.HTM', 'sub/h.txt', 'sub/deeper/i.txt']);
  });

  it('tries an explicit file whatever its extension, and passes missing paths on', async () => {
    expect(await collect([join(dir, 'e.pdf'), join(dir, 'nope.txt')])).toEqual([join(dir, 'e.pdf'), join(dir, 'nope.txt')]);
  });

  it('streams a directory of 10,000 files', async () => {
    let n = 0;
    for await (const p of listInputFiles([join(dir, 'many')])) {
      expect(p.endsWith('.txt')).toBe(true);
      n++;
    }
    expect(n).toBe(10_000);
    expect(readdirSync(join(dir, 'many')).length).toBe(10_000);
  });
});

describe('large inputs', () => {
  it('reads a 1 MB single line and a multi-megabyte file', () => {
    const line = '市委书记王某主持召开常委会会议，研究部署重点工作'.repeat(40_000);
    const a = read('line.txt', line);
    expect(a.items[0].sentences.length).toBe(1);
    expect(a.items[0].sentences[0].end).toBe(line.length);
    const paragraph = '5日下午，市委召开常委会会议。市委书记王某主持会议并讲话。会议强调，要抓好落实。\n';
    const big = read('big.txt', paragraph.repeat(20_000));
    expect(big.raw.length).toBe(paragraph.length * 20_000);
    expect(sentences(big).length).toBe(3 * 20_000);
  }, 120_000);
});

describe('properties', () => {
  const chinese = fc.string({
    unit: fc.constantFrom(...'市委书记召开会议區會長說(市、区)（）qūhuìzhǎng ,,、。?!;:"\n\r\t■　记者摄0123456789年月日'.split('')),
    maxLength: 300,
  });

  it('cleanText never throws and every offset lies inside the text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), chinese), (raw) => {
        const { text, offsets } = cleanText(raw);
        expect(offsets.length).toBe(text.length);
        for (let i = 0; i < offsets.length; i++) {
          expect(offsets[i]).toBeGreaterThanOrEqual(0);
          expect(offsets[i]).toBeLessThan(Math.max(raw.length, 1));
          if (i > 0) expect(offsets[i]).toBeGreaterThan(offsets[i - 1]);
          expect(sameChar(text[i], raw[offsets[i]])).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('reading never throws; every sentence is a true span of raw', () => {
    fc.assert(
      fc.property(fc.oneof(chinese.map((s) => Buffer.from(s)), fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b))), (bytes) => {
        const result = readArticleBytes('p.txt', bytes);
        if (isReadFailure(result)) {
          expect(result.reason.length).toBeGreaterThan(0);
          return;
        }
        checkOffsets(result);
        for (const item of result.items) for (const s of item.sentences) expect(result.raw.includes(s.original)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

const SHARED = resolve(__dirname, '../../shared/corpus');
const haveShared = existsSync(SHARED);

describe.skipIf(!haveShared)('the sample articles in ../shared (skipped when ../shared is absent)', () => {
  const articles = new Map<string, Article>();
  beforeAll(async () => {
    for (const sub of ['seeds', 'dev']) {
      for (const f of readdirSync(join(SHARED, sub)).filter((f) => f.endsWith('.txt'))) {
        const a = await readArticleFile(join(SHARED, sub, f));
        if (isReadFailure(a)) throw new Error(`${f}: ${a.reason}`);
        articles.set(f.slice(0, 3), a);
      }
    }
  }, 60_000);

  it('reads all 15 with exact offsets', () => {
    expect(articles.size).toBe(15);
    for (const a of articles.values()) checkOffsets(a);
  });

  it('removes 001 ruby and converts it to Simplified', () => {
    const a = articles.get('001')!;
    expect(a.script).toBe('traditional');
    expect(allText(a)).not.toMatch(/\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]+\)/);
    expect(allText(a)).toContain('省委召开县（市、区）委书记工作交流会暨疫情防控工作部署会');
    expect(sentences(a)).toContain('王浩主持 葛慧君黄建发出席');
  });

  it('joins 004 OCR spaces and splits its page into items', () => {
    const a = articles.get('004')!;
    expect(allText(a)).toContain('金承涛');
    expect(allText(a)).not.toContain('金承 涛');
    expect(allText(a)).toContain('区委常委会召开会议');
    expect(a.published).toBe('2023-06-26');
    expect(a.items.length).toBeGreaterThanOrEqual(4);
    expect(a.items[0].date).toBe('2023-06-25');
  });

  it('drops 000 page furniture and teaser list', () => {
    const a = articles.get('000')!;
    const text = allText(a);
    expect(a.published).toBe('2026-02-10');
    expect(text).not.toContain('快照');
    expect(text).not.toContain('苏州“一把手”履新');
    expect(text).not.toContain('南昌新式茶馆');
    expect(text).not.toContain('我的订阅');
    expect(text).toContain('新年钟声即将敲响');
  });

  it('splits 002 into its five items', () => {
    const a = articles.get('002')!;
    expect(a.items.length).toBeGreaterThanOrEqual(5);
    expect(a.items[1].headline[0]).toBe('刘捷在全市疫情防控工作视频调度会上强调');
  });

  it('drops 003 editor credits and disclaimers', () => {
    const a = articles.get('003')!;
    const text = allText(a);
    for (const junk of ['责编', '美编', '一审', '特别声明', 'Notice']) expect(text).not.toContain(junk);
    expect(a.published).toBeNull();
    expect(a.reference).toBe('2026-02-24');
  });

  it('splits the d02 chronicle by day and the d08 roundup by city', () => {
    const d02 = articles.get('d02')!;
    expect(d02.published).toBe('2019-11-19');
    expect(d02.items.map((i) => i.date)).toContain('2019-10-01');
    expect(d02.items.map((i) => i.date)).toContain('2019-10-07');
    const d08 = articles.get('d08')!;
    expect(d08.published).toBe('2024-08-03');
    expect(d08.items.map((i) => i.headline[0])).toEqual(expect.arrayContaining(['黄石', '鄂州']));
    expect(d08.items.find((i) => i.headline[0] === '黄石')!.date).toBe('2024-07-30');
  });

  it('cleans d03 punctuation noise; d03 and d04 have no published date', () => {
    const d03 = articles.get('d03')!;
    expect(allText(d03)).toContain('市领导马以、金长征、高屹、沈建平等分别陪同。');
    expect(allText(d03)).not.toMatch(/，，|，、|\?/);
    expect(d03.published).toBeNull();
    expect(articles.get('d04')!.published).toBeNull();
  });
});

describe('published date in a source line', () => {
  it('reads a dated header line followed by its source', () => {
    expect(findPublishedDate('市委常委会召开会议\n\n2024年06月18日 来源：某某日报\n\n本报讯 17日下午，会议召开。')).toBe('2024-06-18');
  });
});
