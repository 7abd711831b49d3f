// Splits a Markdown draft into prose units and masks everything that is not prose.
import MarkdownIt from 'markdown-it';
import { NO_TITLES, readPlainUnits, readQuoteUnits, readTableUnits } from './plainProse';
import { lineStarts } from './positions';
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
  listTitles: readonly Span[];
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

/**
 * What every INLINE_NOISE match holds (a URL its "/" or "www."); text without any needs no masking. Single characters
 * rather than openers such as "https://": irregexp tries an opener at every "h" of the prose, ~1.5 times the cost.
 */
const NOISE_TRIGGER = /[`<$\\\]/]|www\./;

/** Reads one block's prose: simple blocks by their lines, anything else with markdown-it. */
export function extractBlockProse(text: string): Prose {
  const units = readPlainUnits(text);
  if (units) return { masked: NOISE_TRIGGER.test(text) ? maskText(text, units) : text, units };
  // Quotes and tables leave markers outside their units, which masking blanks as the parser's path does.
  const other = readQuoteUnits(text) ?? readTableUnits(text, splitCells);
  return other ? { masked: maskText(text, other), units: other } : extractProse(text);
}


/**
 * The next character splitCells acts on in a row with escapes or code spans. A regex steps over the rest natively (a
 * loop reading every character costs more, in a short run's unoptimised code); a line break is in the class only to
 * stop the search at the line's end.
 */
const CELL_MARK = /[\\`|\n]/g;

/**
 * Splits a table row's source line into cell spans on unescaped pipes outside code spans.
 * Cells past `columns` are dropped, as markdown-it (and GFM) drop them: a reader never sees them.
 */
function splitCells(text: string, start: number, end: number, columns = Infinity): Span[] {
  const cells: Span[] = [];
  let cellStart = start;
  const row = text.slice(start, end);
  // Most rows hold no escape or code span: every pipe splits, and indexOf finds each one in a single call.
  if (row.indexOf('\\') === -1 && row.indexOf('`') === -1) {
    for (let i = row.indexOf('|'); i !== -1; i = row.indexOf('|', i + 1)) {
      cells.push({ start: cellStart, end: start + i });
      cellStart = start + i + 1;
    }
  } else {
    let inCode = false;
    for (let i = start; i < end; i++) {
      CELL_MARK.lastIndex = i;
      if (!CELL_MARK.test(text)) break;
      i = CELL_MARK.lastIndex - 1;
      if (i >= end) break;
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
  }
  cells.push({ start: cellStart, end });
  // Leading and trailing pipes leave empty outer cells that are not columns (most are empty spans, known without a slice).
  if (cells.length > 1 && isBlankCell(text, cells[0]!)) cells.shift();
  if (cells.length > 1 && isBlankCell(text, cells[cells.length - 1]!)) cells.pop();
  if (cells.length > columns) cells.length = columns;
  return cells;
}

/** Whether a cell holds nothing but white space. */
function isBlankCell(text: string, cell: Span): boolean {
  return cell.start === cell.end || text.slice(cell.start, cell.end).trim() === '';
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
  const titles = (): readonly Span[] => {
    if (listStack.length === 0) return NO_TITLES;
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
        const own = listStack.length ? titles().filter((t) => t.start !== start) : NO_TITLES;
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

/**
 * Blanks everything outside the kept spans and the inline noise inside them. Only stretches that change are
 * copied out: a block whose gaps are bare line breaks and whose prose has no noise comes back as itself.
 */
function maskText(text: string, keep: Span[]): string {
  const parts: string[] = [];
  let copied = 0;
  let pos = 0;
  const noise = new NoiseFinder(text);
  for (let k = 0; k < keep.length; k++) {
    const span = keep[k]!;
    if (span.start < pos) continue;
    copied = blank(text, pos, span.start, parts, copied);
    let cursor = span.start;
    let at: number;
    while ((at = noise.next(cursor, span.end)) >= 0) {
      // A match running past the span (a code span closed in a later line) blanks only the span's part here.
      const end = Math.min(noise.end, span.end);
      copied = blank(text, at, end, parts, copied);
      cursor = end;
      if (noise.end >= span.end) break;
    }
    pos = span.end;
  }
  copied = blank(text, pos, text.length, parts, copied);
  if (parts.length === 0) return text;
  parts.push(text.slice(copied));
  return parts.join('');
}

/**
 * Adds to `parts` the text from `copied` to `from` and `text[from, to)` blanked, unless that stretch would come
 * out the same (nothing, or line breaks only); returns how far `parts` now covers the text (line breaks ending the
 * stretch are left for the next copy, which takes them with the text after: a row's closing "|\n" costs one part).
 */
function blank(text: string, from: number, to: number, parts: string[], copied: number): number {
  let other = false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x0a && c !== 0x0d) {
      other = true;
      break;
    }
  }
  if (!other) return copied;
  parts.push(text.slice(copied, from));
  // Line breaks stay where they are; the runs between them become spaces. Sticky regexes find the runs in the
  // stretch's slice: in a short run's unoptimised code, a loop over its characters costs more.
  const stretch = text.slice(from, to);
  for (let i = 0; i < stretch.length; ) {
    NOT_LINE_BREAKS.lastIndex = i;
    NOT_LINE_BREAKS.test(stretch);
    const j = NOT_LINE_BREAKS.lastIndex;
    if (j > i) parts.push(spaces(j - i));
    // Most stretches are one run (a URL, a code span, a row's pipe): no search for line breaks after it.
    if (j === stretch.length) break;
    // The character at j is a line break: one that ends the stretch is left as it is without a search.
    if (j === stretch.length - 1) return from + j;
    LINE_BREAKS.lastIndex = j;
    LINE_BREAKS.test(stretch);
    i = LINE_BREAKS.lastIndex;
    if (i === stretch.length) return from + j;
    parts.push(stretch.slice(j, i));
  }
  return to;
}

const LINE_BREAKS = /[\n\r]*/y;
const NOT_LINE_BREAKS = /[^\n\r]*/y;

/** Runs of spaces by length, made once: blanks are mostly short (a table row's pipes, a code span, a URL). */
const SPACE_RUNS: string[] = [];

function spaces(n: number): string {
  return n <= 64 ? (SPACE_RUNS[n] ??= ' '.repeat(n)) : ' '.repeat(n);
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
class NoiseFinder {
  /** The end of the match `next` found last. */
  end = 0;
  /** Where "-->", "$$" and "\\)" last occur in the text, looked up when first asked (-2 until then). */
  private readonly lastClosers = [-2, -2, -2];
  /** The last answer of `openerFrom` and the offset it searched from. */
  private opener = -1;
  private openerSearchedFrom = Infinity;
  private runs: { starts: number[]; ends: number[]; longestFrom: number[] } | undefined;

  constructor(private readonly text: string) {}

  /** The start of the first match at or after `from` that starts before `before` (its end in `end`), or -1. */
  next(from: number, before: number): number {
    for (let at = this.openerFrom(from); at >= 0 && at < before; at = this.openerFrom(at + 1)) {
      const end = this.matchAt(at);
      if (end !== undefined) {
        this.end = end;
        return at;
      }
    }
    return -1;
  }

  /**
   * The first offset at or after `from` where an INLINE_NOISE alternative may start, or -1. The search runs on
   * past the span being masked; its answer is kept, so the spans after it do not search that stretch again.
   */
  private openerFrom(from: number): number {
    if (this.openerSearchedFrom > from || (this.opener >= 0 && this.opener < from)) {
      NOISE_START.lastIndex = from;
      this.opener = NOISE_START.exec(this.text)?.index ?? -1;
      this.openerSearchedFrom = from;
    }
    return this.opener;
  }

  /** The end of the INLINE_NOISE match at `at`, or undefined. */
  private matchAt(at: number): number | undefined {
    const text = this.text;
    if (text.charCodeAt(at) === 0x60) {
      // A code span: the longest opening run that has a closing run of the same length after it.
      let run = 0;
      while (text.charCodeAt(at + run) === 0x60) run++;
      // A single backtick, the common case, closes at the next one: the index of backtick runs is not needed.
      if (run === 1) {
        const close = text.indexOf('`', at + 1);
        return close >= 0 ? close + 1 : undefined;
      }
      for (let count = run; count >= 1; count--) {
        const close = this.ticksAt(at + count, count);
        if (close >= 0) return close + count;
      }
      return undefined;
    }
    if (text.startsWith('<!--', at) && this.lastOf(0, '-->') < at + 4) return undefined;
    // "$$" without a closing "$$" is no display math, and a "$" before another "$" opens no inline math.
    if (text.startsWith('$$', at) && this.lastOf(1, '$$') < at + 2) return undefined;
    // "\(" without a closing "\)" is an escaped parenthesis.
    if (text.startsWith('\\(', at) && this.lastOf(2, '\\)') < at + 2) return at + 2;
    NOISE_AT.lastIndex = at;
    const m = NOISE_AT.exec(text);
    return m ? at + m[0].length : undefined;
  }

  private lastOf(which: number, closer: string): number {
    let at = this.lastClosers[which]!;
    if (at === -2) this.lastClosers[which] = at = this.text.lastIndexOf(closer);
    return at;
  }

  /** The first offset at or after `from` where `count` backticks start, or -1. */
  private ticksAt(from: number, count: number): number {
    const text = this.text;
    if (!this.runs) {
      const starts: number[] = [];
      const ends: number[] = [];
      for (let i = text.indexOf('`'); i >= 0; i = text.indexOf('`', i)) {
        starts.push(i);
        while (text.charCodeAt(i) === 0x60) i++;
        ends.push(i);
      }
      const longestFrom = new Array<number>(starts.length + 1).fill(0);
      for (let r = starts.length - 1; r >= 0; r--) longestFrom[r] = Math.max(longestFrom[r + 1]!, ends[r]! - starts[r]!);
      this.runs = { starts, ends, longestFrom };
    }
    const runs = this.runs;
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
  }
}
