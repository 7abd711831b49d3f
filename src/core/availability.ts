// availability-mismatch: a size whose weights the fact base records as public, called internal or unreleased ("企业内部提供 11B/90B 版本").
import type { HeadingOutline } from './associate';
import { mayCallUnreleased, readAvailabilityCue, type AvailabilityCue } from './availabilityCues';
import { INDEFINITE_BEFORE, isUnusable, readAround, unknownNamesIn } from './binding';
import type { BlockReading, JudgedClaim } from './blockCheck';
import { isCompound, otherVersions, versionName } from './compoundNames';
import { endsWithMatch, labelOf, toParsedFigure, type FigureReading, type RawFigure } from './figures';
import { findDates } from './releaseDates';
import { headingLevel } from './sentences';
import { countStartingBefore, indexAt, mentionsWithin, neighboursOf } from './spanSearch';
import { figureMatches } from './verdict';
import type { FactFigure, Finding, ModelFact, ModelMention, ParsedFigure, Release } from './types';

/** What the rule needs of the fact base (blockRules' RuleFacts). */
interface Facts {
  models: Map<string, ModelFact>;
  lookup: (name: string) => ModelFact | undefined;
}

/** A size resolved to the model entry whose release covers it, and the figure it matched there. */
interface SizedModel {
  model: ModelFact;
  matched: FactFigure;
}

/** What one block's figures share: resolved sizes (null: none) and the models under each heading of the block. */
interface Memo {
  sized: Map<string, SizedModel | null>;
  sections: Map<number, ModelFact[]>;
}

const NONE: Finding[] = [];
const POSSESSIVE_GAP = /^\s*(?:的|['’]s)\s*$/u;
const YEAR = /(?:19|20)\d\d/;
const IN_NAME: FigureReading = { explicitParameters: true, hedged: false };

/**
 * The block's availability findings, in block-relative offsets. Only figures with a cue in reach are read further:
 * a figure tied to a model must match it; a size written in a name is that name's; a figure tied to none takes the
 * model its sentence or section names (compound names too: "Llama 3.1/3.2" offers Llama 3.2's 11B), when exactly one
 * of them has that size.
 */
export function availabilityFindings(reading: BlockReading, judged: JudgedClaim[], outside: HeadingOutline[], facts: Facts): Finding[] {
  const figures = reading.figures;
  if (figures.length === 0) return NONE;
  const masked = reading.prose.masked;
  if (!mayCallUnreleased(masked)) return NONE;
  const units = reading.prose.units;
  let out: Finding[] | undefined;
  let claims: Map<number, JudgedClaim> | undefined;
  // A block may state the same size of the same models many times: each is resolved once.
  const memo: Memo = { sized: new Map(), sections: new Map() };
  const sizedOf = (model: ModelFact, figure: ParsedFigure): SizedModel | undefined => {
    const key = `${model.id}\u0000${figure.low}\u0000${figure.high}\u0000${figure.precision}\u0000${figure.hedged}`;
    let s = memo.sized.get(key);
    if (s === undefined) memo.sized.set(key, (s = sizedModel(model, figure, facts) ?? null));
    return s ?? undefined;
  };
  for (const raw of figures) {
    const ui = indexAt(units, raw.start);
    if (ui < 0) continue;
    // "the unreleased Llama 3.2 90B": a size written in a name is that name's.
    const starting = countStartingBefore(reading.mentions, raw.end);
    const within = starting ? reading.mentions[starting - 1] : undefined;
    const inName = within !== undefined && within.start < raw.start && within.end >= raw.end;
    const cue = readAvailabilityCue(masked, raw, units[ui]!, figures, reading.mentions, inName);
    if (!cue) continue;
    claims ??= new Map(judged.map((c) => [c.figure.start, c]));
    const claim = claims.get(raw.start);
    let sized: SizedModel | undefined;
    if (claim) {
      // A figure that does not match its model is the figure rules' to report.
      if (claim.distanced || claim.verdict !== 'matches') continue;
      sized = sizedOf(claim.model, claim.figure);
    } else if (inName) {
      const model = facts.models.get(within.modelId);
      sized = model && sizedOf(model, toParsedFigure(raw, IN_NAME));
    } else {
      const counted = readAround(masked, raw, cue.sentence);
      if (!counted) continue;
      const figure = toParsedFigure(raw, counted);
      sized = onlyOne(sectionModels(reading, raw, ui, cue, outside, facts, memo), (m) => sizedOf(m, figure));
    }
    const release = sized?.model.released;
    if (!sized || release?.what !== 'weights' || datedBefore(masked, cue, release)) continue;
    (out ??= []).push(availabilityFinding(raw, sized, cue, release));
  }
  return out ?? NONE;
}

function availabilityFinding(raw: RawFigure, { model, matched }: SizedModel, cue: AvailabilityCue, release: Release): Finding {
  const source = release.source ?? matched.source;
  const message = `${model.name}: the draft calls ${raw.text} internal or unreleased ("${cue.text}"), but the fact base records its weights as released on ${release.date}${release.note ? ` (${release.note})` : ''}; source ${source}`;
  return { ruleId: 'availability-mismatch', severity: 'warning', message, start: raw.start, end: raw.end, modelId: model.id, model: model.name, text: raw.text, matched, sourceUrl: source, availability: { cue: cue.text, recorded: release } };
}

/** A sentence dated before the release ("in 2023 the 405B was still unreleased") speaks of that time. */
function datedBefore(masked: string, cue: AvailabilityCue, release: Release): boolean {
  if (!YEAR.test(masked.slice(cue.sentence.start, cue.sentence.end))) return false;
  return findDates(masked, cue.sentence.start, cue.sentence.end).some((d) => d.iso < release.date.slice(0, d.iso.length));
}

const RELIABLE = new Set(['official', 'derived']);

/**
 * The entry whose release covers a size of `model`: its sized variant ("Llama 3.2 90B"), or the model itself when
 * that is its only size. A family's other sizes may never have shipped (Llama 2 34B), so they count for nothing.
 */
function sizedModel(model: ModelFact, figure: ParsedFigure, facts: Facts): SizedModel | undefined {
  if (figure.low !== figure.high) return undefined;
  const variant = facts.lookup(`${model.name} ${labelOf(figure.value)}`);
  const entry = variant && variant !== model ? variant : model;
  const sizes = entry.figures.filter((f) => RELIABLE.has(f.status) && (f.kind === 'total' || entry.architecture === 'dense'));
  if (sizes.length === 0 || sizes.some((f) => Math.abs(f.value - sizes[0]!.value) > 0.05 * sizes[0]!.value)) return undefined;
  const matched = sizes.find((f) => figureMatches(figure, f));
  return matched && { model: entry, matched };
}

/** The one entry among `models` that has the figure's size; none when several do. */
function onlyOne(models: ModelFact[], sizedOf: (model: ModelFact) => SizedModel | undefined): SizedModel | undefined {
  let found: SizedModel | undefined;
  for (const m of models) {
    const s = sizedOf(m);
    if (!s || s.model === found?.model) continue;
    if (found) return undefined;
    found = s;
  }
  return found;
}

/**
 * The models a figure no name was tied to is about, read like the binder's fallback but without asking for a
 * parameter noun (the cue says a size is meant): the name owning it ("Llama 3.2 的 90B 版本"), a compound name in its
 * sentence, else the nearest heading above that names any, compound names read as each version. None when the
 * sentence names another model, known or not (the binder left the figure alone for a reason), or the figure sizes an
 * indefinite one ("an internal 70B model").
 */
function sectionModels(reading: BlockReading, raw: RawFigure, unitIndex: number, cue: AvailabilityCue, outside: HeadingOutline[], facts: Facts, memo: Memo): ModelFact[] {
  const masked = reading.prose.masked;
  const versionsOf = (m: ModelMention): string[] => (isCompound(masked, m) ? otherVersions(masked, m) : []);
  const inSentence = mentionsWithin(reading.mentions, cue.sentence);
  // "Llama 3.2 的 90B 版本": a name that owns the figure, right before it.
  const owner = neighboursOf(inSentence, raw).before;
  if (owner && POSSESSIVE_GAP.test(masked.slice(owner.end, raw.start)) && !isUnusable(masked, owner)) return modelsOf([{ mention: owner, versions: versionsOf(owner) }], facts);
  if (inSentence.some((m) => !isCompound(masked, m))) return [];
  // (Known names read as unknown ones too, "Llama 3.1" among them: asked only where the sentence has none.)
  const unknown = inSentence.length === 0 ? unknownNamesIn(masked, cue.sentence) : undefined;
  if (unknown && unknown.firstNaming < unknown.spans.length) return [];
  if (endsWithMatch(INDEFINITE_BEFORE, masked.slice(Math.max(cue.sentence.start, raw.start - 100), raw.start))) return [];
  const compounds = inSentence.filter((m) => !isUnusable(masked, m));
  if (compounds.length) return modelsOf(compounds.map((m) => ({ mention: m, versions: versionsOf(m) })), facts);
  const heading = reading.prose.units[unitIndex]!.heading;
  let models = memo.sections.get(heading);
  if (!models) memo.sections.set(heading, (models = headingModels(reading, heading, outside, facts)));
  return models;
}

/** The models of the nearest heading above that names any, from the block's heading `from` (-1: none) up, then outside it. */
function headingModels(reading: BlockReading, from: number, outside: HeadingOutline[], facts: Facts): ModelFact[] {
  const masked = reading.prose.masked;
  const units = reading.prose.units;
  let level = Infinity;
  for (let h = from; h >= 0; h = units[h]!.heading) {
    const heading = units[h]!;
    const own = headingLevel(masked, heading);
    if (own >= level) continue;
    level = own;
    const inHeading = mentionsWithin(reading.mentions, heading).filter((m) => !isUnusable(masked, m, true));
    if (inHeading.length) return modelsOf(inHeading.map((m) => ({ mention: m, versions: isCompound(masked, m) ? otherVersions(masked, m) : [] })), facts);
  }
  for (const heading of outside) {
    if (heading.level >= level) continue;
    level = heading.level;
    const listed = [...heading.mentions.map((m) => ({ mention: m, versions: [] as string[] })), ...(heading.compounds ?? [])];
    if (listed.length) return modelsOf(listed, facts);
  }
  return [];
}

/** The models named, each compound name also as its other versions ("Llama 3.1/3.2": Llama 3.1 and Llama 3.2). */
function modelsOf(names: { mention: ModelMention; versions: string[] }[], facts: Facts): ModelFact[] {
  const out: ModelFact[] = [];
  for (const { mention, versions } of names) {
    const model = facts.models.get(mention.modelId);
    if (!model) continue;
    out.push(model);
    for (const v of versions) {
      const name = versionName(model.name, v);
      const other = name !== undefined ? facts.lookup(name) : undefined;
      if (other) out.push(other);
    }
  }
  return out;
}
