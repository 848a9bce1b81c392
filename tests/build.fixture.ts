/** Helpers shared by the build tests. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const tmpOut = () => mkdtempSync(join(tmpdir(), 'kg-out-'));

/** graph.json without its build time, for comparing two builds. */
export function canonical(path: string): string {
  const g = JSON.parse(readFileSync(path, 'utf8'));
  delete g.attributes.builtAt;
  return JSON.stringify(g);
}
