/** Small helpers shared by the benchmark scripts: child processes, memory, corpus sizes. */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import v8 from 'node:v8';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

/** Where the corpus of `articles` articles lives: bench/corpus/1k, bench/corpus/50k, bench/corpus/2500. */
export const corpusLabel = (articles: number) => (articles % 1000 === 0 ? `${articles / 1000}k` : String(articles));
export const corpusDir = (articles: number) => join(ROOT, 'bench/corpus', corpusLabel(articles));

/** Files and bytes under a directory (recursively). */
export function du(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    files++;
    bytes += statSync(join(entry.parentPath, entry.name)).size;
  }
  return { files, bytes };
}

export interface Memory {
  /** Peak resident set size of this process so far (all threads), MB. */
  peakRssMB: number;
  /** JS heap in use by this thread after a full GC (when --expose-gc), MB: what is really retained. */
  heapUsedMB: number;
  /** Largest heap size V8 reserved for this thread so far, MB. */
  heapTotalMB: number;
}

export function memory(): Memory {
  (globalThis as { gc?: () => void }).gc?.();
  const heap = v8.getHeapStatistics();
  return {
    peakRssMB: round(process.resourceUsage().maxRSS / 1024),
    heapUsedMB: round(heap.used_heap_size / 1048576),
    heapTotalMB: round(heap.total_heap_size / 1048576),
  };
}

export const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;
export const seconds = (ms: number) => round(ms / 1000, 2);

/** Child scripts print their result as one `RESULT {json}` line on stdout. */
export function printResult(result: unknown): void {
  process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
}

/**
 * Runs a TypeScript script in its own Node process (with --expose-gc, so memory figures are
 * what is retained) and returns its RESULT. Its stderr passes through as progress.
 */
export function runChild<T>(script: string, args: string[], options: { timeoutMs?: number; heapMB?: number } = {}): Promise<T> {
  const node = ['--expose-gc', '--import', TSX_LOADER, ...(options.heapMB ? [`--max-old-space-size=${options.heapMB}`] : [])];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...node, join(ROOT, script), ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    const timer = options.timeoutMs ? setTimeout(() => child.kill('SIGTERM'), options.timeoutMs) : undefined;
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const line = stdout.split('\n').find((l) => l.startsWith('RESULT '));
      if (code === 0 && line) resolve(JSON.parse(line.slice(7)) as T);
      else reject(new Error(`${script} ${args.join(' ')} failed (${signal ?? `exit ${code}`})${stdout ? `:\n${stdout.slice(-2000)}` : ''}`));
    });
  });
}

/** Plain-text table with right-aligned figures. */
export function table(header: string[], rows: (string | number)[][]): string {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => width(r[i] ?? ''))));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? pad(c, widths[i], false) : pad(c, widths[i], true))).join('  ');
  return [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

/** Display width: CJK characters take two columns. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1;
  return w;
}

function pad(s: string, w: number, right: boolean): string {
  const fill = ' '.repeat(Math.max(0, w - width(s)));
  return right ? fill + s : s + fill;
}
