/**
 * Stable keys: the same thing extracted again gets the same key, so loads and incremental
 * builds merge on them.
 *  - Official: the name. Two officials who share a name become one node (see README).
 *  - City: the division code (GB/T 2260), or the name for a division the gazetteer lacks.
 *  - Meeting: normalised name + date; an undated meeting carries its article instead,
 *    since an undated 座谈会 in two articles is rarely the same meeting.
 *  - Post, Campaign, Site: the normalised name.
 *  - Article: the file's path relative to the working directory (two files of one name stay two).
 */
import type { PlaceRef } from '../extract/types.ts';

export const normalize = (s: string) => s.replace(/[\s“”"'‘’「」『』《》]/g, '').replace(/（/g, '(').replace(/）/g, ')');

export const officialKey = (name: string) => `Official:${normalize(name)}`;
export const postKey = (title: string) => `Post:${normalize(title).replace(/^中共/, '')}`;
export const cityKey = (place: PlaceRef) => (place.code ? `City:${place.code}` : `City:${normalize(place.name)}`);
export const campaignKey = (name: string) => `Campaign:${normalize(name)}`;
export const siteKey = (name: string) => `Site:${normalize(name)}`;

export function meetingKey(name: string, date: string | null, article: string): string {
  return date ? `Meeting:${normalize(name)}@${date}` : `Meeting:${normalize(name)}@${article}`;
}
