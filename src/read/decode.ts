import { isUtf8, transcode } from 'node:buffer';
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { commonHanRatio } from './common-han.ts';

/** A decoded text, or the reason the bytes are not a text we can read. */
export type Decoded = { text: string; encoding: string } | { reason: string };

/** Signatures of binary formats people drop into a folder of articles by mistake. */
const SIGNATURES: Array<[string, number[]]> = [
  ['PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['JPEG image', [0xff, 0xd8, 0xff]],
  ['GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['PDF document', [0x25, 0x50, 0x44, 0x46]],
  ['ZIP archive or Office document', [0x50, 0x4b, 0x03, 0x04]],
  ['gzip archive', [0x1f, 0x8b]],
  ['7-Zip archive', [0x37, 0x7a, 0xbc, 0xaf]],
  ['RAR archive', [0x52, 0x61, 0x72, 0x21]],
  ['ELF executable', [0x7f, 0x45, 0x4c, 0x46]],
  ['Windows executable', [0x4d, 0x5a]],
  ['old Office document', [0xd0, 0xcf, 0x11, 0xe0]],
  ['WebP or WAV file', [0x52, 0x49, 0x46, 0x46]],
  ['BMP image', [0x42, 0x4d]],
];

/** Encoding detection looks at this much; decoding always covers the whole input. */
const SAMPLE_BYTES = 64 * 1024;

function startsWith(bytes: Uint8Array, sig: number[]): boolean {
  return bytes.length >= sig.length && sig.every((b, i) => bytes[i] === b);
}

function binaryKind(bytes: Uint8Array): string | null {
  for (const [kind, sig] of SIGNATURES) {
    // 'MZ' and 'BM' are two ASCII letters: only trust them when the file is not plain text.
    if (sig.length === 2 && sig[0] !== 0x1f && !bytes.subarray(0, 512).includes(0)) continue;
    if (startsWith(bytes, sig)) return kind;
  }
  return null;
}

/** Strict UTF-8: null when the bytes are not valid UTF-8. */
function strictUtf8(bytes: Uint8Array): string | null {
  if (!isUtf8(bytes)) return null;
  // ICU's transcoder decodes mostly-Chinese text several times faster than TextDecoder.
  return transcode(bytes, 'utf8', 'utf16le').toString('utf16le');
}

/** Zero bytes mostly on odd (LE) or even (BE) positions: UTF-16 text with ASCII in it. */
function utf16ByZeros(sample: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  let even = 0;
  let odd = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] === 0) {
      if (i % 2 === 0) even++;
      else odd++;
    }
  }
  const total = even + odd;
  if (total === 0) return null;
  if (odd > even) return 'utf-16le';
  if (even > odd) return 'utf-16be';
  return null;
}

/** How much a decoded sample looks like real text; -1 when it does not at all. */
function textScore(text: string): number {
  let replacement = 0;
  let control = 0;
  let han = 0;
  let odd = 0; // private use, kana/box drawing mid-Chinese text: signs of a wrong decoding
  let visible = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd) replacement++;
    else if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0x7f) control++;
    else if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf)) han++;
    else if ((c >= 0xe000 && c <= 0xf8ff) || (c >= 0x2500 && c <= 0x25ff) || (c >= 0x3040 && c <= 0x30ff))
      odd++;
    if (c > 0x20) visible++;
  }
  if (visible === 0) return -1;
  if (replacement > Math.max(2, visible * 0.01) || control > Math.max(2, visible * 0.01)) return -1;
  if (han === 0) return odd > 0 ? -1 : 0.1;
  const common = commonHanRatio(text);
  if (han >= 10 && common < 0.35) return -1;
  return common - odd / visible - replacement / visible;
}

/** chardet's names for the encodings that can hold Chinese text, in iconv-lite's spelling. */
const CHINESE = new Map([
  ['GB18030', 'gb18030'],
  ['GBK', 'gb18030'],
  ['GB2312', 'gb18030'],
  ['Big5', 'big5'],
  ['UTF-16LE', 'utf-16le'],
  ['UTF-16BE', 'utf-16be'],
]);

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function metaCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head);
  if (!m) return null;
  const name = m[1].toLowerCase();
  if (/^(gb2312|gbk|gb18030|x-gbk)$/.test(name)) return 'gb18030';
  if (/^big5/.test(name)) return 'big5';
  return null;
}

/**
 * Decodes article bytes: BOM, then strict UTF-8, then the Chinese encodings chardet and
 * the page itself suggest, keeping the decoding that reads as real Chinese text.
 */
export function decodeBytes(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { reason: 'empty file' };
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return checked(stripBom(Buffer.from(bytes).toString('utf8')), 'utf-8');
  if (startsWith(bytes, [0xff, 0xfe])) return checked(iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16le'), 'utf-16le');
  if (startsWith(bytes, [0xfe, 0xff])) return checked(iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16be'), 'utf-16be');
  const kind = binaryKind(bytes);
  if (kind) return { reason: `binary file (${kind})` };

  const sample = bytes.subarray(0, SAMPLE_BYTES);
  const candidates: string[] = [];
  if (sample.includes(0)) {
    // UTF-16 without BOM: ASCII characters and line breaks carry zero bytes.
    if (bytes.length % 2 !== 0) return { reason: 'binary file (contains NUL bytes)' };
    const likely = utf16ByZeros(sample);
    candidates.push(likely ?? 'utf-16le', likely === 'utf-16be' ? 'utf-16le' : 'utf-16be');
  } else {
    const utf8 = strictUtf8(bytes);
    if (utf8 !== null) return checked(utf8, 'utf-8');
    const meta = metaCharset(bytes);
    if (meta) candidates.push(meta);
    for (const match of chardet.analyse(sample)) {
      const name = CHINESE.get(match.name);
      if (name && !candidates.includes(name)) candidates.push(name);
    }
    for (const name of ['gb18030', 'big5']) if (!candidates.includes(name)) candidates.push(name);
    if (bytes.length % 2 === 0)
      for (const name of ['utf-16le', 'utf-16be']) if (!candidates.includes(name)) candidates.push(name);
  }

  // The sample may end inside a multi-byte character: drop the last few characters.
  let best: { name: string; score: number } | null = null;
  for (const name of candidates) {
    const text = iconv.decode(Buffer.from(sample), name);
    const score = textScore(sample.length < bytes.length ? text.slice(0, -2) : text);
    if (score >= 0 && (!best || score > best.score + 0.02)) best = { name, score };
  }
  if (!best) {
    return {
      reason: sample.includes(0)
        ? 'binary file (contains NUL bytes)'
        : 'not text: invalid UTF-8 and no Chinese encoding fits',
    };
  }
  return checked(stripBom(iconv.decode(Buffer.from(bytes), best.name)), best.name);
}

function checked(text: string, encoding: string): Decoded {
  if (text.trim() === '') return { reason: 'empty file' };
  if (text.includes('\u0000')) return { reason: 'binary file (contains NUL characters)' };
  return { text, encoding };
}
