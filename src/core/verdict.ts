// Compares a figure the draft states for a model with the model's figures in the fact base.
import type { FactFigure, FigureKind, FigureStatus, ModelFact, ParsedFigure, RuleId } from './types';

export interface Verdict {
  verdict: 'matches' | 'unchecked' | RuleId;
  /** The fact-base figure the draft's figure matched. */
  matched?: FactFigure;
  /** The figure the draft should state instead (the fix), when there is one. */
  expected?: FactFigure;
}

const STATUS_RANK: Record<FigureStatus, number> = { official: 3, derived: 2, estimate: 1, rumor: 0, superseded: -1 };
const TRILLION_SCALE = 5e11;
const ROUNDING_CAP = 0.15;
/** How far past a bound ("40B+", "under 50B") a value may lie: the fact base's own rounding, not the writer's hedge. */
const BOUND_SLACK = 0.005;

function isCurrent(f: FactFigure): boolean {
  return f.status !== 'superseded' && f.status !== 'rumor';
}

/** Does the written figure stand for the fact-base figure, allowing for rounding and hedges? */
export function figureMatches(f: ParsedFigure, fact: FactFigure): boolean {
  const v = fact.value;
  // A bound holds for every value on its side: "over 600B" for 671B, "fewer than 9.7T" for 1.5T; 37B does not fit "40B+".
  if (f.atLeast) return v >= f.low * (1 - BOUND_SLACK);
  if (f.atMost) return v <= f.high * (1 + BOUND_SLACK);
  const slack = f.hedged ? 0.1 : 0.05;
  if (f.low !== f.high) return v >= f.low * (1 - slack) && v <= f.high * (1 + slack);
  // The writer's own rounding counts, up to 15% of the value: "0.3B" and "3亿" for 340M (one significant
  // digit), "1T" for 1.04T, but not "1T" for 1.4T.
  const tolerance = Math.max(slack * v, Math.min(f.precision / 2, ROUNDING_CAP * v));
  return Math.abs(f.value - v) <= tolerance * (1 + 1e-9);
}

/** The one figure of a kind the fact base currently stands behind, if exactly one stands out. */
export function currentFigure(model: ModelFact, kind: FigureKind): FactFigure | undefined {
  const ofKind = model.figures.filter((f) => isCurrent(f) && (f.kind === kind || (kind === 'active' && model.architecture === 'dense')));
  if (ofKind.length === 0) return undefined;
  const best = Math.max(...ofKind.map((f) => STATUS_RANK[f.status]));
  const top = ofKind.filter((f) => STATUS_RANK[f.status] === best);
  return top.length === 1 ? top[0] : undefined;
}

function kindFits(model: ModelFact, stated: FigureKind | undefined, fact: FactFigure): boolean {
  if (model.architecture === 'dense') return true;
  if (stated) return fact.kind === stated;
  // An unqualified figure is read as the model's size, its total.
  return fact.kind === 'total' || !model.figures.some((f) => f.kind === 'total' && isCurrent(f));
}

/** Decides whether the draft's figure for the model matches, is superseded, contradicted or unverified. */
export function judgeFigure(model: ModelFact, f: ParsedFigure, distanced: boolean): Verdict {
  // One walk, no lists: judged once per figure of the draft, most of which match at once.
  let stale: FactFigure | undefined;
  let wrongKind: FactFigure | undefined;
  for (let k = 0; k < model.figures.length; k++) {
    const fact = model.figures[k]!;
    if (!figureMatches(f, fact)) continue;
    // A bound that only the other kind meets ("over 40B active" beside 671B total) says nothing of that kind.
    if ((f.atLeast || f.atMost) && !kindFits(model, f.statedKind, fact)) continue;
    stale ??= fact;
    if (!isCurrent(fact)) continue;
    if (kindFits(model, f.statedKind, fact)) return { verdict: 'matches', matched: fact };
    wrongKind ??= fact;
  }
  if (wrongKind) {
    const wanted: FigureKind = f.statedKind ?? 'total';
    return { verdict: distanced ? 'unchecked' : 'kind-mismatch', matched: wrongKind, expected: currentFigure(model, wanted) };
  }
  if (stale) {
    const replacement =
      (stale.replacedBy !== undefined ? model.figures.find((x) => x.value === stale.replacedBy && x.status !== 'superseded') : undefined) ??
      (stale.status === 'superseded' || model.figures.some((x) => x.kind === stale.kind && STATUS_RANK[x.status] >= STATUS_RANK.derived)
        ? currentFigure(model, stale.kind)
        : undefined);
    if (!replacement || figureMatches(f, replacement)) return { verdict: 'matches', matched: stale };
    return { verdict: distanced ? 'unchecked' : 'superseded-figure', matched: stale, expected: replacement };
  }
  if (distanced) return { verdict: 'unchecked' };
  const wanted: FigureKind = f.statedKind ?? 'total';
  // A trillion-scale figure with no "parameters" beside it, for a model nowhere near that size,
  // is more likely a token count than a wrong size.
  if (!f.explicitParameters && f.value >= TRILLION_SCALE && model.figures.length > 0 && model.figures.every((x) => x.value < TRILLION_SCALE / 2)) return { verdict: 'unchecked' };
  if (!model.disclosed || !model.figures.some(isCurrent) || !model.figures.some((x) => STATUS_RANK[x.status] >= STATUS_RANK.derived)) {
    return { verdict: 'unverified-figure', expected: currentFigure(model, wanted) };
  }
  return { verdict: 'contradicted-figure', expected: currentFigure(model, wanted) };
}

/**
 * The verdict on a figure the writer gives as its own estimate: estimating is for sizes nobody states, so it is
 * wrong only where it contradicts the vendor's own figure of that kind; undefined where it stands.
 */
export function judgeEstimate(model: ModelFact, f: ParsedFigure): Verdict | undefined {
  const v = judgeFigure(model, f, false);
  return v.verdict === 'contradicted-figure' && v.expected?.status === 'official' ? v : undefined;
}
