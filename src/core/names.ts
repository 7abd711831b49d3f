// Finds model names in text: one trie-shaped regex over every name and alias in the fact base.
import type { FactBase, ModelMention } from './types';

/** Characters a writer may put between a letter run and a number run, or between words. */
const SEP_CHARS = String.raw`\s\u00a0_\-\u2010\u2011\u2012\u2013`;
const SEP_OPTIONAL = `[${SEP_CHARS}]?`;
const SEP_REQUIRED = `[${SEP_CHARS}]`;
/** A size written straight after a name ("Llama 2 70B", "Qwen3-235B-A22B") is part of the name. */
const SIZE_SUFFIX = String.raw`(?:${SEP_OPTIONAL}\d+(?:\.\d+)?[BbMmTt](?:${SEP_OPTIONAL}[Aa]\d+(?:\.\d+)?[Bb])?(?![A-Za-z0-9]))?`;
/** Variant suffixes that do not change a model's size. */
const VARIANT_SUFFIX = String.raw`(?:[\-_ ](?:[Cc]hat|[Ii]nstruct|[Bb]ase|hf|HF|it|IT|[Ss]ft|SFT))*`;
const LEFT_BOUNDARY = String.raw`(?<![A-Za-z0-9]|[A-Za-z0-9][\-_.\u2010\u2011])`;
const RIGHT_BOUNDARY = String.raw`(?![A-Za-z0-9]|[.\-_\u2010\u2011][A-Za-z0-9])`;

/** The key a name is looked up by: case and separators do not matter. */
export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[\s\u00a0_\-\u2010-\u2015]+/g, '');
}

/** Splits an alias into the atoms the pattern is built from. */
function atomsOf(alias: string): string[] {
  const atoms: string[] = [];
  const parts = alias.match(/[A-Za-z]+|\d+(?:\.\d+)*|[\s\u00a0_\-\u2010-\u2015]+|[^A-Za-z\d\s\u00a0_\-\u2010-\u2015]/g) ?? [];
  let prev: 'letter' | 'digit' | 'other' | undefined;
  let pendingSep = false;
  for (const part of parts) {
    if (/^[\s\u00a0_\-\u2010-\u2015]+$/.test(part)) {
      pendingSep = true;
      continue;
    }
    const kind = /^[A-Za-z]/.test(part) ? 'letter' : /^\d/.test(part) ? 'digit' : 'other';
    // Words need their separator ("Claude Opus"); a letter run and a number run do not ("GPT5.5").
    if (pendingSep && prev) atoms.push(prev === 'letter' && kind === 'letter' ? '<sep>' : '<sep?>');
    else if (prev && prev !== kind && kind !== 'other' && prev !== 'other') atoms.push('<sep?>');
    pendingSep = false;
    atoms.push(part);
    prev = kind;
  }
  // Two separators in a row collapse into the stricter one.
  return atoms.filter((a, i) => !(a.startsWith('<sep') && atoms[i + 1]?.startsWith('<sep')));
}

function atomPattern(atom: string): string {
  if (atom === '<sep>') return `${SEP_REQUIRED}+`;
  if (atom === '<sep?>') return SEP_OPTIONAL;
  return atom.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

interface TrieNode {
  children: Map<string, TrieNode>;
  terminal: boolean;
}

function patternOf(node: TrieNode): string {
  const alternatives: string[] = [];
  // Longer continuations first so the regex prefers the longest name ("Llama 3.1" over "Llama 3").
  const entries = [...node.children.entries()].sort((a, b) => depthOf(b[1]) - depthOf(a[1]) || b[0].length - a[0].length);
  for (const [atom, child] of entries) alternatives.push(atomPattern(atom.toLowerCase() === atom ? atom : atom) + patternOf(child));
  if (node.terminal) alternatives.push(`${SIZE_SUFFIX}${VARIANT_SUFFIX}${RIGHT_BOUNDARY}`);
  if (alternatives.length === 1) return alternatives[0] as string;
  return `(?:${alternatives.join('|')})`;
}

function depthOf(node: TrieNode): number {
  let max = 0;
  for (const child of node.children.values()) max = Math.max(max, 1 + depthOf(child));
  return max;
}

interface AliasEntry {
  modelId: string;
  /** Letter-only aliases ("BLOOM", "Spud") must match case exactly. */
  exact?: string;
}

/** Matches model names in text, longest first, on token boundaries. */
export class NameMatcher {
  private readonly regex: RegExp | undefined;
  private readonly byKey = new Map<string, AliasEntry[]>();

  constructor(base: FactBase) {
    const root: TrieNode = { children: new Map(), terminal: false };
    for (const model of base.models) {
      for (const alias of [model.name, ...model.aliases]) {
        const trimmed = alias.trim();
        if (!trimmed) continue;
        const key = normalizeName(trimmed);
        const entries = this.byKey.get(key) ?? [];
        const exact = /^[A-Za-z]+$/.test(trimmed) ? trimmed : undefined;
        if (!entries.some((e) => e.modelId === model.id && e.exact === exact)) entries.push({ modelId: model.id, exact });
        this.byKey.set(key, entries);
        let node = root;
        for (const atom of atomsOf(trimmed)) {
          const k = /^[A-Za-z]+$/.test(atom) ? atom.toLowerCase() : atom;
          let next = node.children.get(k);
          if (!next) {
            next = { children: new Map(), terminal: false };
            node.children.set(k, next);
          }
          node = next;
        }
        node.terminal = true;
      }
    }
    // No name starts with whitespace; saying so first lets V8 skip the blanked-out stretches of a
    // masked draft (code, HTML) instead of trying every name at every space.
    if (root.children.size > 0) this.regex = new RegExp(String.raw`(?=\S)` + LEFT_BOUNDARY + patternOf(root), 'gi');
  }

  /** Finds model mentions in text[from, to). */
  find(text: string, from = 0, to = text.length): ModelMention[] {
    const out: ModelMention[] = [];
    const re = this.regex;
    if (!re) return out;
    re.lastIndex = from;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      if (m.index >= to) break;
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      const resolved = this.resolve(m[0]);
      if (resolved) out.push({ start: m.index, end: m.index + resolved.length, text: m[0].slice(0, resolved.length), modelId: resolved.modelId, sizedName: resolved.sized });
      else if (m[0].length > 1) re.lastIndex = m.index + 1;
    }
    return out;
  }

  /** Which model a matched string names; the size or variant suffix is stripped if needed. */
  private resolve(matched: string): { modelId: string; length: number; sized: boolean } | undefined {
    const lookup = (s: string): string | undefined => {
      const entries = this.byKey.get(normalizeName(s));
      if (!entries) return undefined;
      const hit = entries.find((e) => (e.exact === undefined ? true : e.exact === s));
      return hit?.modelId;
    };
    const direct = lookup(matched);
    if (direct) return { modelId: direct, length: matched.length, sized: false };
    const withoutVariant = matched.replace(new RegExp(`${VARIANT_SUFFIX}$`), '');
    const v = lookup(withoutVariant);
    if (v) return { modelId: v, length: matched.length, sized: false };
    const bare = withoutVariant.replace(new RegExp(`${SIZE_SUFFIX}$`), '');
    if (bare !== withoutVariant) {
      const b = lookup(bare);
      if (b) return { modelId: b, length: matched.length, sized: true };
    }
    return undefined;
  }
}
