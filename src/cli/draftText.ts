// Decodes a draft's bytes (UTF-8, or UTF-16 with a BOM, as VS Code reads them) and encodes a fixed draft the same way.
import { decodeUtf8 } from '../core/utf8';

export type DraftEncoding = 'utf8' | 'utf16le' | 'utf16be';

export interface Draft {
  text: string;
  bom: boolean;
  encoding: DraftEncoding;
  bytes: Buffer;
}

/** The draft's text, or why it is skipped: binary, or no valid UTF-8 (then where the first bad byte is). */
export function decodeDraft(bytes: Buffer): Draft | string {
  // A UTF-16 BOM first: UTF-16 text is full of NUL bytes, and is no binary file for that.
  const utf16: DraftEncoding | undefined = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf16be' : undefined;
  if (utf16) {
    try {
      // Strict: a lone surrogate or an odd byte count could not be written back as it was read.
      const text = new TextDecoder(utf16 === 'utf16le' ? 'utf-16le' : 'utf-16be', { fatal: true, ignoreBOM: true }).decode(bytes.subarray(2));
      return { text, bom: true, encoding: utf16, bytes };
    } catch {
      return `not valid ${utf16 === 'utf16le' ? 'UTF-16LE' : 'UTF-16BE'} (it starts with that byte order mark); skipped`;
    }
  }
  if (bytes.subarray(0, 8192).includes(0)) return 'binary file (contains NUL bytes); skipped';
  const decoded = decodeUtf8(bytes);
  if (!('text' in decoded)) return `not valid UTF-8 (the first bad byte is at line ${decoded.invalidAt.line}, column ${decoded.invalidAt.column}); skipped`;
  // decodeUtf8 drops a BOM; --fix writes it back.
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  return { text: decoded.text, bom, encoding: 'utf8', bytes };
}

/** A fixed draft's bytes in the draft's own encoding, with its BOM if it had one. */
export function encodeDraft(draft: Draft, text: string): Buffer {
  const withBom = (draft.bom ? '\ufeff' : '') + text;
  if (draft.encoding === 'utf8') return Buffer.from(withBom, 'utf8');
  const le = Buffer.from(withBom, 'utf16le');
  return draft.encoding === 'utf16le' ? le : le.swap16();
}
