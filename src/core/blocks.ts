// Cuts a draft into top-level blocks that can be read on their own, in one cheap pass over its lines.
import type { Span } from './types';

/**
 * A run of lines that Markdown reads the same way alone as inside the whole draft. `skip` blocks
 * (front matter, a fenced code block standing alone) hold no prose at all.
 */
export interface Block extends Span {
  skip: boolean;
}

const FENCE_OPEN = /^[ \t]*(`{3,}|~{3,})/;
const RAW_HTML_OPEN = /^[ \t]*<(pre|script|style|textarea)(?=[\s>]|$)/i;

/**
 * Splits `text[from, to)` at blank lines that are followed by an unindented line, outside fenced
 * code, multi-line HTML comments and raw HTML blocks. Indented lines after a blank stay with the block
 * above: they continue its list item or are its indented code, and only the whole block says which.
 * `from` must be the start of a line. `stop` is asked before each new block; when it says yes, the
 * split ends there (the caller knows the rest).
 */
export function splitBlocks(text: string, from = 0, to = text.length, stop?: (start: number) => boolean): Block[] {
  const blocks: Block[] = [];
  let lineStart = from;
  if (from === 0) {
    const fm = frontMatterEnd(text);
    if (fm > 0) {
      blocks.push({ start: 0, end: fm, skip: true });
      lineStart = fm;
    }
  }
  let blockStart = -1;
  let blockEnd = -1;
  let fenceOnly = false;
  let fence: { char: number; size: number } | undefined;
  let closer: RegExp | undefined;
  let sawBlank = false;
  while (lineStart <= to) {
    let nl = text.indexOf('\n', lineStart);
    if (nl === -1 || nl > to) nl = to;
    let lineEnd = nl;
    if (lineEnd > lineStart && text.charCodeAt(lineEnd - 1) === 0x0d) lineEnd--;
    const first = firstNonSpace(text, lineStart, lineEnd);
    if (fence || closer) {
      // Inside fenced code or a raw HTML block: blank lines do not end anything.
      blockEnd = lineEnd;
      const line = text.slice(lineStart, lineEnd);
      if (fence) {
        const m = FENCE_OPEN.exec(line);
        if (m && m[1]!.charCodeAt(0) === fence.char && m[1]!.length >= fence.size && line.slice(m[0].length).trim() === '') fence = undefined;
      } else if (closer!.test(line)) closer = undefined;
    } else if (first === lineEnd) {
      sawBlank = true;
    } else {
      if (blockStart >= 0 && sawBlank && first === lineStart) {
        blocks.push({ start: blockStart, end: blockEnd, skip: fenceOnly });
        blockStart = -1;
      }
      sawBlank = false;
      if (blockStart < 0 && stop?.(lineStart)) return blocks;
      const c = text.charCodeAt(first);
      const line = c === 0x60 || c === 0x7e || c === 0x3c ? text.slice(lineStart, lineEnd) : '';
      const f = line ? FENCE_OPEN.exec(line) : null;
      if (f && !(f[1]!.charCodeAt(0) === 0x60 && line.slice(f[0].length).includes('`')) && !startsTable(text, line, nl, to)) {
        fence = { char: f[1]!.charCodeAt(0), size: f[1]!.length };
        if (blockStart < 0) fenceOnly = true;
        else fenceOnly = false;
      } else {
        fenceOnly = false;
        const html = line ? RAW_HTML_OPEN.exec(line) : null;
        if (html) {
          const close = new RegExp(`</${html[1]}>`, 'i');
          if (!close.test(line)) closer = close;
        } else if (line && /^[ \t]*<!--/.test(line) && !line.includes('-->')) closer = /-->/;
      }
      if (blockStart < 0) blockStart = lineStart;
      blockEnd = lineEnd;
    }
    if (nl >= to) break;
    lineStart = nl + 1;
  }
  if (blockStart >= 0) blocks.push({ start: blockStart, end: blockEnd, skip: fenceOnly });
  return blocks;
}

/** A fence-like line with a pipe, over a delimiter row, is a table's header row: tables are read first. */
function startsTable(text: string, line: string, nl: number, to: number): boolean {
  if (!line.includes('|') || nl >= to) return false;
  let next = text.indexOf('\n', nl + 1);
  if (next === -1 || next > to) next = to;
  const row = text.slice(nl + 1, next).trim();
  const columns = (s: string): number => s.trim().replace(/^\||\|$/g, '').split('|').length;
  // "- " reads as a list item, never as a delimiter row.
  return row.includes('-') && /^[-:|\s]+$/.test(row) && !/^\s*-(?:\s|$)/.test(text.slice(nl + 1, next)) && columns(row) === columns(line);
}

function firstNonSpace(text: string, from: number, to: number): number {
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09 && c !== 0x0d && c !== 0x0c && c !== 0x0b) break;
    i++;
  }
  return i;
}

/** Where a YAML front matter block at the top ends (after its closing line), or 0. */
function frontMatterEnd(text: string): number {
  const open = /^\ufeff?---[ \t]*\r?\n/.exec(text);
  if (!open) return 0;
  const close = /^(?:---|\.\.\.)[ \t]*\r?$/m;
  close.lastIndex = 0;
  const rest = text.slice(open[0].length);
  const c = close.exec(rest);
  if (!c) return 0;
  return open[0].length + c.index + c[0].length;
}
