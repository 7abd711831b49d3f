// Checks successive versions of one draft, re-reading only the blocks an edit touched.
import type { HeadingOutline } from './associate';
import { judgeBlock, readBlock, type BlockJudgement, type BlockReading, type JudgedClaim } from './blockCheck';
import { hitFindings, readBlockHits, type BlockHit, type RuleFacts } from './blockRules';
import { frontMatterEnd, splitBlockBounds, splitBlocks, type Block } from './blocks';
import { readDirectives, type Directives } from './directives';
import type { NameMatcher } from './names';
import { severityOf } from './severities';
import { countStartingBefore } from './spanSearch';
import type { CheckOptions, CheckResult, Claim, Finding, ModelFact, ModelMention, Span } from './types';

export interface CheckSession {
  /** Checks `text`, reusing what the previous call read where the text is unchanged. */
  check(text: string, options?: CheckOptions): CheckResult;
}

interface BlockState extends Span {
  skip: boolean;
  text: string;
  reading?: BlockReading;
  judged?: { key: string } & BlockJudgement;
  /** The other rules' hits, valid while the block's claims are the same. */
  hits?: { claims: JudgedClaim[]; hits: BlockHit[] };
  placed?: Placed;
}

/** A block's mentions and claims in absolute offsets, valid while the block stays where it was placed. */
interface Placed {
  at: number;
  outside: Outside;
  judged: JudgedClaim[];
  mentions: ModelMention[];
  claims: Claim[];
}

const COMPARE_STEP = 4096;
/** Every disable comment holds this; a draft without it has none. */
const DIRECTIVE_MARK = 'factlint-';
const NO_DIRECTIVES: Directives = { isDisabled: () => false };

interface Traits {
  matter: number;
  directives: boolean;
}
/** One shared empty list, so a block without claims stays placed from one check to the next. */
const NO_CLAIMS: JudgedClaim[] = [];
const NO_MENTIONS: ModelMention[] = [];

/**
 * Markdown reads a lone CR as a line break, as markdown-it does by turning it into LF; so does the
 * check, before anything reads lines. One character for one keeps every offset true to the writer's text.
 */
function withLineFeeds(text: string): string {
  for (let i = text.indexOf('\r'); i !== -1; i = text.indexOf('\r', i + 1)) if (text.charCodeAt(i + 1) !== 0x0a) return text.replace(/\r(?!\n)/g, '\n');
  return text;
}

function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  // Comparing slices runs natively; only the last step is walked character by character.
  while (i + COMPARE_STEP <= n && a.slice(i, i + COMPARE_STEP) === b.slice(i, i + COMPARE_STEP)) i += COMPARE_STEP;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

function commonSuffix(a: string, b: string, max: number): number {
  let i = 0;
  while (i + COMPARE_STEP <= max && a.slice(a.length - i - COMPARE_STEP, a.length - i) === b.slice(b.length - i - COMPARE_STEP, b.length - i)) i += COMPARE_STEP;
  while (i < max && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  return i;
}

/** The index of the block that starts exactly at `start` (blocks are sorted), or -1. */
function blockStartingAt(blocks: BlockState[], start: number, from: number): number {
  const i = countStartingBefore(blocks, start);
  return i >= from && i < blocks.length && blocks[i]!.start === start ? i : -1;
}

function shift<T extends Span>(span: T, by: number): T {
  return by === 0 ? span : { ...span, start: span.start + by, end: span.end + by };
}

/**
 * What a block's claims may point to outside it: the mentions of the headings (nearest first), then the context,
 * as `outsideList` lists them; kept unflattened, so a block under a heading of thousands of names neither copies
 * nor holds them.
 */
interface Outside {
  headings: HeadingOutline[];
  context: ModelMention | undefined;
}

/** The mention at index `i` of `outsideList(outside.headings, outside.context)`. */
function outsideAt(outside: Outside, i: number): ModelMention | undefined {
  for (const h of outside.headings) {
    if (i < h.mentions.length) return h.mentions[i];
    i -= h.mentions.length;
  }
  return i === 0 ? outside.context : undefined;
}

function mentionsOfHeadings(headings: HeadingOutline[]): ModelMention[] {
  const out: ModelMention[] = [];
  for (const h of headings) for (const m of h.mentions) out.push(m);
  return out;
}

/** Whether two outsides list the same mentions; the last pair of heading lists compared is remembered (blocks of a section share theirs). */
function sameOutside(a: Outside, b: Outside, memo: { a?: HeadingOutline[]; b?: HeadingOutline[]; same?: boolean }): boolean {
  if (a === b) return true;
  if (a.context !== b.context) return false;
  if (a.headings === b.headings) return true;
  if (memo.a !== a.headings || memo.b !== b.headings) {
    const x = mentionsOfHeadings(a.headings);
    const y = mentionsOfHeadings(b.headings);
    let same = x.length === y.length;
    for (let i = 0; same && i < x.length; i++) if (x[i] !== y[i]) same = false;
    memo.a = a.headings;
    memo.b = b.headings;
    memo.same = same;
  }
  return memo.same!;
}

/**
 * Starts a session over one draft; each check reuses the blocks the previous one read. A one-shot
 * session (`keep` false) reads each block as it reaches it and keeps nothing of it but what the result
 * holds, so a 10 MB draft never holds every block's prose at once.
 */
export function createSession(matcher: NameMatcher, models: Map<string, ModelFact>, familyOf: (name: string) => string | undefined, keep = true): CheckSession {
  let previous: ({ text: string; blocks: BlockState[] } & Traits) | undefined;
  /** What makes a draft be split afresh (where its front matter ends), and whether it has disable comments. */
  const traitsOf = (text: string): Traits => ({
    matter: text.startsWith('---') || text.startsWith('\ufeff---') ? frontMatterEnd(text) : 0,
    directives: text.includes(DIRECTIVE_MARK),
  });
  let traits: Traits = { matter: 0, directives: false };
  const headingIds = new HeadingIds();
  const facts: RuleFacts = { models, lookup: (name) => models.get(familyOf(name) ?? '') };

  const fresh = (text: string, from: number, to: number, stop?: (start: number) => boolean): BlockState[] => splitBlocks(text, from, to, stop).map((b) => stateOf(text, b));

  /** The blocks of `text`, keeping every block of the previous text that the edit left alone. */
  const blocksOf = (text: string): BlockState[] => {
    const afresh = (): BlockState[] => {
      traits = traitsOf(text);
      return fresh(text, 0, text.length);
    };
    if (!previous) return afresh();
    const old = previous.text;
    const blocks = previous.blocks;
    traits = { matter: previous.matter, directives: previous.directives };
    if (old === text) return blocks;
    const p = commonPrefix(old, text);
    const s = commonSuffix(old, text, Math.min(old.length, text.length) - p);
    const delta = text.length - old.length;
    const changedEnd = text.length - s;
    // Front matter exists only at the top: such drafts are split afresh unless the edit left it as it was.
    const matter = previous.matter;
    if ((matter > 0 || text.startsWith('---') || text.startsWith('\ufeff---')) && !(p >= matter && frontMatterEnd(text) === matter)) return afresh();
    // A disable comment can only appear where the text changed.
    traits.directives = previous.directives ? text.includes(DIRECTIVE_MARK) : text.slice(Math.max(0, p - DIRECTIVE_MARK.length), Math.min(text.length, changedEnd + DIRECTIVE_MARK.length)).includes(DIRECTIVE_MARK);
    // Re-split from the last block that starts before the edit: an edit can join it to the next.
    const first = Math.max(0, countStartingBefore(blocks, p) - 1);
    const from = first < blocks.length && first > 0 ? blocks[first]!.start : 0;
    const startFrom = first > 0 ? first : 0;
    let resume = -1;
    const middle = fresh(text, from, text.length, (start) => {
      if (start < changedEnd) return false;
      const i = blockStartingAt(blocks, start - delta, startFrom);
      if (i < 0) return false;
      resume = i;
      return true;
    });
    // A re-split block whose text did not change keeps what was read from it.
    const byText = new Map<string, BlockState>();
    for (let i = startFrom; i < (resume < 0 ? blocks.length : resume); i++) byText.set(blocks[i]!.text, blocks[i]!);
    for (const b of middle) {
      const was = byText.get(b.text);
      if (was) {
        b.reading = was.reading;
        b.judged = was.judged;
        b.hits = was.hits;
      }
    }
    const out = blocks.slice(0, startFrom);
    for (const b of middle) out.push(b);
    if (resume >= 0) {
      // The session owns its block states: blocks after the edit just move.
      for (let i = resume; i < blocks.length; i++) {
        const b = blocks[i]!;
        b.start += delta;
        b.end += delta;
        out.push(b);
      }
    }
    return out;
  };

  return {
    check(written, options) {
      const text = withLineFeeds(written);
      // A one-shot check holds no block state past its block: every object alive at a collection is copied by it.
      const kept = keep ? blocksOf(text) : undefined;
      if (kept) previous = { text, blocks: kept, ...traits };
      else traits = traitsOf(text);
      const bounds = kept ? undefined : splitBlockBounds(text);
      const count = kept ? kept.length : bounds!.length / 3;
      const mentions: ModelMention[] = [];
      const claims: Claim[] = [];
      // The claims that may be findings, noted as each block is placed: the rest of a block's judged claims and its
      // placing then die young. The findings themselves are made at the end, so they (the result) do as well.
      const pending: Pending = { judged: [], claims: [], at: [] };
      const hits: BlockHit[] = [];
      // The headings the next block sits under (outermost first) and the last model named under the nearest.
      let stack: HeadingOutline[] = [];
      let headings: HeadingOutline[] = [];
      let context: ModelMention | undefined;
      // What the surroundings were when a block was judged; worked out only when a kept block is judged
      // after the headings or the context changed (a one-shot check never compares it).
      let key: string | undefined = '|';
      let outside: Outside = { headings, context };
      const compared = {};
      for (let i = 0; i < count; i++) {
        // A one-shot check keeps no state per block: it reads, judges and places each block straight from its bounds.
        const b = kept?.[i];
        if (b ? b.skip : bounds![3 * i + 2] === 1) continue;
        const at = b ? b.start : bounds![3 * i]!;
        const blockText = b ? b.text : text.slice(at, bounds![3 * i + 1]);
        const r = b ? (b.reading ??= readBlock(blockText, matcher)) : readBlock(blockText, matcher);
        let judged = NO_CLAIMS;
        let shortNames = NO_MENTIONS;
        if (r.hasClaims) {
          // Association reads the surroundings only for the names they hold.
          if (!b) ({ claims: judged, shortNames } = judgeBlock(blockText, r, headings, context, models, familyOf));
          else {
            key ??= surroundingsKey(headings, context, headingIds);
            if (!b.judged || b.judged.key !== key) {
              const j = judgeBlock(blockText, r, headings, context, models, familyOf);
              b.judged = { key, claims: j.claims, shortNames: j.shortNames };
            }
            judged = b.judged.claims;
            shortNames = b.judged.shortNames;
          }
        }
        let blockHits: BlockHit[];
        if (!b) blockHits = readBlockHits(r, judged, facts, headings);
        else {
          if (!b.hits || b.hits.claims !== judged) b.hits = { claims: judged, hits: readBlockHits(r, judged, facts, headings) };
          blockHits = b.hits.hits;
        }
        for (let k = 0; k < blockHits.length; k++) {
          const h = blockHits[k]!;
          hits.push({ ...h, start: h.start + at, end: h.end + at });
        }
        let placedMentions: ModelMention[];
        if (!b && judged.length === 0) {
          // Nothing reads a claimless block's placing again: its mentions are moved, and no Placed is made.
          placedMentions = placeMentions(r, shortNames, at, true);
          for (let k = 0; k < placedMentions.length; k++) mentions.push(placedMentions[k]!);
        } else {
          let placed = b?.placed;
          if (!placed || placed.at !== at || placed.judged !== judged || !sameOutside(placed.outside, outside, compared)) {
            placed = place(at, r, judged, shortNames, outside, !b);
            if (b) b.placed = placed;
          }
          placedMentions = placed.mentions;
          for (let k = 0; k < placedMentions.length; k++) mentions.push(placedMentions[k]!);
          for (let k = 0; k < placed.claims.length; k++) claims.push(placed.claims[k]!);
          if (judged.length) notePending(placed, pending);
        }
        const contextBefore = context;
        const blockHeadings = r.headings;
        if (blockHeadings.length) {
          stack = underHeadings(stack, blockHeadings, placedMentions);
          headings = nearestFirst(stack);
        }
        if (r.context !== undefined) context = r.context >= 0 ? placedMentions[r.context] : undefined;
        if (blockHeadings.length || context !== contextBefore) {
          key = undefined;
          outside = { headings, context };
        }
      }
      const directives = traits.directives ? readDirectives(text) : NO_DIRECTIVES;
      const { findings, values } = findingsOf(directives, pending, options);
      linkRelated(findings, values, claims);
      if (hits.length) {
        for (const f of hitFindings(hits, mentions, facts, directives, options)) findings.push(f);
        findings.sort((a, b) => a.start - b.start);
      }
      return { findings, mentions, claims };
    },
  };
}

/** The headings (outermost first) after a block's own `headings`, which index its placed mentions; a new list, as `stack` may be held. */
function underHeadings(stack: HeadingOutline[], headings: BlockReading['headings'], placed: ModelMention[]): HeadingOutline[] {
  const out = stack.slice();
  for (let k = 0; k < headings.length; k++) {
    const h = headings[k]!;
    // A heading closes every section at its level or deeper.
    while (out.length && out[out.length - 1]!.level >= h.level) out.pop();
    const mentions: ModelMention[] = [];
    for (let i = 0; i < h.mentions.length; i++) mentions.push(placed[h.mentions[i]!]!);
    let compounds: HeadingOutline['compounds'];
    if (h.compounds) {
      compounds = [];
      for (const c of h.compounds) compounds.push({ mention: placed[c.mention]!, versions: c.versions });
    }
    out.push({ level: h.level, mentions, compounds });
  }
  return out;
}

/** The headings nearest first: the stack read backwards into a new list (a loop, not a copy and reverse). */
function nearestFirst(stack: HeadingOutline[]): HeadingOutline[] {
  const out: HeadingOutline[] = [];
  for (let k = stack.length - 1; k >= 0; k--) out.push(stack[k]!);
  return out;
}

/** A block's state before anything is read from it. */
function stateOf(text: string, b: Block): BlockState {
  // Every field present from the start keeps all block states one shape for V8.
  return { start: b.start, end: b.end, skip: b.skip, text: text.slice(b.start, b.end), reading: undefined, judged: undefined, hits: undefined, placed: undefined };
}

/** The surroundings a block is judged in, as text: names, not just models, for a sized name ("Llama 3 70B") is read for its family by its text. */
function surroundingsKey(headings: HeadingOutline[], context: ModelMention | undefined, ids: HeadingIds): string {
  return `${headings.map((h) => ids.of(h)).join(';')}|${context ? nameOf(context) : ''}`;
}

const nameOf = (m: ModelMention): string => `${m.modelId}=${m.text}`;

/**
 * A number per heading text (level and names), so a surroundings key stays short: a heading of thousands of
 * names is spelled out once per check, not once per block under it, and keys compare without reading it.
 */
class HeadingIds {
  private readonly byText = new Map<string, number>();
  private readonly byOutline = new WeakMap<HeadingOutline, number>();
  private next = 0;

  of(h: HeadingOutline): number {
    let id = this.byOutline.get(h);
    if (id === undefined) {
      // Compound names count: a rule reads which versions a section is about.
      const text = `${h.level}:${h.mentions.map(nameOf).join(' ')}${h.compounds ? `+${h.compounds.map((c) => `${nameOf(c.mention)}/${c.versions.join('/')}`).join(' ')}` : ''}`;
      id = this.byText.get(text);
      if (id === undefined) {
        // Numbers are never reused, so forgetting old texts only makes a block be judged afresh.
        if (this.byText.size >= 4096) this.byText.clear();
        this.byText.set(text, (id = this.next++));
      }
      this.byOutline.set(h, id);
    }
    return id;
  }
}

/** A block's mentions (its own, then the short names its claims were judged with) at its offset `at`. */
function placeMentions(r: BlockReading, shortNames: ModelMention[], at: number, inPlace: boolean): ModelMention[] {
  let mentions = r.mentions;
  // Most blocks name no model: nothing to place.
  if (mentions.length === 0 && shortNames.length === 0) return mentions;
  if (!inPlace) mentions = mentions.map((m) => shift(m, at));
  else {
    for (let k = 0; k < mentions.length; k++) {
      const m = mentions[k]!;
      m.start += at;
      m.end += at;
    }
  }
  if (shortNames.length) mentions = mentions.concat(shortNames.map((m) => shift(m, at)));
  return mentions;
}

/**
 * Puts a block's mentions and claims at its offset `at`; `inPlace` when nothing will reuse the block-relative ones.
 */
function place(at: number, r: BlockReading, judged: JudgedClaim[], shortNames: ModelMention[], outside: Outside, inPlace: boolean): Placed {
  const mentions = placeMentions(r, shortNames, at, inPlace);
  const claims: Claim[] = [];
  for (let k = 0; k < judged.length; k++) {
    const j = judged[k]!;
    const base = j.mention >= 0 ? mentions[j.mention]! : outsideAt(outside, -1 - j.mention)!;
    const figure = inPlace ? j.figure : shift(j.figure, at);
    if (inPlace) {
      figure.start += at;
      figure.end += at;
    }
    const mention = j.as ? { ...base, ...j.as } : base;
    // Made whole at once: `matched` added afterwards would cost each such claim a second allocation.
    claims.push(j.matched ? { figure, mention, distanced: j.distanced, verdict: j.verdict, matched: j.matched } : { figure, mention, distanced: j.distanced, verdict: j.verdict });
  }
  return { at, outside, judged, mentions, claims };
}

/** The placed claims that may be findings (their verdict is neither a match nor unchecked), in draft order. */
interface Pending {
  judged: JudgedClaim[];
  claims: Claim[];
  /** Where the claim's block was placed. */
  at: number[];
}

function notePending(p: Placed, pending: Pending): void {
  for (let k = 0; k < p.judged.length; k++) {
    const j = p.judged[k]!;
    if (j.verdict === 'matches' || j.verdict === 'unchecked') continue;
    pending.judged.push(j);
    pending.claims.push(p.claims[k]!);
    pending.at.push(p.at);
  }
}

/** The findings of the pending claims, and the figure value of each (for linking related findings). */
function findingsOf(directives: Directives, pending: Pending, options: CheckOptions | undefined): { findings: Finding[]; values: number[] } {
  const findings: Finding[] = [];
  const values: number[] = [];
  for (let k = 0; k < pending.judged.length; k++) {
    const j = pending.judged[k]!;
    // (Never true of a pending claim; it tells the type checker so.)
    if (j.verdict === 'matches' || j.verdict === 'unchecked') continue;
    const severity = severityOf(j.verdict, options);
    const claim = pending.claims[k]!;
    if (severity === 'off' || directives.isDisabled(j.verdict, claim.figure.start)) continue;
    const finding: Finding = {
      ruleId: j.verdict,
      severity,
      message: j.message ?? '',
      start: claim.figure.start,
      end: claim.figure.end,
      modelId: j.model.id,
      model: j.model.name,
      text: claim.figure.text,
    };
    if (j.expected) {
      finding.expected = j.expected;
      finding.sourceUrl = j.expected.source;
    }
    if (j.fix) finding.fix = shift(j.fix, pending.at[k]!);
    if (j.estimate) finding.speculation = { cue: j.estimate };
    if (j.matched) {
      finding.matched = j.matched;
      finding.sourceUrl ??= j.matched.source;
    }
    findings.push(finding);
    values.push(claim.figure.value);
  }
  return { findings, values };
}

/**
 * When one draft states two different figures of a kind for one model, each finding points at the
 * other. `values[i]` is the figure value of `findings[i]`.
 */
function linkRelated(findings: Finding[], values: number[], claims: Claim[]): void {
  if (findings.length === 0) return;
  const byModel = new Map<string, Claim[]>();
  for (const c of claims) {
    if (c.distanced) continue;
    const list = byModel.get(c.mention.modelId);
    if (list) list.push(c);
    else byModel.set(c.mention.modelId, [c]);
  }
  const perModel = new Map<string, { lead: Claim[]; answers: Map<number, Span[]> }>();
  findings.forEach((f, i) => {
    const same = byModel.get(f.modelId);
    if (!same) return;
    let seen = perModel.get(f.modelId);
    if (!seen) {
      seen = { lead: leadOf(same), answers: new Map() };
      perModel.set(f.modelId, seen);
    }
    const value = values[i]!;
    let others = seen.answers.get(value);
    if (!others) {
      // Bounded: a draft that repeats a model thousands of times points at the first few others.
      others = [];
      for (const c of seen.lead) {
        if (c.figure.value === value) continue;
        others.push({ start: c.figure.start, end: c.figure.end });
        if (others.length === RELATED_LIMIT) break;
      }
      seen.answers.set(value, others);
    }
    if (others.length) f.related = others.map((o) => ({ ...o }));
  });
}

const RELATED_LIMIT = 5;

/** The shortest run of claims from the start that holds the first few of another value for every value. */
function leadOf(claims: Claim[]): Claim[] {
  const counts = new Map<number, number>();
  let most = 0;
  for (let i = 0; i < claims.length; i++) {
    const v = claims[i]!.figure.value;
    const n = (counts.get(v) ?? 0) + 1;
    counts.set(v, n);
    if (n > most) most = n;
    if (i + 1 - most >= RELATED_LIMIT) return claims.slice(0, i + 1);
  }
  return claims;
}
