// Ties each parameter figure to the model it is stated for: sentences, table rows, list titles, the headings above.
import { isUnusable } from './binding';
import { isCompound, otherVersions, type CompoundName } from './compoundNames';
import { type RawFigure, scanAllFigures } from './figures';
import type { Prose } from './prose';
import { headingLevel, readSentences } from './sentences';
import { countStartingBefore } from './spanSearch';
import { readRow, type TableShape } from './tables';
import type { ModelMention, ParsedFigure, Span } from './types';

export interface Association {
  figure: ParsedFigure;
  raw: RawFigure;
  mention: ModelMention;
  distanced: boolean;
  /** The sentence the figure was read in (prose only), where the writer's stance on it can be read again. */
  sentence?: Span;
}

/** A heading above the text being read: its level and the mentions in it that can name a section's model. */
export interface HeadingOutline {
  level: number;
  mentions: ModelMention[];
  /** Compound names ("Llama 3.1/3.2"): no figure binds to them, but a rule may ask which versions the section is about. */
  compounds: CompoundName[] | undefined;
}

/** What the text before this block says: the headings it sits under (nearest first), the last model named under the nearest. */
export interface Surroundings {
  headings?: HeadingOutline[];
  context?: ModelMention;
}

export interface AssociateInput {
  prose: Prose;
  mentions: ModelMention[];
  /** The figures of `prose.masked`, when the caller has scanned them already. */
  figures?: RawFigure[];
  outside?: Surroundings;
  /** The model id a name stands for (case and separators ignored), to find a sized name's family. */
  familyOf?: (name: string) => string | undefined;
}

/** A heading unit (its index) and its outline. */
export interface HeadingAt {
  unit: number;
  outline: HeadingOutline;
}

/** The outline of a text without headings, as most blocks are: shared, which the readonly type keeps safe. */
const NO_HEADINGS: readonly HeadingAt[] = [];

/** The headings of a text with their levels and the mentions that can name their section's model, in order. */
export function outlineHeadings(prose: Prose, mentions: ModelMention[]): readonly HeadingAt[] {
  const { masked, units } = prose;
  let out: HeadingAt[] | undefined;
  for (let i = 0; i < units.length; i++) {
    const u = units[i]!;
    if (u.kind !== 'heading') continue;
    const usable: ModelMention[] = [];
    let compounds: CompoundName[] | undefined;
    for (let k = countStartingBefore(mentions, u.start); k < mentions.length && mentions[k]!.start < u.end; k++) {
      const m = mentions[k]!;
      if (m.end > u.end || isUnusable(masked, m, true)) continue;
      // A compound name ("Llama 3.1/3.2") names no one model of the section, as within the block (see associate).
      if (isCompound(masked, m)) (compounds ??= []).push({ mention: m, versions: otherVersions(masked, m) });
      else usable.push(m);
    }
    // (Every outline has the same fields, set at once: V8 then keeps one shape for them all.)
    (out ??= []).push({ unit: i, outline: { level: headingLevel(masked, u), mentions: usable, compounds } });
  }
  return out ?? NO_HEADINGS;
}

/** Whether one of mentions[from, to) is a sized name ("Llama 3 13B"). */
export function hasSizedName(mentions: ModelMention[], from = 0, to = mentions.length): boolean {
  for (let k = from; k < to; k++) if (mentions[k]!.sizedName) return true;
  return false;
}

/** Reads every figure in the prose and ties it to a model where the text says which. */
export function associate({ prose, mentions: all, figures, outside, familyOf }: AssociateInput): Association[] {
  const masked = prose.masked;
  // "Llama 3.1 & 3.2", "Llama 3/2": a name shared by two versions cannot carry one version's figures.
  const mentions: ModelMention[] = [];
  for (let i = 0; i < all.length; i++) if (!isCompound(masked, all[i]!)) mentions.push(all[i]!);
  const out: Association[] = [];
  const raws = figures ?? scanAllFigures(masked);
  let mi = 0;
  let ri = 0;
  // Made when the first row is read: most texts read by a call hold no table.
  let tables: Map<number, TableShape> | undefined;
  // The last unit that named a model, and the last model it named. Unit -1 stands for the text before this block,
  // which sits under this block's first heading.
  let lastUnit = outside?.context ? -1 : undefined;
  let lastMention = outside?.context;
  for (let u = 0; u < prose.units.length; u++) {
    const unit = prose.units[u]!;
    while (mi < mentions.length && mentions[mi]!.end <= unit.start) mi++;
    let mentionsEnd = mi;
    while (mentionsEnd < mentions.length && mentions[mentionsEnd]!.start < unit.end) mentionsEnd++;
    while (ri < raws.length && raws[ri]!.end <= unit.start) ri++;
    let rawsEnd = ri;
    while (rawsEnd < raws.length && raws[rawsEnd]!.start < unit.end) rawsEnd++;
    // (A unit without mentions, as most are, is not asked.)
    const sized = familyOf !== undefined && mentionsEnd > mi && hasSizedName(mentions, mi, mentionsEnd);
    // Most units hold no figure, no row and no sized name: no lists are made for them.
    if (rawsEnd > ri || unit.kind === 'row' || sized) {
      const unitMentions = mentions.slice(mi, mentionsEnd);
      const unitFigures: RawFigure[] = [];
      // Figures and mentions both come sorted by start: the furthest end of the mentions starting
      // before a figure ends says whether one reaches into it, without rescanning them per figure.
      let reached = 0;
      let reach = -1;
      for (let k = ri; k < rawsEnd; k++) {
        const r = raws[k]!;
        while (reached < unitMentions.length && unitMentions[reached]!.start < r.end) {
          const end = unitMentions[reached++]!.end;
          if (end > reach) reach = end;
        }
        // (Whether the figure lies inside the unit, read in place: unoptimised, a call per figure costs more.)
        if (r.start >= unit.start && r.end <= unit.end && !(reach > r.start)) unitFigures.push(r);
      }
      if (unit.kind === 'row') {
        const lastHeading = lastUnit === undefined ? undefined : lastUnit < 0 ? -1 : prose.units[lastUnit]!.heading;
        const context = lastUnit !== undefined && lastHeading === unit.heading ? lastMention : undefined;
        readRow(masked, unit, unitMentions, unitFigures, (tables ??= new Map()), context, out, familyOf);
      } else if (unitFigures.length > 0 || sized) {
        readSentences(masked, unit, unitMentions, unitFigures, mentions, prose, outside?.headings ?? [], out, familyOf);
      }
    }
    if (mentionsEnd > mi) {
      lastUnit = u;
      lastMention = mentions[mentionsEnd - 1]!;
    }
  }
  return out;
}
