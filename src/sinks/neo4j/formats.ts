/** Output formats of kg query: a list apart from format.ts, so the CLI shows it without loading the driver. */
export const FORMATS = ['table', 'json', 'csv'] as const;
export type Format = (typeof FORMATS)[number];
