import type { Command } from 'commander';

// Placeholder until the load stage lands; replaced by its owner.
export function register(program: Command): void {
  program.command('load').description('(not yet available)').action(() => {
    console.error('kg load: not yet available');
    process.exitCode = 1;
  });
}
