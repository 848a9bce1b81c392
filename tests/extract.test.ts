import { describe, it, expect } from 'vitest';
import { readArticleBytes, isReadFailure, type Article } from '../src/read/index.ts';
import { extractArticle } from '../src/extract/article.ts';
import { toPrediction, type Prediction } from '../src/extract/predictions.ts';
import { nameAt } from '../src/extract/names.ts';
import { findMeetings } from '../src/extract/meetings.ts';
import { findCampaigns } from '../src/extract/campaigns.ts';

/** Articles written for these tests, in the style of official news (not taken from any source). */
function article(text: string, name = 'test.txt'): Article {
  const a = readArticleBytes(name, Buffer.from(text, 'utf8'));
  if (isReadFailure(a)) throw new Error(a.reason);
  return a;
}
const predict = (text: string): Prediction => toPrediction(extractArticle(article(text)));
const rel = (p: Prediction, type: string) => p.relations.filter((r) => r.type === type).map((r) => `${r.from}->${r.to}`);

describe('names after titles', () => {
  it('ends a name at a following word and prefers the reading it ends', () => {
    expect(nameAt('秦明主持会议', 0)).toBe('秦明');
    expect(nameAt('李文强出席', 0)).toBe('李文强');
    expect(nameAt('王立又前往', 0, new Set(['王立']))).toBe('王立');
    expect(nameAt('贺平一、张三', 0)).toBe('贺平一');
  });
  it('refuses organ words that look like names', () => {
    expect(nameAt('和政协委员', 0)).toBeNull();
  });
});

describe('officials and posts', () => {
  it('reads a title chain and carries the place to the bare post after it', () => {
    const p = predict('比如，丽水市委副书记、市长周建新赴松阳县督导检查安全生产。');
    expect(p.officials).toContain('周建新');
    expect(p.posts).toEqual(expect.arrayContaining([
      { official: '周建新', post: '丽水市委副书记' },
      { official: '周建新', post: '丽水市长' },
    ]));
  });
  it('gives a bare 省委 the province of the chain and lists names after a shared title', () => {
    const p = predict('3月2日，省委常委、衢州市委书记高林出席会议。县委常委张一鸣、李建平、陈小勇出席会议。');
    expect(p.posts).toContainEqual({ official: '高林', post: '浙江省委常委' });
    for (const n of ['张一鸣', '李建平', '陈小勇']) expect(p.officials).toContain(n);
  });
  it('fills 区委书记 from the article context', () => {
    const p = predict('本报讯 5日上午，萧山区召开会议。区委书记赵东来主持会议。');
    expect(p.posts).toContainEqual({ official: '赵东来', post: '萧山区委书记' });
  });
  it('takes attendance lists and group titles, not bylines', () => {
    const p = predict('本报讯（记者 孙小明）全市安全工作会议召开。刘一平、黄小东、吴建国出席。区领导朱红、钱立新等参加。通讯员 何大为 摄');
    expect(p.officials).toEqual(expect.arrayContaining(['刘一平', '黄小东', '吴建国', '朱红', '钱立新']));
    expect(p.officials).not.toContain('孙小明');
    expect(p.officials).not.toContain('何大为');
  });
});

describe('meetings', () => {
  it('finds held meetings and completes a generic name with its organ', () => {
    expect(findMeetings('6月5日，区委常委会召开会议，研究部署工作。').map((m) => m.name)).toEqual(['区委常委会会议']);
    expect(findMeetings('全市防汛工作推进会在温州召开。')[0]).toMatchObject({ name: '全市防汛工作推进会', trigger: 'held', placeText: '温州' });
  });
  it('skips meetings only referred to', () => {
    expect(findMeetings('传达学习全省经济工作会议精神。')).toEqual([]);
    expect(findMeetings('《关于召开纪念大会有关事项的请示》')).toEqual([]);
  });
});

describe('campaigns', () => {
  it('accepts quoted initiatives by numeral, campaign word or verb, and rejects slogans', () => {
    const names = findCampaigns('深入践行“八八战略”，推进“清廉建设”，开展“三服务”行动，统筹“三条赛道”，树立“时时放心不下”的责任感。', new Set()).map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(['八八战略', '清廉建设', '三服务行动']));
    expect(names).not.toContain('三条赛道');
    expect(names).not.toContain('时时放心不下');
  });
  it('joins a campaign word after the quotes, but not a localiser or a one-character word', () => {
    const names = findCampaigns('推进“141”体系建设，打好“33590”交通大会战，在“浦江经验”上出新彩，迎接“十五五”开局之年。', new Set()).map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(['141体系', '33590交通大会战', '浦江经验', '十五五']));
    expect(names).not.toContain('十五五开局之年');
  });
});

describe('relations', () => {
  it('reads CHAIRED and ATTENDED from a meeting item', () => {
    const p = predict('本报讯 4日上午，全县乡村振兴推进会召开。县委书记方正主持会议并讲话。县长何立、县政协主席林森出席会议。');
    expect(rel(p, 'CHAIRED')).toEqual(['方正->全县乡村振兴推进会']);
    expect(rel(p, 'ATTENDED')).toEqual(expect.arrayContaining(['方正->全县乡村振兴推进会', '何立->全县乡村振兴推进会', '林森->全县乡村振兴推进会']));
  });
  it('reads INSPECTED for the lead and for those who took part', () => {
    const p = predict('本报讯 9日上午，区委书记杜明督导检查安全生产工作。副区长邹平参加。杜明先后来到城南污水处理厂、北门码头等地，详细了解情况。');
    expect(rel(p, 'INSPECTED')).toEqual(expect.arrayContaining([
      '杜明->城南污水处理厂', '杜明->北门码头', '邹平->城南污水处理厂', '邹平->北门码头',
    ]));
  });
  it('keeps evidence inside the article text', () => {
    const a = article('本报讯 4日上午，全县推进会召开。县委书记方正主持会议。');
    const facts = extractArticle(a);
    for (const r of facts.relations) expect(a.raw.slice(r.evidence.start, r.evidence.end)).toBe(r.evidence.original);
  });
});
