// Ties each parameter figure to the model it is stated for: sentences, table rows, list titles, the headings above.
import { isUnusable } from './binding';
import { isCompound, otherVersions, type CompoundName } from './compoundNames';
import { type RawFigure, scanFigures } from './figures';
import type { Prose } from './prose';
import { headingLevel, readSentences } from './sentences';
import { inside, mentionsWithin } from './spanSearch';
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

/** The headings of a text with their levels and the mentions that can name their section's model, in order. */
export function outlineHeadings(prose: Prose, mentions: ModelMention[]): { unit: number; outline: HeadingOutline }[] {
  const out: { unit: number; outline: HeadingOutline }[] = [];
  prose.units.forEach((u, i) => {
    if (u.kind !== 'heading') return;
    const named = mentionsWithin(mentions, u).filter((m) => !isUnusable(prose.masked, m, true));
    // A compound name ("Llama 3.1/3.2") names no one model of the section, as within the block (see associate).
    const usable = named.filter((m) => !isCompound(prose.masked, m));
    // (Every outline has the same fields, set at once: V8 then keeps one shape for them all.)
    const compounds = usable.length < named.length ? named.filter((m) => !usable.includes(m)).map((m) => ({ mention: m, versions: otherVersions(prose.masked, m) })) : undefined;
    out.push({ unit: i, outline: { level: headingLevel(prose.masked, u), mentions: usable, compounds } });
  });
  return out;
}

/** Reads every figure in the prose and ties it to a model where the text says which. */
export function associate({ prose, mentions: all, figures, outside, familyOf }: AssociateInput): Association[] {
  const masked = prose.masked;
  // "Llama 3.1 & 3.2", "Llama 3/2": a name shared by two versions cannot carry one version's figures.
  const mentions = all.filter((m) => !isCompound(masked, m));
  const out: Association[] = [];
  const raws = figures ?? scanFigures(masked);
  let mi = 0;
  let ri = 0;
  const tables = new Map<number, TableShape>();
  // Unit -1 stands for the text before this block, which sits under this block's first heading.
  let lastUnitWithMention: { unit: number; mention: ModelMention } | undefined = outside?.context ? { unit: -1, mention: outside.context } : undefined;
  for (let u = 0; u < prose.units.length; u++) {
    const unit = prose.units[u]!;
    while (mi < mentions.length && mentions[mi]!.end <= unit.start) mi++;
    const unitMentions: ModelMention[] = [];
    for (let k = mi; k < mentions.length && mentions[k]!.start < unit.end; k++) unitMentions.push(mentions[k]!);
    while (ri < raws.length && raws[ri]!.end <= unit.start) ri++;
    const unitFigures: RawFigure[] = [];
    // Figures and mentions both come sorted by start: the furthest end of the mentions starting
    // before a figure ends says whether one reaches into it, without rescanning them per figure.
    let reached = 0;
    let reach = -1;
    for (let k = ri; k < raws.length && raws[k]!.start < unit.end; k++) {
      const r = raws[k]!;
      while (reached < unitMentions.length && unitMentions[reached]!.start < r.end) reach = Math.max(reach, unitMentions[reached++]!.end);
      if (inside(r, unit) && !(reach > r.start)) unitFigures.push(r);
    }
    const lastHeading = lastUnitWithMention ? (lastUnitWithMention.unit < 0 ? -1 : prose.units[lastUnitWithMention.unit]!.heading) : undefined;
    const context = lastUnitWithMention && lastHeading === unit.heading ? lastUnitWithMention.mention : undefined;
    if (unitFigures.length > 0 || unit.kind === 'row' || (familyOf && unitMentions.some((m) => m.sizedName))) {
      if (unit.kind === 'row') {
        readRow(masked, unit, unitMentions, unitFigures, tables, context, out, familyOf);
      } else {
        readSentences(masked, unit, unitMentions, unitFigures, mentions, prose, outside?.headings ?? [], out, familyOf);
      }
    }
    if (unitMentions.length > 0) lastUnitWithMention = { unit: u, mention: unitMentions[unitMentions.length - 1]! };
  }
  return out;
}
