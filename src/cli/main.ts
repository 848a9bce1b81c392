import { Command } from 'commander';
import { register as build } from './build.ts';
import { register as extract } from './extract.ts';
import { register as evaluate } from './eval.ts';
import { register as load } from './load.ts';
import { register as query } from './query.ts';
import { register as serve } from './serve.ts';
import { register as exportCmd } from './export.ts';

// A closed pipe (kg extract … | head) is the reader's choice, not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

const program = new Command()
  .name('kg')
  .description('Build a knowledge graph of officials, posts, places, meetings and campaigns from Chinese political news.')
  .showHelpAfterError();

for (const register of [build, extract, evaluate, load, query, serve, exportCmd]) register(program);

await program.parseAsync(process.argv);
