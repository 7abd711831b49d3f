// Reads markdownlint-style disable comments and answers "is this rule off at this offset?".
import { RULE_IDS, type RuleId } from './types';
import { lineStarts } from './prose';
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
  return {
    isDisabled(rule, offset) {
      const line = lineOf(starts, offset);
      return ranges.some((r) => line >= r.fromLine && line < r.toLine && (r.rules === 'all' || r.rules.includes(rule)));
    },
  };
}
