/** Shared set-up for the server and viewer tests: a built viewer and a started server. */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const VIEWER_DIST = join(ROOT, 'viewer/dist');
export const QUERIES_DIR = join(ROOT, 'cypher/queries');
export const SEEDS = join(ROOT, '../shared/corpus/seeds');

/** `npm install` builds the viewer (prepare); build it here too when a checkout skipped that. */
export function ensureViewerBuilt(): void {
  if (existsSync(join(VIEWER_DIST, 'index.html'))) return;
  execFileSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', 'viewer', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
}

/**
 * Builds the seed corpus with the real CLI. Returns the graph path, or the reason it could
 * not (while `kg build` is still a placeholder), so that the seed tests can say why they skip.
 */
export function buildSeedGraph(): { path: string } | { reason: string } {
  const out = mkdtempSync(join(tmpdir(), 'kg-seed-'));
  const run = spawnSync(process.execPath, [join(ROOT, 'bin/kg.js'), 'build', SEEDS, '--out', out], { cwd: ROOT, encoding: 'utf8', timeout: 300_000 });
  const path = join(out, 'graph.json');
  if (run.status === 0 && existsSync(path)) return { path };
  return { reason: `kg build on the seed corpus did not produce a graph (exit ${run.status}): ${(run.stderr || run.stdout).trim().split('\n')[0]}` };
}
