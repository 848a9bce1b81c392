import type { Command } from 'commander';
import { join } from 'node:path';
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
      const { readAll } = await import('../read/index.ts');
      const { extractArticle } = await import('../extract/article.ts');
      const { toPrediction } = await import('../extract/predictions.ts');
      const { readGoldDir } = await import('../eval/goldfiles.ts');
      const { scoreCorpus } = await import('../eval/score.ts');
      const { formatScoreTable, formatMisses } = await import('../eval/report.ts');
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
