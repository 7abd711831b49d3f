// Decodes UTF-8 strictly: bytes that are no UTF-8 are reported at the first of them, not read as U+FFFD.
import { createPositionMap, type LineColumn } from './positions';

export type Utf8Result = { text: string } | { invalidAt: LineColumn };

/** Index of the first byte of the first ill-formed sequence (the Unicode standard's table 3-7), or -1. */
function firstInvalidByte(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const c = bytes[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      if (c === 0xe0) lo = 0xa0;
      else if (c === 0xed) hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      if (c === 0xf0) lo = 0x90;
      else if (c === 0xf4) hi = 0x8f;
    } else return i;
    if (i + need >= n) return i;
    const second = bytes[i + 1]!;
    if (second < lo || second > hi) return i;
    for (let k = 2; k <= need; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += need + 1;
  }
  return -1;
}

/**
 * The text of UTF-8 bytes (a BOM dropped), or the 1-based line and UTF-16 column of the first byte that
 * is not UTF-8, as an editor would show the text before it.
 */
export function decodeUtf8(bytes: Uint8Array): Utf8Result {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    const bad = Math.max(firstInvalidByte(bytes), 0);
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, bad));
    return { invalidAt: createPositionMap(before)(before.length) };
  }
}
