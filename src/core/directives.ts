// Reads markdownlint-style disable comments and answers "is this rule off at this offset?".
import { RULE_IDS, type RuleId } from './types';
import { lineStarts } from './positions';
import { lineIndexOf as lineOf } from './positions';

const DIRECTIVE_RE = /<!--\s*factlint-(disable-next-line|disable-line|disable|enable)((?:\s+[a-z-]+)*)\s*-->/g;

interface Range {
  fromLine: number;
  /** Exclusive. */
  toLine: number;
  rules: RuleId[] | 'all';
}

export interface Directives {
  isDisabled(rule: RuleId, offset: number): boolean;
}

function rulesOf(list: string): RuleId[] | 'all' {
  const names = list.trim().split(/\s+/).filter(Boolean);
  if (names.length === 0) return 'all';
  return names.filter((n): n is RuleId => (RULE_IDS as readonly string[]).includes(n));
}

/** Collects the disable/enable comments of a draft. */
export function readDirectives(text: string): Directives {
  if (!text.includes('factlint-')) return { isDisabled: () => false };
  const starts = lineStarts(text);
  const ranges: Range[] = [];
  const open = new Map<string, number>();
  let m: RegExpExecArray | null;
  DIRECTIVE_RE.lastIndex = 0;
  while ((m = DIRECTIVE_RE.exec(text)) !== null) {
    const line = lineOf(starts, m.index);
    const rules = rulesOf(m[2] ?? '');
    const key = rules === 'all' ? '*' : rules.join(' ');
    switch (m[1]) {
      case 'disable-next-line':
        ranges.push({ fromLine: line + 1, toLine: line + 2, rules });
        break;
      case 'disable-line':
        ranges.push({ fromLine: line, toLine: line + 1, rules });
        break;
      case 'disable':
        if (!open.has(key)) open.set(key, line);
        break;
      case 'enable': {
        if (key === '*') {
          for (const [k, from] of open) ranges.push({ fromLine: from, toLine: line + 1, rules: k === '*' ? 'all' : (k.split(' ') as RuleId[]) });
          open.clear();
        } else if (open.has(key)) {
          ranges.push({ fromLine: open.get(key) as number, toLine: line + 1, rules });
          open.delete(key);
        }
        break;
      }
    }
  }
  for (const [k, from] of open) ranges.push({ fromLine: from, toLine: Number.MAX_SAFE_INTEGER, rules: k === '*' ? 'all' : (k.split(' ') as RuleId[]) });
  // How many ranges cover each line, per rule (difference arrays, summed once): a draft with a
  // directive on every line asks once per finding and must not walk every range each time.
  const covered = new Map<RuleId, Int32Array>();
  for (const id of RULE_IDS) covered.set(id, new Int32Array(starts.length + 1));
  for (const r of ranges) {
    if (r.fromLine >= starts.length || r.toLine <= r.fromLine) continue;
    for (const id of r.rules === 'all' ? RULE_IDS : r.rules) {
      const counts = covered.get(id)!;
      counts[r.fromLine]!++;
      counts[Math.min(r.toLine, starts.length)]!--;
    }
  }
  for (const counts of covered.values()) for (let line = 1; line < counts.length; line++) counts[line]! += counts[line - 1]!;
  return {
    isDisabled(rule, offset) {
      return (covered.get(rule)?.[lineOf(starts, offset)] ?? 0) > 0;
    },
  };
}
