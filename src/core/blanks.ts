// Tells blanks by character code, as a regex's `\s` reads them, for loops that step over text without a regex per character.

/** A blank, as `\s` reads it (NaN, past the text's end, is none). */
export function isBlank(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
