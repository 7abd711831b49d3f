// How loud each rule is by default, and the setting a check uses for a rule.
import type { CheckOptions, RuleId, Severity, SeveritySetting } from './types';

export const DEFAULT_SEVERITY: Record<RuleId, Severity> = {
  'superseded-figure': 'warning',
  'contradicted-figure': 'warning',
  'kind-mismatch': 'warning',
  'unverified-figure': 'information',
  'release-date': 'warning',
  'misspelled-name': 'warning',
  'unknown-variant': 'warning',
  'availability-mismatch': 'warning',
  'compound-sizes': 'warning',
};

export function severityOf(rule: RuleId, options: CheckOptions | undefined): SeveritySetting {
  return options?.severities?.[rule] ?? DEFAULT_SEVERITY[rule];
}
