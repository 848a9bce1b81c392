/**
 * The viewer in a real browser: Debian chromium (headless) driven by playwright-core,
 * against a real `kg serve` server. Screenshots go to tests/artifacts/ (git-ignored).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startServer, type RunningServer } from '../src/serve/server.ts';
import { writeFixture } from './serve-fixture.ts';
import { QUERIES_DIR, ROOT, VIEWER_DIST, buildSeedGraph, ensureViewerBuilt } from './serve-helpers.ts';
import { ensureChromium, launchChromium, type LaunchedBrowser } from './viewer-browser.ts';

const ARTIFACTS = join(ROOT, 'tests/artifacts');
const tmp = mkdtempSync(join(tmpdir(), 'kg-viewer-'));

let browser: LaunchedBrowser;
let server: RunningServer;
let hostileServer: RunningServer;
let usingSeedGraph = false;

/** Everything the page did that it should not: errors, CSP violations, dialogs. */
interface PageWatch {
  errors: string[];
  dialogs: string[];
}

async function openViewer(url: string): Promise<{ page: Page; watch: PageWatch }> {
  const page = await browser.browser.newPage();
  const watch: PageWatch = { errors: [], dialogs: [] };
  page.on('pageerror', (e) => watch.errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' || /Content Security Policy/i.test(m.text())) watch.errors.push(`console: ${m.text()}`);
  });
  page.on('dialog', (d) => {
    watch.dialogs.push(d.message());
    void d.dismiss();
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
  return { page, watch };
}

async function searchAndPick(page: Page, query: string, key: string): Promise<void> {
  await page.fill('#search-input', '');
  await page.fill('#search-input', query);
  const option = page.locator(`#search-results li[data-key="${key}"]`);
  await option.waitFor({ timeout: 10_000 });
  await option.dispatchEvent('mousedown');
  await page.waitForFunction((k) => (window as any).kgViewer.sigma && document.querySelector('#panel:not([hidden]) .node-name') && (window as any).kgViewer.sigma.getNodeDisplayData(k)?.highlighted, key);
}

/** The first search hit for a name, from the API the viewer uses. */
async function keyOf(serverUrl: string, name: string, label: string): Promise<string> {
  const { results } = await (await fetch(`${serverUrl}/api/search?q=${encodeURIComponent(name)}`)).json();
  const hit = results.find((r: { name: string; label: string }) => r.name === name && r.label === label);
  if (!hit) throw new Error(`${name} (${label}) is not in the served graph`);
  return hit.key;
}

beforeAll(async () => {
  ensureChromium();
  ensureViewerBuilt();
  mkdirSync(ARTIFACTS, { recursive: true });
  const seed = buildSeedGraph();
  let graphPath: string;
  if ('path' in seed) {
    graphPath = seed.path;
    usingSeedGraph = true;
  } else {
    console.warn(`tests/viewer.e2e.test.ts: using the fixture graph: ${seed.reason}`);
    graphPath = join(tmp, 'graph.json');
    writeFixture(graphPath);
  }
  const hostilePath = join(tmp, 'hostile.json');
  writeFixture(hostilePath, { hostile: true });
  server = await startServer({ graphPath, viewerDir: VIEWER_DIST, queriesDir: QUERIES_DIR, port: 0, host: '127.0.0.1' });
  hostileServer = await startServer({ graphPath: hostilePath, viewerDir: VIEWER_DIST, queriesDir: QUERIES_DIR, port: 0, host: '127.0.0.1' });
  browser = await launchChromium();
}, 15 * 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await hostileServer?.close();
});

describe('viewer in chromium', () => {
  it('opens the graph, finds 袁家军 (and 袁家軍) and shows the sentence of a meeting he attended', async () => {
    const { page, watch } = await openViewer(server.url + '/');
    const yuan = await keyOf(server.url, '袁家军', 'Official');
    const order = await page.evaluate(() => (window as any).kgViewer.graph.order);
    expect(order).toBeGreaterThan(5);
    expect(await page.textContent('#status')).toMatch(/\d+ \/ \d+ nodes/);

    // Traditional input finds the Simplified name.
    await page.fill('#search-input', '袁家軍');
    const first = page.locator('#search-results li').first();
    await first.waitFor();
    expect(await first.getAttribute('data-key')).toBe(yuan);

    await searchAndPick(page, '袁家军', yuan);
    expect(await page.textContent('#panel .node-name')).toBe('袁家军');
    // Camera moved onto him; he and his neighbours are highlighted, the rest dimmed.
    const focus = await page.evaluate((key) => {
      const { sigma, graph } = (window as any).kgViewer;
      const neighbours = new Set(graph.neighbors(key));
      const other = graph.nodes().find((n: string) => n !== key && !neighbours.has(n) && !sigma.getNodeDisplayData(n).hidden);
      return {
        ratio: sigma.getCamera().ratio,
        highlighted: sigma.getNodeDisplayData(key).highlighted,
        neighbourLabel: sigma.getNodeDisplayData(graph.neighbors(key).find((n: string) => !sigma.getNodeDisplayData(n).hidden)).forceLabel,
        otherColor: other ? sigma.getNodeDisplayData(other).color : '#e6e6e6',
      };
    }, yuan);
    expect(focus.ratio).toBeLessThan(1);
    expect(focus.highlighted).toBe(true);
    expect(focus.neighbourLabel).toBe(true);
    expect(focus.otherColor).toBe('#e6e6e6');

    const attended = page.locator('#panel .rel-section[data-type="ATTENDED"][data-direction="out"]');
    await attended.waitFor();
    const sentence = (await attended.locator('.evidence .sentence').first().textContent()) ?? '';
    expect(sentence.length).toBeGreaterThan(5);
    if (!usingSeedGraph) expect(sentence).toContain('袁家军出席会议并讲话');
    const source = (await attended.locator('.evidence .source').first().textContent()) ?? '';
    expect(source.length).toBeGreaterThan(0); // the article's title (and date when known)
    if (!usingSeedGraph) expect(source).toMatch(/\d{4}-\d{2}-\d{2}/);
    await attended.scrollIntoViewIfNeeded();
    await page.waitForTimeout(800); // let the camera animation finish before the screenshot
    await page.screenshot({ path: join(ARTIFACTS, 'viewer-yuan-jiajun.png') });
    expect(watch.errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('hover highlights neighbours; clicking a related node opens its panel; expand shows neighbours', async () => {
    const { page, watch } = await openViewer(server.url + '/');
    const yuan = await keyOf(server.url, '袁家军', 'Official');
    // Hover: move the real mouse onto the node where sigma drew it.
    const point = await page.evaluate((key) => {
      const { sigma } = (window as any).kgViewer;
      const d = sigma.getNodeDisplayData(key);
      const p = sigma.framedGraphToViewport({ x: d.x, y: d.y });
      const box = document.getElementById('graph')!.getBoundingClientRect();
      return { x: box.left + p.x, y: box.top + p.y };
    }, yuan);
    await page.mouse.move(point.x, point.y);
    await page.waitForFunction((key) => {
      const { sigma, graph } = (window as any).kgViewer;
      return graph.neighbors(key).every((n: string) => sigma.getNodeDisplayData(n).hidden || sigma.getNodeDisplayData(n).forceLabel);
    }, yuan);
    await page.mouse.click(point.x, point.y);
    await page.waitForFunction(() => document.querySelector('#panel:not([hidden]) .node-name')?.textContent === '袁家军');

    // The link to the attended meeting opens the meeting's panel, which lists its attendees.
    const link = page.locator('#panel .rel-section[data-type="ATTENDED"][data-direction="out"] .node-link').first();
    const meetingName = await link.textContent();
    await link.click();
    await page.waitForFunction((name) => document.querySelector('#panel .node-name')?.textContent === name, meetingName);
    expect(await page.locator('#panel .rel-section[data-type="ATTENDED"][data-direction="in"] .node-link').allTextContents()).toContain('袁家军');

    // Hide Articles' MENTIONS are off by default; expanding the meeting pins its neighbours (its article included).
    await page.click('#panel .expand');
    await page.waitForFunction(() => /neighbours shown/.test(document.getElementById('status')!.textContent ?? ''));
    expect(watch.errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('filters by node type, relationship type, dates and city', async () => {
    const { page, watch } = await openViewer(server.url + '/');
    const visible = () => page.evaluate(() => {
      const { sigma, graph } = (window as any).kgViewer;
      const nodes = graph.filterNodes((n: string) => !sigma.getNodeDisplayData(n).hidden);
      const edges = graph.filterEdges((e: string) => !sigma.getEdgeDisplayData(e).hidden);
      return {
        labels: [...new Set(nodes.map((n: string) => graph.getNodeAttribute(n, 'kind')))].sort() as string[],
        types: [...new Set(edges.map((e: string) => graph.getEdgeAttribute(e, 'relType')))].sort() as string[],
        names: nodes.map((n: string) => graph.getNodeAttribute(n, 'label')) as string[],
        count: nodes.length,
      };
    });
    const before = await visible();
    expect(before.labels).not.toContain('Article'); // provenance hidden by default
    expect(before.types).not.toContain('MENTIONS');

    const poll = <T>(pick: (v: Awaited<ReturnType<typeof visible>>) => T) => expect.poll(async () => pick(await visible()), { timeout: 10_000 });

    await page.locator('#filter-labels input[value="Official"]').uncheck();
    await poll((v) => v.labels).not.toContain('Official');
    await page.locator('#filter-labels input[value="Official"]').check();
    await poll((v) => v.count).toBe(before.count);

    await page.locator('#filter-types input[value="ATTENDED"]').uncheck();
    await poll((v) => v.types).not.toContain('ATTENDED');
    await page.locator('#filter-types input[value="ATTENDED"]').check();
    await poll((v) => v.types).toContain('ATTENDED');

    if (!usingSeedGraph) {
      await page.fill('#filter-from', '2022-01-01');
      await page.fill('#filter-to', '2022-12-31');
      await page.locator('#filter-to').dispatchEvent('change');
      await poll((v) => v.names).not.toContain('丽水市座谈会');
      expect((await visible()).names).toContain('全省建设平安浙江工作会议');
      await page.fill('#filter-from', '');
      await page.fill('#filter-to', '');
      await page.locator('#filter-to').dispatchEvent('change');
      await poll((v) => v.count).toBe(before.count);

      await page.selectOption('#filter-city', 'city:330100');
      await poll((v) => v.names).not.toContain('丽水市');
      expect((await visible()).names).toEqual(expect.arrayContaining(['杭州市', '萧山区', '萧山国际机场主线卡口', '姜永柱']));
    }
    expect(watch.errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('exports the visible subgraph as JSON and GEXF, and the view as PNG', async () => {
    const { page, watch } = await openViewer(server.url + '/');
    const download = async (button: string) => {
      const [file] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
      const path = join(tmp, file.suggestedFilename());
      await file.saveAs(path);
      return readFileSync(path);
    };
    const shown = await page.evaluate(() => {
      const { sigma, graph } = (window as any).kgViewer;
      return graph.filterNodes((n: string) => !sigma.getNodeDisplayData(n).hidden).length;
    });
    const json = JSON.parse((await download('#export-json')).toString('utf8'));
    expect(json.nodes).toHaveLength(shown);
    expect(json.nodes.every((n: { attributes: { label: string } }) => n.attributes.label !== 'Article')).toBe(true);
    expect(json.edges.some((e: { attributes: { evidence: unknown[] } }) => e.attributes.evidence.length > 0)).toBe(true);
    const gexf = (await download('#export-gexf')).toString('utf8');
    expect(gexf).toContain('<gexf');
    expect(gexf).toContain('label="袁家军"');
    const png = await download('#export-png');
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.length).toBeGreaterThan(5_000);
    expect(watch.errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('shows names and sentences with HTML in them as text: no script runs, no element is created', async () => {
    const { page, watch } = await openViewer(hostileServer.url + '/');
    await searchAndPick(page, '张三', 'official:xss');
    const panelText = await page.textContent('#panel');
    expect(panelText).toContain('<script>window.__xss = 1; alert(1)</script>张三');
    expect(panelText).toContain('<img src=x onerror="window.__xss = 2">');
    // The meeting's panel shows the hostile sentence and the hostile article title.
    await page.locator('#panel .node-link').first().click();
    await page.waitForFunction(() => document.querySelector('#panel .node-name')?.textContent === '全省建设平安浙江工作会议');
    const sentences = await page.locator('#panel .evidence .sentence').allTextContents();
    expect(sentences.some((s) => s.includes('<img src=x onerror="window.__xss = 2">'))).toBe(true);
    // Suggestions show the alias with markup as text too.
    await page.fill('#search-input', '<img');
    await page.locator('#search-results li').first().waitFor();
    expect(await page.locator('#search-results li').first().textContent()).toContain('<img src=x');
    await page.waitForTimeout(500);

    const result = await page.evaluate(() => ({
      xss: (window as any).__xss,
      images: document.querySelectorAll('img').length,
      scripts: [...document.querySelectorAll('script')].map((s) => s.getAttribute('src')),
    }));
    await page.screenshot({ path: join(ARTIFACTS, 'viewer-xss.png') });
    expect(result.xss).toBeUndefined();
    expect(result.images).toBe(0);
    expect(result.scripts.every((src) => src && src.includes('assets/'))).toBe(true);
    expect(watch.dialogs).toEqual([]);
    expect(watch.errors).toEqual([]);
    await page.close();
  }, 120_000);
});
