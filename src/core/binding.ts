// Which mention a figure is stated for, from the words between them, and which mentions can carry figures at all.
import { isBlank } from './blanks';
import { closesOpeningPhrase, closingComma, relativeClauseSubject } from './clauses';
import { type RawFigure, readFigureContext } from './figures';
import { comparedSubject } from './comparisons';
import { derivedOwner, sizesDerivedModel } from './derivedModels';
import { countEndingBy, countStartingBefore, lastEndingBy } from './spanSearch';
import type { ModelMention, Span } from './types';

// "3亿参数量、33亿训练数据的 BERT": coordinated "figure + noun" modifiers before 的 still qualify the name.
const COORDINATED_MODIFIERS = /^\s*参数量?\s*(?:[、和及与,，]\s*\d[\d.]*\s*(?:万亿|千亿|百亿|亿|[BMT])?\s*[\u4e00-\u9fff]{1,6})+\s*的\s*$/u;

/** "405B for Llama 3.1", "the 46.7B of Mixtral 8x7B": a preposition ties a figure to the name after it ("in" does not: "1T parameters in the DeepSeek-V3 mold"). */
const PREPOSITION_GAP = /^\s*(?:(?:parameters?|params?)\s+)?(?:(?:total|active)\s+)?(?:for|of)\s+(?:the\s+)?$/iu;

/** What may stand between a figure and the model it qualifies when the figure comes first. */
// "175B参数的GPT-3", "175B 的 GPT-3": a Chinese parameter noun and 的 (with spaces around it) also qualify the name that follows.
const FORWARD_GAP = /^[\s-]*(?:(?:parameters?|params?|param)\b[\s-]*|参数量?\s*)?(?:\(?(?:total|active|dense|sparse|MoE|open|open-weight|open-source)\)?[\s-]*)*(?:version\s+of\s+|variant\s+of\s+|model\s+|的\s*)?$/iu;

// The regexes here are module constants rather than literals in the functions: a literal makes a new RegExp
// object each time it is evaluated, and these are read per figure, per mention or per character.
/**
 * What binds a figure backwards to the name just before it: "X (671B)", "X: 70B", "X's 7B": blanks, "'", "’" or "s", then
 * at most one "(", ":" or "," and blanks, as `^[\s'’s]*[(（:：,，]?\s*$` reads it. Read from the end, where a gap that is
 * not one fails at once: that regex backtracks over a long blank run (masked code) once per position, for every figure
 * after it.
 */
function bindsBackward(gap: string): boolean {
  let i = gap.length;
  while (i > 0 && isBlank(gap.charCodeAt(i - 1))) i--;
  if (i > 0 && BACKWARD_MARKS.has(gap.charCodeAt(i - 1))) i--;
  while (i > 0) {
    const c = gap.charCodeAt(i - 1);
    if (!isBlank(c) && c !== 0x27 && c !== 0x2019 && c !== 0x73) return false;
    i--;
  }
  return true;
}
const BACKWARD_MARKS = new Set(Array.from('(（:：,，', (c) => c.charCodeAt(0)));
const COMMA = /[,，]/;

/**
 * Picks the mention a figure in one sentence is stated for: the mention, `null` when a rule says the
 * figure belongs to something else (no fallback may bind it), `undefined` when nothing is near enough.
 */
export function pickMention(text: string, raw: Span, mentions: ModelMention[]): ModelMention | null | undefined {
  // A sentence without names, as most figures' are, has nothing to pick from.
  if (mentions.length === 0) return undefined;
  // The last mention ending before the figure and the first starting after it (neighboursOf, without an object per figure).
  const firstAfter = countStartingBefore(mentions, raw.end);
  const before = lastEndingBy(mentions, firstAfter, raw.start);
  const after = firstAfter < mentions.length ? mentions[firstAfter] : undefined;
  // A figure far from the name before it (a long masked run between them) is tied to it by no rule: the gap is read
  // once per figure, and every figure after a run would read the run again.
  const gapBefore = before && raw.start - before.end <= MAX_READ_GAP ? text.slice(before.end, raw.start) : undefined;
  // Read only with a gap before the figure: every test of it below needs one.
  const unnamed = gapBefore !== undefined && UNNAMED_MODEL_AFTER.test(text.slice(raw.end, raw.end + 30));
  // "R1's 32B distilled model", "15 亿到 700 亿参数的蒸馏模型", "70 亿参数蒸馏版": the size of a model made from the name before.
  if (before !== undefined && sizesDerivedModel(text, raw.end)) return null;
  // "Llama-3 8B和70B", "Llama 3.1 8B, 70B, and 405B": sizes listed after a sized name are its siblings (the caller binds them to the family).
  if (before && gapBefore !== undefined && sizeInName(before.text) && SIBLING_SIZES.test(gapBefore)) return null;
  // "Unlike DeepSeek-V3, the 7B model …", "Distilled from DeepSeek-R1, 7B models …": a name in the sentence's opening
  // phrase sizes nothing after the phrase's comma; "S, which beats X, has 32B" sizes S (clauses.ts).
  const comma = gapBefore !== undefined ? closingComma(gapBefore) : -1;
  // ("Unlike GPT-3, the 16B Phi-4 is open": a name right after the figure still takes it.)
  if (comma >= 0 && closesOpeningPhrase(text, before!, gapBefore!, comma, raw.end)) return boundForward(text, raw, after) ?? null;
  // "X (671B)", "X, at 9.7T,", "X: 70B" bind backwards first; "X，70B模型则…" starts a new clause about another model.
  if (before && gapBefore !== undefined && bindsBackward(gapBefore) && !(unnamed && COMMA.test(gapBefore))) return before;
  const forward = boundForward(text, raw, after);
  if (forward) return forward;
  if (!before || gapBefore === undefined) return undefined;
  if (comma >= 0) {
    const subject = relativeClauseSubject(text, mentions, before, gapBefore, comma);
    if (subject !== undefined) return subject;
  }
  // "a 70B model", "8B模型": a figure that sizes an unnamed model binds only as an apposition.
  // "X，这是一个在 1T 令牌上训练的 7B 参数模型", "X is an open 7B model": a copula makes the unnamed model X itself.
  if (unnamed && !APPOSITION.test(gapBefore)) return (gapBefore.length <= MAX_BACKWARD_GAP && mayBeCopula(gapBefore) && COPULA.test(gapBefore) && !nameRightBefore(gapBefore)) || OFFERS.test(gapBefore) ? before : null;
  // "Codestral Mamba 7B", "Blog Mathstral 7B:": a capitalised word right before a size is the name it belongs to.
  if (nameRightBefore(gapBefore)) return null;
  // "SkyPile (150B)", "Phi-3.5-medium（16B）": a parenthesised figure qualifies the name just before the parenthesis.
  const paren = parenAfterName(gapBefore);
  if (paren && !NOT_A_NAME.test(paren[1]!)) return null;
  // Far from its model, with other words between, a figure is too loosely tied to judge.
  if (gapBefore.length > MAX_BACKWARD_GAP) return undefined;
  // Models made from the name before, or other models the sentence does not name (derivedModels.ts).
  const owner = derivedOwner(text, mentions, before, gapBefore);
  if (owner !== undefined) return owner;
  // "DeepSeek-V3 beats Llama 3.1 405B with only 37B active" (comparisons.ts).
  const subject = comparedSubject(text, mentions, before, gapBefore);
  return subject === undefined ? before : subject;
}

/** The name right after a figure when the words between tie the figure to it ("175B 参数的 GPT-3", "405B for Llama 3.1"). */
function boundForward(text: string, raw: Span, after: ModelMention | undefined): ModelMention | undefined {
  if (!after) return undefined;
  const gapAfter = text.slice(raw.end, after.start);
  return FORWARD_GAP.test(gapAfter) || COORDINATED_MODIFIERS.test(gapAfter) || PREPOSITION_GAP.test(gapAfter) ? after : undefined;
}

/** Capitalised words that stand before a figure without naming anything: "Total 671B", "About 7B". */
const NOT_A_NAME = /^(?:The|An?|At|About|Around|Approx(?:imately)?|Roughly|Nearly|Almost|Over|Under|Only|Just|With|And|Or|To|Of|In|On|For|From|By|Has|Have|Had|Is|Was|Are|Were|Total|Active|Activated|Params?|Parameters?|Sizes?|Models?|MoE|Dense|Sparse|Up|Between|Than|Some|Estimated|All|Its|Their|Each|Per|Vs|Versus|Both|Also|New|Base|Instruct|Chat|Versions?|Variants?|LLMs?|AI|API|Size|Since|Until|After|Before|During|Through|Today|This|That|These|Those|We|It|They|Our|His|Her|When|While|If|As|Like)$/;

// "Ministral 3 3B": the name may carry a version number before the size. Tried at the gap's end only (a
// lookbehind is read backwards): the gap may run for a whole paragraph, and is not searched from every offset.
// The token is a whole run of letters and digits, so the capture is the one a forward search would find.
const NAME_RIGHT_BEFORE = /(?<=(?:^|[^A-Za-z0-9.-])([A-Z][A-Za-z0-9]*)(?:[ \u00a0-]\d+(?:\.\d+)?)?[ \u00a0-])/uy;

function nameRightBefore(gap: string): boolean {
  NAME_RIGHT_BEFORE.lastIndex = gap.length;
  const m = NAME_RIGHT_BEFORE.exec(gap);
  return !!m && !NOT_A_NAME.test(m[1]!);
}

/** A name-like token (capitalised or with a digit) and then an opening parenthesis, at the end of the gap. */
const PAREN_AFTER_NAME = /(?:^|[^A-Za-z0-9.-])([A-Z][\w.-]*|[a-z][\w.-]*\d[\w.-]*)[\]\s]*[(（]\s*$/u;
const WORD_CHAR = /[\w.-]/;
const BRACKET_OR_BLANK = /[\]\s]/;

/**
 * PAREN_AFTER_NAME on the gap's end: the token is in the run of word characters before the final "(", so the
 * search starts one character before that run, not at every offset of a gap that may span a paragraph.
 */
function parenAfterName(gap: string): RegExpExecArray | null {
  let i = gap.length;
  while (i > 0 && isBlank(gap.charCodeAt(i - 1))) i--;
  const open = gap.charAt(i - 1);
  if (open !== '(' && open !== '（') return null;
  i--;
  while (i > 0 && BRACKET_OR_BLANK.test(gap.charAt(i - 1))) i--;
  while (i > 0 && WORD_CHAR.test(gap.charAt(i - 1))) i--;
  return PAREN_AFTER_NAME.exec(i > 0 ? gap.slice(i - 1) : gap);
}

/** The size written at the end of a model name ("Llama-3 8B", "Qwen2.5-72B-Instruct"): where, and the name without it. */
const NAME_SIZE = /([\s\u00a0_\-\u2010-\u2013]?)(\d+(?:\.\d+)?)([BbMmTt])(?:[\s\u00a0_\-\u2010-\u2013]?[Aa]\d+(?:\.\d+)?[Bb])?(?:[_ -](?:[Cc]hat|[Ii]nstruct|[Bb]ase|hf|HF|it|IT|[Ss]ft|SFT))*$/u;

const NAME_SCALE: Record<string, number> = { b: 1e9, m: 1e6, t: 1e12 };
export function sizeInName(name: string): NameSize | undefined {
  // Drafts repeat the same few names; each is read once (a bounded cache, cleared when full).
  const known = SIZES_READ.get(name);
  if (known !== undefined) return known ?? undefined;
  if (SIZES_READ.size >= SIZES_READ_LIMIT) SIZES_READ.clear();
  const size = readSizeInName(name);
  SIZES_READ.set(name, size ?? null);
  return size;
}

type NameSize = { bare: string; offset: number; num: string; scale: number };
const SIZES_READ = new Map<string, NameSize | null>();
const SIZES_READ_LIMIT = 4096;

function readSizeInName(name: string): NameSize | undefined {
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
export const UNNAMED_MODEL_AFTER = /^[\s-]*(?:parameters?[\s-]+|params?[\s-]+|参数(?:的)?\s*)?(?:(?:的\s*)?(?:dense|sparse|MoE|base|chat|open|small|large|稠密|稀疏|密集|基础|对话)[\s-]*)?(?:models?|LLMs?|模型|版本|variants?|versions?|(?:size\s+)?class|级别?|scale)(?![A-Za-z])/iu;

// After a bare comma an apposition needs an article or copula ("X, a 70B model"); "X，70B模型" is a new clause.
const APPOSITION = /^[\s'’s]*(?:[(（:：]\s*(?:an?|the|是|为|一个|一款)?|[,，]\s*(?:an?|the|是|为|一个|一款)|\s(?:is|was|are|were)\s+(?:an?|the)?)\s*$/iu;

// Each blank run has one place in the pattern (a blank before a unit only with the unit): `(?:\s*X\s*)+` splits a run of
// blanks between two repetitions in every way, and backtracks exponentially over " ,  ,  , … x".
export const SIBLING_SIZES = /^\s*(?:(?:[、,，/|&]|and|or|vs\.?|versus|和|及|与|以及|对比)(?:\s*\d+(?:\.\d+)?(?:\s*[BbMmTt])?)?\s*)+$/iu;
const MAX_BACKWARD_GAP = 120;
/** How far after a name a figure may stand for any rule to read the gap between them. */
export const MAX_READ_GAP = 400;
/** "X 提供 32B/110B 版本", "X comes in 7B and 70B versions": the versions a name offers, right after it, are its own. */
const OFFERS = /^\s*(?:提供了?|推出了?|包括|包含|offers|provides|comes\s+in|is\s+available\s+in|ships\s+in)\s*$/iu;

export const INDEFINITE_BEFORE = /(?:\b(?:an?|one)\s+(?:[a-z][a-z-]*\s+){0,2}|一个|一款|某个)$/iu;
/** "Its successor has 141B", "其继任者有": a figure the sentence gives another model, named by its relation to the one before. */
export const OTHER_MODEL_BEFORE = /(?:\b(?:its|their|the)\s+(?:[a-z-]+\s+)?(?:successors?|predecessors?|rivals?|competitors?|challengers?|replacements?|follow-ups?)\b|(?:其|它的)(?:继任者|前代|前身|竞争对手|对手|后继者))[^.;!?。；！？]{0,40}$/iu;
// The copula's complement runs to the figure without a clause break or a comparison.
const COPULA = /^[\s'’s]*[,，]?\s*(?:这|它|which|that|this|it)?\s*(?:是|为|is|was)\s*(?:一个|一款|an?|the)?(?:(?!than|比|vs|versus|like|像|相比|compared|\band\b|\bbut\b|\bas\b|和|但)[^.。;；!?！？,，])*$/iu;

/** What COPULA's subject or copula opens with: 这, 它, which, that, this, it, 是, 为, is, was (either case). */
const COPULA_OPENERS = new Set(Array.from('这它wWtTiI是为', (c) => c.charCodeAt(0)));

/** A character COPULA's opening `[\s'’s]*[,，]?\s*` may pass over (with /iu, "s" is also "S" and "ſ"). */
function opensCopulaGap(c: number): boolean {
  return isBlank(c) || c === 0x27 || c === 0x2019 || c === 0x73 || c === 0x53 || c === 0x17f || c === 0x2c || c === 0xff0c;
}

/**
 * A first look at a gap that rules COPULA out: past the blanks, quotes, "s" and commas it opens with, the subject or
 * the copula must start. On a gap opening with a long blank run (a masked link) COPULA itself tries every split
 * of the run between its three runs of blanks before it fails: over 100 µs for 60 blanks.
 */
function mayBeCopula(gap: string): boolean {
  let i = 0;
  while (i < gap.length && opensCopulaGap(gap.charCodeAt(i))) i++;
  return COPULA_OPENERS.has(gap.charCodeAt(i));
}

// CamelCase needs two lower-case letters first, so "MoE" is not taken for a name.
const UNKNOWN_NAME = /\b([A-Z][A-Za-z]*)[-\u2011 ]?\d[\w.-]*|\b[A-Z][a-z]{2,}[A-Z]\w*/gu;

/** Does the text name a model we do not know ("GPT-5.55", "SkyPile")? "Just 37", "In 2023" are not names. */
function namesUnknown(text: string): boolean {
  for (const m of text.matchAll(UNKNOWN_NAME)) if (!m[1] || !NOT_A_NAME.test(m[1])) return true;
  return false;
}

/** The name-like tokens of one sentence, read once: which of them name an unknown model. */
export interface UnknownNames {
  spans: Span[];
  /** Index of the first span that names an unknown model, or spans.length. */
  firstNaming: number;
}

export function unknownNamesIn(masked: string, sentence: Span): UnknownNames {
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
export function namesUnknownBefore(masked: string, sentence: Span, names: UnknownNames, at: number): boolean {
  const whole = countEndingBy(names.spans, at);
  if (names.firstNaming < whole) return true;
  const across = names.spans[whole];
  if (across && across.start < at) return namesUnknown(masked.slice(sentence.start, at));
  return false;
}

/** Variant lists ("Llama 3.1-8|70|405B", "Gemma-2|7B") read ambiguously; their figures are left alone. */
export function inVariantList(text: string, raw: RawFigure, mention: ModelMention | undefined): boolean {
  const prev = text.charAt(raw.start - 1);
  const next = text.charAt(raw.end);
  if (prev === '|' || next === '|') return mention === undefined || !mention.sizedName || text.slice(mention.end, raw.start).trim() !== '|';
  return false;
}

/** What the words around a figure, within its sentence or cell, say about it. */
export function readAround(masked: string, raw: RawFigure, bounds: Span) {
  const reading = readFigureContext({ before: masked.slice(Math.max(bounds.start, raw.start - 60), raw.start), after: masked.slice(raw.end, Math.min(bounds.end, raw.end + 60)) });
  // "a million times", "一亿用户", "a billion-dollar round": a spelled-out number counts parameters only where the words say so.
  return raw.spelled && reading && !reading.explicitParameters ? undefined : reading;
}

/** Whether a mention can carry figures where it stands (not an unknown variant, a class, a derived model…). */
export function canCarryFigures(masked: string, m: ModelMention): boolean {
  return !isUnusable(masked, m);
}

const QUALIFIED = /\s*[(（]([^()（）]{1,40})[)）]\s*[:：]/uy;
const VARIANT_AFTER = /^[ \u00a0\-\u2011]?([A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*)(?![A-Za-z0-9])/u;
/** A token shaped like a variant even in a title: with a hyphen or digit, all capitals, or CamelCase. */
const VARIANT_SHAPED = /[-\d]|^[A-Z]{2,}$|^[A-Z][a-z]+[A-Z]/;
/** Editions of a known model, not unknown variants. */
const EDITION = /^(?:Instruct|Chat|Base|Vision|Preview|Thinking)$/;
const UNKNOWN_VERSION_AFTER = /^[ \u00a0-]\d+(?:\.\d+)*(?![\d.]|\s*(?:[BbMmTtKk](?![A-Za-z])|billion|million|trillion|亿|万|年|月|日|号|%))/iu;
const DERIVED_AFTER = /^[\s-]*(?:的\s*|['’]s\s+)?(?:distill(?:ed|ation)?|based|fine-?tuned|derived|蒸馏|衍生|微调)(?![A-Za-z])/iu;
/**
 * "DeepSeek-R1's distilled versions", "DeepSeek-R1 的蒸馏版本": a possessive before a derivation word, looked at by its
 * characters first ("GPT-4's" and "X 的" are common, their derivations rare).
 */
function mayDeriveAfterPossessive(masked: string, end: number): boolean {
  const c = masked.charCodeAt(end);
  if (c === 0x27 || c === 0x2019) {
    const d = masked.charCodeAt(end + 3) | 0x20;
    return (masked.charCodeAt(end + 1) | 0x20) === 0x73 && (d === 0x64 || d === 0x62 || d === 0x66);
  }
  let p = end;
  while (p < end + 2 && masked.charCodeAt(p) === 0x20) p++;
  if (masked.charCodeAt(p) !== 0x7684) return false;
  p++;
  while (p < end + 5 && masked.charCodeAt(p) === 0x20) p++;
  const n = masked.charCodeAt(p);
  return n === 0x84b8 || n === 0x884d || n === 0x5fae;
}

const LOWER_CASE = /[a-z]/;
const SIZE_IN_QUALIFIER = /\d(?:\.\d+)?\s*[BMT](?![A-Za-z])/;
const DIGIT = /\d/;
const SERIES_AFTER = /^[\s-]*(?:models|families|series|LLMs|系列)(?![A-Za-z])/u;
const KIND_AFTER = /^[\s-]*(?:类|式|等级|级别|(?:like|style|class|type|sized|scale)(?![A-Za-z]))/iu;

/** How far after a mention the tests below read: QUALIFIED must end within it, the others read 24 characters. */
const UNUSABLE_REACH = 60;

/**
 * The characters the tests of isUnusable that skip blanks and hyphens first can start on: DERIVED_AFTER,
 * SERIES_AFTER and KIND_AFTER (with /i, "ſ" is an "s"), and QUALIFIED, which skips blanks only.
 */
const UNUSABLE_OPENERS = new Set(Array.from('dDbBfF蒸衍微mfsL系类式等级lLsSſcCtT(（', (c) => c.charCodeAt(0)));

/** A blank or a hyphen: what the tests skip before their first word. */
function isBlankOrHyphen(c: number): boolean {
  // (A space, the usual case, without a second call.)
  return c === 0x20 || c === 0x2d || isBlank(c);
}

function isCapital(c: number): boolean {
  return c >= 0x41 && c <= 0x5a;
}

/**
 * A first look at the characters after a mention that rules out every test of isUnusable: most names are
 * followed by a plain word or a cell border, and are not copied out and run through six patterns.
 * VARIANT_AFTER needs a capital, perhaps after one separator; UNKNOWN_VERSION_AFTER a digit after one; the
 * rest one of UNUSABLE_OPENERS after blanks and hyphens, within reach.
 */
function mayBeUnusable(masked: string, end: number): boolean {
  const c0 = masked.charCodeAt(end);
  if (isCapital(c0)) return true;
  const c1 = masked.charCodeAt(end + 1);
  if ((c0 === 0x20 || c0 === 0xa0 || c0 === 0x2d || c0 === 0x2011) && (isCapital(c1) || (c0 !== 0x2011 && c1 >= 0x30 && c1 <= 0x39))) return true;
  // The blanks and hyphens right after the name, from the two characters read above (no character read twice).
  let i = end;
  let c = c0;
  while (i < end + UNUSABLE_REACH && isBlankOrHyphen(c)) c = ++i === end + 1 ? c1 : masked.charCodeAt(i);
  return i < end + UNUSABLE_REACH && UNUSABLE_OPENERS.has(c);
}

/** Mentions that must not carry figures: unknown variants ("DBRX MoE-B") and classes ("BERT 类模型", "GPT-3-class"). */
export function isUnusable(masked: string, m: ModelMention, title = false): boolean {
  if (!mayBeUnusable(masked, m.end)) return mayDeriveAfterPossessive(masked, m.end) && DERIVED_AFTER.test(masked.slice(m.end, m.end + 24));
  const after = masked.slice(m.end, m.end + 24);
  // "DBRX MoE-B", "Yi-1.5 Turbo", "通义千问VL": a capitalised token glued to a known name makes a model we do not know.
  // In a title ("## Llama 2 Overview") a plain capitalised word is title case; only variant-shaped tokens count there.
  const variant = VARIANT_AFTER.exec(after);
  const shaped = variant && (!title || VARIANT_SHAPED.test(variant[1]!));
  if (variant && shaped && !NOT_A_NAME.test(variant[1]!) && !EDITION.test(variant[1]!)) return true;
  // "DBRX 2025", "Gemma 5": a bare number after a known name is a version we do not know (not a size, not a date).
  if (UNKNOWN_VERSION_AFTER.test(after)) return true;
  // "DeepSeek-R1 distilled models", "Llama 2-based models", "Qwen 蒸馏版": models derived from X are not X.
  if (DERIVED_AFTER.test(after)) return true;
  // "Switch Transformer (top-1 expert): 52.5B": a name qualified by a parenthesised configuration, then a colon, labels that configuration.
  // (Read in place, within the 60 characters after the name: no copy of the text per mention.)
  QUALIFIED.lastIndex = m.end;
  const qualified = QUALIFIED.exec(masked);
  if (qualified && QUALIFIED.lastIndex <= m.end + 60 && LOWER_CASE.test(qualified[1]!) && !SIZE_IN_QUALIFIER.test(qualified[1]!)) return true;
  // "the larger Qwen models", "Llama 系列": a name without a version, as a plural or series, is the brand, not one model.
  if (!DIGIT.test(m.text) && SERIES_AFTER.test(after)) return true;
  // "BERT 类模型", "GPT-3-like", "GPT-4-class models": the name stands for a kind of model, not the model.
  return KIND_AFTER.test(after);
}

/** A sized name ("Llama 3.1 405B") as the mention of its family; undefined when the family is not known. */
export function familyMention(m: ModelMention, familyOf: ((name: string) => string | undefined) | undefined): ModelMention | undefined {
  const size = sizeInName(m.text);
  if (!size) return m;
  if (m.sizedName) return m;
  const family = familyOf?.(size.bare);
  return family ? { ...m, modelId: family, sizedName: true } : undefined;
}
