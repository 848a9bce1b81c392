import type { Command } from 'commander';

// Placeholder until the build stage lands; replaced by its owner.
export function register(program: Command): void {
  program.command('build').description('(not yet available)').action(() => {
    console.error('kg build: not yet available');
    process.exitCode = 1;
  });
}
