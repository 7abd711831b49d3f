// Splits a Markdown draft into prose units and masks everything that is not prose.
import MarkdownIt from 'markdown-it';
import { readPlainUnits, readQuoteUnits, readTableUnits } from './plainProse';
import type { Span } from './types';

export type UnitKind = 'paragraph' | 'heading' | 'row' | 'html';

/** A stretch of prose that claims are read within: a paragraph, a heading, a table row. */
export interface ProseUnit extends Span {
  kind: UnitKind;
  /** Table rows: the cells' spans, and which table the row belongs to. */
  cells?: Span[];
  table?: number;
  headerRow?: boolean;
  /** The titles of the list items this unit sits in, innermost first. */
  listTitles: Span[];
  /** Index of the nearest heading unit before this one, or -1. */
  heading: number;
}

export interface Prose {
  /** The text with every non-prose character replaced by a space (same length, same offsets). */
  masked: string;
  units: ProseUnit[];
}

let parser: ReturnType<typeof MarkdownIt> | undefined;
function markdown(): ReturnType<typeof MarkdownIt> {
  if (!parser) {
    parser = new MarkdownIt({ html: true, linkify: false });
    // Only the block structure is needed; inline syntax is masked by the cheaper pass below.
    parser.core.ruler.disable(['inline', 'linkify', 'replacements', 'smartquotes', 'text_join'], true);
  }
  return parser;
}

const INLINE_NOISE = new RegExp(
  [
    String.raw`(?<code>\x60+)[^]*?\k<code>`,
    String.raw`<!--[^]*?-->`,
    String.raw`<(?:https?|ftp|mailto):[^>\s]*>`,
    String.raw`<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>`,
    String.raw`\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+(?:"[^"]*"|'[^']*'))?\s*\)`,
    String.raw`\]\[[^\]]*\]`,
    String.raw`(?:https?:\/\/|www\.)[^\s<>()\[\]]+`,
    String.raw`\$\$[^]*?\$\$`,
    String.raw`\\\([^]*?\\\)`,
    String.raw`\$(?=[^\s$])(?:[^$\n\\]|\\.){1,200}?(?<=[^\s\\])\$(?!\d)`,
    String.raw`\\[\\\x60*_{}\[\]()#+\-.!|]`,
  ].join('|'),
  'g',
);

/** A character that can start inline noise; text without any needs no masking. */
const NOISE_TRIGGER = /[`<$\\]|\]\(|\]\[|https?:\/\/|ftp:|www\./;

/** Reads one block's prose: simple blocks by their lines, anything else with markdown-it. */
export function extractBlockProse(text: string): Prose {
  const units = readPlainUnits(text);
  if (units) return { masked: NOISE_TRIGGER.test(text) ? maskText(text, units) : text, units };
  // Quotes and tables leave markers outside their units, which masking blanks as the parser's path does.
  const other = readQuoteUnits(text) ?? readTableUnits(text, splitCells);
  return other ? { masked: maskText(text, other), units: other } : extractProse(text);
}

/** Offsets of the start of each line. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  let i = text.indexOf('\n');
  while (i !== -1) {
    starts.push(i + 1);
    i = text.indexOf('\n', i + 1);
  }
  return starts;
}

/**
 * Splits a table row's source line into cell spans on unescaped pipes outside code spans.
 * Cells past `columns` are dropped, as markdown-it (and GFM) drop them: a reader never sees them.
 */
function splitCells(text: string, start: number, end: number, columns = Infinity): Span[] {
  const cells: Span[] = [];
  let cellStart = start;
  let inCode = false;
  for (let i = start; i < end; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 0x5c) {
      i++;
      continue;
    }
    if (ch === 0x60) inCode = !inCode;
    else if (ch === 0x7c && !inCode) {
      cells.push({ start: cellStart, end: i });
      cellStart = i + 1;
    }
  }
  cells.push({ start: cellStart, end });
  // Leading and trailing pipes leave empty outer cells that are not columns.
  if (cells.length > 1 && text.slice(cells[0]!.start, cells[0]!.end).trim() === '') cells.shift();
  if (cells.length > 1 && text.slice(cells[cells.length - 1]!.start, cells[cells.length - 1]!.end).trim() === '') cells.pop();
  if (cells.length > columns) cells.length = columns;
  return cells;
}

/** Parses a block's structure with markdown-it and masks non-prose (front matter is cut off before, by `splitBlocks`). */
export function extractProse(text: string): Prose {
  const starts = lineStarts(text);
  const lineEnd = (line: number): number => {
    const next = starts[line + 1];
    let end = next === undefined ? text.length : next - 1;
    if (end > 0 && text.charCodeAt(end - 1) === 0x0d && end - 1 >= (starts[line] ?? 0)) end--;
    return end;
  };
  const tokens = markdown().parse(text, {});
  const units: ProseUnit[] = [];
  const keep: Span[] = [];
  const listStack: { title?: Span; depth: number }[] = [];
  let tableIndex = -1;
  let inHead = false;
  let columns = Infinity;
  let lastHeading = -1;
  const titles = (): Span[] => {
    const out: Span[] = [];
    for (let i = listStack.length - 1; i >= 0; i--) {
      const t = listStack[i]!.title;
      if (t) out.push(t);
    }
    return out;
  };
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    const map = tok.map;
    switch (tok.type) {
      case 'list_item_open':
        listStack.push({ depth: tok.level });
        break;
      case 'list_item_close':
        listStack.pop();
        break;
      case 'table_open':
        tableIndex++;
        columns = Infinity;
        break;
      case 'thead_open':
        inHead = true;
        break;
      case 'thead_close':
        inHead = false;
        break;
      case 'heading_open':
      case 'paragraph_open': {
        if (!map) break;
        const start = starts[map[0]] ?? text.length;
        const end = lineEnd(map[1] - 1);
        const kind = tok.type === 'heading_open' ? 'heading' : 'paragraph';
        const top = listStack[listStack.length - 1];
        // The first paragraph of a list item is its title, for the paragraphs nested below it.
        if (kind === 'paragraph' && top && !top.title) top.title = { start, end: lineEnd(map[0]) };
        const own = titles().filter((t) => t.start !== start);
        units.push({ kind, start, end, listTitles: own, heading: lastHeading });
        if (kind === 'heading') lastHeading = units.length - 1;
        keep.push({ start, end });
        break;
      }
      case 'tr_open': {
        if (!map) break;
        const start = starts[map[0]] ?? text.length;
        const cells = splitCells(text, start, lineEnd(map[0]), columns);
        if (inHead) columns = cells.length;
        // A row ends at its last column: the cells markdown-it drops are not prose.
        const end = cells.length === columns ? cells[columns - 1]!.end : lineEnd(map[0]);
        units.push({ kind: 'row', start, end, cells, table: tableIndex, headerRow: inHead, listTitles: titles(), heading: lastHeading });
        keep.push({ start, end });
        break;
      }
      case 'html_block': {
        if (!map) break;
        if (/^\s*<!--/.test(tok.content)) break;
        for (let line = map[0]; line < map[1]; line++) {
          const start = starts[line] ?? text.length;
          const end = lineEnd(line);
          if (end > start) {
            units.push({ kind: 'html', start, end, listTitles: titles(), heading: lastHeading });
            keep.push({ start, end });
          }
        }
        break;
      }
      default:
        break;
    }
  }
  return { masked: maskText(text, keep), units };
}

/** Blanks everything outside the kept spans and the inline noise inside them. */
function maskText(text: string, keep: Span[]): string {
  const parts: string[] = [];
  let pos = 0;
  const blank = (from: number, to: number): void => {
    if (to <= from) return;
    const part = text.slice(from, to);
    // Line breaks stay where they are; a stretch without any is just spaces.
    parts.push(part.indexOf('\n') < 0 && part.indexOf('\r') < 0 ? ' '.repeat(to - from) : part.replace(/[^\r\n]/g, ' '));
  };
  const nextNoise = noiseFinder(text);
  for (const span of keep) {
    if (span.start < pos) continue;
    blank(pos, span.start);
    let cursor = span.start;
    let m: Span | undefined;
    while ((m = nextNoise(cursor, span.end)) !== undefined) {
      const end = Math.min(m.end, span.end);
      // An unmatched backtick run is literal text, not a code span that eats the rest.
      parts.push(text.slice(cursor, m.start));
      blank(m.start, end);
      cursor = end;
      if (m.end >= span.end) break;
    }
    parts.push(text.slice(cursor, span.end));
    pos = span.end;
  }
  blank(pos, text.length);
  return parts.join('');
}

/** Every INLINE_NOISE alternative opens with one of these. */
const NOISE_START = /[`<\]$\\]|https?:\/\/|www\./g;
const NOISE_AT = new RegExp(INLINE_NOISE.source, 'y');

/**
 * Finds the INLINE_NOISE match a global search from `from` would find, if it starts before
 * `before`. Unlike that search it never looks for a start past the span being masked, and it
 * answers the alternatives that run on to a closer ("<!--", "$$", "\(", backtick runs) from where
 * the closers are, so a draft full of unclosed openers is not rescanned to its end per opener.
 */
function noiseFinder(text: string): (from: number, before: number) => Span | undefined {
  const last = new Map<string, number>();
  const lastOf = (closer: string): number => {
    let at = last.get(closer);
    if (at === undefined) last.set(closer, (at = text.lastIndexOf(closer)));
    return at;
  };
  let runs: { starts: number[]; ends: number[]; longestFrom: number[] } | undefined;
  /** The first offset at or after `from` where `count` backticks start, or -1. */
  const ticksAt = (from: number, count: number): number => {
    if (!runs) {
      const starts: number[] = [];
      const ends: number[] = [];
      for (let i = text.indexOf('`'); i >= 0; i = text.indexOf('`', i)) {
        starts.push(i);
        while (text.charCodeAt(i) === 0x60) i++;
        ends.push(i);
      }
      const longestFrom = new Array<number>(starts.length + 1).fill(0);
      for (let r = starts.length - 1; r >= 0; r--) longestFrom[r] = Math.max(longestFrom[r + 1]!, ends[r]! - starts[r]!);
      runs = { starts, ends, longestFrom };
    }
    let lo = 0;
    let hi = runs.ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (runs.ends[mid]! <= from) lo = mid + 1;
      else hi = mid;
    }
    for (let r = lo; r < runs.starts.length && runs.longestFrom[r]! >= count; r++) {
      const start = Math.max(runs.starts[r]!, from);
      if (runs.ends[r]! - start >= count) return start;
    }
    return -1;
  };
  /** The end of the INLINE_NOISE match at `at`, or undefined. */
  const matchAt = (at: number): number | undefined => {
    if (text.charCodeAt(at) === 0x60) {
      // A code span: the longest opening run that has a closing run of the same length after it.
      let run = 0;
      while (text.charCodeAt(at + run) === 0x60) run++;
      for (let count = run; count >= 1; count--) {
        const close = ticksAt(at + count, count);
        if (close >= 0) return close + count;
      }
      return undefined;
    }
    if (text.startsWith('<!--', at) && lastOf('-->') < at + 4) return undefined;
    // "$$" without a closing "$$" is no display math, and a "$" before another "$" opens no inline math.
    if (text.startsWith('$$', at) && lastOf('$$') < at + 2) return undefined;
    // "\(" without a closing "\)" is an escaped parenthesis.
    if (text.startsWith('\\(', at) && lastOf('\\)') < at + 2) return at + 2;
    NOISE_AT.lastIndex = at;
    const m = NOISE_AT.exec(text);
    return m ? at + m[0].length : undefined;
  };
  return (from, before) => {
    const window = text.slice(0, Math.min(text.length, before + 8));
    NOISE_START.lastIndex = from;
    let c: RegExpExecArray | null;
    while ((c = NOISE_START.exec(window)) !== null && c.index < before) {
      const end = matchAt(c.index);
      if (end !== undefined) return { start: c.index, end };
      NOISE_START.lastIndex = c.index + 1;
    }
    return undefined;
  };
}
