/** The read stage's output: one decoded, cleaned article split into items and sentences. */

export type Script = 'simplified' | 'traditional';

export interface Sentence {
  /** Cleaned text in Simplified script: ruby removed, OCR spaces joined. */
  text: string;
  /** The same span of the original decoded text, as it stands there. */
  original: string;
  /** Offsets of the span in `Article.raw` (start inclusive, end exclusive). */
  start: number;
  end: number;
  /**
   * For each character of `text`, its offset in `Article.raw`; lets extraction point at
   * the exact characters of a mention.
   */
  offsets: number[];
  /**
   * The date in force at this sentence (YYYY-MM-DD): the date it opens with (5日下午，…),
   * else the last one an earlier sentence of its item opened with, else the item's date,
   * else the article's published date; null when none is known.
   */
  date: string | null;
}

/** One news item: a newspaper page or roundup holds several, each with its own headline. */
export interface NewsItem {
  index: number;
  /** Headline lines (cleaned, Simplified) that open the item, if any. */
  headline: string[];
  /** Dateline date of the item when it states one (本报讯 6月25日 ...), resolved. */
  date: string | null;
  sentences: Sentence[];
}

export interface Article {
  /** Stable key: `Article:<path relative to the working directory>`. */
  key: string;
  /** File base name (e.g. 002_7085c0ac0f2e14a4.txt); `<stdin>` for standard input. */
  file: string;
  /** Full path as given, for messages. */
  path: string;
  /** Decoded original text (after HTML stripping), before any cleaning. */
  raw: string;
  /** SHA-256 (hex) of `raw`. */
  sha256: string;
  /** Detected source encoding (utf-8, utf-16le, gb18030, big5 ...). */
  encoding: string;
  script: Script;
  /** The article's own date (YYYY-MM-DD) when the text states it, else null. */
  published: string | null;
  /**
   * The date that day expressions of the text (5日下午, 2月4日, 昨日) resolve against:
   * `published`; for a chronicle page (宁波市二O一九年十月份记事) the last day of the
   * month it covers; for a reprinted speech without a published date the date of its
   * source note (摘自…2026年2月24日在…的讲话). Pass it to `resolveDate`.
   */
  reference: string | null;
  title: string;
  items: NewsItem[];
}

/** A file that could not be read, with the reason in words a user understands. */
export interface ReadFailure {
  path: string;
  reason: string;
}
