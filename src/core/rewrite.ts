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

/** The edit that replaces the draft's number with `value`, keeping unit, spacing and grouping. */
export function rewriteFigure(text: string, raw: RawFigure, value: number): TextEdit | undefined {
  if (raw.isRange || raw.isProduct || raw.scale <= 1) return undefined;
  const written = text.slice(raw.numberStart, raw.numberEnd);
  if (!/^[\d,]+(?:\.\d+)?$/.test(written)) return undefined;
  const n = value / raw.scale;
  // A value that needs more than three decimals in the writer's unit would read oddly ("0.0467T").
  if (n < 0.001) return undefined;
  const replaced = formatNumber(n, written.includes(','));
  // The fix spans the whole figure, as the finding does, and keeps the writer's unit around the number.
  return { start: raw.start, end: raw.end, text: text.slice(raw.start, raw.numberStart) + replaced + text.slice(raw.numberEnd, raw.end) };
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
