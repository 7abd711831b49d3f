// Bare short names ("R1", "V3") that stand, within a section, for a model its nearest heading names ("### DeepSeek-V3 / DeepSeek-R1").
import type { HeadingOutline } from './associate';
import type { Prose } from './prose';
import { countStartingBefore, indexAt } from './spanSearch';
import type { ModelFact, ModelMention } from './types';

/** A heading naming more models than this is a list, not one section's topic: none of them gets a short name. */
const MAX_MODELS = 4;
/** A letter-and-number code ("R1", "V3", "K2", "V2.5"): a bare number or a word would be read far too often. */
const SHORT_NAME = /^[A-Za-z]{1,3}\d+(?:\.\d+)?$/;
const SEPARATORS = /[\s\u00a0_\-\u2010-\u2015]+/;

/** The trailing part of a name of several parts ("R1" of "DeepSeek-R1", "DeepSeek R1"), when it is a code. */
export function shortNameOf(name: string): string | undefined {
  const parts = name.trim().split(SEPARATORS);
  const last = parts[parts.length - 1]!;
  return parts.length > 1 && SHORT_NAME.test(last) ? last : undefined;
}

/** Short name → model id for the models one heading names; a short name two of them share stands for neither. */
type ShortNames = Map<string, string>;
const NONE: ShortNames = new Map();
/** Shared by every block that has no short names (read only). */
const NO_SHORT_NAMES: ModelMention[] = [];

/** Short names by name, as written or as the fact base spells it: most names have none, and headings repeat names. */
const SHORT_BY_NAME = new Map<string, string | null>();
const MOST_REMEMBERED = 10_000;

function cachedShortName(name: string | undefined): string | undefined {
  if (name === undefined) return undefined;
  let short = SHORT_BY_NAME.get(name);
  if (short === undefined) {
    if (SHORT_BY_NAME.size >= MOST_REMEMBERED) SHORT_BY_NAME.clear();
    SHORT_BY_NAME.set(name, (short = shortNameOf(name) ?? null));
  }
  return short ?? undefined;
}

function shortNamesOf(mentions: readonly ModelMention[], models: Map<string, ModelFact>): ShortNames {
  // Most headings name no model with a short name ("GPT-4o", "Llama 3.1 405B"): nothing to build for them.
  if (!mentions.some((m) => cachedShortName(m.text) !== undefined || cachedShortName(models.get(m.modelId)?.name) !== undefined)) return NONE;
  const ids = new Set<string>();
  for (const m of mentions) {
    ids.add(m.modelId);
    if (ids.size > MAX_MODELS) return NONE;
  }
  const out: ShortNames = new Map();
  const shared = new Set<string>();
  const add = (short: string | undefined, id: string): void => {
    if (!short || shared.has(short)) return;
    const had = out.get(short);
    if (had === undefined) out.set(short, id);
    else if (had !== id) {
      out.delete(short);
      shared.add(short);
    }
  };
  // As the heading writes the name ("DeepSeek R1") and as the fact base does ("DeepSeek-R1").
  for (const m of mentions) {
    add(cachedShortName(m.text), m.modelId);
    add(cachedShortName(models.get(m.modelId)?.name), m.modelId);
  }
  return out.size ? out : NONE;
}

// A heading outside the block is read once, not once per block under it (it may hold thousands of names): the
// blocks under one heading come one after another, so the last heading read is the one asked for again.
let lastOutside: { heading: HeadingOutline; names: ShortNames } | undefined;

function outsideShortNames(heading: HeadingOutline | undefined, models: Map<string, ModelFact>): ShortNames {
  if (!heading) return NONE;
  if (lastOutside?.heading !== heading) lastOutside = { heading, names: shortNamesOf(heading.mentions, models) };
  return lastOutside.names;
}

/** Whether text[start, end) is a whole token, as a model name must be (not inside "R1-Zero", "V3.1" or "GPT-V3"). */
function standsAlone(text: string, start: number, end: number): boolean {
  const before = text.charAt(start - 1);
  const after = text.charAt(end);
  if (/[A-Za-z0-9]/.test(before) || (/[-_.\u2010\u2011]/.test(before) && /[A-Za-z0-9]/.test(text.charAt(start - 2)))) return false;
  return !/[A-Za-z0-9]/.test(after) && !(/[-_.\u2010\u2011]/.test(after) && /[A-Za-z0-9]/.test(text.charAt(end + 1)));
}

/**
 * The short names in a block's prose that stand for a model the nearest heading above them names, sorted.
 * `headings` are the mentions of the block's own heading units, in order; `outside` is the nearest heading
 * before the block. Headings themselves, and text under a heading naming no model, get none.
 */
export function sectionMentions(
  prose: Prose,
  mentions: readonly ModelMention[],
  headings: readonly (readonly ModelMention[])[],
  outside: HeadingOutline | undefined,
  models: Map<string, ModelFact>,
): ModelMention[] {
  let names = outsideShortNames(outside, models);
  // A block under no heading with short names, and with none of its own, has none: most blocks.
  if (names.size === 0 && headings.length === 0) return NO_SHORT_NAMES;
  const out: ModelMention[] = [];
  const { masked, units } = prose;
  let heading = -1;
  let from = -1;
  const read = (to: number): void => {
    if (from >= 0 && to > from && names.size) for (const [short, modelId] of names) find(masked, units, mentions, from, to, short, modelId, out);
  };
  for (const unit of units) {
    if (unit.kind !== 'heading') {
      if (from < 0) from = unit.start;
      continue;
    }
    read(unit.start);
    names = shortNamesOf(headings[++heading] ?? [], models);
    from = -1;
  }
  read(masked.length);
  return out.length > 1 ? out.sort((a, b) => a.start - b.start) : out;
}

/** Each stand-alone `short` in masked[from, to) that is no part of another name and lies in prose that is no heading. */
function find(masked: string, units: Prose['units'], mentions: readonly ModelMention[], from: number, to: number, short: string, modelId: string, out: ModelMention[]): void {
  // The section's own stretch only: a search of the rest of the block from every section would be quadratic.
  const stretch = masked.slice(from, to);
  for (let i = stretch.indexOf(short); i >= 0; i = stretch.indexOf(short, i + short.length)) {
    const start = from + i;
    const end = start + short.length;
    if (!standsAlone(masked, start, end)) continue;
    const u = indexAt(units, start);
    if (u < 0 || units[u]!.kind === 'heading' || end > units[u]!.end) continue;
    const k = countStartingBefore(mentions, end);
    if (k > 0 && mentions[k - 1]!.end > start) continue;
    out.push({ start, end, text: short, modelId });
  }
}

/** The block's mentions and its short names in one list, sorted by start (both are sorted and disjoint). */
export function withShortNames(mentions: ModelMention[], short: ModelMention[]): ModelMention[] {
  if (short.length === 0) return mentions;
  const out: ModelMention[] = [];
  let i = 0;
  let j = 0;
  while (i < mentions.length || j < short.length) out.push(j >= short.length || (i < mentions.length && mentions[i]!.start < short[j]!.start) ? mentions[i++]! : short[j++]!);
  return out;
}
