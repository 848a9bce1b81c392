/** Query results as text: an aligned table (CJK-width aware), JSON, or CSV (RFC 4180). */
import Table from 'cli-table3';
import { stringify } from 'csv-stringify/sync';
import type { ReadQueryResult } from './query.ts';
import { cellText } from './values.ts';

import type { Format } from './formats.ts';

export { FORMATS, type Format } from './formats.ts';

export function formatResult(result: ReadQueryResult, format: Format): string {
  if (format === 'json') return `${JSON.stringify(result.rows, null, 2)}\n`;
  if (format === 'csv') {
    const cells = (row: Record<string, unknown>) =>
      result.columns.map((c) => (row[c] !== null && typeof row[c] === 'object' ? JSON.stringify(row[c]) : row[c] ?? ''));
    return stringify([result.columns, ...result.rows.map(cells)]);
  }
  if (result.columns.length === 0) return '';
  const table = new Table({ head: result.columns, style: { head: [], border: [], compact: true } });
  for (const row of result.rows) table.push(result.columns.map((c) => cellText(row[c])));
  return `${table.toString()}\n`;
}
