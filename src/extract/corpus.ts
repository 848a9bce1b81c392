/**
 * Extraction over a corpus: a first pass learns who the officials are and which quoted
 * campaigns were accepted, so that the second pass also finds them where an article
 * names them alone (袁家军指出) or without quotes.
 */
import type { Article } from '../read/types.ts';
import { extractArticle } from './article.ts';
import type { ArticleFacts } from './types.ts';

export interface CorpusKnowledge {
  officials: Set<string>;
  campaigns: Set<string>;
}

/** Officials introduced by a title, and campaigns, across the articles. */
export function learnFromCorpus(articles: Iterable<Article>): CorpusKnowledge {
  const knowledge: CorpusKnowledge = { officials: new Set(), campaigns: new Set() };
  for (const article of articles) {
    const facts = extractArticle(article);
    for (const o of facts.officials) knowledge.officials.add(o.name);
    for (const c of facts.campaigns) if (c.name.length >= 3) knowledge.campaigns.add(c.name);
  }
  return knowledge;
}

export function extractCorpus(articles: Article[]): ArticleFacts[] {
  const knowledge = process.env.KG_NO_KNOWLEDGE ? { officials: new Set<string>(), campaigns: new Set<string>() } : learnFromCorpus(articles);
  return articles.map((a) => extractArticle(a, { knownOfficials: knowledge.officials, knownCampaigns: knowledge.campaigns }));
}
