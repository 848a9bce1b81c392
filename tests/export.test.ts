import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { emptySelector, parseSelector, selectSubgraph, SelectorError, selectsAll } from '../src/export/select.ts';
import { NoMatchError } from '../src/export/names.ts';
import { FORMATS } from '../src/export/formats/index.ts';
import { fileText, ROWS_PER_PIECE, writeCsv } from '../src/export/formats/csv.ts';
import { cypherString, writeCypher } from '../src/export/formats/cypher.ts';
import { writeGexf } from '../src/export/formats/gexf.ts';
import { writeGraphml } from '../src/export/formats/graphml.ts';
import { writeJson } from '../src/export/formats/json.ts';
import { writeJsonl } from '../src/export/formats/jsonl.ts';
import { parseCsvHeader } from '../src/export/csv-import.ts';
import { graphFromJSON, readGraph, writeGraph } from '../src/graph/io.ts';
import { runExport } from '../src/export/run.ts';
import { fuzzyMatch } from '../src/eval/normalize.ts';
import type { KgGraph } from '../src/graph/io.ts';
import { A1, A2, addNode, fixtureGraph, trickyGraph } from './export.fixture.ts';
import { checkWellFormed, contents, readCsv, readGexf, readGraphml, readJsonl } from './export.readers.ts';

const select = (graph: KgGraph, query: Record<string, string | string[]>) => selectSubgraph(graph, parseSelector(query));
const names = (graph: KgGraph, label?: string) =>
  graph.filterNodes((_, a) => !label || a.label === label).map((k) => graph.getNodeAttribute(k, 'name')).sort();
const types = (graph: KgGraph) => [...new Set(graph.mapEdges((_, a) => a.type))].sort();

describe('parseSelector', () => {
  it('reads lists given repeated or comma-separated, with defaults', () => {
    const s = parseSelector({ official: ['袁家军', '王浩,黄莉新'], types: 'CHAIRED,ATTENDED', format: 'gexf' });
    expect(s.officials).toEqual(['袁家军', '王浩', '黄莉新']);
    expect(s.hops).toBe(1);
    expect(s.types).toEqual(['CHAIRED', 'ATTENDED']);
    expect(s.labels).toBeNull();
    expect(emptySelector()).toMatchObject({ officials: [], cities: [], from: null, to: null, labels: null, types: null });
  });

  it('says when a selector takes the whole graph (kg export then writes the graph as read)', () => {
    expect(selectsAll(emptySelector())).toBe(true);
    for (const query of [{ official: '王浩' }, { city: '杭州' }, { campaign: '八八战略' }, { meeting: '会' }, { from: '2022' }, { to: '2022' }, { labels: 'Official' }, { types: 'HOLDS' }]) {
      expect(selectsAll(parseSelector(query))).toBe(false);
    }
  });

  it('fills partial dates to the first and last day', () => {
    expect(parseSelector({ from: '2022', to: '2022-04' })).toMatchObject({ from: '2022-01-01', to: '2022-04-31' });
  });

  it.each([
    [{ labels: 'Official,Mayor' }, /unknown labels value "Mayor".*Official, Post/],
    [{ types: 'LIKES' }, /unknown types value "LIKES"/],
    [{ official: 'x', hops: '-1' }, /hops must be a whole number/],
    [{ official: 'x', hops: '1.5' }, /hops must be a whole number/],
    [{ hops: '2' }, /hops applies to official/],
    [{ from: '2022/04/01' }, /from must be a date/],
    [{ from: '2022-13' }, /from must be a date/],
    [{ from: '2022-05-01', to: '2022-04-01' }, /from \(2022-05-01\) is after to/],
    [{ from: ['2022', '2023'] }, /from takes one value/],
    [{ official: { nested: 'x' } }, /official must be text/],
  ] as [Record<string, unknown>, RegExp][])('rejects %j', (query, message) => {
    expect(() => parseSelector(query)).toThrow(SelectorError);
    expect(() => parseSelector(query)).toThrow(message);
  });
});

describe('selectSubgraph', () => {
  const graph = fixtureGraph();

  it('selects the whole graph when nothing is given, as a copy', () => {
    const all = selectSubgraph(graph, emptySelector());
    expect(contents(all)).toEqual(contents(graph));
    all.dropNode('Official:袁家军');
    expect(graph.hasNode('Official:袁家军')).toBe(true);
  });

  it("takes an official's k-hop neighbourhood in either direction", () => {
    const one = select(graph, { official: '袁家军' });
    expect(names(one, 'Meeting')).toEqual(['全省建设平安浙江工作会议', '县(市、区)委书记工作交流会暨疫情防控工作部署会']);
    expect(names(one)).toContain('浙江省委书记');
    expect(names(one)).toContain('枫桥经验');
    expect(one.hasNode(A1) && one.hasNode(A2)).toBe(true); // articles that mention him (in-edges)
    expect(names(one, 'Official')).toEqual(['袁家军']);
    // induced: the meeting's HELD_IN to 杭州市 is absent because 杭州市 is two hops away
    expect(one.hasNode('City:330100')).toBe(false);
    const two = select(graph, { official: '袁家军', hops: '2' });
    expect(names(two, 'Official')).toEqual(['姜永柱', '王浩', '袁家军', '黄莉新']);
    expect(two.hasEdge('HELD_IN|Meeting:平安浙江|City:330100')).toBe(true);
    expect(names(select(graph, { official: '袁家军', hops: '0' }))).toEqual(['袁家军']);
  });

  it('finds names in Traditional script and by alias, and cities without their suffix', () => {
    expect(contents(select(graph, { official: '袁家軍' }))).toEqual(contents(select(graph, { official: '袁家军' })));
    expect(contents(select(graph, { city: '杭州' }))).toEqual(contents(select(graph, { city: '杭州市' })));
    expect(contents(select(graph, { city: '蕭山區' }))).toEqual(contents(select(graph, { city: '萧山区' })));
  });

  it('takes a place with its subdivisions and all their neighbours', () => {
    const hz = select(graph, { city: '杭州市' });
    expect(names(hz, 'City')).toEqual(['杭州市', '浙江省', '萧山区']);
    expect(names(hz, 'Meeting')).toEqual(['全省建设平安浙江工作会议', '区疫情防控指挥部工作例会']);
    expect(names(hz, 'Site')).toEqual(['萧山国际机场主线卡口']);
    expect(names(hz, 'Official')).toEqual([]);
    expect(names(select(graph, { city: '丽水' }), 'City')).toEqual(['丽水市', '浙江省']);
  });

  it('takes a campaign or a meeting with its neighbours', () => {
    expect(names(select(graph, { campaign: '枫桥经验' }))).toEqual(['全省建设平安浙江工作会议召开', '枫桥经验', '袁家军']);
    const meeting = select(graph, { meeting: '全省建设平安浙江工作会议' });
    expect(names(meeting, 'Official')).toEqual(['王浩', '袁家军', '黄莉新']);
    expect(names(meeting, 'City')).toEqual(['杭州市']);
  });

  it('unites focus selectors', () => {
    const both = select(graph, { official: '王浩', campaign: '枫桥经验' });
    const union = new Set([...select(graph, { official: '王浩' }).nodes(), ...select(graph, { campaign: '枫桥经验' }).nodes()]);
    expect(new Set(both.nodes())).toEqual(union);
  });

  it('keeps only evidence in the period, drops facts left without any, keeps the places they lie in', () => {
    const april = select(graph, { from: '2022-04-01', to: '2022-04-30' });
    const holds = april.getEdgeAttributes('HOLDS|Official:袁家军|Post:浙江省委书记');
    expect(holds.evidence.map((e) => e.date)).toEqual(['2022-04-02']);
    expect([holds.firstDate, holds.lastDate]).toEqual(['2022-04-02', '2022-04-02']);
    expect(april.hasEdge('ATTENDED|Official:袁家军|Meeting:交流会')).toBe(false);
    expect(april.hasNode('Meeting:交流会')).toBe(false);
    expect(april.hasNode(A2)).toBe(false); // cited by no evidence in April
    // undated evidence is outside every period
    expect(april.hasEdge('ATTENDED|Official:姜永柱|Meeting:萧山例会')).toBe(false);
    // the site inspected in April, and the divisions it lies in
    expect(names(april, 'City')).toEqual(['杭州市', '浙江省', '萧山区']);
    expect(april.hasEdge('PART_OF|City:330109|City:330100')).toBe(true);
    // the source graph is untouched
    expect(graph.getEdgeAttribute('HOLDS|Official:袁家军|Post:浙江省委书记', 'evidence')).toHaveLength(2);

    const january = select(graph, { official: '袁家军', to: '2022-01-31' });
    // filters narrow the focus: 浙江省 (where the post lies) is two hops away, outside the 1-hop focus
    expect(names(january)).toEqual(['县(市、区)委书记工作交流会暨疫情防控工作部署会', '浙江省委书记', '縣委書記工作交流會', '袁家军']);
  });

  it('keeps a named seed even when the period leaves it no fact', () => {
    const s = select(graph, { official: '姜永柱', from: '2023' });
    expect(names(s)).toEqual(['姜永柱']);
  });

  it('narrows by labels and types', () => {
    const meetings = select(graph, { official: '袁家军', labels: 'Official,Meeting' });
    expect(names(meetings)).toEqual(['全省建设平安浙江工作会议', '县(市、区)委书记工作交流会暨疫情防控工作部署会', '袁家军']);
    expect(types(meetings)).toEqual(['ATTENDED']);
    const chaired = select(graph, { types: 'CHAIRED,ATTENDED' });
    expect(types(chaired)).toEqual(['ATTENDED', 'CHAIRED']);
    expect(names(chaired, 'City')).toEqual([]);
    expect(names(chaired, 'Official')).toEqual(['姜永柱', '王浩', '袁家军', '黄莉新']);
  });

  it('names close candidates when nothing matches', () => {
    expect(() => select(graph, { official: '袁家' })).toThrow(NoMatchError);
    expect(() => select(graph, { official: '袁家' })).toThrow('no Official named "袁家"; close names: 袁家军');
    expect(() => select(graph, { meeting: '平安浙江' })).toThrow(/close names: 全省建设平安浙江工作会议/);
    expect(() => select(graph, { official: 'Xi' })).toThrow('no Official named "Xi"; the graph has no Official with a similar name');
  });
});

// ---------------------------------------------------------------------------------------

/** Every format, read back, equals what was written. */
const roundTrips: [string, (g: KgGraph) => KgGraph][] = [
  ['json', (g) => graphFromJSON(JSON.parse(writeJson(g)))],
  ['jsonl', (g) => readJsonl(writeJsonl(g))],
  ['gexf', (g) => readGexf(writeGexf(g))],
  ['graphml', (g) => readGraphml(writeGraphml(g))],
  ['csv', (g) => readCsv(writeCsv(g))],
];

describe('export formats', () => {
  const selections: [string, Record<string, string>][] = [
    ['whole graph', {}],
    ['official 1 hop', { official: '袁家军' }],
    ['city in April', { city: '杭州', from: '2022-04', to: '2022-04' }],
  ];
  for (const [format, roundTrip] of roundTrips) {
    it.each(selections)(`${format} reads back equal to the selection: %s`, (_, query) => {
      const selected = select(fixtureGraph(), query);
      expect(selected.order).toBeGreaterThan(0);
      expect(contents(roundTrip(selected))).toEqual(contents(selected));
    });
  }

  it('gexf is GEXF 1.3 with display labels, kgLabel and colours by label', () => {
    const text = writeGexf(fixtureGraph());
    expect(text).toContain('<gexf version="1.3" xmlns="http://gexf.net/1.3"');
    expect(text).toMatch(/<node id="Official:袁家军" label="袁家军">/);
    expect(text).toMatch(/<attvalue for="kgLabel" value="Official"\/>/);
    expect(text).toMatch(/<viz:color r="214" g="39" b="40"\/>/);
    expect(text).toMatch(/<edge id="CHAIRED\|Official:王浩\|Meeting:平安浙江" source="Official:王浩" target="Meeting:平安浙江" weight="1" label="CHAIRED">/);
  });

  it('the XML checker refuses what is not well-formed', () => {
    expect(() => checkWellFormed('<a><b></a>')).toThrow();
    expect(() => checkWellFormed('<a>&foo;</a>')).toThrow();
    expect(() => checkWellFormed('<a x="1" x="2"/>')).toThrow();
  });

  it('graphml declares typed keys for every attribute', () => {
    const text = writeGraphml(fixtureGraph());
    expect(text).toContain('<graph id="kg" edgedefault="directed">');
    expect(text).toMatch(/<key id="n\d+" for="node" attr.name="kgLabel" attr.type="string"\/>/);
    expect(text).toMatch(/<key id="e\d+" for="edge" attr.name="evidence" attr.type="string"\/>/);
    expect(text).toMatch(/<key id="g\d+" for="graph" attr.name="schema" attr.type="int"\/>/);
  });

  it('csv has neo4j-admin headers, one file per label and per type', () => {
    const files = writeCsv(fixtureGraph());
    const byName = Object.fromEntries(files.map((f) => [f.name, fileText(f)]));
    expect(Object.keys(byName).sort()).toEqual([
      'import-neo4j-admin.sh',
      ...['Article', 'Campaign', 'City', 'Meeting', 'Official', 'Post', 'Site'].map((l) => `nodes_${l}.csv`),
      ...['ATTENDED', 'CHAIRED', 'HELD_IN', 'HOLDS', 'INSPECTED', 'LOCATED_IN', 'MENTIONS', 'PART_OF', 'POST_IN', 'PROMOTED'].map((t) => `relationships_${t}.csv`),
    ].sort());
    expect(byName['nodes_Official.csv'].split('\n')[0]).toBe('key:ID,:LABEL,name,aliases:string[]');
    expect(byName['nodes_City.csv'].split('\n')[0]).toBe('key:ID,:LABEL,name,aliases:string[],code,level,parent');
    expect(byName['relationships_HOLDS.csv'].split('\n')[0]).toBe(':START_ID,:END_ID,:TYPE,key,evidence,firstDate,lastDate');
    expect(byName['nodes_Official.csv']).toContain('Official:袁家军,Official,袁家军,袁家軍\n');
    expect(byName['nodes_Official.csv']).toContain('Official:王浩,Official,王浩,\n'); // empty list: no property
    expect(byName['nodes_City.csv']).toContain('City:330000,City,浙江省,浙江,,province,\n'); // nulls
    expect(byName['import-neo4j-admin.sh']).toContain("--nodes='nodes_Official.csv'");
    expect(byName['import-neo4j-admin.sh']).toContain("--array-delimiter=';'");
    for (const f of files.filter((f) => f.name.endsWith('.csv'))) {
      expect(() => parseCsvHeader(fileText(f).split('\n')[0].split(','), f.name)).not.toThrow();
    }
  });

  it('csv refuses an array element holding the array delimiter, and takes another delimiter', () => {
    const g = fixtureGraph();
    g.setNodeAttribute('Official:王浩', 'aliases', ['王;浩']);
    expect(() => writeCsv(g).map(fileText)).toThrow('node Official:王浩: aliases value "王;浩" contains the array delimiter ";"');
    const files = writeCsv(g, { arrayDelimiter: '|' });
    expect(contents(readCsv(files, '|'))).toEqual(contents(g));
    expect(fileText(files.find((f) => f.name === 'import-neo4j-admin.sh')!)).toContain("--array-delimiter='|'");
    expect(() => writeCsv(g, { arrayDelimiter: ',' })).toThrow(/array delimiter must be one character other than/);
  });

  it('csv text comes in pieces of rows, and a file of many pieces reads back whole', () => {
    const g = fixtureGraph();
    for (let i = 0; i < 12_000; i++) addNode(g, { key: `Official:官${i}`, label: 'Official', name: `官${i}`, aliases: [] });
    const files = writeCsv(g);
    const officials = files.find((f) => f.name === 'nodes_Official.csv')!;
    const rows = g.filterNodes((_, attrs) => attrs.label === 'Official').length;
    expect([...officials.pieces()].length).toBe(1 + Math.ceil(rows / ROWS_PER_PIECE)); // the header, then the rows
    expect(fileText(officials).split('\n').filter((line) => line.startsWith('key:ID'))).toHaveLength(1);
    expect(contents(readCsv(files))).toEqual(contents(g));
  });

  it('json, jsonl and cypher come in pieces that make the whole text; json is graph.json itself', () => {
    const g = fixtureGraph();
    for (let i = 0; i < 1000; i++) addNode(g, { key: `Official:官${i}`, label: 'Official', name: `官${i}`, aliases: [] });
    for (const name of ['json', 'jsonl', 'cypher'] as const) {
      const pieces = [...FORMATS[name].pieces(g)];
      expect(pieces.length, name).toBeGreaterThan(1);
      expect(pieces.join(''), name).toBe(FORMATS[name].write(g));
    }
    const dir = mkdtempSync(join(tmpdir(), 'kg-export-json-'));
    try {
      writeGraph(g, join(dir, 'graph.json'));
      expect(writeJson(g)).toBe(readFileSync(join(dir, 'graph.json'), 'utf8'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('an export into a folder that fails half-way leaves the previous export there as it was', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kg-export-folder-'));
    try {
      const out = join(dir, 'csv');
      const good = join(dir, 'good.json');
      writeGraph(fixtureGraph(), good);
      await runExport({ graphPath: good, selector: emptySelector(), format: 'csv', out });
      const before = Object.fromEntries(readdirSync(out).map((name) => [name, readFileSync(join(out, name), 'utf8')]));
      const bad = fixtureGraph();
      bad.setNodeAttribute('Official:王浩', 'aliases', ['王;浩']);
      writeGraph(bad, join(dir, 'bad.json'));
      await expect(runExport({ graphPath: join(dir, 'bad.json'), selector: emptySelector(), format: 'csv', out })).rejects.toThrow(/contains the array delimiter/);
      expect(Object.fromEntries(readdirSync(out).map((name) => [name, readFileSync(join(out, name), 'utf8')]))).toEqual(before);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('cypher is one MERGE statement per line, constraints first', () => {
    const lines = writeCypher(fixtureGraph()).trimEnd().split('\n');
    expect(lines[0]).toMatch(/^\/\/ kg export: 16 nodes, 27 relationships/);
    expect(lines[1]).toBe('CREATE CONSTRAINT city_key IF NOT EXISTS FOR (n:City) REQUIRE n.key IS UNIQUE;');
    expect(lines).toContain(`MERGE (n:Official {key: 'Official:袁家军'}) SET n += {name: '袁家军', aliases: ['袁家軍']};`);
    expect(lines.filter((l) => l.startsWith('MATCH'))).toHaveLength(27);
    expect(lines.every((l) => l.startsWith('//') || l.endsWith(';'))).toBe(true);
  });

  it('cypher string literals escape quotes, backslashes and control characters', () => {
    expect(cypherString(`a'b"c\\d\ne\r\tf\u0001g`)).toBe(`'a\\'b"c\\\\d\\ne\\r\\tf\\u0001g'`);
    expect(cypherString('袁家军 😀 <&>')).toBe("'袁家军 😀 <&>'");
  });

  it('every format names its media type or is a folder', () => {
    for (const [name, format] of Object.entries(FORMATS)) {
      expect(format.kind === 'folder' || /charset=utf-8/.test(format.mediaType), name).toBe(true);
    }
  });
});

// ---------------------------------------------------------------------------------------

describe('tricky text survives every format', () => {
  for (const [format, roundTrip] of roundTrips) {
    it(format, () => {
      fc.assert(
        fc.property(trickyGraph, (g) => {
          expect(contents(roundTrip(g))).toEqual(contents(g));
        }),
        { numRuns: 60 },
      );
    });
  }

  it('xml formats keep U+2028, U+2029 and U+0085 in keys and names (parsers may read them raw as line ends)', () => {
    const g = fixtureGraph();
    const key = addNode(g, { key: 'Meeting: \u2028\u2029\u0085x', label: 'Meeting', name: ' \u2028\u2029\u0085x', aliases: [], date: null, city: null });
    for (const back of [readGexf(writeGexf(g)), readGraphml(writeGraphml(g))]) {
      expect(back.hasNode(key)).toBe(true);
      expect(back.getNodeAttribute(key, 'name')).toBe(' \u2028\u2029\u0085x');
    }
  });

  it('xml formats replace characters XML 1.0 cannot hold', () => {
    const g = fixtureGraph();
    g.setNodeAttribute('Official:王浩', 'name', 'a\u0001b\uFFFEc\uD800d');
    expect(readGexf(writeGexf(g)).getNodeAttribute('Official:王浩', 'name')).toBe('a\uFFFDb\uFFFDc\uFFFDd');
    expect(readGraphml(writeGraphml(g)).getNodeAttribute('Official:王浩', 'name')).toBe('a\uFFFDb\uFFFDc\uFFFDd');
  });
});

// ---------------------------------------------------------------------------------------

describe('seed corpus: the 1-hop export of 袁家军', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kg-export-seed-'));
  const graphPath = join(dir, 'graph.json');
  const kg = (...args: string[]) => execFileSync(process.execPath, ['bin/kg.js', ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

  beforeAll(() => {
    kg('build', '../shared/corpus/seeds', '--out', dir);
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Meetings the gold files mark 袁家军 as attending or chairing (required or optional). */
  function goldMeetings(): string[] {
    const goldDir = '../shared/gold';
    return readdirSync(goldDir)
      .filter((f) => f.endsWith('.json'))
      .flatMap((f) => {
        const gold = JSON.parse(readFileSync(join(goldDir, f), 'utf8'));
        return [...gold.relations.required, ...gold.relations.optional] as { type: string; from: string; to: string }[];
      })
      .filter((r) => r.from === '袁家军' && (r.type === 'ATTENDED' || r.type === 'CHAIRED'))
      .map((r) => r.to);
  }

  /** Pairs gold and exported meeting names one to one, by gold/FORMAT.md's meeting rule. */
  function unmatched(exported: string[], gold: string[]) {
    const left = [...exported];
    const missing = gold.filter((g) => {
      const i = left.findIndex((e) => fuzzyMatch(e, g) > 0);
      return i < 0 || !left.splice(i, 1);
    });
    return { missing, extra: left };
  }

  it('holds him, exactly his neighbours, and exactly the meetings gold has him attend or chair', () => {
    const full = readGraph(graphPath);
    const [yuan] = full.filterNodes((_, a) => a.label === 'Official' && a.name === '袁家军');
    expect(yuan).toBeDefined();

    const exported = readJsonl(kg('export', '--graph', graphPath, '--official', '袁家军', '--format', 'jsonl'));
    expect(new Set(exported.nodes())).toEqual(new Set([yuan, ...full.neighbors(yuan)]));

    const meetings = exported.filterNodes((_, a) => a.label === 'Meeting');
    const gold = goldMeetings();
    expect(gold.length).toBeGreaterThan(0);
    expect(unmatched(meetings.map((m) => exported.getNodeAttribute(m, 'name')), gold)).toEqual({ missing: [], extra: [] });
    for (const meeting of meetings) {
      const links = exported.edges(yuan, meeting).map((e) => exported.getEdgeAttribute(e, 'type'));
      expect(links.some((t) => t === 'ATTENDED' || t === 'CHAIRED')).toBe(true);
    }
  });

  it('gives the same slice in GEXF and GraphML files written by the CLI, in Traditional script too', () => {
    const selected = selectSubgraph(readGraph(graphPath), parseSelector({ official: '袁家军' }));
    for (const [format, read] of [['gexf', readGexf], ['graphml', readGraphml]] as const) {
      const out = join(dir, `yuan.${format}`);
      kg('export', '--graph', graphPath, '--official', '袁家軍', '--out', out);
      expect(contents(read(readFileSync(out, 'utf8')))).toEqual(contents(selected));
    }
  });
});
