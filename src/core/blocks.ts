// Cuts a draft into top-level blocks that can be read on their own, in one cheap pass over its lines.
import type { Span } from './types';

/**
 * A run of lines that Markdown reads the same way alone as inside the whole draft. `skip` blocks
 * (front matter, a fenced code block standing alone) hold no prose at all.
 */
export interface Block extends Span {
  skip: boolean;
}

const FENCE_OPEN = /^([ \t]*)(`{3,}|~{3,})/;
/** HTML blocks that run to a closing marker, across blank lines (CommonMark types 1-5). */
const RAW_HTML_OPEN = /^ {0,3}<(pre|script|style|textarea)(?=[\s>]|$)/i;
const HTML_RUNS: [RegExp, RegExp][] = [
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![A-Za-z]/, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
];
/** HTML blocks that end at a blank line (types 6-7): fence-like lines inside them are HTML, not fences. */
const HTML_TAG_LINE = /^ {0,3}<\/?[A-Za-z][A-Za-z0-9-]*(?=[\s/>]|$)/;
const HTML_INTERRUPTING = /^ {0,3}<\/?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?=[\s/>]|$)/i;

/**
 * Splits `text[from, to)` at blank lines that are followed by an unindented line, outside fenced
 * code, multi-line HTML comments and raw HTML blocks. Indented lines after a blank stay with the block
 * above: they continue its list item or are its indented code, and only the whole block says which.
 * When unsure the split keeps lines together (a bigger block is still read right); it only marks a
 * block `skip` when it is certainly a fenced block alone. `from` must be the start of a line. `stop`
 * is asked before each new block; when it says yes, the split ends there (the caller knows the rest).
 * Lines end in LF or CRLF: the session has turned lone CRs into LFs.
 */
export function splitBlocks(text: string, from = 0, to = text.length, stop?: (start: number) => boolean): Block[] {
  const blocks: Block[] = [];
  scanBlocks(text, from, to, stop, (start, end, skip) => blocks.push({ start, end, skip }));
  return blocks;
}

/**
 * The blocks of a whole draft as `splitBlocks` reads them, in one list of numbers: start, end, and 1 for a skipped
 * block or 0, for each. A one-shot check holds these for as long as it runs; objects would be copied by every
 * collection meanwhile.
 */
export function splitBlockBounds(text: string): number[] {
  const bounds: number[] = [];
  scanBlocks(text, 0, text.length, undefined, (start, end, skip) => bounds.push(start, end, skip ? 1 : 0));
  return bounds;
}

/** Hands each block of `text[from, to)` to `add` in order, as `splitBlocks` describes. */
function scanBlocks(text: string, from: number, to: number, stop: ((start: number) => boolean) | undefined, add: (start: number, end: number, skip: boolean) => void): void {
  let lineStart = from;
  if (from === 0) {
    const fm = frontMatterEnd(text);
    if (fm > 0) {
      add(0, fm, true);
      lineStart = fm;
    }
  }
  let blockStart = -1;
  let blockEnd = -1;
  let fenceOnly = false;
  let fence: { char: number; size: number; indent: number } | undefined;
  let closer: RegExp | undefined;
  let inHtml = false;
  let sawBlank = false;
  // Most drafts have no CR: their lines are not asked for one. (A range keeps asking, rather than search past its end.)
  const crs = to < text.length || text.indexOf('\r', lineStart) !== -1;
  while (lineStart <= to) {
    let nl = text.indexOf('\n', lineStart);
    if (nl === -1 || nl > to) nl = to;
    let lineEnd = nl;
    if (crs && lineEnd > lineStart && text.charCodeAt(lineEnd - 1) === 0x0d) lineEnd--;
    // Most lines open with their content: the blank run is measured only when there is one.
    const lead = lineStart < lineEnd ? text.charCodeAt(lineStart) : -1;
    const first = lead === 0x20 || lead === 0x09 ? firstNonBlank(text, lineStart, lineEnd) : lineStart;
    if (fence || closer) {
      // Inside fenced code or a raw HTML block: blank lines do not end anything.
      blockEnd = lineEnd;
      const line = text.slice(lineStart, lineEnd);
      if (fence) {
        const m = FENCE_OPEN.exec(line);
        // A closing fence may be indented at most three columns more than its opener.
        if (m && m[2]!.charCodeAt(0) === fence.char && m[2]!.length >= fence.size && m[1]!.length < fence.indent + 4 && line.slice(m[0].length).trim() === '') fence = undefined;
      } else if (closer!.test(line)) closer = undefined;
    } else if (first === lineEnd) {
      sawBlank = true;
      inHtml = false;
    } else {
      const startsBlock = blockStart < 0 || (sawBlank && first === lineStart);
      if (blockStart >= 0 && sawBlank && first === lineStart) {
        add(blockStart, blockEnd, fenceOnly);
        blockStart = -1;
      }
      sawBlank = false;
      if (blockStart < 0 && stop?.(lineStart)) return;
      const c = first === lineStart ? lead : text.charCodeAt(first);
      const line = c === 0x60 || c === 0x7e || c === 0x3c ? text.slice(lineStart, lineEnd) : '';
      const f = line && !inHtml ? FENCE_OPEN.exec(line) : null;
      if (f && !(f[2]!.charCodeAt(0) === 0x60 && line.slice(f[0].length).includes('`')) && !startsTable(text, line, nl, to)) {
        fence = { char: f[2]!.charCodeAt(0), size: f[2]!.length, indent: f[1]!.length };
        // Only an opener Markdown cannot read as indented code makes a block that is nothing but code.
        fenceOnly = startsBlock && f[1]!.length < 4 && !f[1]!.includes('\t');
      } else {
        fenceOnly = false;
        if (line && !inHtml) {
          const close = htmlRunCloser(line);
          // The opening line may close the block itself ("<!-- note -->"), past its opener.
          if (close) {
            if (!close.test(line.slice(line.indexOf('<') + 2))) closer = close;
          } else if (HTML_INTERRUPTING.test(line) || (startsBlock && HTML_TAG_LINE.test(line))) inHtml = true;
        }
      }
      if (blockStart < 0) blockStart = lineStart;
      blockEnd = lineEnd;
    }
    if (nl >= to) break;
    lineStart = nl + 1;
  }
  if (blockStart >= 0) add(blockStart, blockEnd, fenceOnly);
}

/**
 * The closing marker of the raw or run-on HTML block that `line` opens, or undefined. (A function of its own: a
 * callback in scanBlocks' loop made every line allocate a scope for it.)
 */
function htmlRunCloser(line: string): RegExp | undefined {
  const raw = RAW_HTML_OPEN.exec(line);
  if (raw) return new RegExp(`</${raw[1]}>`, 'i');
  for (const run of HTML_RUNS) if (run[0].test(line)) return run[1];
  return undefined;
}

/** Cells of a table line, split on pipes that are not escaped, without the outer empty ones. */
function tableCells(line: string): string[] {
  const cells = line.trim().split(/(?<!\\)\|/);
  if (cells.length > 1 && cells[0]!.trim() === '') cells.shift();
  if (cells.length > 1 && cells[cells.length - 1]!.trim() === '') cells.pop();
  return cells;
}

/** A fence-like line with a pipe, over a delimiter row, is a table's header row: tables are read first. */
function startsTable(text: string, line: string, nl: number, to: number): boolean {
  if (!line.includes('|') || nl >= to) return false;
  let next = text.indexOf('\n', nl + 1);
  if (next === -1 || next > to) next = to;
  const raw = text.slice(nl + 1, next).replace(/\r$/, '');
  // "- " reads as a list item, never as a delimiter row.
  if (/^\s*-(?:\s|$)/.test(raw) || !/^[-:|\s]+$/.test(raw)) return false;
  const delimiters = tableCells(raw);
  if (!delimiters.every((d) => /^\s*:?-+:?\s*$/.test(d))) return false;
  return delimiters.length === tableCells(line).length;
}

/** Where a line's content starts: Markdown counts only spaces and tabs as blank. */
function firstNonBlank(text: string, from: number, to: number): number {
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09) break;
    i++;
  }
  return i;
}

/** Where a YAML front matter block at the top ends (after its closing line), or 0. */
export function frontMatterEnd(text: string): number {
  const open = /^\ufeff?---[ \t]*\r?\n/.exec(text);
  if (!open) return 0;
  const close = /^(?:---|\.\.\.)[ \t]*\r?$/m;
  const rest = text.slice(open[0].length);
  const c = close.exec(rest);
  if (!c) return 0;
  return open[0].length + c.index + c[0].length;
}
