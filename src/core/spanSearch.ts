// Binary searches over sorted, disjoint spans (mentions, sentences, cells, figures) and sorted offsets: nothing is rescanned per figure.
import type { ModelMention, Span } from './types';

/** The number of sorted values below `limit` (or at most `limit` when `inclusive`): a binary search. */
export function countBelow(values: readonly number[], limit: number, inclusive = false): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid]! < limit || (inclusive && values[mid] === limit)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** How many leading items satisfy `isBefore`, which holds for a prefix of the items: a binary search. */
export function countBefore<T>(items: readonly T[], isBefore: (item: T) => boolean): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (isBefore(items[mid]!)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** How many spans (sorted by start) start before `offset`; no predicate, so nothing is allocated per call on hot paths. */
export function countStartingBefore(spans: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** How many spans (sorted and disjoint, so their ends are sorted too) end at or before `offset`. */
export function countEndingBy(spans: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Mentions inside a span, by binary search over the sorted mentions (no scan of the whole draft). */
export function mentionsWithin(mentions: ModelMention[], outer: Span): ModelMention[] {
  const out: ModelMention[] = [];
  for (let i = countStartingBefore(mentions, outer.start); i < mentions.length && mentions[i]!.start < outer.end; i++) if (mentions[i]!.end <= outer.end) out.push(mentions[i]!);
  return out;
}

/**
 * The last mention ending before a figure and the first starting after it, by binary search over
 * mentions sorted by start: a sentence may hold thousands of mentions, each figure looks at two.
 */
export function neighboursOf(mentions: ModelMention[], raw: Span): { before?: ModelMention; after?: ModelMention } {
  const firstAfter = countStartingBefore(mentions, raw.end);
  return { before: lastEndingBy(mentions, firstAfter, raw.start), after: mentions[firstAfter] };
}

/** The mention right before `m` (the last ending at or before its start), if any. */
export function mentionBefore(mentions: ModelMention[], m: Span): ModelMention | undefined {
  const k = countEndingBy(mentions, m.start);
  return k > 0 ? mentions[k - 1] : undefined;
}

/** The last of the first `count` mentions that ends by `offset`. */
export function lastEndingBy(mentions: ModelMention[], count: number, offset: number): ModelMention | undefined {
  for (let i = count - 1; i >= 0; i--) if (mentions[i]!.end <= offset) return mentions[i];
  return undefined;
}

/** The index of the span (sorted, disjoint) holding an offset, or -1: a binary search, not a walk per figure. */
export function indexAt(spans: readonly Span[], offset: number): number {
  const i = countEndingBy(spans, offset);
  return i < spans.length && offset >= spans[i]!.start ? i : -1;
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Whether a span overlaps one of the figures (sorted and disjoint), by binary search rather than a walk per column. */
export function overlapsAny(spans: readonly Span[], span: Span): boolean {
  const i = countEndingBy(spans, span.start);
  return i < spans.length && overlaps(spans[i]!, span);
}
