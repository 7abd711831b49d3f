// Writes a corrected figure in the writer's own format ("9.7 trillion" → "1.5 trillion").
import type { RawFigure } from './figures';
import type { TextEdit } from './types';

function formatNumber(n: number, grouped: boolean): string {
  const rounded = Number(n.toPrecision(4));
  if (!grouped) return String(rounded);
  const [int, frac] = String(rounded).split('.');
  const withCommas = (int as string).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac ? `${withCommas}.${frac}` : withCommas;
}

/** A unit as written after the number ("T", " billion", " 万亿"), in parts a neighbouring unit of the same style can replace. */
const WRITTEN_UNIT = /^([ \u00a0]?-?)(trillions?|billions?|millions?|tn|bn|mn|[TBMtbm]|万亿|亿)$/u;

/** Each unit's next larger and smaller unit in the same style, with the step between them. */
const UNIT_STEPS: Record<string, { up?: string; down?: string; step: number }> = {
  T: { down: 'B', step: 1e3 }, B: { up: 'T', down: 'M', step: 1e3 }, M: { up: 'B', step: 1e3 },
  t: { down: 'b', step: 1e3 }, b: { up: 't', down: 'm', step: 1e3 }, m: { up: 'b', step: 1e3 },
  tn: { down: 'bn', step: 1e3 }, bn: { up: 'tn', down: 'mn', step: 1e3 }, mn: { up: 'bn', step: 1e3 },
  trillion: { down: 'billion', step: 1e3 }, billion: { up: 'trillion', down: 'million', step: 1e3 }, million: { up: 'billion', step: 1e3 },
  trillions: { down: 'billions', step: 1e3 }, billions: { up: 'trillions', down: 'millions', step: 1e3 }, millions: { up: 'billions', step: 1e3 },
  万亿: { down: '亿', step: 1e4 }, 亿: { up: '万亿', step: 1e4 },
};

/**
 * The number and unit that say `n` (in the writer's `unit`) the way the writer writes figures: in the next unit of the
 * same style when the number would run to thousands ("405B", not "405000M") or below one ("32B", not "0.032T"),
 * unless the writer wrote such a number too.
 */
function inWritersUnit(n: number, unit: string, written: number): { n: number; unit: string } {
  let steps = UNIT_STEPS[unit];
  // A writer who wrote "9,700 billion" or "0.3B" writes numbers that size: only other writers get another unit.
  if (steps && written >= steps.step) return { n, unit };
  const writtenBelowOne = written < 1;
  while (steps?.up && n >= steps.step) {
    n /= steps.step;
    unit = steps.up;
    steps = UNIT_STEPS[unit];
  }
  while (steps?.down && n < 1 && !writtenBelowOne) {
    n *= steps.step;
    unit = steps.down;
    steps = UNIT_STEPS[unit];
  }
  return { n, unit };
}

/** The edit that replaces the draft's number with `value`, keeping unit style, spacing and grouping. */
export function rewriteFigure(text: string, raw: RawFigure, value: number): TextEdit | undefined {
  if (raw.isRange || raw.isProduct || raw.scale <= 1) return undefined;
  const written = text.slice(raw.numberStart, raw.numberEnd);
  if (!/^[\d,]+(?:\.\d+)?$/.test(written)) return undefined;
  let n = value / raw.scale;
  let after = text.slice(raw.numberEnd, raw.end);
  const unit = WRITTEN_UNIT.exec(after);
  if (unit) {
    const said = inWritersUnit(n, unit[2]!, parseFloat(written.replace(/,/g, '')));
    n = said.n;
    after = unit[1]! + said.unit;
  }
  // A value that needs more than three decimals in the writer's unit would read oddly ("0.0467T").
  if (n < 0.001) return undefined;
  const replaced = formatNumber(n, written.includes(','));
  // The fix spans the whole figure, as the finding does, and keeps the writer's spacing around the number.
  return { start: raw.start, end: raw.end, text: text.slice(raw.start, raw.numberStart) + replaced + after };
}

/** Applies non-overlapping edits; overlapping ones after the first are dropped, never merged. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const parts: string[] = [];
  let pos = 0;
  for (const e of sorted) {
    if (e.start < pos || e.end > text.length || e.start > e.end) continue;
    parts.push(text.slice(pos, e.start), e.text);
    pos = e.end;
  }
  parts.push(text.slice(pos));
  return parts.join('');
}
