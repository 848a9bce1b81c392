/** The extract stage's output: what one article says, each fact with its evidence. */

import type { Evidence } from '../evidence.ts';

export type { Evidence };

/** A division as extraction refers to it: known to the gazetteer (code) or found by structure. */
export interface PlaceRef {
  name: string;
  code: string | null;
  level: 'province' | 'prefecture' | 'county' | null;
  parentCode: string | null;
}

export interface PostFact {
  official: string;
  /** Full post with its place: 湖州市委副书记, 萧山区副区长. */
  post: string;
  place: PlaceRef | null;
  evidence: Evidence;
}

export interface MeetingFact {
  name: string;
  date: string | null;
  place: PlaceRef | null;
  evidence: Evidence;
}

export type RelationType = 'CHAIRED' | 'ATTENDED' | 'INSPECTED' | 'PROMOTED';

export interface RelationFact {
  type: RelationType;
  /** Official's name. */
  from: string;
  /** Meeting name, place or site name, or campaign name. */
  to: string;
  /** What `to` names. */
  target: 'Meeting' | 'City' | 'Site' | 'Campaign';
  /** For meetings: the meeting's date, which with its name identifies it. For places: the PlaceRef. */
  meetingDate?: string | null;
  place?: PlaceRef | null;
  evidence: Evidence;
}

export interface NamedFact {
  name: string;
  evidence: Evidence;
}

export interface CityFact {
  place: PlaceRef;
  evidence: Evidence;
}

export interface ArticleFacts {
  article: { key: string; file: string; published: string | null; title: string; script: 'simplified' | 'traditional'; sha256: string };
  officials: NamedFact[];
  posts: PostFact[];
  cities: CityFact[];
  meetings: MeetingFact[];
  campaigns: NamedFact[];
  relations: RelationFact[];
}
