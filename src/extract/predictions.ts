import type { ArticleFacts } from './types.ts';

/** One article's predictions in the format of ../shared/gold/FORMAT.md ("Predictions"). */
export interface RelationPrediction {
  type: string;
  from: string;
  to: string;
}

export interface Prediction {
  article: string;
  published: string | null;
  officials: string[];
  posts: { official: string; post: string }[];
  cities: string[];
  meetings: { name: string; date: string | null; city: string | null }[];
  campaigns: string[];
  relations: RelationPrediction[];
}

const unique = <T>(xs: T[], key: (x: T) => string): T[] => [...new Map(xs.map((x) => [key(x), x])).values()];
const plain = (s: string) => s.replace(/[“”"'‘’「」『』]/g, '');

export function toPrediction(facts: ArticleFacts): Prediction {
  return {
    article: facts.article.file,
    published: facts.article.published,
    officials: unique(facts.officials.map((o) => o.name), (x) => x),
    posts: unique(
      facts.posts.map((p) => ({ official: p.official, post: p.post })),
      (p) => `${p.official}|${p.post}`,
    ),
    cities: unique(facts.cities.map((c) => c.place.name), (x) => x),
    meetings: unique(
      facts.meetings.map((m) => ({ name: plain(m.name), date: m.date, city: m.place?.name ?? null })),
      (m) => `${m.name}|${m.date}`,
    ),
    campaigns: unique(facts.campaigns.map((c) => plain(c.name)), (x) => x),
    relations: unique(
      facts.relations
        .filter((r) => r.type !== 'PROMOTED')
        .map((r) => ({ type: r.type, from: r.from, to: plain(r.to) })),
      (r) => `${r.type}|${r.from}|${r.to}`,
    ),
  };
}
