import type { Command } from 'commander';
import { FORMAT_NAMES } from '../export/formats/names.ts';
import { DEFAULT_ARRAY_DELIMITER } from '../export/formats/csv.ts';
import { MAX_HOPS, parseSelector } from '../export/select.ts';
import { NODE_LABELS, REL_TYPE_NAMES } from '../graph/schema.ts';

const collect = (value: string, previous: string[] = []) => [...previous, value];

const EXAMPLES = `
Selection: focus options (--official, --city, --campaign, --meeting; each may repeat or take
a comma-separated list) each take a neighbourhood and are UNITED; --from/--to, --labels and
--types then NARROW the result. With no focus option the whole graph is taken. Names match
the name or an alias, in Simplified or Traditional script (杭州 finds 杭州市).

Formats: json (graphology, like graph.json), jsonl (a node or relationship per line),
gexf (Gephi), graphml (Cytoscape, yEd, networkx), csv (a folder for neo4j-admin import,
pandas, R), cypher (MERGE statements for cypher-shell). See docs/export.md.

Examples:
  kg export --official 袁家军 --format gexf --out out/yuan.gexf
  kg export --official 袁家軍 --hops 2 --labels Official,Meeting --out yuan.graphml
  kg export --city 杭州 --from 2022-04 --to 2022-04 --format csv --out out/hangzhou-csv
  kg export --meeting 全省建设平安浙江工作会议 --format cypher > meeting.cypher
  kg export --types CHAIRED,ATTENDED --format jsonl | jq .
  kg export --cypher "MATCH p=(:Official)-[:CHAIRED]->(:Meeting) RETURN p" --out chaired.gexf
`;

export function register(program: Command): void {
  program
    .command('export')
    .description('Write a slice of the graph in a format other tools open (Gephi, Cytoscape, pandas/R, Neo4j).')
    .option('--graph <file>', 'graph.json to select from (written by kg build)', 'out/graph.json')
    .option('--cypher <query>', 'select from Neo4j instead: the nodes, relationships and paths a read-only query returns (connection from NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE)')
    .option('--timeout-ms <ms>', 'with --cypher: stop the query after this long', (v) => Number(v))
    .option('--max-rows <n>', 'with --cypher: read at most this many rows', (v) => Number(v))
    .option('--official <name>', 'an official and everything within --hops of them (repeatable)', collect)
    .option('--hops <k>', `with --official: how many steps out, either direction (0-${MAX_HOPS}, default 1)`)
    .option('--city <name>', 'a place, its subdivisions (PART_OF) and all their neighbours (repeatable)', collect)
    .option('--campaign <name>', 'a campaign and its neighbours (repeatable)', collect)
    .option('--meeting <name>', 'a meeting and its neighbours (repeatable)', collect)
    .option('--from <date>', 'only facts with evidence dated on or after this (YYYY-MM-DD, YYYY-MM or YYYY)')
    .option('--to <date>', 'only facts with evidence dated on or before this')
    .option('--labels <list>', `keep only nodes with these labels (${NODE_LABELS.join(',')})`)
    .option('--types <list>', `keep only relationships of these types (${REL_TYPE_NAMES.join(',')})`)
    .option('-f, --format <format>', `${FORMAT_NAMES.join(', ')} (default: from --out's extension, else json)`)
    .option('-o, --out <path>', 'file to write, or folder for csv (default: standard output)')
    .option('--array-delimiter <char>', 'csv: character between array elements', DEFAULT_ARRAY_DELIMITER)
    .addHelpText('after', EXAMPLES)
    .action(async (options) => {
      try {
        const { official, hops, city, campaign, meeting, from, to, labels, types } = options;
        const { chooseFormat, runExport } = await import('../export/run.ts');
        const selector = parseSelector({ official, city, campaign, meeting, from, to, labels, types, hops });
        const outcome = await runExport({
          graphPath: options.graph,
          cypher: options.cypher,
          timeoutMs: options.timeoutMs,
          maxRows: options.maxRows,
          selector,
          format: chooseFormat(options.format, options.out),
          out: options.out,
          arrayDelimiter: options.arrayDelimiter,
        });
        for (const warning of outcome.warnings) console.error(`kg export: warning: ${warning}`);
        if (outcome.pieces !== undefined) for (const piece of outcome.pieces) process.stdout.write(piece);
        else console.error(`kg export: ${outcome.nodes} nodes, ${outcome.relationships} relationships -> ${outcome.files.length === 1 ? outcome.files[0] : `${options.out} (${outcome.files.length} files)`}`);
      } catch (err) {
        console.error(`kg export: ${(err as Error).message}`);
        process.exitCode = 1;
      }
    });
}
