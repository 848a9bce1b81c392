import type { ArticleFacts, Evidence } from '../extract/types.ts';

/** A sentence kept with an article's facts, so later passes can read it again. */
export interface SentenceRecord {
  item: number;
  text: string;
  original: string;
  start: number;
  end: number;
  date: string | null;
}

/** What the build keeps per article (out/facts/): its facts and its sentences. */
export interface ArticleRecord {
  facts: ArticleFacts;
  sentences: SentenceRecord[];
}

export type EntityLabel = 'Official' | 'Post' | 'City' | 'Meeting' | 'Campaign' | 'Site' | 'Article';

/** One real thing, merged from all its mentions. */
export interface Entity {
  key: string;
  label: EntityLabel;
  name: string;
  aliases: Set<string>;
  /** Label-specific properties (City: code, level, parent; Meeting: date, city; …). */
  props: Record<string, string | null>;
}

export type LinkType = 'CHAIRED' | 'ATTENDED' | 'INSPECTED' | 'HOLDS' | 'PROMOTED' | 'POST_IN' | 'HELD_IN' | 'LOCATED_IN' | 'PART_OF' | 'MENTIONS';

/** A relationship between two entities, stated by one piece of evidence (none for PART_OF). */
export interface Link {
  type: LinkType;
  from: string;
  to: string;
  evidence: Evidence | null;
}

export interface Resolved {
  entities: Map<string, Entity>;
  links: Link[];
}
