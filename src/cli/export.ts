import type { Command } from 'commander';

// Placeholder until the export stage lands; replaced by its owner.
export function register(program: Command): void {
  program.command('export').description('(not yet available)').action(() => {
    console.error('kg export: not yet available');
    process.exitCode = 1;
  });
}
