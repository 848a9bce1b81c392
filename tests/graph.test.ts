import { describe, it, expect } from 'vitest';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newGraph, readGraph, writeGraph } from '../src/graph/io.ts';
import { edgeKey } from '../src/graph/schema.ts';

function sample() {
  const g = newGraph();
  g.addNode('Official:王浩', { key: 'Official:王浩', label: 'Official', name: '王浩', aliases: ['王浩'] });
  g.addNode('Meeting:会@2022-04-02', { key: 'Meeting:会@2022-04-02', label: 'Meeting', name: '会 "x",\n]}', aliases: [], date: '2022-04-02', city: null });
  const key = edgeKey('CHAIRED', 'Official:王浩', 'Meeting:会@2022-04-02');
  const evidence = [{ article: 'Article:a.txt', item: 0, sentence: '王浩主持。\n],', original: '王浩主持。', start: 0, end: 5, date: '2022-04-02' }];
  g.addDirectedEdgeWithKey(key, 'Official:王浩', 'Meeting:会@2022-04-02', { key, type: 'CHAIRED', evidence, firstDate: '2022-04-02', lastDate: '2022-04-02' });
  return g;
}

describe('graph.json', () => {
  it('round-trips, one node or edge per line, whatever the text holds', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'kg-graph-')), 'graph.json');
    const g = sample();
    writeGraph(g, path);
    const text = readFileSync(path, 'utf8');
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(g.export())));
    expect(text.split('\n').length).toBe(9);
    expect(readGraph(path).export()).toEqual(g.export());
  });
  it('also reads graph.json written by graphology on one line, and names a broken file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kg-graph-'));
    writeFileSync(join(dir, 'compact.json'), JSON.stringify(sample().export()));
    expect(readGraph(join(dir, 'compact.json')).order).toBe(2);
    const path = join(dir, 'cut.json');
    writeGraph(sample(), path);
    writeFileSync(path, readFileSync(path, 'utf8').slice(0, 120));
    expect(() => readGraph(path)).toThrow(/cut\.json is not a graph\.json/);
  });
});
