import { describe, it, expect } from 'vitest';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCorpus } from '../src/pipeline/build.ts';
import { generateCorpus } from '../bench/generate.ts';
import { canonical, tmpOut } from './build.fixture.ts';


describe('kg build --workers', () => {
  it('builds the same graph and reports the same failures, in the same order, as one thread', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kg-workers-'));
    generateCorpus({ articles: 24, seed: 7, out: dir });
    // Files that fail, in two places of the walk: the failure list must keep input order.
    writeFileSync(join(dir, '2015-01', '000003b.txt'), '');
    mkdirSync(join(dir, 'z'));
    writeFileSync(join(dir, 'z', 'english.txt'), 'No Chinese text here at all.\n');

    const one = await buildCorpus([dir], { out: tmpOut() });
    const two = await buildCorpus([dir], { out: tmpOut(), workers: 2 });

    expect(one.graph!.order).toBeGreaterThan(50);
    expect(canonical(two.graphPath!)).toBe(canonical(one.graphPath!));
    expect(two.failures).toEqual(one.failures);
    expect(one.failures.map((f) => f.path)).toEqual([join(dir, '2015-01', '000003b.txt'), join(dir, 'z', 'english.txt')]);
    expect(two.progress).toMatchObject({ read: 26, extracted: 24, failed: 2, reused: 0 });
  }, 120_000);

  it('keeps sharding and incremental builds: only changed files are extracted again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kg-workers-'));
    generateCorpus({ articles: 10, seed: 3, out: dir });
    const out = tmpOut();
    const half = await buildCorpus([dir], { out, workers: 2, shard: { index: 0, count: 2 }, factsOnly: true });
    const all = await buildCorpus([dir], { out, workers: 2 });
    expect(half.progress.extracted).toBeGreaterThan(0);
    expect(half.progress.extracted).toBeLessThan(10);
    expect(all.progress).toMatchObject({ read: 10, extracted: 10 - half.progress.extracted, reused: half.progress.extracted });
  }, 120_000);
});
