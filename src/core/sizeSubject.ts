// Whether the words right after a name make it the subject of a size claim ("X is a 3B model", "X (3B)", "X has 3B parameters").
import type { RawFigure } from './figures';
import { countStartingBefore } from './spanSearch';

/** What may stand between a name and the figure it is sized by. */
const SUBJECT_GAP = /^(?:\s*[(（]\s*|\s+(?:is|was)\s+(?:an?|the)\s+|\s+has\s+|,\s+(?:an?|the)\s+)$/u;
const LONGEST_GAP = 12;

/** The figure a name ending at `end` is sized by, if the next words say so. */
export function sizeAfter(masked: string, end: number, figures: RawFigure[]): RawFigure | undefined {
  const i = countStartingBefore(figures, end);
  const f = figures[i];
  if (!f || f.start - end > LONGEST_GAP || !SUBJECT_GAP.test(masked.slice(end, f.start))) return undefined;
  // "X (3B)" must close right after the figure; "X is a 3B model" needs no more.
  if (/[(（]/u.test(masked.slice(end, f.start)) && !/^\s*(?:[)）]|parameters?\b|params?\b|参数)/u.test(masked.slice(f.end, f.end + 12))) return undefined;
  return f;
}
