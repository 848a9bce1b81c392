import type { Command } from 'commander';
import type { ReadFailure } from '../read/index.ts';
import { reportFailures } from './failures.ts';

export function register(program: Command): void {
  program
    .command('extract')
    .description('Print what each article says, one JSON object per article (the predictions format of gold/FORMAT.md).')
    .argument('<paths...>', 'article files or directories (.txt .md .html .htm); - reads standard input')
    .option('--json', 'JSON Lines output (the default and only format)', true)
    .option('--facts', 'print full facts with evidence instead of predictions')
    .addHelpText('after', '\nExamples:\n  kg extract ../shared/corpus/seeds --json > predictions.jsonl\n  kg extract article.html --facts')
    .action(async (paths: string[], opts: { facts?: boolean }) => {
      const failures: ReadFailure[] = [];
      const { readArticles, isReadFailure } = await import('../read/index.ts');
      const { extractArticle } = await import('../extract/article.ts');
      const { toPrediction } = await import('../extract/predictions.ts');
      for await (const a of readArticles(paths)) {
        if (isReadFailure(a)) {
          failures.push(a);
          continue;
        }
        const facts = extractArticle(a);
        process.stdout.write(`${JSON.stringify(opts.facts ? facts : toPrediction(facts))}\n`);
      }
      reportFailures(failures);
    });
}
