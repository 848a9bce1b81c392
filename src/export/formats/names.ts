/** Export format names: a list apart from the writers, so the CLI shows it without loading them. */
export const FORMAT_NAMES = ['json', 'jsonl', 'gexf', 'graphml', 'cypher', 'csv'] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];

export function isFormatName(name: string): name is FormatName {
  return (FORMAT_NAMES as readonly string[]).includes(name);
}
