/**
 * The place gazetteer used by extraction: China's divisions at province, prefecture and
 * county level (with districts, new areas and former names), their hierarchy, and a
 * matcher for their names in Simplified text. Implementation in ./places/.
 */
export type { Division, DivisionLevel, DivisionMention } from './places/types.ts';
export { divisionByCode, divisionsByName, allDivisions, parentOf, parentChain, isWithin } from './places/hierarchy.ts';
export { findDivisions, scanPlaces, lineScan, mentionsOf, type FindDivisionsOptions, type PlaceScan } from './places/findDivisions.ts';
export { shortNameOf } from './places/shortName.ts';
