import type { Command } from 'commander';
import { join } from 'node:path';
import { readAll } from '../read/index.ts';
import { extractArticle } from '../extract/article.ts';
import { toPrediction } from '../extract/predictions.ts';
import { readGoldDir } from '../eval/goldfiles.ts';
import { scoreCorpus } from '../eval/score.ts';
import { formatScoreTable, formatMisses } from '../eval/report.ts';
import { reportFailures } from './failures.ts';

export function register(program: Command): void {
  program
    .command('eval')
    .description('Score extraction against gold annotations: precision, recall and F1 per field and micro-averaged.')
    .requiredOption('--gold <dir>', 'directory of gold JSON files (see gold/FORMAT.md)')
    .requiredOption('--corpus <dir>', 'directory holding the articles the gold files name')
    .option('--verbose', 'also list false positives and negatives per article')
    .option('--json', 'print the scores as JSON')
    .addHelpText('after', '\nExample:\n  kg eval --gold ../shared/gold --corpus ../shared/corpus/seeds')
    .action(async (opts: { gold: string; corpus: string; verbose?: boolean; json?: boolean }) => {
      const golds = readGoldDir(opts.gold);
      const { articles, failures } = await readAll(golds.map((g) => join(opts.corpus, g.article)));
      const score = scoreCorpus(articles.map((a) => extractArticle(a)).map(toPrediction), golds);
      if (opts.json) process.stdout.write(`${JSON.stringify(score, null, 2)}\n`);
      else {
        if (opts.verbose) process.stdout.write(`${formatMisses(score)}\n\n`);
        process.stdout.write(`${formatScoreTable(score)}\n`);
      }
      reportFailures(failures);
    });
}
