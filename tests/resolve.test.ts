import { describe, it, expect } from 'vitest';
import { resolve } from '../src/resolve/resolve.ts';
import type { ArticleRecord, SentenceRecord } from '../src/resolve/types.ts';
import type { Evidence } from '../src/extract/types.ts';

const sentence = (item: number, text: string): SentenceRecord => ({ item, text, original: text, start: 0, end: text.length, date: null });
const evidence = (article: string, s: SentenceRecord): Evidence => ({ article, item: s.item, sentence: s.text, original: s.original, start: s.start, end: s.end, date: s.date });

/** An article whose only facts are quoted campaigns; `texts` are its sentences. */
function record(key: string, texts: string[], quoted: string[] = []): ArticleRecord {
  const sentences = texts.map((t, i) => sentence(i, t));
  return {
    facts: {
      article: { key, file: `${key}.txt`, published: null, title: key, script: 'simplified', sha256: key },
      officials: [],
      posts: [],
      cities: [],
      meetings: [],
      campaigns: quoted.map((name) => ({ name, evidence: evidence(key, sentences.find((s) => s.text.includes(name))!) })),
      relations: [],
    },
    sentences,
  };
}

const records = [
  record('a', ['深入践行“八八战略”，推进“千万工程”。'], ['八八战略', '千万工程']),
  record('b', ['会议部署平安建设。', '要坚持千万工程经验，把八八战略落到实处。', '八八战略再提一次。']),
  record('c', ['推进“最多跑一次”改革。'], ['最多跑一次']),
  record('d', ['无关的句子。']),
];

/** Campaign mentions of one article, as [campaign, sentence] in link order. */
const campaignMentions = (links: ReturnType<typeof resolve>['links'], article: string) =>
  links.filter((l) => l.type === 'MENTIONS' && l.from === article && l.to.startsWith('Campaign:')).map((l) => [l.to, l.evidence!.sentence]);

describe('resolve', () => {
  it('finds campaigns learnt elsewhere in the first sentence naming them, in the order they were learnt', () => {
    const { links } = resolve(records);
    expect(campaignMentions(links, 'b')).toEqual([
      ['Campaign:八八战略', '要坚持千万工程经验，把八八战略落到实处。'],
      ['Campaign:千万工程', '要坚持千万工程经验，把八八战略落到实处。'],
    ]);
    expect(campaignMentions(links, 'd')).toEqual([]);
    // Its own quoted campaigns are mentioned once, from their own evidence.
    expect(campaignMentions(links, 'a').map(([c]) => c)).toEqual(['Campaign:八八战略', 'Campaign:千万工程']);
  });

  it('streams an iterable that starts afresh on each pass, with the same result as an array', () => {
    let passes = 0;
    const stream = {
      *[Symbol.iterator]() {
        passes++;
        yield* records.map((r) => structuredClone(r));
      },
    };
    const streamed = resolve(stream);
    const whole = resolve(records);
    expect(passes).toBe(2);
    expect(streamed.links).toEqual(whole.links);
    expect([...streamed.entities.values()]).toEqual([...whole.entities.values()]);
  });

  it('refuses a one-shot generator, which would be empty on the second pass', () => {
    function* once() {
      yield* records;
    }
    expect(() => resolve(once())).toThrow(/read twice/);
  });
});
