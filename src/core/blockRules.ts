// The rules beyond figure verdicts (release dates, near-miss names, unknown variants, availability, compound sizes), read per block and settled per draft.
import type { HeadingOutline } from './associate';
import { availabilityFindings } from './availability';
import type { BlockReading, JudgedClaim } from './blockCheck';
import { compoundSizeFindings } from './compoundSizes';
import type { Directives } from './directives';
import { labelOf, type RawFigure } from './figures';
import { nameCandidates, nearNameMessage, resolveCandidate, type NameCandidate } from './nearNames';
import { compareRelease, datedReleases, mayDateRelease, releaseMessage } from './releaseDates';
import { severityOf } from './severities';
import { maySizeSubject } from './sizeSubject';
import { countStartingBefore } from './spanSearch';
import { mayNameTier, unknownVariants, variantMessage } from './unknownVariants';
import type { CheckOptions, Finding, ModelFact, ModelMention, RuleId, Span } from './types';

/** A finding in block-relative offsets, or a near-name candidate the whole draft must settle. */
export interface BlockHit extends Span {
  ruleId: RuleId;
  finding?: Finding;
  candidate?: NameCandidate;
}

export interface RuleFacts {
  models: Map<string, ModelFact>;
  lookup: (name: string) => ModelFact | undefined;
}

const NO_HITS: BlockHit[] = [];
/** What availability and compound sizes find in a block without figures (they read nothing else). */
const NO_FINDINGS: Finding[] = [];
const SENTENCE_END = /[。！？!?]|\.(?=\s|$)/gu;

function sentencesOf(masked: string, unit: Span): Span[] {
  const out: Span[] = [];
  let start = unit.start;
  for (const m of masked.slice(unit.start, unit.end).matchAll(SENTENCE_END)) {
    const end = unit.start + m.index + m[0].length;
    out.push({ start, end });
    start = end;
  }
  if (start < unit.end) out.push({ start, end: unit.end });
  return out;
}

function finding(ruleId: RuleId, span: Span, text: string, model: ModelFact, message: string): Finding {
  return { ruleId, severity: 'warning', message, start: span.start, end: span.end, modelId: model.id, model: model.name, text };
}

/** The model a claim's size names when the fact base lists the sized variant on its own ("Code Llama 70B"). */
function variantOf(claim: JudgedClaim, facts: RuleFacts): ModelFact {
  return facts.lookup(`${claim.model.name} ${labelOf(claim.figure.value)}`) ?? claim.model;
}

/** The names of a family's variants in the fact base ("Phi-3.5-mini" for Phi-3.5), worked out once per family. */
function variantsOf(family: ModelFact, facts: RuleFacts): string[] {
  let byFamily = VARIANTS.get(facts);
  if (!byFamily) {
    byFamily = new Map();
    VARIANTS.set(facts, byFamily);
  }
  let known = byFamily.get(family);
  if (!known) {
    known = [...facts.models.values()].filter((m) => m !== family && m.name.startsWith(family.name) && /^[\s-]/.test(m.name.slice(family.name.length))).map((m) => m.name);
    byFamily.set(family, known);
  }
  return known;
}

/** Per fact base (a model may sit in several, with different siblings). */
const VARIANTS = new WeakMap<RuleFacts, Map<ModelFact, string[]>>();

/**
 * What the rules find in one block (`outside`: the headings it sits under, nearest first); nothing at all for blocks
 * without a year and a release word, a tier word or a figure.
 */
export function readBlockHits(reading: BlockReading, judged: JudgedClaim[], facts: RuleFacts, outside: HeadingOutline[]): BlockHit[] {
  const masked = reading.prose.masked;
  const all = reading.figures;
  // Every rule but release dates reads figures; a date needs a name when there are none (as `dated` says below).
  if (all.length === 0 && reading.mentions.length === 0) return NO_HITS;
  // Names and variants are sized by a figure right after a subject's gap ("X (3B)", "X is a 3B model"):
  // text without such a figure has none to read.
  const figures = all.length ? sizingFigures(masked, all) : all;
  const sized = figures.length > 0;
  // A date dates only the models a block names, and otherwise only lets its table rows be read for sized names:
  // a block with neither a name nor a sized figure is not looked at for one.
  const dated = (sized || reading.mentions.length > 0) && mayDateRelease(masked);
  const tiers = sized && mayNameTier(masked);
  const available = all.length ? availabilityFindings(reading, judged, outside, facts) : NO_FINDINGS;
  // A size list after a colon ("Llama 3/2: 7B/13B/70B") sizes no subject as `sized` reads one: asked on its own.
  const compound = all.length ? compoundSizeFindings(reading, facts) : NO_FINDINGS;
  if (!dated && !sized && available.length === 0 && compound.length === 0) return NO_HITS;
  const out: BlockHit[] = [];
  for (const f of available) out.push({ start: f.start, end: f.end, ruleId: f.ruleId, finding: f });
  for (const f of compound) out.push({ start: f.start, end: f.end, ruleId: f.ruleId, finding: f });
  let claims: Map<number, number[]> | undefined;
  const byMention = (): Map<number, number[]> => (claims ??= claimsByMention(judged));
  const holdsFigure = (span: Span): boolean => {
    const i = countStartingBefore(figures, span.start);
    return i < figures.length && figures[i]!.start < span.end;
  };
  const units = reading.prose.units;
  for (let u = 0; u < units.length; u++) {
    const unit = units[u]!;
    if (unit.kind === 'row' && !dated) continue;
    if (dated) for (const sentence of sentencesOf(masked, unit)) releaseHits(masked, sentence, reading.mentions, judged, byMention, facts, out);
    // A name and the figure sizing it are never split by a sentence's end (the gap between them holds
    // only spaces, a parenthesis, "is a" or "has"), so these read whole units.
    if (!holdsFigure(unit)) continue;
    if (tiers) {
      for (const v of unknownVariants(masked, unit, figures, reading.figures, facts.lookup)) {
        const known = variantsOf(v.family, facts);
        const f = finding('unknown-variant', v, v.text, v.family, variantMessage(v, known));
        f.variants = known;
        out.push({ start: v.start, end: v.end, ruleId: 'unknown-variant', finding: f });
      }
    }
    for (const c of nameCandidates(masked, unit, reading.mentions, figures, reading.figures)) out.push({ start: c.start, end: c.end, ruleId: 'misspelled-name', candidate: c });
  }
  return out.length ? out : NO_HITS;
}

/** The figures that may size a subject (see `maySizeSubject`); a loop, not filter's callback per figure. */
function sizingFigures(masked: string, figures: RawFigure[]): RawFigure[] {
  const out: RawFigure[] = [];
  for (let i = 0; i < figures.length; i++) if (maySizeSubject(masked, figures[i]!)) out.push(figures[i]!);
  return out;
}

/** A model a dated clause names, with the span and text a finding on it marks. */
interface DatedCandidate {
  span: Span;
  text: string;
  model: ModelFact;
}

/** The block's claims tied to each of its mentions (indices into `judged`, ascending): built once per block. */
function claimsByMention(judged: JudgedClaim[]): Map<number, number[]> {
  const out = new Map<number, number[]>();
  for (let i = 0; i < judged.length; i++) {
    const at = judged[i]!.mention;
    if (at < 0) continue;
    const list = out.get(at);
    if (list) list.push(i);
    else out.set(at, [i]);
  }
  return out;
}

/**
 * The models a dated scope names, first occurrence of each released model only: sizes stated for a named model
 * first ("Code Llama ... 7B, 13B, 34B and 70B" dates that size's own release), then the names. Read once per scope
 * and from the claims of the scope's own mentions, so a long clause of dated releases is not read once per date.
 */
function scopeCandidates(masked: string, mentions: ModelMention[], scope: Span, sentence: Span, judged: JudgedClaim[], byMention: Map<number, number[]>, facts: RuleFacts): DatedCandidate[] {
  const out: DatedCandidate[] = [];
  const seen = new Set<string>();
  const add = (span: Span, text: string, model: ModelFact): void => {
    if (!model.released || seen.has(model.id)) return;
    seen.add(model.id);
    out.push({ span, text, model });
  };
  const named: ModelMention[] = [];
  const claims: number[] = [];
  for (let i = countStartingBefore(mentions, scope.start); i < mentions.length && mentions[i]!.start < scope.end; i++) {
    if (mentions[i]!.end > scope.end) continue;
    named.push(mentions[i]!);
    const tied = byMention.get(i);
    if (tied) for (const j of tied) claims.push(j);
  }
  // In the block's order of claims, as a walk over all of them would meet them.
  claims.sort((a, b) => a - b);
  for (const j of claims) {
    const c = judged[j]!;
    if (c.distanced || c.figure.start < sentence.start || c.figure.end > sentence.end) continue;
    const variant = variantOf(c, facts);
    if (variant !== c.model) add(c.figure, c.figure.text, variant);
  }
  for (const m of named) {
    const model = facts.models.get(m.modelId);
    // "… released Llama 3 in April 2024 and Llama 3.1 405B three months later": a name dated relative to the date is not dated by it.
    if (model && !m.sizedName && !RELATIVE_TIME_AFTER.test(masked.slice(m.end, Math.min(scope.end, m.end + 40)))) add(m, m.text, model);
  }
  return out;
}

const RELATIVE_TIME_AFTER =
  /^[\s,，]*(?:(?:(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a\s+few|some|\d+)\s+(?:days?|weeks?|months?|quarters?|years?)\s+)?(?:later|afterwards?|after(?:\s+that|wards)?|earlier|before(?:hand)?)\b|[一二三四五六七八九十几两数\d]+\s*(?:个月|个季度|周|年|天)(?:之后|以后|后|之前|以前|前)|随后|此后|soon\s+after|shortly\s+after)/iu;

function releaseHits(masked: string, sentence: Span, mentions: ModelMention[], judged: JudgedClaim[], byMention: () => Map<number, number[]>, facts: RuleFacts, out: BlockHit[]): void {
  // Dates of one clause share its scope: its models are read once.
  let last: { start: number; end: number; candidates: DatedCandidate[] } | undefined;
  // One finding per name and stated date: two release words by one date ("开源的 Kimi K2 … 开源模型") are one statement.
  const reported = new Set<string>();
  for (const { date, scope } of datedReleases(masked, sentence)) {
    if (!last || last.start !== scope.start || last.end !== scope.end) last = { start: scope.start, end: scope.end, candidates: scopeCandidates(masked, mentions, scope, sentence, judged, byMention(), facts) };
    for (const { span, text, model } of last.candidates) {
      const how = compareRelease(date, model.released!);
      if (!how) continue;
      const key = `${span.start}:${model.id}:${date.start}`;
      if (reported.has(key)) continue;
      reported.add(key);
      const f = finding('release-date', span, text, model, releaseMessage(model, text, date, model.released!, how));
      f.release = { stated: date.iso, statedText: date.text, recorded: model.released! };
      if (model.released!.source) f.sourceUrl = model.released!.source;
      out.push({ start: span.start, end: span.end, ruleId: 'release-date', finding: f });
    }
  }
}

/**
 * The draft's findings of these rules (`hits` in draft offsets): near-name candidates are settled
 * against every model the draft names.
 */
export function hitFindings(hits: BlockHit[], mentions: ModelMention[], facts: RuleFacts, directives: Directives, options: CheckOptions | undefined): Finding[] {
  const out: Finding[] = [];
  let named: ModelFact[] | undefined;
  // How the draft writes each model, and the last message made: a draft may repeat one slip thousands of times.
  const written = new Map<string, string>();
  let last: { key: string; message: string } | undefined;
  for (const h of hits) {
    const severity = severityOf(h.ruleId, options);
    if (severity === 'off' || directives.isDisabled(h.ruleId, h.start)) continue;
    let f = h.finding;
    if (h.candidate) {
      named ??= [...new Set(mentions.map((m) => m.modelId))].map((id) => facts.models.get(id)).filter((m): m is ModelFact => m !== undefined);
      const model = resolveCandidate(h.candidate, named);
      if (!model) continue;
      // The fix writes the name as the draft writes it elsewhere.
      let as = written.get(model.id);
      if (as === undefined) {
        as = mentions.find((m) => m.modelId === model.id && !m.sizedName)?.text ?? model.name;
        written.set(model.id, as);
      }
      const key = `${h.candidate.text}\u0000${model.id}\u0000${h.candidate.figure.text}`;
      if (last?.key !== key) last = { key, message: nearNameMessage(h.candidate.text, model, as, h.candidate.figure.text) };
      f = finding('misspelled-name', h, h.candidate.text, model, last.message);
      f.suggestion = as;
      f.fix = { start: h.start, end: h.end, text: as };
    }
    if (!f) continue;
    out.push({ ...f, severity, start: h.start, end: h.end, ...(f.fix ? { fix: { ...f.fix, start: h.start, end: h.end } } : {}) });
  }
  return out;
}
