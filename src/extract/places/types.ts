/** Administrative divisions of China and their mentions in text. */

export type DivisionLevel = 'province' | 'prefecture' | 'county';

export interface Division {
  /**
   * GB/T 2260 code (2, 4 or 6 digits; statistics-use codes for functional areas).
   * Former divisions get `former:<successor code>:<name>`, since their old codes are
   * not in the source data.
   */
  code: string;
  /** Full official name with suffix: 湖州市, 浙江省, 萧山区. */
  name: string;
  /** Name as used in running text (湖州, 浙江, 萧山); '' when it has no usable short form. */
  shortName: string;
  level: DivisionLevel;
  /** Code of the parent division; null for provinces. */
  parentCode: string | null;
  /** A name no longer in use (户县, now 鄠邑区). */
  former?: boolean;
  /** For a former division: the division that replaced it. */
  successorCode?: string;
  /** A functional area (开发区, 新区, 示范区) rather than an administrative division. */
  functional?: boolean;
  /**
   * Other names written in text: 恩施州 for 恩施土家族苗族自治州, 景宁县 for 景宁畲族自治县,
   * and those of the extras lexicon (雄安 for 雄安新区).
   */
  aliases?: string[];
}

export interface DivisionMention {
  division: Division;
  /** Offsets in the searched text (start inclusive, end exclusive). */
  start: number;
  end: number;
  /** The text as it stands: 湖州市, 湖州. */
  surface: string;
  /** True when the surface is a short form or alias, not the full name. */
  short: boolean;
  /** Other divisions the surface could name, when it was ambiguous. */
  alternatives?: Division[];
}
