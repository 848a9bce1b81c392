/**
 * Sets of UTF-16 code units as bitsets (8 KB each): extraction asks "can a name or a word
 * start with this character?" at every position of every sentence, and a bit test costs
 * neither a one-character string nor a hash.
 */
export class UnitSet {
  private readonly bits = new Uint32Array(0x10000 >>> 5);

  /** The code units of `characters`. */
  static of(characters: Iterable<string>): UnitSet {
    const set = new UnitSet();
    for (const ch of characters) set.add(ch.charCodeAt(0));
    return set;
  }

  /** The code units that, as a one-unit string, match `characterClass` (e.g. /[，。\s]/). */
  static matching(characterClass: RegExp): UnitSet {
    const set = new UnitSet();
    for (let unit = 0; unit < 0x10000; unit++) if (characterClass.test(String.fromCharCode(unit))) set.add(unit);
    return set;
  }

  add(unit: number): void {
    this.bits[unit >>> 5] |= 1 << (unit & 31);
  }

  /** Whether some code unit of `text` is in the set. */
  occursIn(text: string): boolean {
    for (let i = 0; i < text.length; i++) if (this.has(text.charCodeAt(i))) return true;
    return false;
  }

  /** Whether `unit` is in the set; false for NaN (text.charCodeAt past the end). */
  has(unit: number): boolean {
    return unit < 0x10000 && (this.bits[unit >>> 5] & (1 << (unit & 31))) !== 0;
  }
}
