import type { Command } from 'commander';
import { readAll } from '../read/index.ts';
import { extractArticle } from '../extract/article.ts';
import { toPrediction } from '../extract/predictions.ts';
import { reportFailures } from './failures.ts';

export function register(program: Command): void {
  program
    .command('extract')
    .description('Print what each article says, one JSON object per article (the predictions format of gold/FORMAT.md).')
    .argument('<paths...>', 'article files or directories (.txt .md .html .htm); - reads standard input')
    .option('--json', 'JSON Lines output (the default and only format)', true)
    .option('--facts', 'print full facts with evidence instead of predictions')
    .addHelpText('after', '\nExample:\n  kg extract ../shared/corpus/seeds --json > predictions.jsonl')
    .action(async (paths: string[], opts: { facts?: boolean }) => {
      const { articles, failures } = await readAll(paths);
      for (const facts of articles.map((a) => extractArticle(a))) {
        process.stdout.write(`${JSON.stringify(opts.facts ? facts : toPrediction(facts))}\n`);
      }
      reportFailures(failures);
    });
}
