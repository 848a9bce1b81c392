/** Property-based tests: the extractor never throws, and every piece of evidence points into the article. */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { readArticleBytes, isReadFailure } from '../src/read/index.ts';
import { extractArticle } from '../src/extract/article.ts';
import { toPrediction } from '../src/extract/predictions.ts';

/** Pieces of official prose, so that random articles exercise the rules and not just the no-match path. */
const PIECES = [
  '本报讯', '6月25日', '5日下午', '昨日', '，', '。', '、', '“', '”', '（', '）', ' ', '\n', '\n\n',
  '市委书记', '区委副书记、区长', '省委常委、杭州市委书记', '县委常委', '区领导', '等', '参加', '出席', '主持', '主持召开',
  '会议', '座谈会', '推进会', '召开', '在会上强调', '调研', '督导检查', '来到', '先后', '赴', '等地', '一行',
  '王浩', '姜永柱', '金承涛', '陈', '李', '萧山区', '湖州', '浙江省', '八八战略', '千万工程', '有限公司', '社区',
  '縣委書記', '區(qū)', '會(huì)議', '记者 张三', '同志',
];
const prose = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 6 }), fc.string({ unit: 'grapheme', maxLength: 4 })), { maxLength: 60 }).map((xs) => xs.join(''));

describe('extraction on any text', () => {
  it('never throws and keeps every evidence inside the article', () => {
    fc.assert(
      fc.property(prose, (text) => {
        const a = readArticleBytes('p.txt', Buffer.from(text, 'utf8'));
        if (isReadFailure(a)) return true;
        const facts = extractArticle(a);
        toPrediction(facts);
        const all = [...facts.officials, ...facts.posts, ...facts.cities, ...facts.meetings, ...facts.campaigns, ...facts.relations];
        for (const f of all) {
          const e = f.evidence;
          expect(e.start).toBeGreaterThanOrEqual(0);
          expect(e.end).toBeLessThanOrEqual(a.raw.length);
          expect(a.raw.slice(e.start, e.end)).toBe(e.original);
          expect(a.raw).toContain(e.original);
        }
        return true;
      }),
      { numRuns: 300 },
    );
  });
});
