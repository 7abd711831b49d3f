// Reads the prose units of the common simple blocks (paragraphs, flat lists, headings, quotes, pipe tables) without a Markdown parser.
import type { ProseUnit } from './prose';
import type { Span } from './types';

const HEADING = /^#{1,6}(?:[ \t]|$)/;
const BULLET = /^[-*+][ \t]+(?=\S)/;
const ORDERED = /^(\d{1,9})[.)][ \t]+(?=\S)/;
/** Thematic breaks, setext underlines, table delimiter rows, empty list items. */
const RULE_LIKE = /^[-=_*:|+ \t]+$/;
const LINK_DEFINITION = /^\[[^\]]+\]:/;
const HTML_START = /^<[A-Za-z/!?]/;

type LineKind = 'plain' | 'heading' | 'item' | 'other';

const EMPTY_ORDERED = /^\d{1,9}[.)][ \t]*$/;

/** Five or more columns (or a tab) after a list marker make the item's content indented code. */
function wideMarker(marker: string, markerLength: number): boolean {
  const gap = marker.slice(markerLength);
  return gap.includes('\t') || gap.length >= 5;
}

/** What a line is when it sits at the block's top level, unindented; `other` needs the real parser. */
function classify(line: string): { kind: LineKind; content: number; ordinal?: number } {
  const c = line.charCodeAt(0);
  if (c === 0x20 || c === 0x09 || c === 0x3e || c === 0x60 || c === 0x7e || line.length === 0) return { kind: 'other', content: 0 };
  if (c === 0x23) return HEADING.test(line) ? { kind: 'heading', content: 0 } : { kind: 'plain', content: 0 };
  if (c === 0x3c && HTML_START.test(line)) return { kind: 'other', content: 0 };
  // A link reference definition, possibly with an escaped bracket or a label running onto the next line.
  if (c === 0x5b && (LINK_DEFINITION.test(line) || !line.includes(']') || line.includes('\\'))) return { kind: 'other', content: 0 };
  if ((c === 0x2d || c === 0x3d || c === 0x5f || c === 0x2a || c === 0x3a || c === 0x7c || c === 0x2b) && RULE_LIKE.test(line)) return { kind: 'other', content: 0 };
  if (c === 0x2d || c === 0x2a || c === 0x2b) {
    const m = BULLET.exec(line);
    if (m) return wideMarker(m[0], 1) ? { kind: 'other', content: 0 } : { kind: 'item', content: m[0].length };
  } else if (c >= 0x30 && c <= 0x39) {
    // An empty ordered item ("1.") is a list to Markdown too.
    if (EMPTY_ORDERED.test(line)) return { kind: 'other', content: 0 };
    const m = ORDERED.exec(line);
    if (m) return wideMarker(m[0], m[1]!.length + 1) ? { kind: 'other', content: 0 } : { kind: 'item', content: m[0].length, ordinal: Number(m[1]) };
  }
  // A table needs a delimiter row, which RULE_LIKE sends to the parser; a lone pipe is text.
  return { kind: 'plain', content: 0 };
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
  while (lineStart <= text.length) {
    let nl = text.indexOf('\n', lineStart);
    if (nl === -1) nl = text.length;
    let lineEnd = nl;
    if (lineEnd > lineStart && text.charCodeAt(lineEnd - 1) === 0x0d) lineEnd--;
    const line = text.slice(lineStart, lineEnd);
    if (line.includes('\r')) return undefined;
    const kind = classify(line);
    if (kind.kind === 'other') return undefined;
    if (kind.kind === 'item') {
      // Nested markers, quotes, code or headings inside an item need the parser.
      const inner = classify(line.slice(kind.content));
      if (inner.kind !== 'plain') return undefined;
      // Only "1." may interrupt a paragraph; "2. foo" after text is a continuation line.
      if (paragraph && !paragraphIsItem && kind.ordinal !== undefined && kind.ordinal !== 1) return undefined;
    }
    if (kind.kind === 'heading') {
      paragraph = undefined;
      units.push({ kind: 'heading', start: lineStart, end: lineEnd, listTitles: [], heading: lastHeading });
      lastHeading = units.length - 1;
    } else if (kind.kind === 'item' || !paragraph) {
      paragraph = { kind: 'paragraph', start: lineStart, end: lineEnd, listTitles: [], heading: lastHeading };
      paragraphIsItem = kind.kind === 'item';
      units.push(paragraph);
    } else {
      paragraph.end = lineEnd;
    }
    if (nl >= text.length) break;
    lineStart = nl + 1;
  }
  return units;
}

/** A CR that is not part of a CRLF is a line break of its own, which `linesOf` does not read. */
function hasLoneCR(text: string): boolean {
  for (let i = text.indexOf('\r'); i !== -1; i = text.indexOf('\r', i + 1)) if (text.charCodeAt(i + 1) !== 0x0a) return true;
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

const QUOTE_MARK = /^> ?/;

/** A block quote whose every line starts with ">" and holds plain paragraph lines; markdown-it's units for it. */
export function readQuoteUnits(text: string): ProseUnit[] | undefined {
  if (text.charCodeAt(0) !== 0x3e || hasLoneCR(text)) return undefined;
  const units: ProseUnit[] = [];
  let paragraph: ProseUnit | undefined;
  for (const line of linesOf(text)) {
    const raw = text.slice(line.start, line.end);
    const mark = QUOTE_MARK.exec(raw);
    if (!mark) return undefined;
    const content = raw.slice(mark[0].length);
    if (/^[ \t]*$/.test(content)) {
      paragraph = undefined;
      continue;
    }
    if (classify(content).kind !== 'plain') return undefined;
    if (paragraph) paragraph.end = line.end;
    else {
      paragraph = { kind: 'paragraph', start: line.start, end: line.end, listTitles: [], heading: -1 };
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
  const units: ProseUnit[] = [{ kind: 'row', start: lines[0]!.start, end: lines[0]!.end, cells: header, table: 0, headerRow: true, listTitles: [], heading: -1 }];
  for (let i = 2; i < lines.length; i++) {
    const line = lines[i]!;
    if (text.charCodeAt(line.start) !== 0x7c) return undefined;
    const cells = splitCells(text, line.start, line.end, header.length);
    // A row ends at its last column: the cells markdown-it drops are not prose.
    const end = cells.length === header.length ? cells[cells.length - 1]!.end : line.end;
    units.push({ kind: 'row', start: line.start, end, cells, table: 0, headerRow: false, listTitles: [], heading: -1 });
  }
  return units;
}
