/**
 * Viewer responsiveness on a large graph (not part of the test suite):
 *   npx tsx bench/viewer-scale.ts [--nodes 20000] [--edges 50000] [--seconds 5]
 * Generates a schema-conforming graph.json of that size, serves it with kg serve's server,
 * opens it in headless Debian chromium and reports, measured in the browser: time to the
 * first render, time until the viewer is ready (filters applied), and frames per second
 * while the camera pans programmatically (requestAnimationFrame and sigma render counts).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { newGraph, writeGraph } from '../src/graph/io.ts';
import { edgeKey, type Evidence, type NodeAttributes, type RelType } from '../src/graph/schema.ts';
import { startServer } from '../src/serve/server.ts';
import { QUERIES_DIR, ROOT, VIEWER_DIST, ensureViewerBuilt } from '../tests/serve-helpers.ts';
import { launchChromium } from '../tests/viewer-browser.ts';

const { values } = parseArgs({
  options: { nodes: { type: 'string', default: '20000' }, edges: { type: 'string', default: '50000' }, seconds: { type: 'string', default: '5' } },
});
const NODES = Number(values.nodes);
const EDGES = Number(values.edges);
const SECONDS = Number(values.seconds);

/** mulberry32: the same graph on every run. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generate(path: string): void {
  const rand = random(42);
  const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)];
  const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
  const GIVEN = '建国伟明华强军平红霞丽娟敏静磊洋勇艳杰涛超鹏辉斌宇浩凯峰波刚亮林海燕玲芳萍春晓晨东南西北文武德志忠诚信义礼智仁';
  const graph = newGraph();
  const share = { Official: 0.4, Post: 0.15, City: 0.05, Meeting: 0.25, Campaign: 0.025, Site: 0.025, Article: 0.1 } as const;
  const keys: Record<string, string[]> = {};
  for (const [label, fraction] of Object.entries(share)) {
    keys[label] = [];
    const count = Math.round(NODES * fraction);
    for (let i = 0; i < count && graph.order < NODES; i++) {
      const key = `${label.toLowerCase()}:${i}`;
      const name =
        label === 'Official' ? `${pick([...SURNAMES])}${pick([...GIVEN])}${rand() < 0.6 ? pick([...GIVEN]) : ''}${i}`
        : label === 'City' ? `城市${i}${pick(['市', '县', '区'])}`
        : label === 'Meeting' ? `第${i}次工作会议`
        : label === 'Post' ? `职务${i}书记`
        : `${label}${i}`;
      const base = { key, name, aliases: [] as string[] };
      const date = `20${10 + Math.floor(rand() * 16)}-0${1 + Math.floor(rand() * 9)}-1${Math.floor(rand() * 9)}`;
      const attrs: NodeAttributes =
        label === 'City' ? { ...base, label, code: null, level: i === 0 ? 'province' : i < 50 ? 'prefecture' : 'county', parent: null }
        : label === 'Meeting' ? { ...base, label, date, city: null }
        : label === 'Post' ? { ...base, label, city: null }
        : label === 'Site' ? { ...base, label, city: null }
        : label === 'Article' ? { ...base, label, file: `${i}.txt`, sha256: '0'.repeat(64), published: date, script: 'simplified', title: name }
        : ({ ...base, label } as NodeAttributes);
      graph.addNode(key, attrs);
      keys[label].push(key);
    }
  }
  const add = (type: RelType, source: string, target: string): boolean => {
    const key = edgeKey(type, source, target);
    if (source === target || graph.hasEdge(key)) return false;
    const date = graph.getNodeAttribute(target, 'label') === 'Meeting' ? (graph.getNodeAttribute(target, 'date' as never) as string) : null;
    const evidence: Evidence[] = ['PART_OF', 'POST_IN', 'HELD_IN', 'LOCATED_IN', 'MENTIONS'].includes(type) ? [] : [{
      article: pick(keys.Article), item: 0, sentence: `${graph.getNodeAttribute(source, 'name')}${type}${graph.getNodeAttribute(target, 'name')}。`,
      original: '', start: 0, end: 10, date,
    }];
    graph.addEdgeWithKey(key, source, target, { key, type, evidence, firstDate: date, lastDate: date });
    return true;
  };
  // Structure first (a division tree, posts and meetings placed), then facts until EDGES.
  keys.City.forEach((c, i) => i > 0 && add('PART_OF', c, keys.City[i < 50 ? 0 : 1 + Math.floor(rand() * 49)]));
  for (const p of keys.Post) add('POST_IN', p, pick(keys.City));
  for (const m of keys.Meeting) add('HELD_IN', m, pick(keys.City));
  for (const s of keys.Site) add('LOCATED_IN', s, pick(keys.City));
  // Officials cluster around a few hubs, as in news: a power law of meetings per official.
  const facts: [RelType, string[], number][] = [['ATTENDED', keys.Meeting, 0.5], ['CHAIRED', keys.Meeting, 0.12], ['HOLDS', keys.Post, 0.18], ['INSPECTED', keys.City, 0.1], ['PROMOTED', keys.Campaign, 0.05], ['MENTIONS', keys.Official, 0.05]];
  while (graph.size < EDGES) {
    const r = rand();
    let acc = 0;
    for (const [type, targets, p] of facts) {
      acc += p;
      if (r > acc) continue;
      const official = keys.Official[Math.floor(keys.Official.length * Math.pow(rand(), 2))];
      if (type === 'MENTIONS') add(type, pick(keys.Article), official);
      else add(type, official, targets[Math.floor(targets.length * Math.pow(rand(), 1.5))]);
      break;
    }
  }
  writeGraph(graph, path);
  console.log(`generated ${path}: ${graph.order} nodes, ${graph.size} edges`);
}

ensureViewerBuilt();
const dir = join(ROOT, 'bench/out/viewer-scale');
mkdirSync(dir, { recursive: true });
const graphPath = join(dir, 'graph.json');
generate(graphPath);

const server = await startServer({ graphPath, viewerDir: VIEWER_DIST, queriesDir: QUERIES_DIR, port: 0, host: '127.0.0.1' });
const { browser, close } = await launchChromium({ width: 1400, height: 900 });
try {
  const page = await browser.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  // tsx (esbuild keepNames) wraps functions passed to page.evaluate in __name(); define it there.
  await page.addInitScript('window.__name = (f) => f');
  const navigated = Date.now();
  await page.goto(`${server.url}/`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 300_000 });
  const wall = Date.now() - navigated;
  const timings = await page.evaluate(() => {
    const p = (window as any).kgViewer;
    return { loaded: p.loadedAt, sigma: p.sigmaAt, firstFrame: p.firstFrameAt, ready: p.readyAt, nodes: p.graph.order, edges: p.graph.size };
  });

  /**
   * Pans the camera for SECONDS, counting animation frames and sigma renders. `animate` uses
   * sigma's camera animation (as a user's drag does, edges are hidden while it moves, by the
   * hideEdgesOnMove setting for large graphs); `setState` moves it frame by frame with edges drawn.
   */
  const measurePan = (mode: 'animate' | 'setState') => page.evaluate(async ({ seconds, mode }) => {
    const { sigma } = (window as any).kgViewer;
    const camera = sigma.getCamera();
    camera.setState({ x: 0.5, y: 0.5, ratio: 0.6 });
    let renders = 0;
    const onRender = () => renders++;
    sigma.on('afterRender', onRender);
    let frames = 0;
    let worst = 0;
    let running = true;
    const start = performance.now();
    let last = start;
    const count = (now: number) => {
      frames++;
      worst = Math.max(worst, now - last);
      last = now;
      if (mode === 'setState') {
        const t = (now - start) / 1000;
        camera.setState({ x: 0.5 + 0.3 * Math.cos(t * 2), y: 0.5 + 0.3 * Math.sin(t * 2), ratio: 0.6 });
      }
      if (running) requestAnimationFrame(count);
    };
    requestAnimationFrame(count);
    if (mode === 'animate') {
      const legs = [[0.8, 0.5], [0.5, 0.8], [0.2, 0.5], [0.5, 0.2]];
      for (const [x, y] of legs) await camera.animate({ x, y, ratio: 0.6 }, { duration: (seconds * 1000) / legs.length, easing: 'linear' });
    } else {
      await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    }
    running = false;
    sigma.off('afterRender', onRender);
    const elapsed = (performance.now() - start) / 1000;
    return { fps: frames / elapsed, renderFps: renders / elapsed, worstFrameMs: worst, seconds: elapsed };
  }, { seconds: SECONDS, mode });
  const panAnimated = await measurePan('animate');
  const panDrawn = await measurePan('setState');

  // Search and node panel latency on the big graph.
  const interact = await page.evaluate(async () => {
    const t0 = performance.now();
    const res = await fetch('api/search?q=' + encodeURIComponent('王'));
    await res.json();
    const t1 = performance.now();
    await (await fetch('api/nodes/' + encodeURIComponent('official:0'))).json();
    const t2 = performance.now();
    await (await fetch('api/graph?labels=Official,Meeting&view=keys')).json();
    return { searchMs: t1 - t0, nodeMs: t2 - t1, filterMs: performance.now() - t2 };
  });
  await page.screenshot({ path: join(dir, 'viewer-scale.png') });

  const r = (x: number) => Math.round(x);
  console.log(`graph: ${timings.nodes} nodes, ${timings.edges} edges (headless chromium, software WebGL, 2 cores)`);
  console.log(`data loaded (info + graph JSON parsed): ${r(timings.loaded)} ms after navigation start`);
  console.log(`first render (sigma started and drew, filters applied): ${r(timings.sigma)} ms; first frame on screen: ${r(timings.firstFrame)} ms after navigation start`);
  console.log(`ready (search, panel, buttons wired): ${r(timings.ready)} ms; wall clock from goto: ${wall} ms`);
  for (const [name, pan] of [['camera.animate (edges hidden while moving)', panAnimated], ['camera.setState per frame (edges drawn)', panDrawn]] as const) {
    console.log(`panning, ${name}, ${pan.seconds.toFixed(1)}s: ${pan.fps.toFixed(1)} frames/s, ${pan.renderFps.toFixed(1)} sigma renders/s, worst frame ${r(pan.worstFrameMs)} ms`);
  }
  console.log(`API from the page: search ${r(interact.searchMs)} ms, node detail ${r(interact.nodeMs)} ms, filter keys ${r(interact.filterMs)} ms`);
  console.log(`screenshot: ${join(dir, 'viewer-scale.png')}`);
} finally {
  await close();
  await server.close();
}
