// Release-date consistency: a sentence that dates a release must not name a model the fact base dates clearly otherwise.
import { FoldingPattern } from './caseFolding';
import { countBelow, countStartingBefore } from './spanSearch';
import type { ModelFact, Release, Span } from './types';

/** A date the draft states, as a span of months (year × 12 + month − 1), both ends included. */
export interface StatedDate extends Span {
  text: string;
  /** YYYY or YYYY-MM, as precise as the draft. */
  iso: string;
  first: number;
  last: number;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
// A year alone counts only after "in" ("in 2023"); a month name must be capitalised ("May 2023", not "may").
const EN_DATE = /\b(?:(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?|(?<=\b[Ii]n\s+(?:early\s+|late\s+|mid-)?))((?:19|20)\d{2})\b(?!\s*[-–]\s*\d)/g;
const ISO_DATE = /\b((?:19|20)\d{2})-(0[1-9]|1[0-2])(?:-\d{2})?\b/g;
const ZH_DATE = /((?:19|20)\d{2})\s*年(?:\s*(\d{1,2})\s*月)?/gu;
/** Words that date a release; a date near one of them says when the model came out. */
const RELEASE_VERB = /\b(?:released|launched|announced|introduced|unveiled|open[- ]sourced|debuted|rolled out)\b|发布|推出|开源|问世|亮相/giu;
/** A date that bounds, plans or compares rather than states a release ("before 2024", "预计 2025 年"). */
const NOT_A_RELEASE_DATE = /\b(?:before|after|by|until|since|prior to|expected|planned|plans?|will|would|could|may|might|later|earlier|than|not|n't|as of)\b|之前|之后|以前|以后|以来|之后|个?月后|年后|周后|天后|随后|预计|计划|将于|将在|将|直到|截至|未|没有/iu;
/** Between a date and its verb: nothing that ends a clause. */
// A dot inside a version ("Llama 3.1") ends nothing: only one before a blank or the gap's end does.
const CLAUSE_END = /[。;；!?！？:：]|\.(?!\S)/u;
const CLAUSE_BOUNDARY = /[，,;；:：。.!?！？]/gu;
const NEAR = 30;
/** Months a stated date may precede the recorded release (an announcement before the weights). */
const EARLY_SLACK = 2;
/** Months it may follow it: weights, an API, a region or a feature often come later, so only a year off is clear. */
const LATE_SLACK = 12;

/** Cheap test: could this text hold a dated release at all? */
export function mayDateRelease(text: string): boolean {
  return YEAR_DIGITS.test(text) && RELEASE_WORD.in(text).test(text);
}

const YEAR_DIGITS = /(?:19|20)\d\d/;
const RELEASE_WORD = new FoldingPattern('releas|launch|announc|introduc|unveil|open[- ]sourc|debut|rolled out|发布|推出|开源|问世|亮相', 'iu');

function monthsOf(date: string): { first: number; last: number } {
  const [y, m] = date.split('-').map(Number);
  const base = y! * 12;
  return m ? { first: base + m - 1, last: base + m - 1 } : { first: base, last: base + 11 };
}

/** Every date in a span of text, in order. */
export function findDates(text: string, from: number, to: number): StatedDate[] {
  const part = text.slice(from, to);
  const out: StatedDate[] = [];
  const push = (start: number, end: number, year: string, month: number | undefined): void => {
    if (month !== undefined && (month < 1 || month > 12)) return;
    const iso = month ? `${year}-${String(month).padStart(2, '0')}` : year;
    out.push({ start: from + start, end: from + end, text: part.slice(start, end), iso, ...monthsOf(iso) });
  };
  for (const m of part.matchAll(EN_DATE)) push(m.index, m.index + m[0].length, m[2]!, m[1] ? MONTHS.indexOf(m[1].toLowerCase()) + 1 : undefined);
  for (const m of part.matchAll(ISO_DATE)) push(m.index, m.index + m[0].length, m[1]!, Number(m[2]));
  for (const m of part.matchAll(ZH_DATE)) push(m.index, m.index + m[0].length, m[1]!, m[2] ? Number(m[2]) : undefined);
  return out.sort((a, b) => a.start - b.start);
}

/** A dated release in a sentence: the date, and the stretch of text whose models it dates. */
export interface DatedRelease {
  date: StatedDate;
  /** The clause(s) holding the date and its verb. */
  scope: Span;
}

/** The dated releases of one sentence: each release verb paired with the nearest date in its clause. */
export function datedReleases(masked: string, sentence: Span): DatedRelease[] {
  // Most sentences of a block that dates a release are not the one that does.
  if (!mayDateRelease(masked.slice(sentence.start, sentence.end))) return [];
  const dates = findDates(masked, sentence.start, sentence.end);
  if (dates.length === 0) return [];
  const out: DatedRelease[] = [];
  const text = masked.slice(sentence.start, sentence.end);
  // Only dates within NEAR of a verb can pair with it: found by binary search, so a long sentence of
  // dates and verbs is not read once per verb.
  const longest = dates.reduce((n, d) => Math.max(n, d.end - d.start), 0);
  let boundaries: number[] | undefined;
  for (const v of text.matchAll(RELEASE_VERB)) {
    const verb = { start: sentence.start + v.index, end: sentence.start + v.index + v[0].length };
    let best: StatedDate | undefined;
    let bestGap = Infinity;
    for (let i = countStartingBefore(dates, verb.start - NEAR - longest); i < dates.length && dates[i]!.start <= verb.end + NEAR; i++) {
      const d = dates[i]!;
      const gapSpan = d.end <= verb.start ? { start: d.end, end: verb.start } : d.start >= verb.end ? { start: verb.end, end: d.start } : { start: d.start, end: d.start };
      const gapText = masked.slice(gapSpan.start, gapSpan.end);
      const gap = gapSpan.end - gapSpan.start;
      if (gap <= NEAR && gap < bestGap && !CLAUSE_END.test(gapText)) {
        best = d;
        bestGap = gap;
      }
    }
    if (!best) continue;
    const lo = Math.min(best.start, verb.start);
    const hi = Math.max(best.end, verb.end);
    // A planned, bounded or compared date is no statement of when something came out.
    if (NOT_A_RELEASE_DATE.test(masked.slice(Math.max(sentence.start, lo - 16), hi + 6))) continue;
    boundaries ??= clauseBoundaries(masked, sentence);
    out.push({ date: best, scope: clauseAround(boundaries, sentence, lo, hi) });
  }
  return out;
}

/** Where the sentence's clauses break, in order. */
function clauseBoundaries(masked: string, sentence: Span): number[] {
  const out: number[] = [];
  for (const b of masked.slice(sentence.start, sentence.end).matchAll(CLAUSE_BOUNDARY)) {
    const at = sentence.start + b.index;
    // A dot inside a number or a name ("Llama 3.1") is no boundary.
    if (b[0] === '.' && /\S/.test(masked.charAt(at + 1))) continue;
    out.push(at);
  }
  return out;
}

/** The clause(s) from the boundary before `lo` to the one after `hi`, within the sentence. */
function clauseAround(boundaries: number[], sentence: Span, lo: number, hi: number): Span {
  const before = countBelow(boundaries, lo);
  const after = countBelow(boundaries, hi);
  return { start: before > 0 ? boundaries[before - 1]! + 1 : sentence.start, end: after < boundaries.length ? boundaries[after]! : sentence.end };
}

/** How the draft's date stands to the recorded release: consistent, or clearly too early or too late. */
export function compareRelease(stated: StatedDate, recorded: Release): 'early' | 'late' | undefined {
  const r = monthsOf(recorded.date);
  if (r.first - stated.last >= EARLY_SLACK) return 'early';
  if (stated.first - r.last >= LATE_SLACK) return 'late';
  return undefined;
}

export function releaseMessage(model: ModelFact, written: string, stated: StatedDate, recorded: Release, how: 'early' | 'late'): string {
  const when = `${recorded.date} (${recorded.what}${recorded.note ? `; ${recorded.note}` : ''}${recorded.source ? `; source ${recorded.source}` : ''})`;
  return `${model.name}: the draft dates its release ${stated.iso} ("${stated.text.trim()}"), ${how === 'early' ? 'before' : 'well after'} the recorded release ${when}${written !== model.name ? `; "${written}" is read as ${model.name}` : ''}`;
}
