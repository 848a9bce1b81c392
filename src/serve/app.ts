import express from 'express';
import type { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { KgGraph } from '../graph/io.ts';
import { NODE_LABELS, REL_TYPE_NAMES } from '../graph/schema.ts';
import { SelectorError } from '../export/select.ts';
import { NoMatchError } from '../export/names.ts';
import { FORMATS, FORMAT_NAMES, isFormatName } from '../export/formats/index.ts';
import { selectForExport, selectForView } from './select.ts';
import { buildSearchIndex, search } from './search.ts';
import { neighborhood, nodeDetail } from './nodes.ts';
import { listQueries } from './queries.ts';
import { securityHeaders } from './security.ts';
import { toCypherResult, type ReadResult, type RunReadQuery } from './cypher.ts';

export interface AppOptions {
  graph: KgGraph;
  /** The built viewer (viewer/dist). */
  viewerDir: string;
  /** The saved query library (cypher/queries). */
  queriesDir: string;
  /** Present when Neo4j is configured: enables POST /api/cypher. */
  runReadQuery?: RunReadQuery | null;
  cypherLimits?: { timeoutMs: number; maxRows: number };
}

/** A request the server refuses, with the HTTP status to send. */
class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const MAX_QUERY_CHARS = 20_000;

/** The export formats written as one file (csv writes a folder: kg export only). */
const FILE_FORMATS = FORMAT_NAMES.filter((name) => FORMATS[name].kind === 'file');

/** Summary the viewer needs to draw its filters and legend. */
function graphInfo(graph: KgGraph, cypher: boolean) {
  const labels: Record<string, number> = {};
  const types: Record<string, number> = {};
  const dates: string[] = [];
  const cities: { key: string; name: string; level: string | null; parent: string | null }[] = [];
  graph.forEachNode((key, a) => {
    labels[a.label] = (labels[a.label] ?? 0) + 1;
    if (a.label === 'Meeting' && a.date) dates.push(a.date);
    if (a.label === 'City') cities.push({ key, name: a.name, level: a.level, parent: a.parent });
  });
  graph.forEachEdge((_, a) => {
    types[a.type] = (types[a.type] ?? 0) + 1;
    if (a.firstDate) dates.push(a.firstDate);
    if (a.lastDate) dates.push(a.lastDate);
  });
  dates.sort();
  cities.sort((a, b) => a.name.localeCompare(b.name, 'zh'));
  return {
    order: graph.order,
    size: graph.size,
    builtAt: graph.getAttribute('builtAt') ?? null,
    labels: NODE_LABELS.map((label) => ({ label, count: labels[label] ?? 0 })),
    types: REL_TYPE_NAMES.map((type) => ({ type, count: types[type] ?? 0 })),
    dateRange: dates.length ? { from: dates[0], to: dates[dates.length - 1] } : null,
    cities,
    cypher,
  };
}

export function createApp(options: AppOptions): express.Express {
  const { graph, viewerDir, queriesDir } = options;
  const runReadQuery = options.runReadQuery ?? null;
  const limits = options.cypherLimits ?? { timeoutMs: 10_000, maxRows: 1_000 };
  const index = buildSearchIndex(graph);
  const info = graphInfo(graph, Boolean(runReadQuery));

  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple'); // flat string params only: no nested objects from ?a[b]=c
  app.use(securityHeaders());

  const api = express.Router();
  api.use(express.json({ limit: '32kb' }));
  api.use((_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });

  api.get('/info', (_req, res) => {
    res.json(info);
  });

  api.get('/graph', (req, res) => {
    const selected = selectForView(graph, req.query);
    if (req.query.view === 'keys') {
      // The viewer holds the whole graph and only needs to know what a filter selects.
      res.json({ nodes: selected.nodes(), edges: selected.edges() });
    } else res.json(selected.export());
  });

  api.get('/search', (req, res) => {
    const q = req.query.q;
    if (typeof q !== 'string' || !q.trim()) throw new HttpError(400, 'parameter q (the name to look for) is required');
    if (q.length > 100) throw new HttpError(400, 'parameter q is longer than 100 characters');
    const limit = Math.min(Math.max(Number(req.query.limit) || 20, 1), 100);
    res.json({ q, results: search(graph, index, q, limit) });
  });

  api.get('/nodes/:key', (req, res) => {
    const detail = nodeDetail(graph, req.params.key);
    if (!detail) throw new HttpError(404, `no node with key "${req.params.key}"`);
    res.json(detail);
  });

  api.get('/neighbors/:key', (req, res) => {
    const found = neighborhood(graph, req.params.key);
    if (!found) throw new HttpError(404, `no node with key "${req.params.key}"`);
    res.json({ ...found.graph, truncated: found.truncated });
  });

  api.get('/export', (req, res) => {
    const name = req.query.format ?? 'json';
    if (typeof name !== 'string' || !isFormatName(name)) throw new HttpError(400, `parameter format must be one of ${FILE_FORMATS.join(', ')}`);
    const format = FORMATS[name];
    if (format.kind === 'folder') {
      throw new HttpError(400, `format ${name} writes a folder of files, which one HTTP answer cannot carry: use \`kg export --format ${name} --out <folder>\``);
    }
    const slice = selectForExport(graph, req.query);
    res.attachment(`graph.${format.extension}`);
    res.set('Content-Type', format.mediaType);
    res.send(format.write(slice));
  });

  api.get('/queries', (_req, res) => {
    res.json({ queries: listQueries(queriesDir), cypher: Boolean(runReadQuery) });
  });

  api.post('/cypher', async (req, res) => {
    if (!runReadQuery) throw new HttpError(501, 'Cypher is not available: start kg serve with NEO4J_URI set');
    if (!req.is('application/json')) throw new HttpError(415, 'POST /api/cypher expects a JSON body {query, params}');
    const { query, params = {} } = (req.body ?? {}) as { query?: unknown; params?: unknown };
    if (typeof query !== 'string' || !query.trim()) throw new HttpError(400, 'body.query must be a non-empty Cypher string');
    if (query.length > MAX_QUERY_CHARS) throw new HttpError(400, `body.query is longer than ${MAX_QUERY_CHARS} characters`);
    if (typeof params !== 'object' || params === null || Array.isArray(params)) throw new HttpError(400, 'body.params must be an object');
    let result: ReadResult;
    try {
      result = await runReadQuery(query, params as Record<string, unknown>, limits);
    } catch (err) {
      const e = err as { code?: string; message?: string };
      const unavailable = e.code === 'ServiceUnavailable' || e.code === 'SessionExpired' || /connect|unavailable/i.test(e.message ?? '');
      throw new HttpError(unavailable ? 503 : 400, `Cypher query refused: ${e.message ?? String(err)}`);
    }
    res.json(toCypherResult(result, graph));
  });

  api.use((req) => {
    throw new HttpError(404, `no API route ${req.method} ${req.path}`);
  });
  api.use((err: unknown, req: Request, res: Response, _next: NextFunction) => {
    const e = err as { status?: number; statusCode?: number; type?: string; message?: string };
    let status = err instanceof HttpError ? err.status : err instanceof SelectorError || err instanceof NoMatchError ? 400 : (e.status ?? e.statusCode ?? 500);
    let message = e.message ?? String(err);
    if (e.type === 'entity.too.large') message = 'request body is too large (limit 32kb)';
    else if (e.type === 'entity.parse.failed') message = 'request body is not valid JSON';
    if (status >= 500 && !(err instanceof HttpError)) {
      console.error(`kg serve: ${req.method} ${req.originalUrl}:`, err);
      message = 'internal error';
      status = 500;
    }
    res.status(status).json({ error: `${req.method} ${req.originalUrl}: ${message}` });
  });
  app.use('/api', api);

  app.use(express.static(viewerDir, { index: 'index.html', dotfiles: 'ignore', fallthrough: true }));
  app.use((req, res) => {
    res.status(404).type('text/plain').send(`not found: ${req.path}`);
  });
  return app;
}

/** The viewer must be built (npm install runs `prepare`, which builds viewer/ into viewer/dist). */
export function checkViewerBuilt(viewerDir: string): void {
  if (!existsSync(join(viewerDir, 'index.html'))) {
    throw new Error(`the viewer is not built: ${join(viewerDir, 'index.html')} is missing. Run \`npm install\` (its prepare step builds it) or \`npm run build:viewer\`.`);
  }
}
