import type { Command } from 'commander';

// Placeholder until the serve stage lands; replaced by its owner.
export function register(program: Command): void {
  program.command('serve').description('(not yet available)').action(() => {
    console.error('kg serve: not yet available');
    process.exitCode = 1;
  });
}
