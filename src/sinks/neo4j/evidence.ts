/**
 * Evidence as relationship properties, once. Neo4j properties cannot hold maps, so a list of
 * evidence becomes parallel arrays, where index i describes sentence i:
 *
 *   evidenceArticles, evidenceItems, evidenceSentences, evidenceStarts, evidenceEnds,
 *   evidenceDates ("" when unknown), evidenceCount;
 *   evidenceOriginals only when some sentence's original script differs from its Simplified
 *   text (most articles are Simplified): coalesce(r.evidenceOriginals, r.evidenceSentences).
 *
 * `evidenceFromProperties` reads them back exactly; it also reads `evidence`, the JSON text
 * the CSV and Cypher exports write (and `kg load` wrote before).
 */
import neo4j from 'neo4j-driver';
import type { Evidence } from '../../evidence.ts';

type Properties = Record<string, unknown>;

/** The evidence properties of a relationship; evidenceOriginals is often absent. */
export const EVIDENCE_PROPERTIES = [
  'evidenceCount',
  'evidenceArticles',
  'evidenceItems',
  'evidenceSentences',
  'evidenceStarts',
  'evidenceEnds',
  'evidenceDates',
  'evidenceOriginals',
] as const;

export function evidenceProperties(list: Evidence[]): Properties {
  const sentences = list.map((e) => String(e.sentence ?? ''));
  const originals = list.map((e) => String(e.original ?? ''));
  const props: Properties = {
    evidenceCount: neo4j.int(list.length),
    evidenceArticles: list.map((e) => String(e.article ?? '')),
    evidenceItems: list.map((e) => neo4j.int(e.item ?? 0)),
    evidenceSentences: sentences,
    evidenceStarts: list.map((e) => neo4j.int(e.start ?? 0)),
    evidenceEnds: list.map((e) => neo4j.int(e.end ?? 0)),
    evidenceDates: list.map((e) => e.date ?? ''),
  };
  if (originals.some((original, i) => original !== sentences[i])) props.evidenceOriginals = originals;
  return props;
}

/**
 * The evidence list of a relationship's properties (plain values: numbers, not Integers).
 * `where` names the relationship in errors.
 */
export function evidenceFromProperties(props: Properties, where: string): Evidence[] {
  if (props.evidence !== undefined && props.evidence !== null) return evidenceFromJson(props.evidence, where);
  const sentences = props.evidenceSentences;
  if (sentences === undefined || sentences === null) return [];
  const column = (name: string, length: number): unknown[] => {
    const values = props[name];
    if (!Array.isArray(values) || values.length !== length) {
      throw new Error(`${where}: ${name} is not a list of ${length} values like evidenceSentences`);
    }
    return values;
  };
  if (!Array.isArray(sentences)) throw new Error(`${where}: evidenceSentences is not a list`);
  const n = sentences.length;
  const [articles, items, starts, ends, dates] = ['evidenceArticles', 'evidenceItems', 'evidenceStarts', 'evidenceEnds', 'evidenceDates'].map((name) => column(name, n));
  const originals = props.evidenceOriginals === undefined || props.evidenceOriginals === null ? sentences : column('evidenceOriginals', n);
  return sentences.map((sentence, i) => ({
    article: String(articles![i]),
    item: Number(items![i]),
    sentence: String(sentence),
    original: String(originals[i]),
    start: Number(starts![i]),
    end: Number(ends![i]),
    date: dates![i] === '' ? null : String(dates![i]),
  }));
}

/** Evidence as the exports store it: JSON text of the list (or a list of JSON texts). */
function evidenceFromJson(value: unknown, where: string): Evidence[] {
  try {
    if (typeof value === 'string') return JSON.parse(value);
    if (Array.isArray(value)) return value.map((e) => (typeof e === 'string' ? JSON.parse(e) : e));
  } catch (err) {
    throw new Error(`${where}: evidence is not JSON (${(err as Error).message})`);
  }
  throw new Error(`${where}: evidence is neither JSON text nor a list`);
}
