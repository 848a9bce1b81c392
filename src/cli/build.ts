import type { Command } from 'commander';
import type { BuildProgress, Shard } from '../pipeline/build.ts';
import { NODE_LABELS, REL_TYPE_NAMES } from '../graph/schema.ts';
import { reportFailures } from './failures.ts';

function parseShard(value: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(value);
  if (!m || Number(m[1]) >= Number(m[2])) throw new Error(`--shard takes i/n with 0 <= i < n, got "${value}"`);
  return { index: Number(m[1]), count: Number(m[2]) };
}

function parseWorkers(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--workers takes a positive integer, got "${value}"`);
  return n;
}

/** Progress on stderr: a line redrawn twice a second on a terminal, a new line every 10 s in a log. */
function progressPrinter(): (p: BuildProgress) => void {
  const tty = process.stderr.isTTY;
  let last = Date.now();
  const started = last;
  return (p) => {
    const now = Date.now();
    if (now - last < (tty ? 500 : 10_000)) return;
    last = now;
    const rate = p.read / Math.max(0.001, (now - started) / 1000);
    const line = `${p.read} files (${p.extracted} extracted, ${p.reused} unchanged, ${p.failed} failed) ${rate.toFixed(0)}/s`;
    process.stderr.write(tty ? `\r${line} ` : `${line}\n`);
  };
}

export function register(program: Command): void {
  program
    .command('build')
    .description('Build the knowledge graph (graph.json, graphology format) from article files.')
    .argument('<paths...>', 'article files or directories (.txt .md .html .htm, any encoding); - reads standard input')
    .option('-o, --out <dir>', 'output directory: graph.json and the per-article facts it is built from', 'out')
    .option('--shard <i/n>', 'extract only shard i of n (0-based); build again without --shard to merge', parseShard)
    .option('--facts-only', 'store extracted facts without writing graph.json (for sharded runs)')
    .option('--workers <n>', 'read and extract on n worker threads (default 1; the graph is the same)', parseWorkers, 1)
    .option('--prune', 'forget stored articles whose files were not among these inputs (deleted files)')
    .option('--max-article-mb <mb>', 'report files larger than this as failures instead of reading them', (v: string) => {
      const mb = Number(v);
      if (!(mb > 0)) throw new Error(`--max-article-mb takes a positive number, got "${v}"`);
      return mb;
    }, 16)
    .addHelpText(
      'after',
      `
Building again into the same --out only extracts new or changed files, and every file
again after kg's extraction (its code or lexicons) has changed; facts of a changed file
replace its old ones. Exit code 2 when some files could not be read.

Examples:
  kg build ../shared/corpus/seeds --out out
  kg build corpus/ --out out --shard 0/4 --facts-only   # on machine 0 of 4, then merge`,
    )
    .action(async (paths: string[], opts: { out: string; shard?: Shard; factsOnly?: boolean; workers: number; maxArticleMb: number; prune?: boolean }) => {
      // Loaded when run, so that kg --help and the other commands start without the extractor.
      const { buildCorpus } = await import('../pipeline/build.ts');
      const { countGraph } = await import('../graph/build.ts');
      const result = await buildCorpus(paths, {
        out: opts.out,
        shard: opts.shard,
        factsOnly: opts.factsOnly,
        workers: opts.workers,
        maxArticleBytes: opts.maxArticleMb * 1048576,
        prune: opts.prune,
        onProgress: progressPrinter(),
      });
      const p = result.progress;
      process.stderr.write(`${process.stderr.isTTY ? '\r' : ''}${p.read} files read: ${p.extracted} extracted, ${p.reused} unchanged, ${p.failed} failed${p.pruned ? `, ${p.pruned} forgotten` : ''}\n`);
      if (result.graph) {
        const counts = countGraph(result.graph);
        const rows: [string, number][] = [
          ...NODE_LABELS.map((l): [string, number] => [`(:${l})`, counts.nodes[l] ?? 0]),
          ...REL_TYPE_NAMES.map((t): [string, number] => [`[:${t}]`, counts.edges[t] ?? 0]),
        ];
        const w = Math.max(...rows.map(([k]) => k.length));
        process.stdout.write(`${rows.map(([k, n]) => `${k.padEnd(w)}  ${String(n).padStart(7)}`).join('\n')}\n`);
        process.stdout.write(`wrote ${result.graphPath} (${result.graph.order} nodes, ${result.graph.size} relationships)\n`);
      }
      reportFailures(result.failures);
    });
}
