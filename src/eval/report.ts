import { FIELDS, type CorpusScore } from './score.ts';

const pct = (x: number) => x.toFixed(3);

/** The score table `kg eval` prints: precision, recall, F1 per field and micro-averaged. */
export function formatScoreTable(score: CorpusScore): string {
  const rows = [['field', 'tp', 'fp', 'fn', 'precision', 'recall', 'f1']];
  for (const f of FIELDS) {
    const s = score.fields[f];
    rows.push([f, String(s.tp), String(s.fp), String(s.fn), pct(s.precision), pct(s.recall), pct(s.f1)]);
  }
  const m = score.micro;
  rows.push(['micro', String(m.tp), String(m.fp), String(m.fn), pct(m.precision), pct(m.recall), pct(m.f1)]);
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  const out = rows.map(line);
  out.splice(1, 0, widths.map((w) => '-'.repeat(w)).join('  '));
  out.splice(out.length - 1, 0, widths.map((w) => '-'.repeat(w)).join('  '));
  out.push('', `published date correct: ${pct(score.publishedAccuracy)} (${score.articles.length} articles)`);
  if (score.missing.length) out.push(`no prediction for: ${score.missing.join(', ')}`);
  return out.join('\n');
}

/** False positives and negatives per article and field, for `kg eval --verbose`. */
export function formatMisses(score: CorpusScore): string {
  const out: string[] = [];
  for (const a of score.articles) {
    out.push(`# ${a.article}`);
    for (const f of FIELDS) {
      const m = a.misses[f];
      if (m.fp.length) out.push(`  ${f} FP: ${m.fp.join(' | ')}`);
      if (m.fn.length) out.push(`  ${f} FN: ${m.fn.join(' | ')}`);
    }
  }
  return out.join('\n');
}
