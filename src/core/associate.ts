// Ties each parameter figure to the model it is stated for: sentences, table rows, list titles.
import { endsWithMatch, readFigureContext, scanFigures, toParsedFigure, type FigureReading, type RawFigure } from './figures';
import { isDistanced, isRowDistanced } from './distancing';
import type { Prose, ProseUnit } from './prose';
import type { ModelMention, ParsedFigure, Span } from './types';

export interface Association {
  figure: ParsedFigure;
  raw: RawFigure;
  mention: ModelMention;
  distanced: boolean;
}

// A hard line break (a line ending in a backslash) ends a sentence too: "Blog Codestral 22B: ... \".
const SENTENCE_END = /[.!?](?=[\s"'”’)\]*_]|$)|[。！？；;]|\\(?=\r?\n)/g;
/** What may stand between a figure and the model it qualifies when the figure comes first. */
// "175B参数的GPT-3", "175B 的 GPT-3": a Chinese parameter noun and 的 (with spaces around it) also qualify the name that follows.
// "3亿参数量、33亿训练数据的 BERT": coordinated "figure + noun" modifiers before 的 still qualify the name.
const COORDINATED_MODIFIERS = /^\s*参数量?\s*(?:[、和及与,，]\s*\d[\d.]*\s*(?:万亿|千亿|百亿|亿|[BMT])?\s*[\u4e00-\u9fff]{1,6})+\s*的\s*$/u;
const FORWARD_GAP = /^[\s-]*(?:(?:parameters?|params?|param)\b[\s-]*|参数量?\s*)?(?:\(?(?:total|active|dense|sparse|MoE|open|open-weight|open-source)\)?[\s-]*)*(?:version\s+of\s+|variant\s+of\s+|model\s+|的\s*)?$/iu;
const PARAM_HEADER = /param|参数|规模|#\s*p|size|大小/iu;
const NOT_PARAM_HEADER = /token|context|data|memory|显存|内存|GB|vram|speed|throughput|上下文|数据|长度|length|disk|file/iu;
const MODEL_HEADER = /model|模型|name|名称|llm|系列/iu;
const HEADER_SCALE: [RegExp, number][] = [
  [/\(\s*T\s*\)|（\s*T\s*）|\btrillions?\b|万亿/iu, 1e12],
  [/\(\s*B\s*\)|（\s*B\s*）|\bbillions?\b|\bin\s+B\b|十亿/iu, 1e9],
  [/\(\s*M\s*\)|（\s*M\s*）|\bmillions?\b/iu, 1e6],
  [/[(（]\s*亿\s*[)）]/u, 1e8],
];

function sentencesOf(text: string, unit: ProseUnit): Span[] {
  const out: Span[] = [];
  let start = unit.start;
  const slice = text.slice(unit.start, unit.end);
  SENTENCE_END.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SENTENCE_END.exec(slice)) !== null) {
    const end = unit.start + m.index + m[0].length;
    // "e.g." and "vs." do not end a sentence.
    if (/\b(?:e\.g|i\.e|vs|etc|approx|ca|No|Fig|al)\.$/.test(slice.slice(Math.max(0, m.index - 6), m.index + 1))) continue;
    out.push({ start, end });
    start = end;
  }
  if (start < unit.end) out.push({ start, end: unit.end });
  return out;
}

/** How many leading items satisfy `isBefore`, which holds for a prefix of the items: a binary search. */
function countBefore<T>(items: readonly T[], isBefore: (item: T) => boolean): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (isBefore(items[mid]!)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Mentions inside a span, by binary search over the sorted mentions (no scan of the whole draft). */
function mentionsWithin(mentions: ModelMention[], outer: Span): ModelMention[] {
  const out: ModelMention[] = [];
  for (let i = countBefore(mentions, (m) => m.start < outer.start); i < mentions.length && mentions[i]!.start < outer.end; i++) if (mentions[i]!.end <= outer.end) out.push(mentions[i]!);
  return out;
}

/**
 * The last mention ending before a figure and the first starting after it, by binary search over
 * mentions sorted by start: a sentence may hold thousands of mentions, each figure looks at two.
 */
function neighboursOf(mentions: ModelMention[], raw: Span): { before?: ModelMention; after?: ModelMention } {
  const firstAfter = countBefore(mentions, (m) => m.start < raw.end);
  let before: ModelMention | undefined;
  for (let i = firstAfter - 1; i >= 0 && !before; i--) if (mentions[i]!.end <= raw.start) before = mentions[i];
  return { before, after: mentions[firstAfter] };
}

/** The index of the span (sorted, disjoint) holding an offset, or -1: a binary search, not a walk per figure. */
function indexAt(spans: readonly Span[], offset: number): number {
  const i = countBefore(spans, (x) => x.end <= offset);
  return i < spans.length && offset >= spans[i]!.start ? i : -1;
}

function inside(span: Span, outer: Span): boolean {
  return span.start >= outer.start && span.end <= outer.end;
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/**
 * Picks the mention a figure in one sentence is stated for: the mention, `null` when a rule says the
 * figure belongs to something else (no fallback may bind it), `undefined` when nothing is near enough.
 */
function pickMention(text: string, raw: Span, mentions: ModelMention[]): ModelMention | null | undefined {
  const { before, after } = neighboursOf(mentions, raw);
  const gapBefore = before ? text.slice(before.end, raw.start) : undefined;
  const unnamed = UNNAMED_MODEL_AFTER.test(text.slice(raw.end, raw.end + 30));
  // "Llama-3 8B和70B", "Llama 3.1 8B, 70B, and 405B": sizes listed after a sized name are its siblings (the caller binds them to the family).
  if (before && gapBefore !== undefined && SIBLING_SIZES.test(gapBefore) && sizeInName(before.text)) return null;
  // "X (671B)", "X, at 9.7T,", "X: 70B" bind backwards first; "X，70B模型则…" starts a new clause about another model.
  if (before && gapBefore !== undefined && /^[\s'’s]*[(（:：,，]?\s*$/u.test(gapBefore) && !(unnamed && /[,，]/.test(gapBefore))) return before;
  if (after && (FORWARD_GAP.test(text.slice(raw.end, after.start)) || COORDINATED_MODIFIERS.test(text.slice(raw.end, after.start)))) return after;
  if (!before || gapBefore === undefined) return undefined;
  // "a 70B model", "8B模型": a figure that sizes an unnamed model binds only as an apposition.
  // "X，这是一个在 1T 令牌上训练的 7B 参数模型", "X is an open 7B model": a copula makes the unnamed model X itself.
  if (unnamed && !APPOSITION.test(gapBefore)) return COPULA.test(gapBefore) && gapBefore.length <= MAX_BACKWARD_GAP && !nameRightBefore(gapBefore) ? before : null;
  // "Codestral Mamba 7B", "Blog Mathstral 7B:": a capitalised word right before a size is the name it belongs to.
  if (nameRightBefore(gapBefore)) return null;
  // "SkyPile (150B)", "Phi-3.5-medium（16B）": a parenthesised figure qualifies the name just before the parenthesis.
  const paren = PAREN_AFTER_NAME.exec(gapBefore);
  if (paren && !NOT_A_NAME.test(paren[1]!)) return null;
  // Far from its model, with other words between, a figure is too loosely tied to judge.
  if (gapBefore.length > MAX_BACKWARD_GAP) return undefined;
  return before;
}

/** Capitalised words that stand before a figure without naming anything: "Total 671B", "About 7B". */
const NOT_A_NAME = /^(?:The|An?|At|About|Around|Approx(?:imately)?|Roughly|Nearly|Almost|Over|Under|Only|Just|With|And|Or|To|Of|In|On|For|From|By|Has|Have|Had|Is|Was|Are|Were|Total|Active|Activated|Params?|Parameters?|Sizes?|Models?|MoE|Dense|Sparse|Up|Between|Than|Some|Estimated|All|Its|Their|Each|Per|Vs|Versus|Both|Also|New|Base|Instruct|Chat|Versions?|Variants?|LLMs?|AI|API|Size|Since|Until|After|Before|During|Through|Today|This|That|These|Those|We|It|They|Our|His|Her|When|While|If|As|Like)$/;

function nameRightBefore(gap: string): boolean {
  // "Ministral 3 3B": the name may carry a version number before the size.
  const m = /(?:^|[^A-Za-z0-9.-])([A-Z][A-Za-z0-9]*)(?:[ \u00a0-]\d+(?:\.\d+)?)?[ \u00a0-]$/u.exec(gap);
  return !!m && !NOT_A_NAME.test(m[1]!);
}

/** A name-like token (capitalised or with a digit) and then an opening parenthesis, at the end of the gap. */
const PAREN_AFTER_NAME = /(?:^|[^A-Za-z0-9.-])([A-Z][\w.-]*|[a-z][\w.-]*\d[\w.-]*)[\]\s]*[(（]\s*$/u;

/** The size written at the end of a model name ("Llama-3 8B", "Qwen2.5-72B-Instruct"): where, and the name without it. */
const NAME_SIZE = /([\s\u00a0_\-\u2010-\u2013]?)(\d+(?:\.\d+)?)([BbMmTt])(?:[\s\u00a0_\-\u2010-\u2013]?[Aa]\d+(?:\.\d+)?[Bb])?(?:[_ -](?:[Cc]hat|[Ii]nstruct|[Bb]ase|hf|HF|it|IT|[Ss]ft|SFT))*$/u;
const NAME_SCALE: Record<string, number> = { b: 1e9, m: 1e6, t: 1e12 };

function sizeInName(name: string): { bare: string; offset: number; num: string; scale: number } | undefined {
  const m = NAME_SIZE.exec(name);
  if (!m || m.index === 0) return undefined;
  const bare = name.slice(0, m.index);
  // "GPT-3" ends in a version, not a size: the name before the size must end in a letter, digit or separator.
  if (!/[\p{L}\p{N}]$/u.test(bare) || /\d[x×]$/u.test(bare)) return undefined;
  // "Qwen-1_8B" writes 1.8B with an underscore: a size glued to a number by "_" or "." is not a size of its own.
  if (/\d$/.test(bare) && /^[_.]/.test(m[1]!)) return undefined;
  return { bare, offset: m.index + m[1]!.length, num: m[2]!, scale: NAME_SCALE[m[3]!.toLowerCase()]! };
}

// Ends with a lookahead, not \b: \b never holds after a CJK character ("8B模型的").
// Adjectives may stand before the noun: "a 12B parameter-dense model", "12B 稠密模型".
const UNNAMED_MODEL_AFTER = /^[\s-]*(?:parameters?[\s-]+|params?[\s-]+|参数(?:的)?\s*)?(?:(?:的\s*)?(?:dense|sparse|MoE|base|chat|open|small|large|稠密|稀疏|密集|基础|对话)[\s-]*)?(?:models?|LLMs?|模型|版本|variants?|versions?|(?:size\s+)?class|级别?|scale)(?![A-Za-z])/iu;
// After a bare comma an apposition needs an article or copula ("X, a 70B model"); "X，70B模型" is a new clause.
const APPOSITION = /^[\s'’s]*(?:[(（:：]\s*(?:an?|the|是|为|一个|一款)?|[,，]\s*(?:an?|the|是|为|一个|一款)|\s(?:is|was|are|were)\s+(?:an?|the)?)\s*$/iu;
const SIBLING_SIZES = /^(?:\s*(?:[、,，/|&]|and|or|和|及|与|以及)\s*(?:\d+(?:\.\d+)?\s*[BbMmTt]?)?)+\s*(?:[、,，/|&]|and|or|和|及|与|以及)?\s*$/iu;
const MAX_BACKWARD_GAP = 120;
const INDEFINITE_BEFORE = /(?:\b(?:an?|one)\s+(?:[a-z][a-z-]*\s+){0,2}|一个|一款|某个)$/iu;
// The copula's complement runs to the figure without a clause break or a comparison.
const COPULA = /^[\s'’s]*[,，]?\s*(?:这|它|which|that|this|it)?\s*(?:是|为|is|was)\s*(?:一个|一款|an?|the)?(?:(?!than|比|vs|versus|like|像|相比|compared|\band\b|\bbut\b|\bas\b|和|但)[^.。;；!?！？,，])*$/iu;
// CamelCase needs two lower-case letters first, so "MoE" is not taken for a name.
const UNKNOWN_NAME = /\b([A-Z][A-Za-z]*)[-\u2011 ]?\d[\w.-]*|\b[A-Z][a-z]{2,}[A-Z]\w*/gu;

/** Does the text name a model we do not know ("GPT-5.55", "SkyPile")? "Just 37", "In 2023" are not names. */
function namesUnknown(text: string): boolean {
  for (const m of text.matchAll(UNKNOWN_NAME)) if (!m[1] || !NOT_A_NAME.test(m[1])) return true;
  return false;
}

/** The name-like tokens of one sentence, read once: which of them name an unknown model. */
interface UnknownNames {
  spans: Span[];
  /** Index of the first span that names an unknown model, or spans.length. */
  firstNaming: number;
}

function unknownNamesIn(masked: string, sentence: Span): UnknownNames {
  const spans: Span[] = [];
  let firstNaming = -1;
  for (const m of masked.slice(sentence.start, sentence.end).matchAll(UNKNOWN_NAME)) {
    if (firstNaming < 0 && (!m[1] || !NOT_A_NAME.test(m[1]))) firstNaming = spans.length;
    spans.push({ start: sentence.start + m.index!, end: sentence.start + m.index! + m[0].length });
  }
  return { spans, firstNaming: firstNaming < 0 ? spans.length : firstNaming };
}

/**
 * `namesUnknown` on the sentence up to `at`, from the sentence's tokens: the tokens ending before `at`
 * read the same alone; only a token running across `at` needs the stretch read again.
 */
function namesUnknownBefore(masked: string, sentence: Span, names: UnknownNames, at: number): boolean {
  const whole = countBefore(names.spans, (x) => x.end <= at);
  if (names.firstNaming < whole) return true;
  const across = names.spans[whole];
  if (across && across.start < at) return namesUnknown(masked.slice(sentence.start, at));
  return false;
}

/** How far back a figure looks for a sized name of its own size. */
const SAME_SIZE_LOOKBACK = 64;
// "Llama 3.1 & 3.2" is a compound name; "Llama-3 8B和70B" is a name and a sibling size (a number with a unit).
// "Phi-3 small/medium" names two variants at once, like "Llama 3/2".
const COMPOUND_AFTER = /^\s*(?:[/&]|and|和)\s*v?\d+(?:\.\d+)*(?![\d.]|\s*[BbMmTt亿万](?![A-Za-z]))|^\/[a-z]+(?![\w.-])/iu;

/** Variant lists ("Llama 3.1-8|70|405B", "Gemma-2|7B") read ambiguously; their figures are left alone. */
function inVariantList(text: string, raw: RawFigure, mention: ModelMention | undefined): boolean {
  const prev = text.charAt(raw.start - 1);
  const next = text.charAt(raw.end);
  if (prev === '|' || next === '|') return mention === undefined || !mention.sizedName || text.slice(mention.end, raw.start).trim() !== '|';
  return false;
}

/** A heading above the text being read: its level and the mentions in it that can name a section's model. */
export interface HeadingOutline {
  level: number;
  mentions: ModelMention[];
}

/** What the text before this block says: the headings it sits under (nearest first), the last model named under the nearest. */
export interface Surroundings {
  headings?: HeadingOutline[];
  context?: ModelMention;
}

export interface AssociateInput {
  prose: Prose;
  mentions: ModelMention[];
  /** The figures of `prose.masked`, when the caller has scanned them already. */
  figures?: RawFigure[];
  outside?: Surroundings;
  /** The model id a name stands for (case and separators ignored), to find a sized name's family. */
  familyOf?: (name: string) => string | undefined;
}

/** The headings of a text with their levels and the mentions that can name their section's model, in order. */
export function outlineHeadings(prose: Prose, mentions: ModelMention[]): { unit: number; outline: HeadingOutline }[] {
  const out: { unit: number; outline: HeadingOutline }[] = [];
  prose.units.forEach((u, i) => {
    if (u.kind !== 'heading') return;
    const usable = mentionsWithin(mentions, u).filter((m) => !isUnusable(prose.masked, m, true));
    out.push({ unit: i, outline: { level: headingLevel(prose.masked, u), mentions: usable } });
  });
  return out;
}

/** Reads every figure in the prose and ties it to a model where the text says which. */
export function associate({ prose, mentions: all, figures, outside, familyOf }: AssociateInput): Association[] {
  const masked = prose.masked;
  // "Llama 3.1 & 3.2", "Llama 3/2": a name shared by two versions cannot carry one version's figures.
  const mentions = all.filter((m) => !COMPOUND_AFTER.test(masked.slice(m.end, m.end + 12)));
  const out: Association[] = [];
  const raws = figures ?? scanFigures(masked);
  let mi = 0;
  let ri = 0;
  const tables = new Map<number, TableShape>();
  // Unit -1 stands for the text before this block, which sits under this block's first heading.
  let lastUnitWithMention: { unit: number; mention: ModelMention } | undefined = outside?.context ? { unit: -1, mention: outside.context } : undefined;
  for (let u = 0; u < prose.units.length; u++) {
    const unit = prose.units[u]!;
    while (mi < mentions.length && mentions[mi]!.end <= unit.start) mi++;
    const unitMentions: ModelMention[] = [];
    for (let k = mi; k < mentions.length && mentions[k]!.start < unit.end; k++) unitMentions.push(mentions[k]!);
    while (ri < raws.length && raws[ri]!.end <= unit.start) ri++;
    const unitFigures: RawFigure[] = [];
    // Figures and mentions both come sorted by start: the furthest end of the mentions starting
    // before a figure ends says whether one reaches into it, without rescanning them per figure.
    let reached = 0;
    let reach = -1;
    for (let k = ri; k < raws.length && raws[k]!.start < unit.end; k++) {
      const r = raws[k]!;
      while (reached < unitMentions.length && unitMentions[reached]!.start < r.end) reach = Math.max(reach, unitMentions[reached++]!.end);
      if (inside(r, unit) && !(reach > r.start)) unitFigures.push(r);
    }
    const lastHeading = lastUnitWithMention ? (lastUnitWithMention.unit < 0 ? -1 : prose.units[lastUnitWithMention.unit]!.heading) : undefined;
    const context = lastUnitWithMention && lastHeading === unit.heading ? lastUnitWithMention.mention : undefined;
    if (unitFigures.length > 0 || unit.kind === 'row' || (familyOf && unitMentions.some((m) => m.sizedName))) {
      if (unit.kind === 'row') {
        readRow(masked, unit, unitMentions, unitFigures, tables, context, out, familyOf);
      } else {
        readSentences(masked, unit, unitMentions, unitFigures, mentions, prose, outside?.headings ?? [], out, familyOf);
      }
    }
    if (unitMentions.length > 0) lastUnitWithMention = { unit: u, mention: unitMentions[unitMentions.length - 1]! };
  }
  return out;
}

function reading(masked: string, raw: RawFigure, bounds: Span) {
  return readFigureContext({ before: masked.slice(Math.max(bounds.start, raw.start - 60), raw.start), after: masked.slice(raw.end, Math.min(bounds.end, raw.end + 60)) });
}

/** What joins the figures of one enumeration: "8B, 70B and 405B", "7B、13B和70B", "7B/13B", "from 7B to 70B". */
const ENUMERATION_GAP = /^(?:\s*(?:[、,，/&]|and|or|to|和|及|与|以及|至|到)\s*)+$/iu;

/** Whether a mention can carry figures where it stands (not an unknown variant, a class, a derived model…). */
export function canCarryFigures(masked: string, m: ModelMention): boolean {
  return !isUnusable(masked, m);
}

/** Mentions that must not carry figures: unknown variants ("DBRX MoE-B") and classes ("BERT 类模型", "GPT-3-class"). */
function isUnusable(masked: string, m: ModelMention, title = false): boolean {
  const after = masked.slice(m.end, m.end + 24);
  // "DBRX MoE-B", "Yi-1.5 Turbo", "通义千问VL": a capitalised token glued to a known name makes a model we do not know.
  // In a title ("## Llama 2 Overview") a plain capitalised word is title case; only variant-shaped tokens count there.
  const variant = /^[ \u00a0\-\u2011]?([A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*)(?![A-Za-z0-9])/u.exec(after);
  const shaped = variant && (!title || /[-\d]|^[A-Z]{2,}$|^[A-Z][a-z]+[A-Z]/.test(variant[1]!));
  if (variant && shaped && !NOT_A_NAME.test(variant[1]!) && !/^(?:Instruct|Chat|Base|Vision|Preview|Thinking)$/.test(variant[1]!)) return true;
  // "DBRX 2025", "Gemma 5": a bare number after a known name is a version we do not know (not a size, not a date).
  if (/^[ \u00a0-]\d+(?:\.\d+)*(?![\d.]|\s*(?:[BbMmTtKk](?![A-Za-z])|billion|million|trillion|亿|万|年|月|日|号|%))/iu.test(after)) return true;
  // "DeepSeek-R1 distilled models", "Llama 2-based models", "Qwen 蒸馏版": models derived from X are not X.
  if (/^[\s-]*(?:distill(?:ed|ation)?|based|fine-?tuned|derived|蒸馏|衍生|微调)(?![A-Za-z])/iu.test(after)) return true;
  // "Switch Transformer (top-1 expert): 52.5B": a name qualified by a parenthesised configuration, then a colon, labels that configuration.
  const qualified = /^\s*[(（]([^()（）]{1,40})[)）]\s*[:：]/u.exec(after + masked.slice(m.end + 24, m.end + 60));
  if (qualified && /[a-z]/.test(qualified[1]!) && !/\d(?:\.\d+)?\s*[BMT](?![A-Za-z])/.test(qualified[1]!)) return true;
  // "the larger Qwen models", "Llama 系列": a name without a version, as a plural or series, is the brand, not one model.
  if (!/\d/.test(m.text) && /^[\s-]*(?:models|families|series|LLMs|系列)(?![A-Za-z])/u.test(after)) return true;
  // "BERT 类模型", "GPT-3-like", "GPT-4-class models": the name stands for a kind of model, not the model.
  return /^[\s-]*(?:类|式|等级|级别|(?:like|style|class|type|sized|scale)(?![A-Za-z]))/iu.test(after);
}

interface Sizing {
  raw: RawFigure;
  reading: FigureReading;
  explicit: boolean;
}

function readSentences(
  masked: string,
  unit: ProseUnit,
  unitMentions: ModelMention[],
  figures: RawFigure[],
  allMentions: ModelMention[],
  prose: Prose,
  outsideHeadings: HeadingOutline[],
  out: Association[],
  familyOf: ((name: string) => string | undefined) | undefined,
): void {
  const sentences = sentencesOf(masked, unit);
  // "3亿（340M）", "1750亿（175B）": a figure restated in parentheses is one claim. The outer figure is read
  // past the parenthesis ("33亿（3B）token" counts tokens); when the two agree within the outer's rounding,
  // the more precise inner one carries the claim.
  const readFrom = new Map<RawFigure, number>();
  const restated = new Set<RawFigure>();
  for (let i = 0; i + 1 < figures.length; i++) {
    const outer = figures[i]!;
    const inner = figures[i + 1]!;
    if (!/^\s*[(（]\s*$/u.test(masked.slice(outer.end, inner.start))) continue;
    const close = /^\s*[)）]/u.exec(masked.slice(inner.end, inner.end + 4));
    if (!close) continue;
    readFrom.set(outer, inner.end + close[0].length);
    if (Math.abs(outer.value - inner.value) <= outer.precision / 2 + 1e-9 * outer.value) restated.add(outer);
  }
  // Figures joined only by separators form one enumeration: one model, one reading ("in 8B, 70B and 405B sizes").
  const groups: Sizing[][] = [];
  let prevRaw: RawFigure | undefined;
  let prevCounts = true;
  let notCountingUntil = -1;
  for (const raw of figures) {
    const bi = indexAt(sentences, raw.start);
    const bounds = bi >= 0 ? sentences[bi]! : unit;
    const from = readFrom.get(raw);
    let r = from === undefined ? reading(masked, raw, bounds) : readFigureContext({ before: masked.slice(Math.max(bounds.start, raw.start - 60), raw.start), after: masked.slice(from, Math.min(bounds.end, from + 60)) });
    // "39.3M GPU hours (1.46M for 8B, 7.0M for 70B)": a parenthesis opened after a figure that counts something
    // else breaks that figure down; nothing inside it is a parameter count.
    if (prevRaw && !prevCounts && prevRaw.end >= bounds.start && /^[^()（）]*[(（][^()（）]*$/u.test(masked.slice(prevRaw.end, raw.start))) {
      const close = masked.slice(raw.end, bounds.end).search(/[)）]/u);
      notCountingUntil = close < 0 ? bounds.end : raw.end + close;
    }
    if (raw.start < notCountingUntil) r = undefined;
    prevRaw = raw;
    prevCounts = r !== undefined;
    if (restated.has(raw)) continue;
    const last = groups[groups.length - 1];
    const prev = last?.[last.length - 1];
    const entry: Sizing = { raw, reading: r ?? { explicitParameters: false, hedged: false }, explicit: !!r?.explicitParameters };
    if (!r) {
      groups.push([]);
      continue;
    }
    const gap = prev ? masked.slice(prev.raw.end, raw.start) : '';
    if (prev && ENUMERATION_GAP.test(gap)) {
      // "671B/37B", "46.7B/12.9B": a smaller figure after a slash is the MoE total/active notation.
      if (/^\s*\/\s*$/.test(gap) && last!.length === 1 && raw.value < prev.raw.value && !prev.reading.statedKind && !entry.reading.statedKind) {
        prev.reading = { ...prev.reading, statedKind: 'total' };
        entry.reading = { ...entry.reading, statedKind: 'active' };
      }
      last!.push(entry);
    } else groups.push([entry]);
  }
  // Units of the parameter counts already read in the current sentence (groups come in text order).
  let countedIn: Span | undefined;
  let countedScales = new Set<number>();
  // What every group of one sentence shares, worked out once per sentence: a 1 MB one-line paragraph
  // holds tens of thousands of groups and must not be rescanned for each.
  let inSentence: ModelMention[] = [];
  let usable: ModelMention[] = [];
  let usableSet: Set<ModelMention> | undefined;
  let usableModels = 0;
  let sizedUsable: { at: number; value: number; mention: ModelMention }[] = [];
  let unknownNames: UnknownNames | undefined;
  for (const group of groups) {
    if (group.length === 0) continue;
    let explicit = group.some((g) => g.explicit);
    const first = group[0]!;
    const si = indexAt(sentences, first.raw.start);
    const sentence = si >= 0 ? sentences[si]! : unit;
    if (countedIn !== sentence) {
      countedIn = sentence;
      countedScales = new Set();
      inSentence = mentionsWithin(unitMentions, sentence);
      usable = inSentence.filter((m) => !isUnusable(masked, m));
      usableSet = usable.length > 16 ? new Set(usable) : undefined;
      usableModels = new Set(usable.map((m) => m.modelId)).size;
      sizedUsable = [];
      usable.forEach((m, i) => {
        const size = sizeInName(m.text);
        if (size) sizedUsable.push({ at: i, value: Number(size.num) * size.scale, mention: m });
      });
      unknownNames = undefined;
    }
    // "37 billion parameters are used ... as opposed to all 671 billion": a figure in the unit of an earlier
    // parameter count in the same sentence shares its elided noun.
    if (!explicit && first.raw.scale > 1 && countedScales.has(first.raw.scale)) explicit = true;
    for (const g of group) if (g.explicit && g.raw.scale > 1) countedScales.add(g.raw.scale);
    const lastRaw = group[group.length - 1]!.raw;
    let picked = pickMention(masked, { start: first.raw.start, end: lastRaw.end }, inSentence);
    if (picked === null) {
      // "Llama-3 8B和70B": the siblings of a sized name are sizes of its family.
      const before = inSentence[countBefore(inSentence, (m) => m.end <= first.raw.start) - 1];
      const size = before ? sizeInName(before.text) : undefined;
      const family = size && familyOf ? familyOf(size.bare) : undefined;
      const gap = before ? masked.slice(before.end, first.raw.start) : '';
      // "…和Gemma 7B，70B模型则…": after a bare comma, a size of an unnamed model starts a new clause, not a sibling.
      const newClause = /^\s*[,，]\s*$/u.test(gap) && UNNAMED_MODEL_AFTER.test(masked.slice(lastRaw.end, lastRaw.end + 30));
      if (before && family && !newClause && SIBLING_SIZES.test(gap)) picked = { ...before, modelId: family, sizedName: true };
    }
    let mention: ModelMention | undefined = picked ?? undefined;
    if (mention && inVariantList(masked, first.raw, mention)) continue;
    // "175B 的 GPT-3", "the 9.7-trillion-parameter GPT-5.5": a figure that qualifies the name after it is a size.
    if (mention && mention.start >= lastRaw.end) explicit = true;
    const usableBefore = countBefore(usable, (m) => m.end <= first.raw.start);
    // A list item's label ("- 模型容量较小：6B 的小容量…") does not keep a size from opening the sentence.
    const startsSentence = /^[\s*_>#+-]*(?:[^:：。.!?！？]{1,20}[:：][\s*_]*)?$/u.test(masked.slice(sentence.start, first.raw.start));
    // The model named after an opening size must not sit in a parenthesis ("70亿参数（比GPT-3少25倍）" compares).
    const forwardFree = usable.length > 0 && !/[(（][^)）]*$/u.test(masked.slice(lastRaw.end, usable[0]!.start));
    if (!mention && picked !== null && explicit && usable.length === inSentence.length && usableModels === 1 && (usableBefore > 0 || (startsSentence && forwardFree))) {
      // "The Llama 3.1 collection ... in 8B, 70B and 405B sizes", "1.5 billion parameters: the largest GPT-2 version":
      // a sentence that names one model and states sizes is about it (the name first, or the size opening the sentence).
      mention = usable[usableBefore - 1] ?? usable[0];
    }
    if (!mention && picked !== null && explicit && usableBefore === 0) mention = colonTopic(masked, sentences, si, unitMentions);
    if (!mention && group.length === 1) mention = variantReference(masked, first.raw, sentence, unitMentions, familyOf, out, unit);
    // A sentence that names some other, unknown model ("GPT-5.55", "Tiny Aya 3B") keeps its figures.
    unknownNames ??= unknownNamesIn(masked, sentence);
    const namesUnknownModel = namesUnknownBefore(masked, sentence, unknownNames, first.raw.start);
    // "We trained a 125M parameter proxy model": an indefinite unnamed model is nobody's size.
    const indefinite = endsWithMatch(INDEFINITE_BEFORE, masked.slice(Math.max(sentence.start, first.raw.start - 100), first.raw.start));
    let fromHeading = false;
    if (!mention && picked !== null && inSentence.length === 0 && explicit && !namesUnknownModel && !indefinite) {
      // The sentence names no model: the list item's title, then the paragraph, then the section.
      for (const title of unit.listTitles) {
        mention = mentionsWithin(allMentions, title)[0];
        if (mention) break;
      }
      if (!mention) {
        const earlier = unitMentions.slice(0, countBefore(unitMentions, (m) => m.end <= first.raw.start));
        const distinct = new Set(earlier.map((m) => m.modelId));
        if (distinct.size === 1) mention = earlier[earlier.length - 1];
      }
      // The section's heading; when it names no model, the headings above it ("### Model version" under "# GPT-3 Model Card"),
      // first in this text, then those the caller says it sits under.
      let level = Infinity;
      let settled = false;
      for (let h = unit.heading; !mention && !settled && h >= 0; h = prose.units[h]!.heading) {
        const heading = prose.units[h]!;
        const own = headingLevel(masked, heading);
        if (own >= level) continue;
        level = own;
        const inHeading = mentionsWithin(allMentions, heading).filter((m) => !isUnusable(masked, m, true));
        if (inHeading.length === 0) continue;
        settled = true;
        if (new Set(inHeading.map((m) => m.modelId)).size === 1) {
          mention = inHeading[0];
          fromHeading = true;
        }
      }
      for (const heading of outsideHeadings) {
        if (mention || settled) break;
        if (heading.level >= level) continue;
        level = heading.level;
        if (heading.mentions.length === 0) continue;
        settled = true;
        if (new Set(heading.mentions.map((m) => m.modelId)).size === 1) {
          mention = heading.mentions[0];
          fromHeading = true;
        }
      }
    }
    // "Baichuan-13B 是继 Baichuan-7B 之后开发的包含 130 亿参数的模型": a figure equal to the size in a name
    // earlier in the sentence restates that name's size, whichever name is nearer.
    if ((mention || picked === null) && group.length === 1) {
      const sameSize = (value: number): boolean => Math.abs(value - first.raw.value) <= 0.05 * first.raw.value;
      // The sized names before the figure, nearest first; bounded, as a sentence of thousands of sized names is no prose.
      let last: ModelMention | undefined;
      let mentionIsSame = false;
      const upTo = countBefore(sizedUsable, (x) => x.at < usableBefore);
      for (let k = upTo - 1, seen = 0; k >= 0 && seen < SAME_SIZE_LOOKBACK; k--, seen++) {
        if (!sameSize(sizedUsable[k]!.value)) continue;
        last ??= sizedUsable[k]!.mention;
        if (sizedUsable[k]!.mention === mention) mentionIsSame = true;
        if (!mention || mentionIsSame) break;
      }
      if (last && !mentionIsSame) mention = last;
    }
    // A mention from a heading or list title above the unit is read as a title; one from outside this text was read there.
    // (A mention of this sentence was already read as usable or not.)
    const title = mention ? mention.end <= unit.start : false;
    if (!mention || (!outsideHeadings.some((h) => h.mentions.includes(mention!)) && (!title && usableSet?.has(mention) ? false : isUnusable(masked, mention, title)))) continue;
    // A topic found away from the figure ("Llama 3.1 405B is the largest. We also released 8B ...") is the family, not the sized model.
    // A sized name heading the section ("# ChatGLM-6B") is the document's model itself when no family is known.
    if (mention !== picked) mention = familyMention(mention, familyOf) ?? (fromHeading ? mention : undefined);
    if (!mention) continue;
    for (const g of group) {
      const gi = indexAt(sentences, g.raw.start);
      const s = gi >= 0 ? sentences[gi]! : unit;
      const reading = g.reading.explicitParameters === explicit ? g.reading : { ...g.reading, explicitParameters: explicit };
      out.push({ figure: toParsedFigure(g.raw, reading), raw: g.raw, mention, distanced: isDistanced(masked, g.raw, s) });
    }
  }
  if (familyOf) readSizedNames(masked, sentences, unitMentions, out, familyOf);
}

/**
 * "X 提供了三种规模：小型模型 8B 参数；中型模型 70B 参数；大型模型 400B": clauses joined by semicolons after a
 * colon are the items of a list introduced by the head before the colon; its one model is their topic.
 */
function colonTopic(masked: string, sentences: Span[], index: number, mentions: ModelMention[]): ModelMention | undefined {
  for (let k = index - 1; k >= 0; k--) {
    const s = sentences[k]!;
    const text = masked.slice(s.start, s.end);
    if (!/[；;]\s*$/u.test(text)) return undefined;
    const colon = text.search(/[:：]/u);
    if (colon < 0) continue;
    const head = { start: s.start, end: s.start + colon };
    const named = mentions.filter((m) => inside(m, head) && !isUnusable(masked, m));
    return new Set(named.map((m) => m.modelId)).size === 1 ? named[named.length - 1] : undefined;
  }
  return undefined;
}

/** "the 70B model", "…，而70B模型", "8B模型在…" (opening a clause): a definite reference to a size of the paragraph's topic. */
const VARIANT_REFERENCE_BEFORE = /(?:\bthe\s+(?:[a-z]+(?:est|er)\s+)?|(?:^|[，,：:；;。]|而|其中|除了|最大的|最小的)\s*)$/iu;

/**
 * The antecedent of a definite reference to a size: the model the paragraph last stated sizes for
 * ("Gemma 3 提供 1B、4B、12B 和 27B；其中 27B 版本…", "(7B, 13B, 70B) … the 70B model"). A model named
 * after it with that very size ("… Qwen 72B, and the 72B model …") is what the reference points to instead.
 */
function variantReference(
  masked: string,
  raw: RawFigure,
  sentence: Span,
  mentions: ModelMention[],
  familyOf: ((name: string) => string | undefined) | undefined,
  earlier: Association[],
  unit: Span,
): ModelMention | undefined {
  if (!UNNAMED_MODEL_AFTER.test(masked.slice(raw.end, raw.end + 30))) return undefined;
  if (!VARIANT_REFERENCE_BEFORE.test(masked.slice(sentence.start, raw.start))) return undefined;
  // Associations are appended in text order; only this unit's count.
  let antecedent: Association | undefined;
  for (let i = earlier.length - 1; i >= 0 && earlier[i]!.raw.start >= unit.start; i--) {
    if (earlier[i]!.raw.end <= raw.start) {
      antecedent = earlier[i];
      break;
    }
  }
  if (!antecedent) return undefined;
  const family = familyMention(antecedent.mention, familyOf);
  if (!family) return undefined;
  // Only a family has sizes to refer to: the antecedent is a family name, or the paragraph gave it several sizes.
  if (!family.sizedName) {
    const sizes = new Set<number>();
    for (let i = earlier.length - 1; i >= 0 && earlier[i]!.raw.start >= unit.start; i--) if (earlier[i]!.mention.modelId === family.modelId) sizes.add(earlier[i]!.figure.value);
    if (sizes.size < 2) return undefined;
  }
  for (const m of mentions) {
    if (m.start < antecedent.raw.end || m.end > raw.start || isUnusable(masked, m)) continue;
    const size = sizeInName(m.text);
    const sameSize = (size && Math.abs(Number(size.num) * size.scale - raw.value) < 1e-6 * raw.value) || m.text.toLowerCase().endsWith(raw.text.toLowerCase());
    if (sameSize && familyMention(m, familyOf)?.modelId !== family.modelId) return undefined;
  }
  return family;
}

function headingLevel(masked: string, heading: Span): number {
  const m = /^\s*(#{1,6})/.exec(masked.slice(heading.start, heading.end));
  return m ? m[1]!.length : 1;
}

/** A sized name ("Llama 3.1 405B") as the mention of its family; undefined when the family is not known. */
function familyMention(m: ModelMention, familyOf: ((name: string) => string | undefined) | undefined): ModelMention | undefined {
  const size = sizeInName(m.text);
  if (!size) return m;
  if (m.sizedName) return m;
  const family = familyOf?.(size.bare);
  return family ? { ...m, modelId: family, sizedName: true } : undefined;
}

/**
 * "Llama-3 13B" where the fact base knows Llama 3 but no 13B model: the size in the name is a claim
 * about the family, checked like any other figure.
 */
function readSizedNames(masked: string, spans: Span[], mentions: ModelMention[], out: Association[], familyOf: (name: string) => string | undefined): void {
  for (const m of mentions) {
    if (!m.sizedName || isUnusable(masked, m)) continue;
    const size = sizeInName(m.text);
    // "Qwen-1.5B" may be Qwen1.5 "B…": when name and number make a known model, the size is ambiguous.
    if (!size || familyOf(size.bare + size.num) !== undefined) continue;
    const start = m.start + size.offset;
    const end = start + size.num.length + 1;
    const dot = size.num.indexOf('.');
    const value = Number(size.num) * size.scale;
    const precision = (dot < 0 ? 1 : Math.pow(10, dot + 1 - size.num.length)) * size.scale;
    const raw: RawFigure = { start, end, text: masked.slice(start, end), value, low: value, high: value, precision, numberStart: start, numberEnd: start + size.num.length, scale: size.scale, isRange: false, isProduct: false };
    const si = indexAt(spans, start);
    const span = si >= 0 ? spans[si]! : m;
    out.push({ figure: toParsedFigure(raw, { explicitParameters: true, hedged: false }), raw, mention: m, distanced: isDistanced(masked, raw, span) });
  }
}

interface TableShape {
  /** Parameter columns: the unit their header gives unitless cells, and the kind it names. */
  paramColumns: Map<number, number>;
  columnKinds: Map<number, 'total' | 'active'>;
  modelColumn: number;
  /** Columns with an empty header ("|||TruthfulQA|"): a cell holding only a size there sizes the row's model. */
  blankColumns: Set<number>;
  /** Transposed tables: models named in the header, one per column. */
  columnModels: Map<number, ModelMention>;
}

function shapeOf(masked: string, header: ProseUnit, headerMentions: ModelMention[]): TableShape {
  const paramColumns = new Map<number, number>();
  const columnKinds = new Map<number, 'total' | 'active'>();
  const blankColumns = new Set<number>();
  const columnModels = new Map<number, ModelMention>();
  let modelColumn = -1;
  (header.cells ?? []).forEach((cell, i) => {
    const label = masked.slice(cell.start, cell.end);
    const named = mentionsWithin(headerMentions, cell);
    if (named.length === 1 && !isUnusable(masked, named[0]!)) columnModels.set(i, named[0]!);
    if (/^[\s*_]*$/.test(label)) blankColumns.add(i);
    else if (PARAM_HEADER.test(label) && !NOT_PARAM_HEADER.test(label)) {
      const scale = HEADER_SCALE.find(([re]) => re.test(label))?.[1] ?? 0;
      paramColumns.set(i, scale);
      if (/activ|激活|活跃/iu.test(label)) columnKinds.set(i, 'active');
      else if (/total|总/iu.test(label)) columnKinds.set(i, 'total');
    } else if (modelColumn < 0 && MODEL_HEADER.test(label)) modelColumn = i;
  });
  return { paramColumns, columnKinds, modelColumn, blankColumns, columnModels };
}

/** Whether a span overlaps one of the figures (sorted and disjoint), by binary search rather than a walk per column. */
function overlapsAny(figures: RawFigure[], span: Span): boolean {
  const i = countBefore(figures, (f) => f.end <= span.start);
  return i < figures.length && overlaps(figures[i]!, span);
}

const UNITLESS_NUMBER = /(?<![\w.])\d+(?:\.\d+)?(?![\w.%])/g;

function readRow(
  masked: string,
  unit: ProseUnit,
  unitMentions: ModelMention[],
  figures: RawFigure[],
  tables: Map<number, TableShape>,
  context: ModelMention | undefined,
  out: Association[],
  familyOf: ((name: string) => string | undefined) | undefined,
): void {
  const cells = unit.cells ?? [];
  if (familyOf && !unit.headerRow) readSizedNames(masked, cells, unitMentions, out, familyOf);
  if (unit.headerRow) {
    tables.set(unit.table ?? -1, shapeOf(masked, unit, unitMentions));
    return;
  }
  const shape = tables.get(unit.table ?? -1) ?? { paramColumns: new Map(), columnKinds: new Map(), modelColumn: -1, blankColumns: new Set(), columnModels: new Map() };
  const cellOf = (s: Span): number => indexAt(cells, s.start);
  let rowModel: ModelMention | undefined;
  if (shape.modelColumn >= 0) {
    // The model column says which model the row is about; a row whose model we do not know is left alone.
    const cell = cells[shape.modelColumn];
    rowModel = cell ? mentionsWithin(unitMentions, cell)[0] : undefined;
  } else if (new Set(unitMentions.map((m) => m.modelId)).size === 1) rowModel = unitMentions[0];
  else if (unitMentions.length === 0 && shape.paramColumns.size > 0) rowModel = context;
  // "| **DBRX MoE-A** | 7.7B |": a model cell naming a variant we do not know leaves the row alone.
  if (rowModel && isUnusable(masked, rowModel)) rowModel = undefined;
  // Transposed tables ("| # Total Params | 671B | ... |" under a header of model names): the row label names the kind.
  const firstFigureCol = figures.length ? cellOf(figures[0]!) : -1;
  const label = firstFigureCol > 0 ? masked.slice(cells[0]!.start, cells[firstFigureCol - 1]!.end) : '';
  const transposed = shape.columnModels.size > 0 && unitMentions.length === 0 && PARAM_HEADER.test(label) && !NOT_PARAM_HEADER.test(label);
  const labelKind = /activ|激活|活跃/iu.test(label) ? 'active' : /total|总/iu.test(label) ? 'total' : undefined;
  const handled = new Set<RawFigure>();
  for (const raw of figures) {
    const col = cellOf(raw);
    const cell = cells[col] ?? unit;
    const onlyFigure = masked.slice(cell.start, cell.end).trim().replace(/^[*_]+|[*_]+$/g, '') === raw.text;
    if (transposed && shape.columnModels.has(col) && onlyFigure) {
      const r = reading(masked, raw, cell);
      if (!r) continue;
      out.push({ figure: toParsedFigure(raw, { ...r, explicitParameters: true, statedKind: r.statedKind ?? labelKind }), raw, mention: shape.columnModels.get(col)!, distanced: isRowDistanced(masked, unit, raw) });
      continue;
    }
    if (shape.paramColumns.has(col)) {
      if (!rowModel) continue;
      const r = reading(masked, raw, cell) ?? undefined;
      if (!r) continue;
      handled.add(raw);
      const statedKind = r.statedKind ?? shape.columnKinds.get(col);
      out.push({ figure: toParsedFigure(raw, { ...r, explicitParameters: true, statedKind }), raw, mention: rowModel, distanced: isRowDistanced(masked, unit, raw) });
      continue;
    }
    const r = reading(masked, raw, cell);
    if (!r) continue;
    const inCell = mentionsWithin(unitMentions, cell);
    const picked = pickMention(masked, raw, inCell);
    // "|Llama 1|7B|27.42|" under a blank header: a cell that is only a size states the row model's size.
    const mention = picked === null ? undefined : (picked ?? (r.explicitParameters || (onlyFigure && shape.blankColumns.has(col)) ? rowModel : undefined));
    // No variant-list check here: in a row a pipe next to a figure is a cell border ("|Llama 1|7B|").
    if (!mention || isUnusable(masked, mention)) continue;
    out.push({ figure: toParsedFigure(raw, r), raw, mention, distanced: isDistanced(masked, raw, cell) });
  }
  // Unitless numbers in a "Params (B)" column take the header's unit.
  if (!rowModel) return;
  for (const [col, scale] of shape.paramColumns) {
    if (!scale) continue;
    const cell = cells[col];
    if (!cell) continue;
    const content = masked.slice(cell.start, cell.end);
    // "0.06 - 11": a span of a family's sizes is one range claim (some size lies in it).
    const span = /^\s*(\d+(?:\.\d+)?)\s*(?:-|–|to)\s*(\d+(?:\.\d+)?)\s*$/.exec(content);
    if (span && Number(span[2]) > Number(span[1])) {
      const start = cell.start + content.indexOf(span[1]!);
      const end = cell.start + content.lastIndexOf(span[2]!) + span[2]!.length;
      const low = Number(span[1]) * scale;
      const high = Number(span[2]) * scale;
      const raw: RawFigure = { start, end, text: masked.slice(start, end), value: (low + high) / 2, low, high, precision: scale, numberStart: start, numberEnd: end, scale, isRange: true, isProduct: false };
      if (!overlapsAny(figures, raw)) out.push({ figure: toParsedFigure(raw, { explicitParameters: true, hedged: true, statedKind: shape.columnKinds.get(col) }), raw, mention: rowModel, distanced: isRowDistanced(masked, unit, raw) });
      continue;
    }
    // "3, 7, 12": a list of a family's sizes; each number is one of them.
    if (!/^\s*~?\s*\d+(?:\.\d+)?(?:\s*(?:,|、|\/)\s*\d+(?:\.\d+)?)*\s*$/.test(content)) continue;
    UNITLESS_NUMBER.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = UNITLESS_NUMBER.exec(content)) !== null) {
      const start = cell.start + m.index;
      const value = Number(m[0]) * scale;
      const dot = m[0].indexOf('.');
      const precision = (dot < 0 ? 1 : Math.pow(10, dot + 1 - m[0].length)) * scale;
      const raw: RawFigure = { start, end: start + m[0].length, text: m[0], value, low: value, high: value, precision, numberStart: start, numberEnd: start + m[0].length, scale, isRange: false, isProduct: false };
      if (overlapsAny(figures, raw)) continue;
      out.push({
        figure: toParsedFigure(raw, { explicitParameters: true, hedged: /~/.test(content), statedKind: shape.columnKinds.get(col) }),
        raw,
        mention: rowModel,
        distanced: isRowDistanced(masked, unit, raw),
      });
    }
  }
}
