// Indexes the mentions of the headings a block sits under: where each first sits in their list, by identity or by span and text.
import type { HeadingOutline } from './associate';
import type { ModelMention } from './types';

/** The first index of each mention of a list of headings (their mentions in order), made when first asked. */
interface HeadingIndex {
  headings: HeadingOutline[];
  count: number;
  at?: Map<ModelMention, number>;
  same?: Map<string, number>;
}

// Every block of a section is read and judged against the same list of headings (by identity), one block after
// another: the last list asked about is remembered, so a section under a heading of thousands of names does not
// rebuild or search it per block or figure. (A WeakMap of every list cost more to fill than all the lookups.)
let lastIndex: HeadingIndex | undefined;

function indexOf(headings: HeadingOutline[]): HeadingIndex {
  if (lastIndex?.headings !== headings) {
    let count = 0;
    for (const h of headings) count += h.mentions.length;
    lastIndex = { headings, count };
  }
  return lastIndex;
}

/** Each heading mention's first index in the list, keyed as `keyOf` reads it. */
function firstIndices<K>(headings: HeadingOutline[], keyOf: (m: ModelMention) => K): Map<K, number> {
  const out = new Map<K, number>();
  let i = 0;
  for (const h of headings) for (const m of h.mentions) {
    const k = keyOf(m);
    if (!out.has(k)) out.set(k, i);
    i++;
  }
  return out;
}

const itself = (m: ModelMention): ModelMention => m;

/** A mention's span and text: a copy of it (a sized name read as its family) has the same. */
export const sameKey = (m: ModelMention): string => `${m.start}\u0000${m.end}\u0000${m.text}`;

/** How many mentions the headings hold in all. */
export function countHeadingMentions(headings: HeadingOutline[]): number {
  return indexOf(headings).count;
}

/** Where `m` itself first sits among the headings' mentions; undefined if it is none of them. */
export function headingMentionIndex(headings: HeadingOutline[], m: ModelMention): number | undefined {
  const index = indexOf(headings);
  return index.count === 0 ? undefined : (index.at ??= firstIndices(headings, itself)).get(m);
}

/** Where a mention with the span and text of `m` first sits among the headings' mentions; undefined if none. */
export function sameHeadingMentionIndex(headings: HeadingOutline[], m: ModelMention): number | undefined {
  const index = indexOf(headings);
  return index.count === 0 ? undefined : (index.same ??= firstIndices(headings, sameKey)).get(sameKey(m));
}
