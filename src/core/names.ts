// Finds model names in text: a small regex finds where a name may start, a walk over a trie of every alias finds which.
import type { FactBase, ModelMention } from './types';

/** Characters a writer may put between a letter run and a number run, or between words. */
const SEP_CHARS = String.raw`\s\u00a0_\-\u2010\u2011\u2012\u2013`;
const SEP_OPTIONAL = `[${SEP_CHARS}]?`;
/** A size written straight after a name ("Llama 2 70B", "Qwen3-235B-A22B") is part of the name. */
const SIZE_SUFFIX = String.raw`(?:${SEP_OPTIONAL}\d+(?:\.\d+)?[BbMmTt](?:${SEP_OPTIONAL}[Aa]\d+(?:\.\d+)?[Bb])?(?![A-Za-z0-9]))?`;
/** Variant suffixes that do not change a model's size. */
const VARIANT_SUFFIX = String.raw`(?:[\-_ ](?:[Cc]hat|[Ii]nstruct|[Bb]ase|hf|HF|it|IT|[Ss]ft|SFT))*`;
/** A name starts where no letter or digit stands right before it, nor one before a joiner ("x-GPT", "v.Llama"). */
function startsToken(text: string, pos: number): boolean {
  if (pos === 0) return true;
  const before = text.charCodeAt(pos - 1);
  if (isAlphanumeric(before)) return false;
  return !(pos >= 2 && (before === 0x2d || before === 0x5f || before === 0x2e || before === 0x2010 || before === 0x2011) && isAlphanumeric(text.charCodeAt(pos - 2)));
}

function isAlphanumeric(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}
const RIGHT_BOUNDARY = String.raw`(?![A-Za-z0-9]|[.\-_\u2010\u2011][A-Za-z0-9])`;
const SEP_CHAR = new RegExp(`[${SEP_CHARS}]`);
// Built once: resolve() runs for every candidate name, and building a RegExp there cost more than the match.
const TRAILING_VARIANT = new RegExp(`${VARIANT_SUFFIX}$`);
const TRAILING_SIZE = new RegExp(`${SIZE_SUFFIX}$`);

// Module constants: a regex literal makes a new RegExp each time it is evaluated (normalizeName runs per lookup).
const SEPARATOR_RUNS = /[\s\u00a0_\-\u2010-\u2015]+/g;
const ALIAS_PARTS = /[A-Za-z]+|\d+(?:\.\d+)*|[\s\u00a0_\-\u2010-\u2015]+|[^A-Za-z\d\s\u00a0_\-\u2010-\u2015]/g;
const SEPARATOR_PART = /^[\s\u00a0_\-\u2010-\u2015]+$/;
const LETTERS = /^[A-Za-z]+$/;
const STARTS_WITH_LETTER = /^[A-Za-z]/;
const STARTS_WITH_DIGIT = /^\d/;

/** The key a name is looked up by: case and separators do not matter. */
export function normalizeName(name: string): string {
  return name.toLowerCase().replace(SEPARATOR_RUNS, '');
}

/** Splits an alias into the atoms the trie is built from. */
function atomsOf(alias: string): string[] {
  const atoms: string[] = [];
  const parts = alias.match(ALIAS_PARTS) ?? [];
  let prev: 'letter' | 'digit' | 'other' | undefined;
  let pendingSep = false;
  for (const part of parts) {
    if (SEPARATOR_PART.test(part)) {
      pendingSep = true;
      continue;
    }
    const kind = STARTS_WITH_LETTER.test(part) ? 'letter' : STARTS_WITH_DIGIT.test(part) ? 'digit' : 'other';
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

function isSeparator(code: number): boolean {
  // ASCII is nearly all of the text, so it skips the regex; the rest (NBSP, Unicode spaces, dashes) asks it.
  if (code < 128) return code === 32 || code === 45 || code === 95 || (code >= 9 && code <= 13);
  return code >= 0 && SEP_CHAR.test(String.fromCharCode(code));
}

/**
 * Whether `ending` would stop at pos having swallowed nothing, decided without running it for what
 * follows most names (a space and a word, punctuation): the character (or a space and the one after
 * it) can start no size, no variant and no run-on of the name.
 */
function endsPlainly(text: string, pos: number): boolean {
  const code = pos < text.length ? text.charCodeAt(pos) : -1;
  if (code === 32) {
    // A size or a variant after a space starts with a digit or one of "chat", "instruct", "base", "hf", "it", "sft".
    const next = (pos + 1 < text.length ? text.charCodeAt(pos + 1) : -1) | 0x20;
    return !((next >= 0x30 && next <= 0x39) || next === 0x63 || next === 0x69 || next === 0x62 || next === 0x68 || next === 0x73);
  }
  // Separators, ".", letters and digits, and everything outside ASCII are left to the regex.
  return code < 128 && !isSeparator(code) && code !== 46 && !((code >= 48 && code <= 57) || ((code | 0x20) >= 97 && (code | 0x20) <= 122));
}

/**
 * The code a character compares by, as under a regex's `i` flag without `u` (the prefilter's
 * rule, so both agree): its upper case if that is one code unit, but a non-ASCII character never
 * folds onto ASCII ("ſ" is not "s"). walk repeats its ASCII cases inline: in a short run's
 * unoptimised code a call per character costs more than they do.
 */
function foldCode(code: number): number {
  if (code < 128) return code >= 97 && code <= 122 ? code - 32 : code;
  let folded = FOLDED[code]!;
  if (folded === 0) {
    const upper = String.fromCharCode(code).toUpperCase();
    folded = upper.length !== 1 || upper.charCodeAt(0) < 128 ? code : upper.charCodeAt(0);
    FOLDED[code] = folded;
  }
  return folded;
}

/** Non-ASCII codes folded so far (0: not yet): upper-casing a one-character string costs more than the rest of a walk step. */
const FOLDED = new Uint16Array(65536);

/**
 * An atom as a regex literal. Non-ASCII characters go in a class: V8 (Node 20) merges
 * case-insensitive alternatives by first letter and then loses some, e.g. /(?:sa|sb|ſa)/i
 * does not match "ſa" while /(?:sa|sb|[ſ]a)/i does.
 */
function literalPattern(atom: string): string {
  return atom.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&').replace(/[\u0080-\uffff]/g, '[$&]');
}

interface TrieNode {
  children: Map<string, TrieNode>;
  terminal: boolean;
  /** Atoms on the longest path below, kept while aliases are added: a branch's order needs its children's depth before they are compiled. */
  depth: number;
}

/**
 * The prefilter's alternation of first atoms, longest first, factored by first character (as the
 * `i` flag folds it): at a position V8 then tries the one group that can match, not every atom.
 * Atoms in different groups never match at the same position, so the order within a group is the
 * only order that matters.
 */
function firstAtomsPattern(atoms: Iterable<string>, cut: ReadonlySet<string> = new Set()): string {
  const groups = new Map<number, string[]>();
  for (const atom of [...atoms].sort((a, b) => b.length - a.length)) {
    const key = foldCode(atom.charCodeAt(0));
    const group = groups.get(key);
    if (group) group.push(atom);
    else groups.set(key, [atom]);
  }
  // A letter atom is a whole letter run of its alias: in text it never runs on into another letter
  // (a prefix cut from a longer atom may).
  const rest = (atom: string): string => literalPattern(atom.slice(1)) + (/^[a-z]+$/.test(atom) && !cut.has(atom) ? '(?![A-Za-z])' : '');
  return [...groups.values()].map((group) => literalPattern(group[0]!.charAt(0)) + (group.length === 1 ? rest(group[0]!) : `(?:${group.map(rest).join('|')})`)).join('|');
}

/**
 * Prefilter patterns longer than this are made coarser: V8 throws "Regular expression too large" on the
 * first run of one of some 500 K characters (100,000 short aliases), or with one atom of 35,000 letters.
 */
const PREFILTER_BUDGET = 200_000;

/**
 * The prefilter's lookahead: the first atoms cut to 64 characters or, when that pattern is still over the
 * budget, to 8 or 3, and at last a class of their first characters. A coarser prefilter only lets the walk
 * try more positions; the walk accepts nothing the full one refuses, so the names found are the same.
 */
function prefilterPattern(atoms: string[]): string {
  for (const n of [64, 8, 3]) {
    const prefixes = new Set<string>();
    const cut = new Set<string>();
    for (const atom of atoms) {
      const prefix = atom.slice(0, n);
      prefixes.add(prefix);
      if (prefix !== atom) cut.add(prefix);
    }
    const pattern = firstAtomsPattern(prefixes, cut);
    if (pattern.length <= PREFILTER_BUDGET) return pattern;
  }
  return `[${[...new Set(atoms.map((a) => a.charAt(0)))].join('').replace(/[\\\]^[-]/g, '\\$&')}]`;
}

/** One edge of the compiled trie: an atom to consume, then the node it leads to. */
interface Step {
  atom: string;
  kind: 'sep' | 'optionalSep' | 'chars';
  /** Folded char codes of a 'chars' atom. */
  codes: number[];
  /** codes[0] for a 'chars' atom, -1 for a separator: the walk tells both apart by this one load. */
  first: number;
  /** The node the step leads to; compiled into `next` when a walk first takes the step. */
  node: TrieNode;
  next: Branch | undefined;
}

/** A trie node with its edges in the order they are tried. */
interface Branch {
  steps: Step[];
  /** The steps worth trying at a character (its folded code): those that can start with it, in order. */
  byCode: Map<number, Step[]> | undefined;
  terminal: boolean;
}

/**
 * A node's branch, its children left to compile when a walk first reaches them: a run compiles
 * only the part of the trie its text walks (none for an empty draft), not all of it at start-up.
 */
function compileBranch(node: TrieNode): Branch {
  const steps: Step[] = [];
  for (const [atom, child] of node.children) {
    const kind = atom === '<sep>' ? 'sep' : atom === '<sep?>' ? 'optionalSep' : 'chars';
    const codes: number[] = [];
    if (kind === 'chars') for (let i = 0; i < atom.length; i++) codes.push(foldCode(atom.charCodeAt(i)));
    steps.push({ atom, kind, codes, first: kind === 'chars' ? codes[0]! : -1, node: child, next: undefined });
  }
  // Deeper subtrees first, then longer atoms (the pseudo-atoms "<sep>" and "<sep?>" count by
  // their spelling), so the first accepted path is the longest name ("Llama 3.1" over
  // "Llama 3"). This is the order of the single regex this walk replaced; results are identical.
  steps.sort((a, b) => b.node.depth - a.node.depth || b.atom.length - a.atom.length);
  // byCode is set here, if only to undefined, so that branches with and without it share one
  // hidden class and the walk's property loads on them stay monomorphic.
  return { steps, terminal: node.terminal, byCode: undefined };
}

/** The branch a step leads to, compiled the first time a walk takes the step. */
function branchAfter(step: Step): Branch {
  return step.next ?? (step.next = compileBranch(step.node));
}

/** Branches with fewer steps than this are tried whole: picking their steps by code would cost more than trying them. */
const BY_CODE_MIN = 3;

/** A big branch's steps that can start at a character: separators always (they may be empty), chars by their first code. */
function stepsAt(branch: Branch, folded: number): Step[] {
  // byCode is read once: in unoptimised code each property load is a call.
  let byCode = branch.byCode;
  if (byCode === undefined) byCode = branch.byCode = new Map();
  let steps = byCode.get(folded);
  if (!steps) {
    steps = startingWith(branch.steps, folded);
    byCode.set(folded, steps);
  }
  return steps;
}

// Apart from stepsAt: a closure there over `folded` made every call allocate a context for it (1.6 MB per 1 MB check).
function startingWith(steps: Step[], folded: number): Step[] {
  return steps.filter((s) => s.kind !== 'chars' || s.codes[0] === folded);
}

interface AliasEntry {
  modelId: string;
  /** Letter-only aliases ("BLOOM", "Spud") must match case exactly. */
  exact?: string;
}

/** Names resolved from their matched text, remembered up to this many: a draft names the same models again and again. */
const RESOLVED_LIMIT = 4096;

/** Matches model names in text, longest first, on token boundaries. */
export class NameMatcher {
  /** Finds positions where some alias's first atom starts on a token boundary (an empty match there). */
  private readonly starts: RegExp | undefined;
  private readonly root: Branch | undefined;
  /** Decides whether a name may end here, swallowing a size and variant suffix; sticky. */
  private readonly ending = new RegExp(SIZE_SUFFIX + VARIANT_SUFFIX + RIGHT_BOUNDARY, 'iy');
  private readonly byKey = new Map<string, AliasEntry[]>();
  private readonly resolved = new Map<string, { modelId: string; length: number; sized: boolean } | null>();

  constructor(base: FactBase) {
    const root: TrieNode = { children: new Map(), terminal: false, depth: 0 };
    for (const model of base.models) {
      for (const alias of [model.name, ...model.aliases]) {
        const trimmed = alias.trim();
        if (!trimmed) continue;
        const key = normalizeName(trimmed);
        const entries = this.byKey.get(key) ?? [];
        const exact = LETTERS.test(trimmed) ? trimmed : undefined;
        if (!entries.some((e) => e.modelId === model.id && e.exact === exact)) entries.push({ modelId: model.id, exact });
        this.byKey.set(key, entries);
        let node = root;
        const atoms = atomsOf(trimmed);
        for (let i = 0; i < atoms.length; i++) {
          const atom = atoms[i]!;
          // The node heads a path of the atoms left: the longest path below it is at least that long.
          if (node.depth < atoms.length - i) node.depth = atoms.length - i;
          const k = LETTERS.test(atom) ? atom.toLowerCase() : atom;
          let next = node.children.get(k);
          if (!next) {
            next = { children: new Map(), terminal: false, depth: 0 };
            node.children.set(k, next);
          }
          node = next;
        }
        node.terminal = true;
      }
    }
    if (root.children.size === 0) return;
    this.root = compileBranch(root);
    // No leading class of first characters: with the alternation grouped by them it only cost time (measured).
    // The pattern consumes the character before a name and the atoms are a lookahead, so `test` leaves the name's
    // start in lastIndex: no match array per candidate. A consumed character, not a lookbehind: V8 then looks at two
    // characters at once before it enters the alternation, and the scan takes ~1/3 less time (startsToken reads
    // the rest of the boundary).
    this.starts = new RegExp(`[^A-Za-z0-9](?=${prefilterPattern([...root.children.keys()])})`, 'gi');
  }

  /** Finds model mentions in text[from, to). */
  find(text: string, from = 0, to = text.length): ModelMention[] {
    const out: ModelMention[] = [];
    const re = this.starts;
    const root = this.root;
    if (!re || !root) return out;
    // The first position has no character of the search before it for the pattern to consume: the walk tries it
    // (the walk accepts only what the pattern lets through). The pattern finds the names starting after it.
    let start = from;
    let candidate = from < to && startsToken(text, from);
    re.lastIndex = from;
    for (;;) {
      if (candidate) {
        const end = this.walk(root, text, start, text.length);
        const matched = end > start ? text.slice(start, end) : '';
        const resolved = matched ? this.resolve(matched) : undefined;
        if (resolved) {
          out.push({ start, end: start + resolved.length, text: matched.slice(0, resolved.length), modelId: resolved.modelId, sizedName: resolved.sized });
          // The next name starts at `end` or later: the pattern consumes the character before it.
          re.lastIndex = end - 1;
        }
        // Otherwise a name that does not resolve may still hide a shorter one starting later inside it: the pattern
        // goes on from `start`, so the next name starts after it.
      }
      if (!re.test(text)) break;
      start = re.lastIndex;
      if (start >= to) break;
      candidate = startsToken(text, start);
    }
    return out;
  }

  /**
   * Where the first accepted name starting at pos ends, or -1: depth-first, like a regex
   * alternation. It cannot blow up: an atom after a separator never starts with a separator
   * char, so of an optional separator's two branches one dies at its first character, and
   * each trie node is entered with a live position at most once per sibling atom that matches.
   * `length` is text.length, passed down: a short run's unoptimised code pays a call per property load.
   */
  private walk(branch: Branch, text: string, pos: number, length: number): number {
    const code = pos < length ? text.charCodeAt(pos) : -1;
    const folded = code < 0 ? -1 : code >= 97 && code <= 122 ? code - 32 : code < 128 ? code : foldCode(code);
    let steps = branch.steps;
    let n = steps.length;
    // Most branches have a few steps: trying them all costs less than a call to pick some.
    if (n >= BY_CODE_MIN) {
      steps = stepsAt(branch, folded);
      n = steps.length;
    }
    for (let s = 0; s < n; s++) {
      const step = steps[s]!;
      const first = step.first;
      let end = -1;
      if (first >= 0) {
        if (first !== folded) continue;
        // The atom's match is inlined: in unoptimised code a call per step cost more than the loop.
        const codes = step.codes;
        const m = codes.length;
        if (pos + m > length) continue;
        let i = 1;
        while (i < m) {
          const c = text.charCodeAt(pos + i);
          if ((c >= 97 && c <= 122 ? c - 32 : c < 128 ? c : foldCode(c)) !== codes[i]) break;
          i++;
        }
        if (i < m) continue;
        end = this.walk(step.next ?? branchAfter(step), text, pos + m, length);
      } else if (step.kind === 'sep') {
        // Greedy, with no shorter retry: the atom after a separator never starts with a
        // separator char, so giving back separators can never let it match.
        let p = pos;
        while (p < length && isSeparator(text.charCodeAt(p))) p++;
        if (p > pos) end = this.walk(step.next ?? branchAfter(step), text, p, length);
      } else {
        const next = step.next ?? branchAfter(step);
        if (isSeparator(code)) end = this.walk(next, text, pos + 1, length);
        if (end < 0) end = this.walk(next, text, pos, length);
      }
      if (end >= 0) return end;
    }
    if (branch.terminal) {
      if (endsPlainly(text, pos)) return pos;
      this.ending.lastIndex = pos;
      if (this.ending.test(text)) return this.ending.lastIndex;
    }
    return -1;
  }

  /** Which model a matched string names; the size or variant suffix is stripped if needed. */
  private resolve(matched: string): { modelId: string; length: number; sized: boolean } | undefined {
    const known = this.resolved.get(matched);
    if (known !== undefined) return known ?? undefined;
    if (this.resolved.size >= RESOLVED_LIMIT) this.resolved.clear();
    const found = this.resolveAfresh(matched);
    this.resolved.set(matched, found ?? null);
    return found;
  }

  private resolveAfresh(matched: string): { modelId: string; length: number; sized: boolean } | undefined {
    const lookup = (s: string): string | undefined => {
      const entries = this.byKey.get(normalizeName(s));
      if (!entries) return undefined;
      const hit = entries.find((e) => (e.exact === undefined ? true : e.exact === s));
      return hit?.modelId;
    };
    const direct = lookup(matched);
    if (direct) return { modelId: direct, length: matched.length, sized: false };
    const withoutVariant = matched.replace(TRAILING_VARIANT, '');
    const v = lookup(withoutVariant);
    if (v) return { modelId: v, length: matched.length, sized: false };
    const bare = withoutVariant.replace(TRAILING_SIZE, '');
    if (bare !== withoutVariant) {
      const b = lookup(bare);
      if (b) return { modelId: b, length: matched.length, sized: true };
    }
    return undefined;
  }
}
