import { describe, it, expect } from 'vitest';
import { mkdtempSync, writeFileSync, mkdirSync, rmSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCorpus } from '../src/pipeline/build.ts';
import { readGraph } from '../src/graph/io.ts';
import { NODE_LABELS, REL_TYPE_NAMES } from '../src/graph/schema.ts';
import { readArticleBytes, isReadFailure } from '../src/read/index.ts';
import { recordOf } from '../src/pipeline/article.ts';
import { encodeRecord, decodeRecord } from '../src/pipeline/store.ts';
import { extractorFiles, extractorVersion } from '../src/pipeline/extractor.ts';
import { canonical, tmpOut } from './build.fixture.ts';

const A = '本报讯 4日上午，全县乡村振兴推进会召开。县委书记方正主持会议并讲话，强调要深入践行“八八战略”。县长何立出席会议。';
const B = '本报讯 9日上午，县委书记方正督导检查安全生产工作。副县长邹平参加。方正先后来到城南污水处理厂、北门码头等地。';
const C = '縣委書記陳東主持召開縣委常委會會議。';

function corpus(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'kg-corpus-'));
  for (const [name, body] of Object.entries(files)) writeFileSync(join(dir, name), body);
  return dir;
}

describe('kg build', () => {
  it('writes a graph whose nodes and edges follow the schema, with evidence on every fact', async () => {
    const out = tmpOut();
    const r = await buildCorpus([corpus({ 'a.txt': A, 'b.txt': B, 'c.txt': C })], { out });
    const graph = readGraph(r.graphPath!);
    graph.forEachNode((key, a) => {
      expect(a.key).toBe(key);
      expect(NODE_LABELS).toContain(a.label);
      expect(typeof a.name).toBe('string');
    });
    graph.forEachEdge((key, a) => {
      expect(a.key).toBe(key);
      expect(REL_TYPE_NAMES).toContain(a.type);
      if (a.type !== 'PART_OF') expect(a.evidence.length).toBeGreaterThan(0);
    });
    // Traditional script is resolved to the Simplified node and kept as an alias.
    expect(graph.getNodeAttributes('Official:陈东').aliases).toContain('陳東');
    expect(graph.filterOutEdges('Official:陈东', (_, a) => a.type === 'CHAIRED').length).toBe(1);
    expect(graph.filterOutEdges('Official:方正', (_, a) => a.type === 'CHAIRED').length).toBe(1);
    const inspected = graph.filterOutEdges('Official:邹平', (_, a) => a.type === 'INSPECTED').map((e) => graph.target(e));
    expect(inspected).toEqual(expect.arrayContaining(['Site:城南污水处理厂', 'Site:北门码头']));
    const holds = graph.filterOutEdges('Official:方正', (_, a) => a.type === 'HOLDS');
    expect(holds.length).toBeGreaterThan(0);
  });

  it('is idempotent and incremental: two halves give the graph of one pass, a changed file replaces its facts', async () => {
    const dir = corpus({ 'a.txt': A, 'b.txt': B });
    const once = tmpOut();
    await buildCorpus([dir], { out: once });
    const halves = tmpOut();
    await buildCorpus([join(dir, 'a.txt')], { out: halves });
    const second = await buildCorpus([join(dir, 'b.txt')], { out: halves });
    expect(canonical(second.graphPath!)).toBe(canonical(join(once, 'graph.json')));
    const again = await buildCorpus([dir], { out: halves });
    expect(again.progress.reused).toBe(2);
    expect(canonical(again.graphPath!)).toBe(canonical(join(once, 'graph.json')));

    writeFileSync(join(dir, 'b.txt'), '本报讯 9日上午，县委书记方正前往东湖码头调研。');
    const changed = await buildCorpus([dir], { out: halves });
    const g = readGraph(changed.graphPath!);
    expect(g.hasNode('Site:东湖码头')).toBe(true);
    expect(g.hasNode('Site:城南污水处理厂')).toBe(false);
  });

  it('extracts a file again when its stored facts came from another extraction (an upgrade, an edited lexicon)', async () => {
    const dir = corpus({ 'a.txt': A, 'b.txt': B });
    const out = tmpOut();
    await buildCorpus([dir], { out });
    const facts = readdirSync(join(out, 'facts')).filter((f) => f.endsWith('.json')).sort();
    expect(facts).toHaveLength(2);
    const [first, second] = facts.map((f) => join(out, 'facts', f));
    // One record as another version of kg wrote it, one as written before the version was kept.
    writeFileSync(first, encodeRecord(decodeRecord(readFileSync(first, 'utf8')), 'another-version'));
    const { extractor, ...withoutVersion } = JSON.parse(readFileSync(second, 'utf8')) as Record<string, unknown>;
    expect(extractor).toBe(extractorVersion());
    writeFileSync(second, JSON.stringify(withoutVersion));
    const again = await buildCorpus([dir], { out });
    expect(again.progress).toMatchObject({ extracted: 2, reused: 0 });
    const thrice = await buildCorpus([dir], { out });
    expect(thrice.progress).toMatchObject({ extracted: 0, reused: 2 });
  });

  it('versions the extraction by the code and lexicons that make records', () => {
    const files = extractorFiles();
    for (const file of ['read/clean.ts', 'extract/officials.ts', 'extract/lexicon/titles.json', 'extract/lexicon/surnames.txt', 'pipeline/article.ts']) expect(files).toContain(file);
    // The sinks, the server and the graph do not change what is extracted.
    expect(files.some((f) => /^(?:sinks|serve|graph|resolve|export)\//.test(f))).toBe(false);
    expect(extractorVersion()).toMatch(/^[0-9a-f]{16}$/);
  });

  it('forgets the facts of deleted files with --prune, and only then', async () => {
    const dir = corpus({ 'a.txt': A, 'b.txt': B });
    const out = tmpOut();
    await buildCorpus([dir], { out });
    rmSync(join(dir, 'b.txt'));
    const kept = await buildCorpus([dir], { out });
    expect(readGraph(kept.graphPath!).hasNode('Official:邹平')).toBe(true);
    const pruned = await buildCorpus([dir], { out, prune: true });
    expect(pruned.progress.pruned).toBe(1);
    expect(readGraph(pruned.graphPath!).hasNode('Official:邹平')).toBe(false);
    expect(readGraph(pruned.graphPath!).hasNode('Official:何立')).toBe(true);
  });

  it('reports unreadable files and goes on with the batch', async () => {
    const dir = corpus({ 'a.txt': A, 'empty.txt': '', 'image.txt': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]) });
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub', 'b.txt'), B);
    const r = await buildCorpus([dir], { out: tmpOut() });
    expect(r.failures.map((f) => f.path).sort()).toEqual([join(dir, 'empty.txt'), join(dir, 'image.txt')]);
    expect(r.progress.extracted).toBe(2);
    expect(readGraph(r.graphPath!).hasNode('Official:邹平')).toBe(true);
  });
});

describe('the facts store', () => {
  it('writes each sentence\'s evidence once and reads the record back as it was', () => {
    const article = readArticleBytes('a.txt', Buffer.from(A));
    if (isReadFailure(article)) throw new Error(article.reason);
    const record = recordOf(article);
    const stored = encodeRecord(record);
    expect(decodeRecord(stored)).toEqual(JSON.parse(JSON.stringify(record)));
    // The facts of the sentence 县委书记方正主持会议并讲话… share one evidence entry.
    const { evidence } = JSON.parse(stored) as { evidence: unknown[] };
    const facts = Object.values(record.facts).filter(Array.isArray).flat().length;
    expect(evidence.length).toBeLessThan(facts);
    expect(stored.length).toBeLessThan(JSON.stringify(record).length);
  });

  it('writes a sentence once: its original only when the script differs, evidence as the index of its sentence', () => {
    for (const [name, text] of [['a.txt', A], ['c.txt', C]]) {
      const article = readArticleBytes(name, Buffer.from(text));
      if (isReadFailure(article)) throw new Error(article.reason);
      const record = recordOf(article);
      const stored = encodeRecord(record);
      expect(decodeRecord(stored)).toStrictEqual(JSON.parse(JSON.stringify(record)));
      const written = JSON.parse(stored) as { sentences: { original?: string }[]; evidence: { s?: number }[] };
      const traditional = article.script === 'traditional';
      expect(written.sentences.every((s) => (s.original !== undefined) === traditional)).toBe(true);
      expect(written.evidence.every((e) => typeof e.s === 'number')).toBe(true);
      // The sentence text is written once, in `sentences`, not again in the evidence.
      expect(JSON.stringify(written.evidence)).not.toContain(record.sentences[0].text);
    }
  });

  it('dates each stored sentence as the evidence of its facts: a date a sentence opens with holds from there on', () => {
    const text = '发布时间：2024-03-10 09:00\n本报讯 8日上午，县委书记方正调研项目。9日下午，方正主持召开县委常委会会议。县长何立出席会议。';
    const article = readArticleBytes('d.txt', Buffer.from(text));
    if (isReadFailure(article)) throw new Error(article.reason);
    const record = recordOf(article);
    expect(record.sentences.map((s) => s.date)).toEqual(['2024-03-08', '2024-03-09', '2024-03-09']);
    const facts = Object.values(record.facts).filter(Array.isArray).flat() as { evidence: { item: number; start: number; date: string | null } }[];
    expect(facts.length).toBeGreaterThan(3);
    for (const { evidence } of facts) {
      const sentence = record.sentences.find((s) => s.item === evidence.item && s.start === evidence.start)!;
      expect(evidence.date).toBe(sentence.date);
    }
  });

  it('reads records written by earlier versions (whole evidence objects, or evidence inside each fact)', () => {
    const article = readArticleBytes('a.txt', Buffer.from(A));
    if (isReadFailure(article)) throw new Error(article.reason);
    const record = JSON.parse(JSON.stringify(recordOf(article))) as ReturnType<typeof recordOf>;
    // Evidence inside each fact, sentences whole: the first store format.
    expect(decodeRecord(JSON.stringify(record))).toStrictEqual(record);
    // Evidence once, as whole objects, by index from the facts: the second.
    const table: unknown[] = [];
    const facts = JSON.stringify(record.facts, (key, value) => (key === 'evidence' && value && typeof value === 'object' ? table.push(value) - 1 : value));
    const second = `{"facts":${facts},"sentences":${JSON.stringify(record.sentences)},"evidence":${JSON.stringify(table)}}`;
    expect(decodeRecord(second)).toStrictEqual(record);
  });
});
