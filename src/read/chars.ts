/** Character classes used by the cleaners (UTF-16 code units). */

export function isHan(ch: string | undefined): boolean {
  return !!ch && isHanCode(ch.charCodeAt(0));
}

/** `isHan` for a UTF-16 code unit (-1, for "no character", is not Han). */
export function isHanCode(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff) || c === 0x3007;
}

/** Fullwidth and CJK punctuation, including curly quotes, dashes and the ellipsis. */
export function isCjkPunct(ch: string | undefined): boolean {
  return !!ch && isCjkPunctCode(ch.charCodeAt(0));
}

/** `isCjkPunct` for a UTF-16 code unit. */
export function isCjkPunctCode(c: number): boolean {
  return (
    (c >= 0x3000 && c <= 0x303f && c !== 0x3007) ||
    (c >= 0xff01 && c <= 0xff0f) ||
    (c >= 0xff1a && c <= 0xff20) ||
    (c >= 0xff3b && c <= 0xff40) ||
    (c >= 0xff5b && c <= 0xff65) ||
    (c >= 0x2014 && c <= 0x201f) ||
    c === 0x2026 ||
    c === 0x00b7 ||
    c === 0x25a0 // ■ before bylines in newspaper pages
  );
}

export function isCjk(ch: string | undefined): boolean {
  return isHan(ch) || isCjkPunct(ch);
}

export function isCjkCode(c: number): boolean {
  return isHanCode(c) || isCjkPunctCode(c);
}

/** Marks that end a sentence. */
export const SENTENCE_END = '。！？；';
/** Closing marks that stay with the sentence they follow. */
export const CLOSERS = '”’」』）》】';

/** Han characters in `s`; counting stops at `atMost` when a caller needs no more. */
export function hanCount(s: string, atMost = Infinity): number {
  let n = 0;
  for (let i = 0; i < s.length && n < atMost; i++) if (isHanCode(s.charCodeAt(i))) n++;
  return n;
}
