// Enumerations of sizes right after a name: "（7B/13B/70B）", "(7B, 13B and 70B)", ": 7B/13B/70B".
import { readFigureContext, type FigureReading, type RawFigure } from './figures';
import { countStartingBefore } from './spanSearch';

/** A run of sizes given to the words before it, each a figure of the block. */
export interface SizeList {
  figures: RawFigure[];
  reading: FigureReading;
}

// All sticky and bounded: a list is read forward from one offset, never searched for.
/** Emphasis around a name ("**Llama 3/2**："), then "(" or a colon. */
const OPENER = /[*_]{0,3}[ \t\u00a0]{0,3}(?:([(（])|[:：])[ \t\u00a0]{0,3}/uy;
const SEPARATOR = /[ \t\u00a0]{0,3}(?:[/／、&]|[,，][ \t\u00a0]{0,3}(?:(?:and|or)(?=[ \t\u00a0]))?|and(?=[ \t\u00a0])|or(?=[ \t\u00a0])|以及|和|与|及|或)[ \t\u00a0]{0,3}/uy;
const CLOSER = /[ \t\u00a0]{0,3}(?:(?:parameters?|params?|models?)[ \t\u00a0]{0,3}|参数|版本)?[)）]/uy;
/** More sizes than any one family comes in: a longer run is no list of a model's sizes. */
const MOST_SIZES = 12;
const CONTEXT = 60;

/**
 * The sizes enumerated right at `at` ("（7B/13B/70B）", ": 7B, 13B and 70B"), or undefined when no list starts
 * there, it holds a range ("0.5B-72B" spans sizes, it lists none), a parenthesis does not close right after it,
 * or the words around it say the figures count something other than parameters.
 */
export function sizeListAt(masked: string, at: number, figures: RawFigure[]): SizeList | undefined {
  OPENER.lastIndex = at;
  const open = OPENER.exec(masked);
  if (!open) return undefined;
  const listed: RawFigure[] = [];
  let i = countStartingBefore(figures, OPENER.lastIndex);
  for (let p = OPENER.lastIndex; ; ) {
    const f = figures[i];
    if (!f || f.start !== p || f.isRange) return undefined;
    listed.push(f);
    if (listed.length > MOST_SIZES) return undefined;
    SEPARATOR.lastIndex = f.end;
    if (!SEPARATOR.exec(masked) || figures[i + 1]?.start !== SEPARATOR.lastIndex) break;
    p = SEPARATOR.lastIndex;
    i++;
  }
  const first = listed[0]!;
  const last = listed[listed.length - 1]!;
  if (open[1]) {
    CLOSER.lastIndex = last.end;
    if (!CLOSER.test(masked)) return undefined;
  }
  const reading = readFigureContext({ before: masked.slice(Math.max(0, first.start - CONTEXT), first.start), after: masked.slice(last.end, last.end + CONTEXT) });
  return reading && { figures: listed, reading };
}
