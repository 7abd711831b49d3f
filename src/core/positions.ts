// Converts UTF-16 offsets to 1-based lines and columns, the way editors and the CLI report them.

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

export interface LineColumn {
  line: number;
  column: number;
}

/** The 0-based index of the line holding `offset`, given the offsets where lines start. */
export function lineIndexOf(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

const LINE_BREAK = /\r\n?|\n/g;

/**
 * Where each line starts, a line ending at CRLF, LF or a lone CR: editors and SARIF viewers count a
 * lone CR as a line break too (the checker's own block reading needs only LF; markdown-it treats CR alike).
 */
export function lineBreakStarts(text: string): number[] {
  // Most drafts have no CR: indexOf then costs a fifth of the regex in a short run's cold code.
  if (!text.includes('\r')) return lineStarts(text);
  const starts = [0];
  LINE_BREAK.lastIndex = 0;
  while (LINE_BREAK.exec(text) !== null) starts.push(LINE_BREAK.lastIndex);
  return starts;
}

/** Maps offsets of one text to 1-based line and UTF-16 column. */
export function createPositionMap(text: string): (offset: number) => LineColumn {
  const starts = lineBreakStarts(text);
  return (offset) => {
    const line = lineIndexOf(starts, offset);
    return { line: line + 1, column: offset - (starts[line] as number) + 1 };
  };
}

/** Maps a 1-based line and column back to an offset. */
export function offsetAt(text: string, line: number, column: number): number {
  const starts = lineBreakStarts(text);
  const start = starts[Math.min(Math.max(line - 1, 0), starts.length - 1)] as number;
  return Math.min(start + column - 1, text.length);
}
