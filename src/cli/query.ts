import type { Command } from 'commander';

// Placeholder until the query stage lands; replaced by its owner.
export function register(program: Command): void {
  program.command('query').description('(not yet available)').action(() => {
    console.error('kg query: not yet available');
    process.exitCode = 1;
  });
}
