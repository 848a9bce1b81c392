/**
 * Evidence is the one type every stage shares: extraction writes it, the graph carries it on
 * its edges, the sinks show and store it. It lives here, below the stages, so that no stage
 * imports another against the flow.
 */

/** Where a fact was read: enough to show the sentence and find it again in the article. */
export interface Evidence {
  /** `key` of the Article node. */
  article: string;
  /** Index of the news item inside the article (a newspaper page holds several). */
  item: number;
  /** The sentence in Simplified script, as extraction read it. */
  sentence: string;
  /** The same sentence in the article's own script (Traditional stays Traditional). */
  original: string;
  /** Character offsets of the sentence in the article's original (decoded) text. */
  start: number;
  end: number;
  /** Date of the fact (YYYY-MM-DD) when known, else the article's date, else null. */
  date: string | null;
}
