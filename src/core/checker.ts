// Checks a draft against a fact base: prose → mentions and figures → claims → findings with fixes.
import { associate } from './associate';
import { readDirectives } from './directives';
import { messageFor } from './messages';
import { NameMatcher, normalizeName } from './names';
import { extractProse } from './prose';
import { rewriteFigure } from './rewrite';
import { judgeFigure } from './verdict';
import type { CheckOptions, CheckResult, Claim, FactBase, Finding, ModelFact, RuleId, Severity, SeveritySetting } from './types';

export const DEFAULT_SEVERITY: Record<RuleId, Severity> = {
  'superseded-figure': 'warning',
  'contradicted-figure': 'warning',
  'kind-mismatch': 'warning',
  'unverified-figure': 'information',
};

export interface Checker {
  readonly base: FactBase;
  check(text: string, options?: CheckOptions): CheckResult;
  model(id: string): ModelFact | undefined;
  /** Finds a model by id, name or alias, ignoring case and separators. */
  lookup(nameOrId: string): ModelFact | undefined;
}

function severityOf(rule: RuleId, options: CheckOptions | undefined): SeveritySetting {
  return options?.severities?.[rule] ?? DEFAULT_SEVERITY[rule];
}

/** Builds a checker; the name index is built once per fact base. */
export function createChecker(base: FactBase): Checker {
  const matcher = new NameMatcher(base);
  const byId = new Map(base.models.map((m) => [m.id, m]));
  const byName = new Map<string, ModelFact>();
  for (const m of base.models) for (const n of [m.id, m.name, ...m.aliases]) byName.set(normalizeName(n), m);
  return {
    base,
    model: (id) => byId.get(id),
    lookup: (n) => byId.get(n) ?? byName.get(normalizeName(n)),
    check(text, options) {
      const prose = extractProse(text);
      const mentions = matcher.find(prose.masked);
      const associations = associate({ prose, mentions, familyOf: (n) => byName.get(normalizeName(n))?.id });
      const directives = readDirectives(text);
      const claims: Claim[] = [];
      const findings: Finding[] = [];
      for (const a of associations) {
        const model = byId.get(a.mention.modelId);
        if (!model) continue;
        const v = judgeFigure(model, a.figure, a.distanced);
        const claim: Claim = { figure: a.figure, mention: a.mention, distanced: a.distanced, verdict: v.verdict };
        if (v.matched) claim.matched = v.matched;
        claims.push(claim);
        if (v.verdict === 'matches' || v.verdict === 'unchecked') continue;
        const severity = severityOf(v.verdict, options);
        if (severity === 'off' || directives.isDisabled(v.verdict, a.figure.start)) continue;
        const finding: Finding = {
          ruleId: v.verdict,
          severity,
          message: messageFor(v.verdict, model, a.figure.text, v.matched, v.expected),
          start: a.figure.start,
          end: a.figure.end,
          modelId: model.id,
          model: model.name,
          text: a.figure.text,
        };
        if (v.expected) {
          finding.expected = v.expected;
          finding.sourceUrl = v.expected.source;
          // Fixes only where the rule says the fact base knows better; unverified figures have none.
          if (v.verdict !== 'unverified-figure') {
            const fix = rewriteFigure(text, a.raw, v.expected.value);
            if (fix) finding.fix = fix;
          }
        }
        if (v.matched) {
          finding.matched = v.matched;
          finding.sourceUrl ??= v.matched.source;
        }
        findings.push(finding);
      }
      linkRelated(findings, claims);
      return { findings, mentions, claims };
    },
  };
}

/** When one draft states two different figures of a kind for one model, each finding points at the other. */
function linkRelated(findings: Finding[], claims: Claim[]): void {
  if (findings.length === 0) return;
  const byModel = new Map<string, Claim[]>();
  for (const c of claims) {
    if (c.distanced) continue;
    const list = byModel.get(c.mention.modelId) ?? [];
    list.push(c);
    byModel.set(c.mention.modelId, list);
  }
  for (const f of findings) {
    const same = byModel.get(f.modelId) ?? [];
    const own = same.find((c) => c.figure.start === f.start);
    if (!own) continue;
    // Bounded: a draft that repeats a model thousands of times points at the first few others.
    const others = same.filter((c) => c.figure.start !== f.start && c.figure.value !== own.figure.value).slice(0, 5);
    if (others.length) f.related = others.map((c) => ({ start: c.figure.start, end: c.figure.end }));
  }
}
