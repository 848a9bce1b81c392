import { describe, it, expect } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readAll } from '../src/read/index.ts';
import { extractArticle } from '../src/extract/article.ts';
import { toPrediction } from '../src/extract/predictions.ts';
import { readGoldDir } from '../src/eval/goldfiles.ts';
import { scoreCorpus, matchItems, type Field } from '../src/eval/score.ts';
import { normalizePost, dice } from '../src/eval/normalize.ts';

const shared = join(import.meta.dirname, '..', '..', 'shared');

describe('matching rules of gold/FORMAT.md', () => {
  it('normalises posts', () => {
    expect(normalizePost('中共湖州市委副书记')).toBe(normalizePost('湖州市委副书记'));
    expect(normalizePost('湖州市市长')).toBe(normalizePost('湖州市长'));
    expect(normalizePost('萧山区区委书记')).toBe(normalizePost('萧山区委书记'));
    expect(normalizePost('浙江省委常委')).toBe(normalizePost('省委常委'));
  });
  it('matches one to one, best first, and ignores optional items', () => {
    const m = matchItems(['甲乙', '丙丁', '戊己'], ['甲乙'], ['丙丁'], (p, g) => (p === g ? 1 : 0));
    expect(m).toMatchObject({ tp: 1, fp: 1, fn: 0 });
    expect(dice('全省建设工作会议', '全省建设工作会')).toBeGreaterThan(0.6);
  });
});

async function score(gold: string, corpus: string) {
  const golds = readGoldDir(gold);
  const { articles } = await readAll(golds.map((g) => join(corpus, g.article)));
  return scoreCorpus(articles.map((a) => toPrediction(extractArticle(a))), golds);
}

const haveShared = existsSync(join(shared, 'gold'));
if (!haveShared) console.warn(`SKIPPED: extraction quality bars need ${shared} (gold annotations), which is absent`);

describe.skipIf(!haveShared)('extraction quality against the gold annotations', () => {
  it('seeds: micro-F1 >= 0.85 and the per-field bars of issue 2', async () => {
    const s = await score(join(shared, 'gold'), join(shared, 'corpus', 'seeds'));
    expect(s.missing).toEqual([]);
    expect(s.micro.f1).toBeGreaterThanOrEqual(0.85);
    const bars: [Field, number][] = [
      ['officials', 0.85], ['posts', 0.85], ['cities', 0.85], ['CHAIRED', 0.85], ['ATTENDED', 0.85],
      ['meetings', 0.7], ['campaigns', 0.7], ['INSPECTED', 0.7],
    ];
    for (const [field, bar] of bars) expect(s.fields[field].f1, field).toBeGreaterThanOrEqual(bar);
  });
  it('dev: micro-F1 >= 0.80', async () => {
    const s = await score(join(shared, 'gold-dev'), join(shared, 'corpus', 'dev'));
    expect(s.missing).toEqual([]);
    expect(s.micro.f1).toBeGreaterThanOrEqual(0.8);
  });
});
