// Checks a draft against a fact base: blocks → prose, mentions and figures → claims → findings with fixes.
import { NameMatcher, normalizeName } from './names';
import { createSession, type CheckSession } from './session';
import type { CheckOptions, CheckResult, FactBase, ModelFact } from './types';

export { DEFAULT_SEVERITY } from './severities';

export interface Checker {
  readonly base: FactBase;
  /** Checks a whole draft from scratch. */
  check(text: string, options?: CheckOptions): CheckResult;
  /** A session for one draft that is checked again and again as it is edited (the editor's path). */
  session(): CheckSession;
  model(id: string): ModelFact | undefined;
  /** Finds a model by id, name or alias, ignoring case and separators. */
  lookup(nameOrId: string): ModelFact | undefined;
}

/** Builds a checker; the name index is built once per fact base. */
export function createChecker(base: FactBase): Checker {
  const matcher = new NameMatcher(base);
  const byId = new Map(base.models.map((m) => [m.id, m]));
  const byName = new Map<string, ModelFact>();
  for (const m of base.models) for (const n of [m.id, m.name, ...m.aliases]) byName.set(normalizeName(n), m);
  // The model a sized name's bare part names ("Llama 3" in "Llama 3 13B"), for checking the size against the family.
  const familyOf = (name: string): string | undefined => byName.get(normalizeName(name))?.id;
  return {
    base,
    model: (id) => byId.get(id),
    lookup: (n) => byId.get(n) ?? byName.get(normalizeName(n)),
    check: (text, options) => createSession(matcher, byId, familyOf, false).check(text, options),
    session: () => createSession(matcher, byId, familyOf),
  };
}
