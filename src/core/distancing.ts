// Decides whether the draft itself distances a figure: negated, rumoured, labelled as an early estimate, asked, or reported by an attribution ("Reportedly, …", "…, sources say.").
import { type Attributions, clauseSpan, namesModel, readAttributions, REPORT_QUALIFIERS } from './attributions';
import { isBlank } from './blanks';
import { FoldingPattern } from './caseFolding';
import { isOwnEstimate, OWN_HEDGES } from './ownEstimates';
import { countBelow } from './spanSearch';
import type { Span } from './types';

/** Where a clause starts or ends around a figure. */
// The connective is optional and needs its own word boundary: a bare "，" before a CJK character is a break too.
const CLAUSE_BREAK = new FoldingPattern(String.raw`[,;:，；：—–]\s*(?:(?:but|yet|while|whereas|though|although|instead|rather)\b)?|\s(?:but|yet|whereas)\s|[(（)）]|但是?|而是|然而`, 'giu');

const CUE_BEFORE = new RegExp(
  String.raw`\b(?:not|never|no longer|isn['’]t|wasn['’]t|aren['’]t|weren['’]t|doesn['’]t|didn['’]t|rather than|instead of|contrary to|rumou?r(?:s|ed)?|leak(?:s|ed)?|speculat\w*|reportedly|allegedly|supposedly|purported(?:ly)?|so-called|widely[- ]circulated|circulat(?:ed|ing)|initial(?:ly)?|early|earlier|previous(?:ly)?|once|originally|outdated|debunked|myth|unconfirmed|thought to|believed to|said to|claim(?:s|ed)?|estimates|according to (?:(?:${REPORT_QUALIFIERS})\s+){0,3}(?:reports|sources))\b|≠|不是|并非|而非|并没有|没有|不具有|传闻|传言|(?<!数)据(?:传|称|报道)|报道称|网传|谣传|曾经?|此前|最初|早期|泄露|猜测|推测|估算|估计|预估|所谓|并不是`,
  'iu',
);

const CUE_AFTER =
  /^[^.;!?。；！？]{0,40}?(?:\b(?:rumou?r(?:s|ed)?|leak(?:s|ed)?|speculation|unconfirmed|debunked|was (?:expected|thought|believed|assumed|rumou?red|reported)|(?:is|was) (?:wrong|incorrect|false|outdated|a myth))\b|传闻|猜测|有误|是错误的)/iu;

/**
 * Cues read only for a figure that would otherwise be reported (see isDistancedLate): hypotheticals and others' beliefs
 * ("If GPT-5.5 had 9.7T", "Some analysts believe", "一度被传为"). Kept out of CUE_BEFORE, which every clause with a
 * figure is scanned for: their common words ("think", "expect", "if") made that scan a third slower.
 */
const LATE_CUES = new RegExp(String.raw`\b(?:reported to|alleged(?:ly)? to|is alleged|(?:believed?|believes|assumed?|assumes|thought|think|expected|expect|suspect(?:ed)?)(?<=\b(?:many|most|some|people|analysts|experts|observers|critics|commentators|others|insiders|pundits|readers)\s+(?:(?:have|had|still|once|long|widely|often|wrongly)\s+)?(?:believed?|believes|assumed?|assumes|thought|think|expected|expect|suspect(?:ed)?))|(?:expect|think|assume|guess|imagine)(?<=\b(?:you|one|we)\s+(?:might|may|would|could)\s+(?:expect|think|assume|guess|imagine))|(?:mistake|misconception|error|myth|belief)(?<=\b(?:common|frequent|popular|widespread|persistent)\s+(?:mistake|misconception|error|myth|belief))|misconceptions?|wrongly|if\b(?:[^,;:.!?]|\.(?=\S)){0,40}?\b(?:had|were|would|could)\b|suppos(?:e|ing)|hypothetical(?:ly)?|whether(?<=\b(?:knows?|known|unclear|uncertain|clear|sure|wonder(?:s|ed)?|asks?|asked|debate[sd]?)\s+(?:about\s+)?whether)|sources (?:say|said|claim)|naive(?:ly)?)\b|[x×]\s*\d+(?:\.\d+)?\s*[TBMtbm]\s+(?:gives|equals|makes|would\s+(?:give|be|make))\b|(?<!年)一度(?:被|传|盛传)|被传|普遍认为|(?<![可所得足难何])以为|(?:如果|假如|倘若|要是)[^，。；！？]{0,20}?真(?:的)?有|假设`, 'iu');

/** "from", then at most a few determiners and old-value words, right before the figure. */
const FROM_DETERMINERS = String.raw`\bfrom\s+(?:(?:the|an?|its|their|that|this|earlier|previous|prior|initial|original|old|reported|rumou?red|leaked|estimated|claimed|widely[- ]circulated|circulated)\s+){0,4}$`;
const FROM_RIGHT_BEFORE = new RegExp(FROM_DETERMINERS, 'iu');
/** "down from", "a reduction from": the words alone say the figure after "from" is the old value. */
const CHANGED_FROM_BEFORE = new RegExp(String.raw`\b(?:down|up|reduction|decrease|drop|cut|increase|jump|rise|revision|correction)\b[^.;:!?。；！？\d]{0,30}?` + FROM_DETERMINERS, 'iu');
/** "fell from 9.7T to 1.5T", "was revised from 671B to 685B": a change verb, with the figure it arrived at after "to". */
const CHANGE_VERB_FROM_BEFORE = new RegExp(
  String.raw`\b(?:reduc\w*|cut|cuts|drop\w*|fell|fall(?:en|s)?|declin\w*|decreas\w*|shr[aiu]nk\w*|lower\w*|revis\w*|correct\w*|recalculat\w*|recomput\w*|rose|ris(?:e|en|es)|grew|grow\w*|increas\w*|jump\w*|climb\w*|went|moved?|chang\w*|rais\w*|slash\w*|trimm\w*|shift\w*)\b[^.;:!?。；！？\d]{0,30}?` + FROM_DETERMINERS,
  'iu',
);
const TO_FIGURE_AFTER = /^[^.;:!?。；！？]{0,40}?\bto\s+(?:about\s+|roughly\s+|around\s+|~|≈)?\d/iu;
/** A figure that sizes the name after it ("from the 70B LLaMA to the 405B Llama 3.1") compares models, not values. */
const NAME_AFTER = /^[\s-]*(?:parameters?\s+|params?\s+)?[A-Z]/u;
const CHANGED_FROM_CN_BEFORE = /从\s*(?:[^，。；！？\d]{0,16}?的\s*)?$/u;
const CHANGED_FROM_CN_AFTER = /^\s*(?:参数量?)?\s*(?:大幅|显著)?(?:下调|上调|下降|降低|降|减少|缩减|缩小|减|修正|更正|调整|增加|增长|提升|提高|跃升|上升|扩大|升|涨|变)[^，。；！？\d]{0,2}?(?:到|至|为|成)/u;
const OLD_VALUE_AFTER =
  /^\s*(?:[(（][^()（）]{0,40}[)）]\s*)?(?:→|->|⟶|⇒|=>|➔|➝)\s*(?:[~≈]|about\s+|roughly\s+|约)?\s*\d|^\s*[(（][^()（）]{0,20}?(?:rumou?r|leak|unconfirmed|outdated|superseded|(?:old|early|earlier|initial|first)\s+(?:estimate|figure|report|claim|number)s?|传闻|传言|泄露|网传|早期(?:估计|估算|数据|传闻|报道)|旧)/iu;

/** Characters that may open an old-value mark after a figure: "(", "（", an arrow, or the "-" and "=" of "->" and "=>". */
const OLD_VALUE_OPENERS = new Set([0x28, 0xff08, 0x2d, 0x3d, 0x2192, 0x27f6, 0x21d2, 0x2794, 0x279d]);

/**
 * The figure a change started from: "down from the 9.7T", "fell from 9.7T to 1.5T", "a 6.5x reduction from the 9.7T
 * estimate" ("ranges from 7B to 70B" has no change word), "从 9.7 万亿下调到" (a change verb after the figure), and
 * "9.7T → 1.5T" or "9.7T (early leaks)" (an arrow to a figure, or an old-value label, after it).
 */
function isChangedFrom(text: string, figure: Span, sentence: Span): boolean {
  // Each pattern runs only where its mark is near: most figures have neither an opener after them nor "from"/"从" before.
  // Both sides are read within a few dozen characters: a search to the sentence's ends would be quadratic on a 1 MB line.
  const afterEnd = Math.min(sentence.end, figure.end + 60);
  let i = figure.end;
  while (i < afterEnd && isBlank(text.charCodeAt(i))) i++;
  if (OLD_VALUE_OPENERS.has(text.charCodeAt(i)) && OLD_VALUE_AFTER.test(text.slice(figure.end, afterEnd))) return true;
  const before = text.slice(Math.max(sentence.start, figure.start - 80), figure.start);
  if (before.includes('从')) return CHANGED_FROM_CN_BEFORE.test(before) && CHANGED_FROM_CN_AFTER.test(text.slice(figure.end, Math.min(afterEnd, figure.end + 30)));
  const from = before.lastIndexOf('from');
  if (!(from >= 0 && from >= before.length - 60 && FROM_RIGHT_BEFORE.test(before))) return false;
  const after = text.slice(figure.end, afterEnd);
  if (NAME_AFTER.test(after)) return false;
  return CHANGED_FROM_BEFORE.test(before) || (CHANGE_VERB_FROM_BEFORE.test(before) && TO_FIGURE_AFTER.test(after));
}

/**
 * What every figure of one sentence shares: where its clauses break, whether it ends in a question
 * mark, and the first distancing cue after each clause start. Figures of a sentence are judged one
 * after another, so this is worked out once per sentence, not rescanned per figure (a 1 MB line).
 */
interface SentenceScan {
  text: string;
  start: number;
  end: number;
  /** Start and end of each clause break, in order. */
  breakStarts: number[];
  breakEnds: number[];
  asks: boolean;
  firstCue: Map<number, Span | null>;
  /** Per clause start: what the clause's cues say of the writer's own estimates (read when a claim asks). */
  stance: Map<number, ClauseStance>;
  /** Per clause: the attribution lead ("According to early leaks,") or trailing attribution (", reportedly.") that reports it; read when a claim first asks. */
  attributions?: Attributions;
}

/** The first cue that marks the writer's own estimate and the first cue of any other kind, in one clause. */
interface ClauseStance {
  firstOwn: Span | null;
  /** Where the first cue that is no own estimate starts (Infinity: none). */
  firstOther: number;
}

let lastScan: SentenceScan | undefined;

function scanSentence(text: string, within: Span): SentenceScan {
  if (lastScan && lastScan.start === within.start && lastScan.end === within.end && lastScan.text === text) {
    // An equal text from a new check: keep this copy so later calls compare it by reference, not by content.
    lastScan.text = text;
    return lastScan;
  }
  const breakStarts: number[] = [];
  const breakEnds: number[] = [];
  const slice = text.slice(within.start, within.end);
  const clauseBreak = CLAUSE_BREAK.in(text);
  clauseBreak.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = clauseBreak.exec(slice)) !== null) {
    if (m[0].length === 0) {
      clauseBreak.lastIndex++;
      continue;
    }
    breakStarts.push(within.start + m.index);
    breakEnds.push(within.start + m.index + m[0].length);
  }
  // The last character that is not blank, kept from the walk back: "?" and "？" by their codes, no regex per sentence.
  let last = within.end;
  let c = 0;
  while (last > within.start && isBlank((c = text.charCodeAt(last - 1)))) last--;
  const asks = last > within.start && (c === 0x3f || c === 0xff1f);
  lastScan = { text, start: within.start, end: within.end, breakStarts, breakEnds, asks, firstCue: new Map(), stance: new Map() };
  return lastScan;
}

const CUES_BEFORE = new FoldingPattern(CUE_BEFORE.source, 'giu');

/** The first match of a global regex in text[start, end), as offsets in text. */
function firstMatch(re: RegExp, text: string, start: number, end: number): Span | null {
  re.lastIndex = 0;
  const m = re.exec(text.slice(start, Math.max(start, end)));
  return m ? { start: start + m.index, end: start + m.index + m[0].length } : null;
}

/** A word character as CUE_BEFORE's `\b` reads it (with /iu that includes "ſ" and the Kelvin sign). */
const CUE_WORD_CHAR = /\w/iu;
/** Longer than any cue but `speculat\w*`, which is one word. */
const LONGEST_CUE = 64;

/**
 * Whether a distancing cue stands in text[from, at), knowing the first cue after `from` in a
 * longer stretch: one ending before `at` is inside, one starting at or after `at` is not (cues hold
 * no digits, so none runs across the figure at `at`); only a cue touching `at` is re-read.
 */
function cueBetween(text: string, from: number, first: Span | null, at: number): boolean {
  if (first && first.start < at) {
    if (first.end < at) return true;
    const cues = CUES_BEFORE.in(text);
    cues.lastIndex = first.start - from;
    return cues.test(text.slice(from, at));
  }
  // Read alone, the stretch ends at `at`, so a cue ending on a word character there finds a word
  // boundary the full text lacks ("leaK9.7T" with a Kelvin sign); such a cue starts close by.
  if (at > from && CUE_WORD_CHAR.test(text.charAt(at - 1))) {
    let start = Math.max(from, at - LONGEST_CUE);
    while (start > from && CUE_WORD_CHAR.test(text.charAt(start - 1))) start--;
    const cues = CUES_BEFORE.in(text);
    cues.lastIndex = start - from;
    return cues.test(text.slice(from, at));
  }
  return false;
}

function cueBefore(text: string, scan: SentenceScan, clauseStart: number, breakIndex: number, figureStart: number): boolean {
  let first = scan.firstCue.get(clauseStart);
  if (first === undefined) {
    // Every figure with this clause start lies before the end of the next clause break.
    first = firstMatch(CUES_BEFORE.in(text), text, clauseStart, scan.breakEnds[breakIndex] ?? scan.end);
    scan.firstCue.set(clauseStart, first);
  }
  return cueBetween(text, clauseStart, first, figureStart);
}

const WHY = /^[\s>*_-]*(?:why|为什么|为何)(?![A-Za-z])/iu;

/** The figure's clause: where it starts and ends, and how many clause breaks end before the figure. */
function clauseOf(scan: SentenceScan, figure: Span): { start: number; end: number; before: number } {
  // The clause runs from the last break ending before the figure to the first break starting after it;
  // breaks that overlap the figure count for neither.
  const before = countBelow(scan.breakEnds, figure.start, true);
  return { start: clauseStart(scan, before), end: clauseEnd(scan, figure), before };
}

/** Where the clause after the first `before` breaks starts. */
function clauseStart(scan: SentenceScan, before: number): number {
  return before > 0 ? scan.breakEnds[before - 1]! : scan.start;
}

/** Where the figure's clause ends: at the first break starting after the figure, or the sentence's end. */
function clauseEnd(scan: SentenceScan, figure: Span): number {
  return scan.breakStarts[countBelow(scan.breakStarts, figure.end, false)] ?? scan.end;
}

/** Whether the sentence asks about the figure: a question distances its figures, except a "why" question, which presupposes them. */
function asksAbout(text: string, scan: SentenceScan, figure: Span): boolean {
  // A question mark after the figure is also the sentence's last, so the sentence's own answer covers both.
  return scan.asks && !WHY.test(text.slice(scan.start, figure.start));
}

/** The clause of an attribution: its index (a clause index is also the number of breaks before it), start and end. */
interface AttributionClause {
  index: number;
  start: number;
  end: number;
}

/**
 * The clauses of the attributions that report the figure's clause: a lead before it ("Reportedly, GPT-5.5 has
 * 9.7T") and a trailing one after it ("GPT-5.5 has 9.7T, reportedly."), with no turn between them and the figure.
 * `models` are the text's model names (sorted): an attribution naming one is a statement of its own.
 */
function attributionsOf(text: string, scan: SentenceScan, clauseIndex: number, figure: Span, models: readonly Span[]): AttributionClause[] {
  const a = (scan.attributions ??= readAttributions(text, scan));
  const found: AttributionClause[] = [];
  const lead = reportingLead(a, clauseIndex, figure);
  if (lead >= 0) pushUnnamed(found, scan, lead, models);
  const trail = reportingTrail(a, clauseIndex, figure);
  if (trail >= 0) pushUnnamed(found, scan, trail, models);
  return found;
}

/** Whether an attribution that names no model reports the figure's clause: attributionsOf, without a list per figure. */
function isReported(text: string, scan: SentenceScan, clauseIndex: number, figure: Span, models: readonly Span[]): boolean {
  const a = (scan.attributions ??= readAttributions(text, scan));
  const lead = reportingLead(a, clauseIndex, figure);
  if (lead >= 0 && !clauseNamesModel(scan, lead, models)) return true;
  const trail = reportingTrail(a, clauseIndex, figure);
  return trail >= 0 && !clauseNamesModel(scan, trail, models);
}

/** The clause of the lead attribution that reports the figure's clause ("Reportedly, …"), or -1: none, or a turn between. */
function reportingLead(a: Attributions, clauseIndex: number, figure: Span): number {
  const lead = a.governing[clauseIndex] ?? -1;
  const turn = a.turnAt[clauseIndex] ?? -1;
  return lead >= 0 && !(turn >= 0 && turn < figure.start) ? lead : -1;
}

/** The clause of the trailing attribution that reports the figure's clause ("…, reportedly."), or -1. */
function reportingTrail(a: Attributions, clauseIndex: number, figure: Span): number {
  const trail = a.trailing[clauseIndex] ?? -1;
  const from = a.trailFrom[clauseIndex] ?? -1;
  return trail >= 0 && !(from >= 0 && from > figure.start) ? trail : -1;
}

function clauseNamesModel(scan: SentenceScan, index: number, models: readonly Span[]): boolean {
  const { start, end } = clauseSpan(scan, index);
  return namesModel(models, start, end);
}

/** Adds the attribution clause at `index` unless it names a model. */
function pushUnnamed(found: AttributionClause[], scan: SentenceScan, index: number, models: readonly Span[]): void {
  const { start, end } = clauseSpan(scan, index);
  if (!namesModel(models, start, end)) found.push({ index, start, end });
}

const NO_MODELS: readonly Span[] = [];

/**
 * True when the sentence negates, rumours, questions or labels the figure as superseded, or an attribution
 * lead before its clause or a trailing attribution after it reports it. `models` are the text's model names, sorted by start.
 */
export function isDistanced(text: string, figure: Span, sentence: Span, models: readonly Span[] = NO_MODELS): boolean {
  const scan = scanSentence(text, sentence);
  if (asksAbout(text, scan, figure)) return true;
  // The figure's clause as clauseOf reads it, without an object per figure; its end only when the cues before it say nothing.
  const before = countBelow(scan.breakEnds, figure.start, true);
  if (cueBefore(text, scan, clauseStart(scan, before), before, figure.start)) return true;
  if (CUE_AFTER.test(text.slice(figure.end, clauseEnd(scan, figure)))) return true;
  return isReported(text, scan, before, figure, models);
}

/**
 * The distancing read only for a figure whose verdict would be a finding (a few per draft, not every figure): a
 * hypothetical or someone else's belief in its clause before it ("If GPT-5.5 had 9.7T", "Some analysts believe"),
 * or a change it started ("down from the 9.7T", "9.7T → 1.5T").
 */
export function isDistancedLate(text: string, figure: Span, sentence: Span): boolean {
  const scan = scanSentence(text, sentence);
  const start = clauseStart(scan, countBelow(scan.breakEnds, figure.start, true));
  if (start < figure.start && LATE_CUES.test(text.slice(Math.max(start, figure.start - 120), figure.start))) return true;
  return LATE_CUES_AFTER.test(text.slice(figure.end, Math.min(clauseEnd(scan, figure), figure.end + 80))) || isChangedFrom(text, figure, sentence);
}

/** "The 56B of Mixtral 8x7B is often misquoted": the clause says the figure is a misquotation. */
const LATE_CUES_AFTER = /^[^.;!?。；！？]{0,40}?\b(?:is|are|was|were)\s+(?:often\s+|commonly\s+|widely\s+|frequently\s+)?(?:misquoted|miscited|misreported|a\s+misconception|a\s+(?:common\s+)?mistake)\b/iu;

/**
 * The word by which the writer marks a figure as its own estimate ("推测", "we speculate", "probably"), in
 * the figure's clause or in an attribution that reports it ("我们推测，", ", by our estimates."), when nothing else
 * distances it (a report, a rumour, a denial, a question, an attribution such as "据推测，" that reports someone
 * else's); else undefined.
 */
export function ownEstimateCue(text: string, figure: Span, sentence: Span, models: readonly Span[]): string | undefined {
  const scan = scanSentence(text, sentence);
  if (asksAbout(text, scan, figure)) return undefined;
  const clause = clauseOf(scan, figure);
  const stance = clauseStance(text, scan, clause.start, clause.before, models);
  if (stance.firstOther < figure.start) return undefined;
  let own = stance.firstOwn && stance.firstOwn.end <= figure.start ? stance.firstOwn : null;
  for (const attribution of attributionsOf(text, scan, clause.before, figure, models)) {
    // An attribution is someone else's report unless its only cues are the writer's own ("By our estimates,").
    const stance = clauseStance(text, scan, attribution.start, attribution.index, models);
    if (stance.firstOther < Infinity || !stance.firstOwn) return undefined;
    own ??= stance.firstOwn;
  }
  if (!own) return undefined;
  if (otherCueTouching(text, clause.start, figure.start, models) || CUE_AFTER.test(text.slice(figure.end, clause.end))) return undefined;
  return text.slice(own.start, own.end);
}

/** Reads a clause's cues once, up to its first cue that is no own estimate: every figure of the clause shares them. */
function clauseStance(text: string, scan: SentenceScan, clauseStart: number, breakIndex: number, models: readonly Span[]): ClauseStance {
  let stance = scan.stance.get(clauseStart);
  if (stance) return stance;
  const end = scan.breakEnds[breakIndex] ?? scan.end;
  const cues = CUES_BEFORE.in(text);
  const slice = text.slice(clauseStart, Math.max(clauseStart, end));
  cues.lastIndex = 0;
  let firstOwn: Span | null = null;
  let firstOther = Infinity;
  let m: RegExpExecArray | null;
  while ((m = cues.exec(slice)) !== null) {
    const at = clauseStart + m.index;
    if (!isOwnEstimate(text, clauseStart, at, at + m[0].length, models)) {
      firstOther = at;
      break;
    }
    firstOwn ??= { start: at, end: at + m[0].length };
    if (m[0].length === 0) cues.lastIndex++;
  }
  const hedge = firstMatch(OWN_HEDGES.in(text), text, clauseStart, Math.min(end, firstOther));
  if (hedge && (!firstOwn || hedge.start < firstOwn.start)) firstOwn = hedge;
  stance = { firstOwn, firstOther };
  scan.stance.set(clauseStart, stance);
  return stance;
}

/** A cue that only reading the clause up to the figure finds (it ends on a word character at the figure), and is no own estimate. */
function otherCueTouching(text: string, from: number, at: number, models: readonly Span[]): boolean {
  if (!(at > from && CUE_WORD_CHAR.test(text.charAt(at - 1)))) return false;
  let start = Math.max(from, at - LONGEST_CUE);
  while (start > from && CUE_WORD_CHAR.test(text.charAt(start - 1))) start--;
  const cues = CUES_BEFORE.in(text);
  const slice = text.slice(from, at);
  cues.lastIndex = start - from;
  let m: RegExpExecArray | null;
  while ((m = cues.exec(slice)) !== null) {
    if (!isOwnEstimate(text, from, from + m.index, from + m.index + m[0].length, models)) return true;
    if (m[0].length === 0) cues.lastIndex++;
  }
  return false;
}

const ROW_LABEL = /\bestimate\b|leaks?|speculation|rumou?r|传闻|猜测/iu;

/**
 * Where one table row's cues are, found once per row: the first cue, and the last offset where a
 * cue or a label word starts (a row of a 1 MB table may hold thousands of figures).
 */
interface RowScan {
  text: string;
  start: number;
  end: number;
  firstCue: Span | null;
  lastCue: number;
  lastLabel: number;
}

let lastRow: RowScan | undefined;

const CUES_AT = new FoldingPattern(CUE_BEFORE.source, 'yiu');
const ROW_LABELS = new FoldingPattern(ROW_LABEL.source, 'giu');
const ROW_LABEL_AT = new FoldingPattern(ROW_LABEL.source, 'yiu');

/** The last offset in text[start, end) where a match of the regex starts, or -1. */
function lastMatchStart(all: RegExp, at: RegExp, text: string, start: number, end: number): number {
  const slice = text.slice(start, end);
  all.lastIndex = 0;
  let last: RegExpExecArray | null = null;
  let m: RegExpExecArray | null;
  while ((m = all.exec(slice)) !== null) {
    last = m;
    if (m[0].length === 0) all.lastIndex++;
  }
  if (!last) return -1;
  // Nothing starts after the last match of a scan; a later start could only hide inside it.
  for (let p = last.index + last[0].length - 1; p > last.index; p--) {
    at.lastIndex = p;
    if (at.test(slice)) return start + p;
  }
  return start + last.index;
}

/** Whether the regex matches text[from, end) starting at `from` itself, reading `from` as the start of the text. */
function matchesAtStart(at: RegExp, text: string, from: number, end: number): boolean {
  at.lastIndex = 0;
  return at.test(text.slice(from, Math.max(from, end)));
}

function scanRow(text: string, row: Span): RowScan {
  if (lastRow && lastRow.start === row.start && lastRow.end === row.end && lastRow.text === text) {
    lastRow.text = text;
    return lastRow;
  }
  lastRow = {
    text,
    start: row.start,
    end: row.end,
    firstCue: firstMatch(CUES_BEFORE.in(text), text, row.start, row.end),
    lastCue: lastMatchStart(CUES_BEFORE.in(text), CUES_AT.in(text), text, row.start, row.end),
    lastLabel: lastMatchStart(ROW_LABELS.in(text), ROW_LABEL_AT.in(text), text, row.start, row.end),
  };
  return lastRow;
}

/** Table rows: any cue anywhere in the row's label cells distances the row's figures. */
export function isRowDistanced(text: string, row: Span, figure: Span): boolean {
  const scan = scanRow(text, row);
  if (cueBetween(text, row.start, scan.firstCue, figure.start)) return true;
  // After the figure: a cue starting past its end, or one starting right at it.
  if (scan.lastCue > figure.end || matchesAtStart(CUES_AT.in(text), text, figure.end, row.end)) return true;
  return scan.lastLabel > figure.end || matchesAtStart(ROW_LABEL_AT.in(text), text, figure.end, row.end);
}
