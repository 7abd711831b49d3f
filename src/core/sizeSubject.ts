// Whether the words right after a name make it the subject of a size claim ("X is a 3B model", "X (3B)", "X has 3B parameters").
import type { RawFigure } from './figures';
import { countStartingBefore } from './spanSearch';
import type { Span } from './types';

/** What may stand between a name and the figure it is sized by. */
const SUBJECT_GAP_SOURCE = String.raw`\s*[(（]\s*|\s+(?:is|was)\s+(?:an?|the)\s+|\s+has\s+|,\s+(?:an?|the)\s+`;
const SUBJECT_GAP = new RegExp(`^(?:${SUBJECT_GAP_SOURCE})$`, 'u');
const LONGEST_GAP = 12;

/**
 * Whether the words before a figure can end a subject's gap, as every SUBJECT_GAP ends: an opening
 * parenthesis, or a space, "a", "an", "the" or "has" and spaces. Most figures follow others ("with 7B").
 */
export function maySizeSubject(masked: string, figure: Span): boolean {
  let i = figure.start;
  while (i > 0 && isSpace(masked.charCodeAt(i - 1))) i--;
  const c = masked.charCodeAt(i - 1);
  if (c === 0x28 || c === 0xff08) return true;
  if (i === figure.start) return false;
  let j = i;
  while (j > 0 && isLetter(masked.charCodeAt(j - 1))) j--;
  const word = masked.slice(j, i);
  return (word === 'a' || word === 'an' || word === 'the' || word === 'has') && j > 0 && isSpace(masked.charCodeAt(j - 1));
}

/** `\s` as a regex reads it. */
function isSpace(code: number): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

function isLetter(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
}

/**
 * The names a pattern describes that stand right before a subject's gap and a figure in `unit`, one per
 * figure, in text order. `name` is a pattern source for the name alone (its own lookbehind says where a
 * name may start); it is read backwards from each figure that may size a subject, so text away from
 * such figures is never read. Offsets are the draft's; `groups` are the name pattern's own groups.
 */
export function namesBeforeFigures(masked: string, unit: Span, sizing: Span[], name: NamePattern): { start: number; end: number; text: string; groups: string[] }[] {
  const out: { start: number; end: number; text: string; groups: string[] }[] = [];
  let i = countStartingBefore(sizing, unit.start);
  if (i >= sizing.length || sizing[i]!.start >= unit.end) return out;
  // The unit's own text: a name starts at its start at the earliest, as when the unit is read alone.
  const slice = masked.slice(unit.start, unit.end);
  for (; i < sizing.length && sizing[i]!.start < unit.end; i++) {
    const at = sizing[i]!.start - unit.start;
    name.before.lastIndex = at;
    const m = name.before.exec(slice);
    if (!m) continue;
    const gap = m[m.length - 1]!;
    const text = m[1]!;
    const end = unit.start + at - gap.length;
    out.push({ start: end - text.length, end, text, groups: m.slice(2, -1) });
  }
  return out;
}

/** A name pattern compiled to be read backwards from a figure, through a subject's gap. */
export interface NamePattern {
  before: RegExp;
}

/** Compiles a name pattern (a regex source; flags add to `uy`) for `namesBeforeFigures`. */
export function namePattern(source: string, flags = ''): NamePattern {
  return { before: new RegExp(`(?<=(${source})(${SUBJECT_GAP_SOURCE}))`, `${flags}uy`) };
}

/** The figure a name ending at `end` is sized by, if the next words say so. */
export function sizeAfter(masked: string, end: number, figures: RawFigure[]): RawFigure | undefined {
  const i = countStartingBefore(figures, end);
  const f = figures[i];
  if (!f || f.start - end > LONGEST_GAP || !SUBJECT_GAP.test(masked.slice(end, f.start))) return undefined;
  // "X (3B)" must close right after the figure; "X is a 3B model" needs no more.
  if (/[(（]/u.test(masked.slice(end, f.start)) && !/^\s*(?:[)）]|parameters?\b|params?\b|参数)/u.test(masked.slice(f.end, f.end + 12))) return undefined;
  return f;
}
