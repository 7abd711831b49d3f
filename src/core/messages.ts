// Words of the findings: each names the model, the draft's figure, the fact base's figure, status and source.
import type { FactFigure, ModelFact, RuleId } from './types';

function describe(f: FactFigure): string {
  const why = f.note ? `${f.status}: ${f.note}` : f.status;
  return `${f.label} (${why}; source ${f.source})`;
}

function known(model: ModelFact): string {
  const list = model.figures.map((f) => `${f.label} ${f.kind} (${f.status})`);
  return list.length ? list.join(', ') : 'none';
}

/** The message of a finding, built from typed data only; `estimate` is the word that marks the figure as the writer's own estimate. */
export function messageFor(rule: RuleId, model: ModelFact, written: string, matched: FactFigure | undefined, expected: FactFigure | undefined, estimate?: string): string {
  switch (rule) {
    case 'superseded-figure': {
      const was = matched ? `the ${matched.status === 'rumor' ? 'rumoured' : 'superseded'} figure${matched.note ? ` (${matched.note})` : ''}` : 'a superseded figure';
      return `${model.name}: ${written} is ${was}; the current figure is ${expected ? describe(expected) : 'not recorded'}`;
    }
    case 'contradicted-figure':
      if (estimate && expected) return `${model.name}: ${written} is speculation ("${estimate}") that contradicts the official ${expected.kind} figure ${describe(expected)}`;
      return expected
        ? `${model.name}: ${written} matches none of the known figures; the ${expected.kind} figure is ${describe(expected)}`
        : `${model.name}: ${written} matches none of the known figures (${known(model)})`;
    case 'kind-mismatch': {
      const stated = matched?.kind === 'active' ? 'its active parameter count, stated as its size' : 'its total parameter count, stated as active';
      return `${model.name}: ${written} is ${stated}${expected ? `; the ${expected.kind} figure is ${describe(expected)}` : ''}`;
    }
    case 'unverified-figure':
      return `${model.name}: ${written} is unverified: ${model.vendor} ${model.disclosed ? 'has no official size on record' : 'never disclosed a size'} and the fact base records no such estimate (recorded: ${known(model)})`;
    default:
      // The rules that are not figure verdicts word their own findings (blockRules.ts).
      return `${model.name}: ${written}`;
  }
}
