/**
 * Bad input through the real CLI: every broken file gets a message naming it and its reason,
 * the rest of the batch goes on, the exit code says some files failed, and the end-of-run
 * report lists them.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { mkdtempSync, writeFileSync, mkdirSync, openSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import iconv from 'iconv-lite';
import { readGraph } from '../src/graph/io.ts';
import type { ArticleNode } from '../src/graph/schema.ts';
import { buildCorpus } from '../src/pipeline/build.ts';

const KG = join(import.meta.dirname, '..', 'bin', 'kg.js');
const ARTICLE = '本报讯 6日上午，全市安全生产工作会议召开。市委书记周文海主持会议并讲话。市长林建新出席会议。';

function kg(args: string[]) {
  const r = spawnSync(process.execPath, [KG, ...args], { encoding: 'utf8', timeout: 300_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('kg build on a batch of bad input', () => {
  let dir: string;
  let out: string;
  let run: ReturnType<typeof kg>;
  const bad: Record<string, RegExp> = {
    'empty.txt': /empty/,
    'image.txt': /binary file \(PNG image\)/,
    'paper.txt': /binary file \(PDF/,
    'broken.txt': /not text/,
    'huge.txt': /too large for one article \(50 MB; limit 16 MB\)/,
  };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'kg-bad-'));
    out = mkdtempSync(join(tmpdir(), 'kg-bad-out-'));
    writeFileSync(join(dir, 'good.txt'), ARTICLE);
    writeFileSync(join(dir, 'gbk.txt'), iconv.encode('本报讯 7日，区委书记何东平前往城北码头调研。', 'gbk'));
    writeFileSync(join(dir, 'big5.txt'), iconv.encode('本報訊 8日，縣委書記陳立群出席全縣工作會議。', 'big5'));
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]));
    writeFileSync(join(dir, 'paper.txt'), Buffer.concat([Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1'), Buffer.alloc(64, 0)]));
    // Invalid UTF-8 that no Chinese encoding reads as text either.
    const junk = Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xf0, 0x28, 0x8c, 0xbc, 0x80, 0xbf, 0xfe, 0xfd]);
    writeFileSync(join(dir, 'broken.txt'), Buffer.concat([Buffer.from('abc '), junk, junk, junk, junk, Buffer.from(' xyz'), junk, junk]));
    writeFileSync(join(dir, 'page.html'), `<html><head><style>body{color:red}</style><script>var x = "市委书记假人出席";</script></head><body><p>${ARTICLE}</p></body></html>`);
    writeFileSync(join(dir, 'no-officials.txt'), '春节临近，全市农贸市场蔬菜供应充足，价格总体平稳。');
    writeFileSync(join(dir, 'long-line.txt'), `${ARTICLE.repeat(Math.ceil((1 << 20) / (ARTICLE.length * 3)))}`);
    const fd = openSync(join(dir, 'huge.txt'), 'w');
    const chunk = Buffer.from(ARTICLE.repeat(1000));
    for (let written = 0; written < 50 * 1048576; written += chunk.length) writeSync(fd, chunk, 0, Math.min(chunk.length, 50 * 1048576 - written));
    closeSync(fd);
    run = kg(['build', dir, '--out', out]);
  }, 300_000);

  it('names every broken file with its reason, lists them at the end and exits 2', () => {
    expect(run.code).toBe(2);
    expect(run.stderr, run.stderr).toMatch(/\n5 file\(s\) failed:/);
    const report = run.stderr.slice(run.stderr.indexOf('file(s) failed'));
    for (const [file, reason] of Object.entries(bad)) {
      const line = report.split('\n').find((l) => l.includes(join(dir, file)));
      expect(line, file).toMatch(reason);
    }
  });

  it('reads everything else, GBK and Big5 included, into the graph', () => {
    const graph = readGraph(join(out, 'graph.json'));
    for (const name of ['周文海', '林建新', '何东平', '陈立群']) expect(graph.hasNode(`Official:${name}`), name).toBe(true);
    // Script text is not article text.
    expect(graph.hasNode('Official:假人')).toBe(false);
    const files = graph.filterNodes((_, a) => a.label === 'Article').map((k) => (graph.getNodeAttributes(k) as ArticleNode).file);
    expect(files.sort()).toEqual(['big5.txt', 'gbk.txt', 'good.txt', 'long-line.txt', 'no-officials.txt', 'page.html']);
  });
});

describe('a directory of 10,000 files', () => {
  it('streams through them all', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kg-many-'));
    for (let i = 0; i < 100; i++) {
      const sub = join(dir, `d${String(i).padStart(3, '0')}`);
      mkdirSync(sub);
      for (let j = 0; j < 100; j++) writeFileSync(join(sub, `${j}.txt`), `本报讯 ${(j % 28) + 1}日，县委书记王${'一二三四五六七八九十'[j % 10]}明出席会议。`);
    }
    const r = await buildCorpus([dir], { out: mkdtempSync(join(tmpdir(), 'kg-many-out-')) });
    expect(r.progress.read).toBe(10_000);
    expect(r.failures).toEqual([]);
    expect(r.graph!.filterNodes((_, a) => a.label === 'Article').length).toBe(10_000);
  }, 600_000);
});
