import type { Command } from 'commander';

// Placeholder until the extract stage lands; replaced by its owner.
export function register(program: Command): void {
  program.command('extract').description('(not yet available)').action(() => {
    console.error('kg extract: not yet available');
    process.exitCode = 1;
  });
}
