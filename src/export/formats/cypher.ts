/**
 * `cypher`: a script of parameter-free statements, one per line, that cypher-shell runs
 * (`cypher-shell -f export.cypher`) or that can be pasted into Neo4j Browser. It first
 * creates a uniqueness constraint on `key` for each label, then MERGEs every node by label
 * and key and every relationship by type and key, so running it twice changes nothing.
 * Evidence is stored as JSON text (Neo4j properties cannot hold maps); aliases as a list.
 */
import type { KgGraph } from '../../graph/io.ts';

/** A Cypher string literal: single-quoted, with backslash escapes for quotes, backslashes and control characters. */
export function cypherString(text: string): string {
  const escaped = text.replace(/[\\'\u0000-\u001f\u2028\u2029]/g, (c) => {
    switch (c) {
      case '\\': return '\\\\';
      case "'": return "\\'";
      case '\n': return '\\n';
      case '\r': return '\\r';
      case '\t': return '\\t';
      default: return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
    }
  });
  return `'${escaped}'`;
}

/** A Cypher identifier (label, type, property key), backquoted unless plain. */
export function cypherName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : '`' + name.replace(/`/g, '``') + '`';
}

/** A property value as a Cypher literal: null, numbers, booleans, strings, lists of those; anything else as JSON text. */
function literal(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return cypherString(value);
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  if (Array.isArray(value) && value.every((v) => ['string', 'number', 'boolean'].includes(typeof v))) {
    return `[${value.map(literal).join(', ')}]`;
  }
  return cypherString(JSON.stringify(value));
}

function properties(attrs: Record<string, unknown>, skip: string[]): string {
  const entries = Object.entries(attrs).filter(([name]) => !skip.includes(name));
  return `{${entries.map(([name, value]) => `${cypherName(name)}: ${literal(value)}`).join(', ')}}`;
}

export function writeCypher(graph: KgGraph): string {
  return [...cypherPieces(graph)].join('');
}

/** Statements gathered per piece of text. */
const STATEMENTS_PER_PIECE = 200;

/** The script, one statement per line, in pieces made as they are read: a big graph's script is never one string. */
export function* cypherPieces(graph: KgGraph): Generator<string> {
  let lines = [`// kg export: ${graph.order} nodes, ${graph.size} relationships. Run: cypher-shell -f <this file>`];
  const labels = new Set(graph.mapNodes((_, attrs) => attrs.label));
  for (const label of labels) {
    // The names cypher/schema.cypher (kg load) gives them, so both can run on one database.
    const name = cypherName(`${label.toLowerCase()}_key`);
    lines.push(`CREATE CONSTRAINT ${name} IF NOT EXISTS FOR (n:${cypherName(label)}) REQUIRE n.key IS UNIQUE;`);
  }
  for (const { node, attributes } of graph.nodeEntries()) {
    lines.push(`MERGE (n:${cypherName(attributes.label)} {key: ${cypherString(node)}}) SET n += ${properties({ ...attributes }, ['key', 'label'])};`);
    if (lines.length >= STATEMENTS_PER_PIECE) {
      yield `${lines.join('\n')}\n`;
      lines = [];
    }
  }
  for (const { edge, attributes, source, target, sourceAttributes, targetAttributes } of graph.edgeEntries()) {
    lines.push(
      `MATCH (a:${cypherName(sourceAttributes.label)} {key: ${cypherString(source)}}), (b:${cypherName(targetAttributes.label)} {key: ${cypherString(target)}}) ` +
        `MERGE (a)-[r:${cypherName(attributes.type)} {key: ${cypherString(edge)}}]->(b) SET r += ${properties({ ...attributes }, ['key', 'type'])};`,
    );
    if (lines.length >= STATEMENTS_PER_PIECE) {
      yield `${lines.join('\n')}\n`;
      lines = [];
    }
  }
  if (lines.length) yield `${lines.join('\n')}\n`;
}
