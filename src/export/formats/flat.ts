/**
 * The flat attribute model shared by the XML formats (GEXF, GraphML), whose attribute values
 * are scalars only:
 * - a node's `label` is its display name (what Gephi, Cytoscape and yEd show) and `kgLabel`
 *   is its schema label (Official, City ...); an edge's `label` is its type and `kgType` too;
 * - arrays and objects (aliases, evidence) are JSON text;
 * - null values are left out, the node or edge key is the element id;
 * - characters XML 1.0 cannot hold (C0 controls other than tab, CR and LF, lone surrogates,
 *   U+FFFE/U+FFFF) become U+FFFD.
 * `unflattenNode` / `unflattenEdge` invert this, for checking that nothing is lost.
 */
import type { EdgeAttributes, NodeAttributes } from '../../graph/schema.ts';
import { EDGE_FIELDS, nodeFields } from '../fields.ts';

export type FlatValue = string | number | boolean;
export type FlatAttributes = Record<string, FlatValue>;

const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlSafe(text: string): string {
  return text.replace(NOT_XML, '\uFFFD');
}

/**
 * U+2028, U+2029 and U+0085 in written XML as character references: some parsers read the
 * raw characters as line ends (and turn them into spaces inside attribute values).
 */
export function lineSeparatorsAsReferences(xml: string): string {
  return xml.replace(/[\u2028\u2029\u0085]/g, (c) => `&#${c.charCodeAt(0)};`);
}

function flatValue(value: unknown): FlatValue | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return xmlSafe(value);
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  // U+2028/2029 stay escaped: some XML parsers read them as line ends and would break the JSON.
  return xmlSafe(JSON.stringify(value).replace(/[\u2028\u2029\u0085]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}

function flattenRest(attrs: Record<string, unknown>, skip: string[]): FlatAttributes {
  const flat: FlatAttributes = {};
  for (const [name, value] of Object.entries(attrs)) {
    const v = skip.includes(name) ? undefined : flatValue(value);
    if (v !== undefined) flat[name] = v;
  }
  return flat;
}

export function flattenNode(attrs: NodeAttributes): FlatAttributes {
  return { label: xmlSafe(attrs.name), kgLabel: attrs.label, ...flattenRest({ ...attrs }, ['key', 'label']) };
}

export function flattenEdge(attrs: EdgeAttributes): FlatAttributes {
  return { label: attrs.type, kgType: attrs.type, ...flattenRest({ ...attrs }, ['key', 'type']) };
}

/** Attributes a reader adds for display that are not part of the graph. */
const DISPLAY_ONLY = ['label', 'kgLabel', 'kgType', 'color', 'size', 'weight', 'x', 'y', 'z', 'shape', 'thickness'];
const JSON_FIELDS = ['aliases', 'evidence'];

function unflatten(key: string, flat: Record<string, unknown>, fields: readonly string[]): Record<string, unknown> {
  const attrs: Record<string, unknown> = {};
  for (const field of fields) attrs[field] = null;
  for (const [name, value] of Object.entries(flat)) {
    if (DISPLAY_ONLY.includes(name)) continue;
    attrs[name] = JSON_FIELDS.includes(name) && typeof value === 'string' ? JSON.parse(value) : value;
  }
  attrs.key = key;
  return attrs;
}

export function unflattenNode(key: string, flat: Record<string, unknown>): NodeAttributes {
  const label = String(flat.kgLabel);
  const attrs = unflatten(key, flat, nodeFields(label));
  attrs.label = label;
  attrs.aliases ??= [];
  return attrs as unknown as NodeAttributes;
}

export function unflattenEdge(key: string, flat: Record<string, unknown>): EdgeAttributes {
  const attrs = unflatten(key, flat, EDGE_FIELDS);
  attrs.type = flat.kgType;
  attrs.evidence ??= [];
  return attrs as unknown as EdgeAttributes;
}
