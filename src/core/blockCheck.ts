// Reads and judges one block of a draft on its own, in offsets relative to the block's start.
import { associate, hasSizedName, outlineHeadings, type Association, type HeadingAt, type HeadingOutline } from './associate';
import { canCarryFigures } from './binding';
import { isCompound, type CompoundName } from './compoundNames';
import { mayHoldFigures, scanAllFigures, type RawFigure } from './figures';
import { messageFor } from './messages';
import { spellsModelName } from './nameSizes';
import type { NameMatcher } from './names';
import { countHeadingMentions, headingMentionIndex, sameHeadingMentionIndex, sameKey } from './headingIndex';
import { extractBlockProse, type Prose } from './prose';
import { rewriteFigure } from './rewrite';
import { sectionMentions, withShortNames } from './sectionNames';
import { countStartingBefore } from './spanSearch';
import { isDistancedLate, ownEstimateCue } from './distancing';
import { judgeEstimate, judgeFigure, type Verdict } from './verdict';
import type { Claim, FactFigure, ModelFact, ModelMention, ParsedFigure, TextEdit } from './types';

/** What one block says, independent of where it sits in the draft. */
export interface BlockReading {
  prose: Prose;
  mentions: ModelMention[];
  figures: RawFigure[];
  /** Figures, or table rows whose unitless cells a header may make figures. */
  hasClaims: boolean;
  /** The block's headings in order: level and the mentions (indices) that can name their section's model. */
  headings: readonly { level: number; mentions: number[]; compounds: CompoundName<number>[] | undefined }[];
  /**
   * The last mention (index) the blocks after this one may take as their context; -1 when the block
   * has a heading after which no usable mention follows (the context ends there).
   */
  context?: number;
}

/**
 * A claim judged in block-relative offsets; `mention` is an index into the block's mentions (then its short
 * names), or -1 - i into the outside list; `as` when the claim is about that mention's family rather than the name itself.
 */
export interface JudgedClaim {
  figure: ParsedFigure;
  mention: number;
  as?: { modelId: string; sizedName?: boolean };
  distanced: boolean;
  verdict: Claim['verdict'];
  model: ModelFact;
  matched?: FactFigure;
  expected?: FactFigure;
  message?: string;
  fix?: TextEdit;
  /** A contradicted figure the writer gives as its own estimate: the word that says so. */
  estimate?: string;
}

/**
 * A figure the writer gives as its own estimate ("推测", "probably") where the vendor states that figure: the
 * contradiction and the word that marks the estimate. Distanced otherwise, it is then judged as a claim;
 * an estimate that is asserted anyway only gets the word. Read only for contradictions, so rarely.
 */
function weighEstimate(masked: string, a: Association, model: ModelFact, v: Verdict, mentions: ModelMention[]): { verdict: Verdict; cue: string } | undefined {
  let contradiction: Verdict | undefined;
  if (v.verdict === 'unchecked') contradiction = a.distanced ? judgeEstimate(model, a.figure) : undefined;
  else if (v.verdict === 'contradicted-figure' && v.expected?.status === 'official') contradiction = v;
  const cue = contradiction ? ownEstimateCue(masked, a.raw, a.sentence!, mentions) : undefined;
  return contradiction && cue ? { verdict: contradiction, cue } : undefined;
}

/**
 * The headings of a block without any, as most blocks are: shared, which the readonly type keeps safe. (Not frozen:
 * a frozen array has an elements kind of its own, and the loops over these lists then slow down, ~3% of a check.)
 */
const NO_HEADINGS: BlockReading['headings'] = [];

/** The figures of a block that cannot hold any, as most cannot: shared, as nothing adds to a reading's figures. */
const NO_FIGURES: RawFigure[] = [];

/** Reads a block's prose, model names and figures. */
export function readBlock(text: string, matcher: NameMatcher): BlockReading {
  const prose = extractBlockProse(text);
  const mentions = matcher.find(prose.masked);
  if (prose.masked !== text) keepOffMasked(mentions, text);
  const figures = mayHoldFigures(prose.masked) ? scanAllFigures(prose.masked) : NO_FIGURES;
  // Sized names ("Llama 3 13B") state a size of their family even with no other figure near.
  const hasClaims = figures.length > 0 || hasRow(prose) || hasSizedName(mentions);
  const outline = outlineHeadings(prose, mentions);
  const headings = outline.length === 0 ? NO_HEADINGS : outlineByIndex(outline, mentions);
  const lastHeading = outline.length ? prose.units[outline[outline.length - 1]!.unit]! : undefined;
  // A compound name ("Llama 3.1/3.2") is no one model's, as within the block: the name before it stays the context.
  let li = mentions.length - 1;
  while (li >= 0 && isCompound(prose.masked, mentions[li]!)) li--;
  // Not mentions[-1]: an index below 0 is looked up as the property "-1", a slow keyed load each
  // time that also leaves the load site megamorphic.
  const last = li >= 0 ? mentions[li] : undefined;
  let context: number | undefined;
  // A table row without a model cell takes the last model named before it under the same heading.
  if (last && last.start >= (lastHeading?.end ?? 0)) context = canCarryFigures(prose.masked, last) ? li : -1;
  else if (lastHeading) context = -1;
  // (Made whole at once: a property added later would cost the reading a second allocation for it.)
  return { prose, mentions, figures, hasClaims, headings, context };
}

/**
 * V8 cuts a string of 13 characters or more out of another as a view that keeps the whole of it alive. A name read
 * from a block's masked copy takes its text from the draft instead where it reads the same there, so the names a
 * check returns do not keep every masked copy alive (each one copied by every collection until the check ends).
 */
const VIEW_LENGTH = 13;

function keepOffMasked(mentions: ModelMention[], text: string): void {
  // (An indexed loop: unoptimised, for-of costs an iterator step per mention.)
  for (let k = 0; k < mentions.length; k++) {
    const m = mentions[k]!;
    if (m.text.length < VIEW_LENGTH) continue;
    const written = text.slice(m.start, m.end);
    if (written === m.text) m.text = written;
  }
}

/** The headings' mentions as indices into the block's mentions (sorted by start, so found by binary search). */
function outlineByIndex(outline: readonly HeadingAt[], mentions: ModelMention[]): BlockReading['headings'] {
  const indexOf = (m: ModelMention): number => countStartingBefore(mentions, m.start);
  return outline.map(({ outline: h }) => ({ level: h.level, mentions: h.mentions.map(indexOf), compounds: h.compounds?.map((c) => ({ mention: indexOf(c.mention), versions: c.versions })) }));
}

function hasRow(prose: Prose): boolean {
  for (let i = 0; i < prose.units.length; i++) if (prose.units[i]!.kind === 'row') return true;
  return false;
}

/** The mentions a block's claims may point to outside it, in the order `JudgedClaim.mention` counts them. */
export function outsideList(headings: HeadingOutline[], context: ModelMention | undefined): ModelMention[] {
  const out: ModelMention[] = [];
  for (const h of headings) for (const m of h.mentions) out.push(m);
  if (context) out.push(context);
  return out;
}

/** The index of `m` in `outsideList(headings, context)` (first occurrence, as indexOf finds it), without building the list; -1 if absent. */
function outsideIndex(headings: HeadingOutline[], context: ModelMention | undefined, m: ModelMention): number {
  return headingMentionIndex(headings, m) ?? (m === context ? countHeadingMentions(headings) : -1);
}

/** The index in that list of a mention with the same span and text as `m`; -1 if none. */
function outsideIndexOfSame(headings: HeadingOutline[], context: ModelMention | undefined, m: ModelMention): number {
  return sameHeadingMentionIndex(headings, m) ?? (context && sameKey(context) === sameKey(m) ? countHeadingMentions(headings) : -1);
}

/**
 * A block's judged claims and the short names it read as mentions ("R1" under "### DeepSeek-R1"), which
 * `JudgedClaim.mention` counts after the block's own mentions: they depend on the headings above the block.
 */
export interface BlockJudgement {
  claims: JudgedClaim[];
  shortNames: ModelMention[];
}

const NO_JUDGEMENT: BlockJudgement = { claims: [], shortNames: [] };
/** The mentions of no headings: a block without headings of its own. */
const NO_OWN_HEADINGS: ModelMention[][] = [];

/** Ties the block's figures to models and judges each against the fact base. */
export function judgeBlock(
  text: string,
  reading: BlockReading,
  headings: HeadingOutline[],
  context: ModelMention | undefined,
  models: Map<string, ModelFact>,
  familyOf: (name: string) => string | undefined,
): BlockJudgement {
  if (!reading.hasClaims) return NO_JUDGEMENT;
  const own = reading.headings.length ? reading.headings.map((h) => h.mentions.map((i) => reading.mentions[i]!)) : NO_OWN_HEADINGS;
  const shortNames = sectionMentions(reading.prose, reading.mentions, own, headings[0], models);
  const mentions = withShortNames(reading.mentions, shortNames);
  const associations = associate({ prose: reading.prose, mentions, figures: reading.figures, outside: { headings, context }, familyOf });
  const out: JudgedClaim[] = [];
  // Read once, not per claim: unoptimised, every property load is a call.
  const blockMentions = reading.mentions;
  const count = blockMentions.length;
  // A block that repeats one claim many times shares one message and one fix text (the last ones made).
  let lastMessage: { verdict: string; model: ModelFact; text: string; matched?: FactFigure; expected?: FactFigure; estimate?: string; message: string } | undefined;
  let lastFix: { written: string; scale: number; value: number; edit: TextEdit | undefined } | undefined;
  for (let ai = 0; ai < associations.length; ai++) {
    const a = associations[ai]!;
    const named = a.mention;
    const figure = a.figure;
    const model = models.get(named.modelId);
    if (!model) continue;
    // "Mixtral comes in 8x7B and 8x22B": a product a model's name spells names that model; it counts nothing.
    if (a.raw.isProduct && !figure.explicitParameters && spellsModelName(a.raw.text, models)) continue;
    const at = countStartingBefore(blockMentions, named.start);
    const atShort = shortNames.length ? countStartingBefore(shortNames, named.start) : 0;
    let mention: number | undefined;
    if (blockMentions[at] === named) mention = at;
    else if (shortNames[atShort] === named) mention = count + atShort;
    else {
      const there = outsideIndex(headings, context, named);
      if (there >= 0) mention = -1 - there;
    }
    let as: JudgedClaim['as'];
    if (mention === undefined) {
      // A family read from a sized name ("Llama 3 13B" as Llama 3) is a copy of a mention here or outside.
      const same = (m: ModelMention): boolean => m.start === a.mention.start && m.end === a.mention.end && m.text === a.mention.text;
      const here = at < count && same(blockMentions[at]!) ? at : atShort < shortNames.length && same(shortNames[atShort]!) ? count + atShort : -1;
      const copy = outsideIndexOfSame(headings, context, a.mention);
      if (here >= 0) mention = here;
      else if (copy >= 0) mention = -1 - copy;
      else continue;
      as = { modelId: a.mention.modelId, ...(a.mention.sizedName !== undefined ? { sizedName: a.mention.sizedName } : {}) };
    }
    let distanced = a.distanced;
    let v = judgeFigure(model, figure, distanced);
    // The rarer cues are read only where they would change the verdict (isDistancedLate).
    if (!distanced && a.sentence && v.verdict !== 'matches' && v.verdict !== 'unchecked' && isDistancedLate(reading.prose.masked, a.raw, a.sentence)) {
      distanced = true;
      v = judgeFigure(model, figure, true);
    }
    const estimated = a.sentence ? weighEstimate(reading.prose.masked, a, model, v, mentions) : undefined;
    if (estimated) v = estimated.verdict;
    const verdict = v.verdict;
    // Every field present from the start (undefined where there is none): one shape for all claims, and no second
    // allocation for the fields a claim would otherwise gain one by one.
    const claim: JudgedClaim = { figure, mention, as, distanced, verdict, model, matched: v.matched, expected: v.expected, message: undefined, fix: undefined, estimate: estimated?.cue };
    if (verdict !== 'matches' && verdict !== 'unchecked') {
      const m = lastMessage;
      const written = figure.atLeast ? `at least ${figure.text}` : figure.atMost ? `at most ${figure.text}` : figure.text;
      if (!m || m.verdict !== verdict || m.model !== model || m.text !== written || m.matched !== v.matched || m.expected !== v.expected || m.estimate !== claim.estimate) {
        lastMessage = { verdict, model, text: written, matched: v.matched, expected: v.expected, estimate: claim.estimate, message: messageFor(verdict, model, written, v.matched, v.expected, claim.estimate) };
      }
      claim.message = lastMessage!.message;
      // Fixes only where the rule says the fact base knows better; unverified figures have none. A bound's fix
      // would keep its "+" or "over" around the new number and still misstate the figure.
      if (v.expected && verdict !== 'unverified-figure' && !figure.atLeast && !figure.atMost) {
        const value = v.expected.value;
        let fix: TextEdit | undefined;
        // The edit's text follows from the figure as written, its unit (a table header's for bare numbers) and the value.
        if (lastFix && lastFix.written === a.raw.text && lastFix.scale === a.raw.scale && lastFix.value === value) fix = lastFix.edit && { start: a.raw.start, end: a.raw.end, text: lastFix.edit.text };
        else {
          fix = rewriteFigure(text, a.raw, value);
          lastFix = { written: a.raw.text, scale: a.raw.scale, value, edit: fix };
        }
        if (fix) claim.fix = fix;
      }
    }
    out.push(claim);
  }
  return { claims: out, shortNames };
}
