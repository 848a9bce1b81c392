import type { ReadFailure } from '../read/index.ts';

/** Lists files that could not be read on stderr and sets a non-zero exit code. */
export function reportFailures(failures: ReadFailure[]): void {
  if (!failures.length) return;
  process.stderr.write(`\n${failures.length} file(s) failed:\n`);
  for (const f of failures) process.stderr.write(`  ${f.path}: ${f.reason}\n`);
  process.exitCode = 2;
}
