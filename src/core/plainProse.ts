// Reads the prose units of the common simple blocks (paragraphs, flat lists, headings, quotes, pipe tables) without a Markdown parser.
import type { ProseUnit } from './prose';
import type { Span } from './types';

/** A line that needs the real parser, plain paragraph text, an ATX heading; a list item is the offset of its content instead. */
const OTHER = -1;
const PLAIN = -2;
const HEADING = -3;
const NOT_BLANK = /\S/y;

/** The titles of a unit outside any list: shared, which the readonly type keeps safe (not frozen: see NO_HEADINGS in blockCheck). */
export const NO_TITLES: readonly Span[] = [];

/**
 * What a line whose list marker `text[start, from)` is followed by the space and tab run `[from, gap)` is: for an
 * item, the length of its marker with the gap; OTHER for indented code; PLAIN when the run is no item's gap.
 */
function itemAfter(text: string, start: number, from: number, gap: number, to: number): number {
  // A run followed by Unicode white space makes no marker: the line is plain text.
  NOT_BLANK.lastIndex = gap;
  if (gap === from || gap >= to || !NOT_BLANK.test(text)) return PLAIN;
  // Five or more columns (or a tab) after a list marker make the item's content indented code.
  return gap - from >= 5 || holds(text, 0x09, from, gap) ? OTHER : gap - start;
}

/** The end of the space and tab run from `from`. */
function gapEnd(text: string, from: number, to: number): number {
  let i = from;
  for (; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09) break;
  }
  return i;
}

/** Whether `text[from, to)` holds the character `code`. */
function holds(text: string, code: number, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === code) return true;
  return false;
}

/** Thematic breaks, setext underlines, table delimiter rows, empty list items: only "-=_*:|+", spaces and tabs. */
function ruleLike(text: string, from: number, to: number): boolean {
  RULE_RUN.lastIndex = from;
  return (RULE_RUN.test(text) ? RULE_RUN.lastIndex : from) >= to;
}

// A regex (and in classify, indexOf on the line) instead of a loop over characters: in a short run's unoptimised
// code each charCodeAt is an inline-cache call, while irregexp and indexOf step over the characters natively.
const RULE_RUN = /[-=_*:|+ \t]*/y;

const isLetter = (c: number): boolean => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;

/**
 * What the line `text[start, end)` is when it sits at the block's top level, unindented: OTHER (it needs
 * the real parser), PLAIN, HEADING, or for a list item the length of its marker with the gap after it.
 */
function classify(text: string, start: number, end: number): number {
  if (start >= end) return OTHER;
  const c = text.charCodeAt(start);
  // Letters and non-ASCII characters open no Markdown construct.
  if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c >= 0x80) return PLAIN;
  if (c === 0x20 || c === 0x09 || c === 0x3e || c === 0x60 || c === 0x7e) return OTHER;
  if (c === 0x23) {
    let hashes = 1;
    while (hashes < 7 && start + hashes < end && text.charCodeAt(start + hashes) === 0x23) hashes++;
    const next = start + hashes < end ? text.charCodeAt(start + hashes) : -1;
    return hashes <= 6 && (next === -1 || next === 0x20 || next === 0x09) ? HEADING : PLAIN;
  }
  if (c === 0x3c && start + 1 < end) {
    const d = text.charCodeAt(start + 1);
    if (isLetter(d) || d === 0x2f || d === 0x21 || d === 0x3f) return OTHER;
  }
  if (c === 0x5b) {
    // A link reference definition ("[label]:"), possibly with an escaped bracket or a label running onto the next line.
    const line = text.slice(start, end);
    const close = line.indexOf(']', 1);
    if (close < 0 || (close > 1 && line.charCodeAt(close + 1) === 0x3a) || line.includes('\\')) return OTHER;
  }
  if ((c === 0x2d || c === 0x3d || c === 0x5f || c === 0x2a || c === 0x3a || c === 0x7c || c === 0x2b) && ruleLike(text, start, end)) return OTHER;
  if (c === 0x2d || c === 0x2a || c === 0x2b) return itemAfter(text, start, start + 1, gapEnd(text, start + 1, end), end);
  if (isDigit(c)) {
    let digits = 1;
    while (start + digits < end && isDigit(text.charCodeAt(start + digits))) digits++;
    const mark = start + digits;
    if (digits <= 9 && mark < end && (text.charCodeAt(mark) === 0x2e || text.charCodeAt(mark) === 0x29)) {
      const gap = gapEnd(text, mark + 1, end);
      // An empty ordered item ("1.") is a list to Markdown too.
      if (gap === end) return OTHER;
      return itemAfter(text, start, mark + 1, gap, end);
    }
  }
  // A table needs a delimiter row, which is rule-like and so goes to the parser; a lone pipe is text.
  return PLAIN;
}

/** Whether the ordered item marker at `start` numbers its item 1 (only "1." may interrupt a paragraph). */
function numbersOne(text: string, start: number): boolean {
  let i = start;
  while (text.charCodeAt(i) === 0x30) i++;
  return text.charCodeAt(i) === 0x31 && !isDigit(text.charCodeAt(i + 1));
}

/**
 * The units of a block made only of unindented paragraph lines, one-line-titled flat list items and
 * ATX headings, as markdown-it would give them; `undefined` when the block needs the real parser.
 */
export function readPlainUnits(text: string): ProseUnit[] | undefined {
  const units: ProseUnit[] = [];
  let lastHeading = -1;
  let paragraph: ProseUnit | undefined;
  let paragraphIsItem = false;
  let lineStart = 0;
  const length = text.length;
  // Most blocks have no CR: their lines are not asked for one.
  const crs = text.indexOf('\r') !== -1;
  while (lineStart <= length) {
    let nl = text.indexOf('\n', lineStart);
    if (nl === -1) nl = length;
    let lineEnd = nl;
    if (crs && lineEnd > lineStart && text.charCodeAt(lineEnd - 1) === 0x0d) lineEnd--;
    const c = text.charCodeAt(lineStart);
    // Most lines open with a letter or a non-ASCII character: plain, as classify would say, without the call.
    const kind = lineStart < lineEnd && ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c >= 0x80) ? PLAIN : classify(text, lineStart, lineEnd);
    if (kind === OTHER) return undefined;
    if (kind >= 0) {
      // Nested markers, quotes, code or headings inside an item need the parser.
      if (classify(text, lineStart + kind, lineEnd) !== PLAIN) return undefined;
      // Only "1." may interrupt a paragraph; "2. foo" after text is a continuation line.
      if (paragraph && !paragraphIsItem && isDigit(text.charCodeAt(lineStart)) && !numbersOne(text, lineStart)) return undefined;
    }
    if (kind === HEADING) {
      paragraph = undefined;
      units.push({ kind: 'heading', start: lineStart, end: lineEnd, listTitles: NO_TITLES, heading: lastHeading });
      lastHeading = units.length - 1;
    } else if (kind >= 0 || !paragraph) {
      paragraph = { kind: 'paragraph', start: lineStart, end: lineEnd, listTitles: NO_TITLES, heading: lastHeading };
      paragraphIsItem = kind >= 0;
      units.push(paragraph);
    } else {
      paragraph.end = lineEnd;
    }
    if (nl >= length) break;
    lineStart = nl + 1;
  }
  return crs && hasLoneCR(text, false) ? undefined : units;
}

/**
 * A CR that is not part of a CRLF is a line break of its own, which `linesOf` does not read. `atEnd`: whether a CR
 * closing the text counts (readPlainUnits drops it from its last line, as from a CRLF).
 */
function hasLoneCR(text: string, atEnd = true): boolean {
  for (let i = text.indexOf('\r'); i !== -1; i = text.indexOf('\r', i + 1)) if (text.charCodeAt(i + 1) !== 0x0a && (atEnd || i + 1 < text.length)) return true;
  return false;
}

/** Lines of a block as spans without their line break (LF or CRLF). */
function linesOf(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  for (;;) {
    let nl = text.indexOf('\n', start);
    if (nl === -1) nl = text.length;
    const end = nl > start && text.charCodeAt(nl - 1) === 0x0d ? nl - 1 : nl;
    out.push({ start, end });
    if (nl >= text.length) return out;
    start = nl + 1;
  }
}

/** A block quote whose every line starts with ">" and holds plain paragraph lines; markdown-it's units for it. */
export function readQuoteUnits(text: string): ProseUnit[] | undefined {
  if (text.charCodeAt(0) !== 0x3e || hasLoneCR(text)) return undefined;
  const units: ProseUnit[] = [];
  let paragraph: ProseUnit | undefined;
  for (const line of linesOf(text)) {
    if (line.start >= line.end || text.charCodeAt(line.start) !== 0x3e) return undefined;
    const content = line.start + (text.charCodeAt(line.start + 1) === 0x20 && line.start + 1 < line.end ? 2 : 1);
    if (gapEnd(text, content, line.end) === line.end) {
      paragraph = undefined;
      continue;
    }
    if (classify(text, content, line.end) !== PLAIN) return undefined;
    if (paragraph) paragraph.end = line.end;
    else {
      paragraph = { kind: 'paragraph', start: line.start, end: line.end, listTitles: NO_TITLES, heading: -1 };
      units.push(paragraph);
    }
  }
  return units;
}

const DELIMITER_ROW = /^\|(?:[ \t]*:?-+:?[ \t]*\|)+[ \t]*$/;

/** A pipe table standing alone (every line starts with "|"); its rows as markdown-it would give them. */
export function readTableUnits(text: string, splitCells: (text: string, start: number, end: number, columns?: number) => Span[]): ProseUnit[] | undefined {
  if (text.charCodeAt(0) !== 0x7c || hasLoneCR(text)) return undefined;
  const lines = linesOf(text);
  if (lines.length < 2) return undefined;
  const delimiter = lines[1]!;
  if (!DELIMITER_ROW.test(text.slice(delimiter.start, delimiter.end))) return undefined;
  // A header row with no cell at all ("|") makes no table.
  if (/^[|\s]*$/.test(text.slice(lines[0]!.start, lines[0]!.end))) return undefined;
  const header = splitCells(text, lines[0]!.start, lines[0]!.end);
  if (header.length !== splitCells(text, delimiter.start, delimiter.end).length) return undefined;
  const units: ProseUnit[] = [{ kind: 'row', start: lines[0]!.start, end: lines[0]!.end, cells: header, table: 0, headerRow: true, listTitles: NO_TITLES, heading: -1 }];
  for (let i = 2; i < lines.length; i++) {
    const line = lines[i]!;
    if (text.charCodeAt(line.start) !== 0x7c) return undefined;
    const cells = splitCells(text, line.start, line.end, header.length);
    // A row ends at its last column: the cells markdown-it drops are not prose.
    const end = cells.length === header.length ? cells[cells.length - 1]!.end : line.end;
    units.push({ kind: 'row', start: line.start, end, cells, table: 0, headerRow: false, listTitles: NO_TITLES, heading: -1 });
  }
  return units;
}
