import type { Command } from 'commander';

// Placeholder until the eval stage lands; replaced by its owner.
export function register(program: Command): void {
  program.command('eval').description('(not yet available)').action(() => {
    console.error('kg eval: not yet available');
    process.exitCode = 1;
  });
}
