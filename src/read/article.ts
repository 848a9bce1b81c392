import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { basename, extname, relative, resolve, sep } from 'node:path';
import { cleanDocument } from './clean.ts';
import { findPublishedDate, findSourceNoteDate } from './dates.ts';
import { decodeBytes } from './decode.ts';
import { htmlToText, looksLikeHtml } from './html.ts';
import { buildItems, dateSentences } from './items.ts';
import type { Article, ReadFailure } from './types.ts';

/**
 * Larger files are refused with a clear reason rather than exhausting memory: a file of
 * many megabytes is a dump of many articles, not one (kg build --max-article-mb raises it).
 */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;

/**
 * The article's identity: its path relative to the working directory, so that two files
 * of the same name in different folders stay two articles, and building again from the
 * same place finds the same keys.
 */
function articlePath(name: string): string {
  if (name === '<stdin>') return name;
  return relative(process.cwd(), resolve(name)).split(sep).join('/');
}

/** The key the article read from `path` gets (Article.key), known before reading it. */
export function articleKeyOf(path: string): string {
  return `Article:${articlePath(path)}`;
}

export function isReadFailure(x: Article | ReadFailure): x is ReadFailure {
  return 'reason' in x;
}

/**
 * SHA-256 (hex) of the UTF-8 of `raw`. `utf8File` is the file it was decoded from as UTF-8
 * (null otherwise): without a BOM, those bytes are that UTF-8, so they need no encoding again.
 */
function sha256(raw: string, utf8File: Uint8Array | null): string {
  const bom = utf8File !== null && utf8File[0] === 0xef && utf8File[1] === 0xbb && utf8File[2] === 0xbf;
  const hash = createHash('sha256');
  if (utf8File !== null && !bom) hash.update(utf8File);
  else hash.update(raw, 'utf8');
  return hash.digest('hex');
}

/**
 * Reads one article from its bytes. `name` is the file name or path (`<stdin>` for
 * standard input): it gives the article key and tells HTML files by their extension.
 */
export function readArticleBytes(name: string, bytes: Buffer | Uint8Array): Article | ReadFailure {
  const decoded = decodeBytes(bytes);
  if ('reason' in decoded) return { path: name, reason: decoded.reason };
  const ext = extname(name).toLowerCase();
  const raw = ext === '.html' || ext === '.htm' || looksLikeHtml(decoded.text) ? htmlToText(decoded.text) : decoded.text;
  if (raw.trim() === '') return { path: name, reason: 'empty file (no visible text)' };

  const { lines, script, columnar } = cleanDocument(raw);
  const published = findPublishedDate(raw);
  const { items, reference } = buildItems(raw, lines, published ?? findSourceNoteDate(raw), columnar);
  if (items.length === 0) return { path: name, reason: 'no article text (only page furniture, or no Chinese text)' };
  dateSentences(items, reference, published);

  const file = name === '<stdin>' ? name : basename(name);
  const firstItem = items[0];
  const title = firstItem.headline[0] ?? items.find((i) => i.headline.length > 0)?.headline[0] ?? firstItem.sentences[0]?.text.slice(0, 60) ?? '';
  return {
    key: `Article:${articlePath(name)}`,
    file,
    path: name,
    raw,
    sha256: sha256(raw, decoded.text === raw && decoded.encoding === 'utf-8' ? bytes : null),
    encoding: decoded.encoding,
    script,
    published,
    reference,
    title,
    items,
  };
}

/**
 * Reads one article file; any problem comes back as a ReadFailure naming the file.
 * Synchronous on purpose: an article is a few kilobytes, read in microseconds, while an
 * awaited read costs a chain of promises per file (10k files: 77 ms against ~900 ms).
 */
export function readArticleFile(path: string, maxBytes = MAX_FILE_BYTES): Article | ReadFailure {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const info = fstatSync(fd);
    if (info.isDirectory()) return { path, reason: 'is a directory, not a file' };
    if (info.size > maxBytes) {
      const mb = (n: number) => `${(n / 1048576).toFixed(1).replace(/\.0$/, '')} MB`;
      return { path, reason: `file too large for one article (${mb(info.size)}; limit ${mb(maxBytes)}): split it into articles or raise --max-article-mb` };
    }
    return readArticleBytes(path, readFileSync(fd));
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    const reason =
      e.code === 'ENOENT' ? 'no such file' : e.code === 'EACCES' ? 'permission denied' : e.code === 'EISDIR' ? 'is a directory, not a file' : `cannot read: ${e.message}`;
    return { path, reason };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
