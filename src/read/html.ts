import { Parser } from 'htmlparser2';

/** Elements whose text is never article text. */
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'head', 'svg', 'iframe', 'object', 'select']);

/** Elements that start a new line of text. */
const BLOCKS = new Set([
  'p', 'div', 'br', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr', 'table', 'section',
  'article', 'header', 'footer', 'nav', 'aside', 'blockquote', 'pre', 'hr', 'dd', 'dt', 'dl',
  'figure', 'figcaption', 'main', 'form', 'center', 'title', 'td', 'th', 'caption', 'address',
]);

/** Whether a text read from a file without an .html name is nevertheless an HTML page. */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 2048).trimStart();
  if (!head.startsWith('<')) return false; // every form below opens with a tag
  const lower = head.toLowerCase();
  return /^(<!doctype html|<html[\s>]|<head[\s>]|<body[\s>]|<\?xml[^>]*>\s*<!doctype html)/.test(lower) ||
    (/^<!--/.test(lower) && /<html[\s>]/.test(lower));
}

/**
 * The visible text of an HTML page: tags stripped, script/style/noscript dropped,
 * entities decoded, one line per block element, runs of whitespace inside a block
 * collapsed to one space.
 */
export function htmlToText(html: string): string {
  const out: string[] = [];
  let skipDepth = 0;
  let line = '';
  const flush = () => {
    const t = line.replace(/[ \t\r\n\f]+/g, ' ').trim();
    if (t !== '') out.push(t);
    line = '';
  };
  const parser = new Parser(
    {
      onopentag(name) {
        if (SKIPPED.has(name)) skipDepth++;
        else if (BLOCKS.has(name)) flush();
      },
      onclosetag(name) {
        if (SKIPPED.has(name)) skipDepth = Math.max(0, skipDepth - 1);
        else if (BLOCKS.has(name)) flush();
      },
      ontext(text) {
        if (skipDepth === 0) line += text;
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  flush();
  return out.join('\n');
}
