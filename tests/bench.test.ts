/** The benchmark corpus generator (bench/generate.ts): deterministic and readable by our extractor. */
import { describe, it, expect } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { generateCorpus } from '../bench/generate.ts';
import { buildCorpus } from '../src/pipeline/build.ts';
import { countGraph } from '../src/graph/build.ts';

const filesOf = (dir: string): Map<string, Buffer> =>
  new Map(
    (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
      .filter((e) => e.isFile())
      .map((e) => [relative(dir, join(e.parentPath, e.name)), readFileSync(join(e.parentPath, e.name))]),
  );

describe('bench corpus generator', () => {
  const first = mkdtempSync(join(tmpdir(), 'kg-gen-'));
  const result = generateCorpus({ articles: 20, seed: 11, out: first });

  it('writes byte-identical files for the same seed, different ones for another seed', () => {
    const second = mkdtempSync(join(tmpdir(), 'kg-gen-'));
    generateCorpus({ articles: 20, seed: 11, out: second });
    const a = filesOf(first);
    const b = filesOf(second);
    expect(a.size).toBe(20);
    expect([...b.keys()]).toEqual([...a.keys()]);
    for (const [name, bytes] of a) expect(bytes.equals(b.get(name)!), name).toBe(true);

    const other = mkdtempSync(join(tmpdir(), 'kg-gen-'));
    generateCorpus({ articles: 20, seed: 12, out: other });
    expect([...filesOf(other).values()].some((bytes, i) => !bytes.equals([...a.values()][i]))).toBe(true);
    expect(result.bytes / result.files).toBeGreaterThan(1200);
  });

  it('is realistic enough for kg build: officials, posts, meetings, inspections, campaigns', async () => {
    const r = await buildCorpus([first], { out: mkdtempSync(join(tmpdir(), 'kg-out-')) });
    expect(r.failures).toEqual([]);
    const { nodes, edges } = countGraph(r.graph!);
    expect(nodes.Article).toBe(20);
    expect(nodes.Official).toBeGreaterThanOrEqual(40);
    expect(nodes.Meeting).toBeGreaterThanOrEqual(5);
    expect(nodes.City).toBeGreaterThanOrEqual(20);
    for (const type of ['HOLDS', 'CHAIRED', 'ATTENDED', 'INSPECTED']) expect(edges[type] ?? 0, type).toBeGreaterThan(0);
    // Chains name the post and the official: 某某市委副书记、市长 NAME -> HOLDS a 市长 post.
    const posts = r.graph!.filterNodes((_, a) => a.label === 'Post').map((k) => r.graph!.getNodeAttribute(k, 'name'));
    expect(posts.some((p) => /委书记$/.test(p))).toBe(true);
  }, 60_000);
});
