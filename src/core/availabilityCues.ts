// The words that call a size internal or unreleased ("企业内部提供 11B", "the 90B version was never released"), read around one figure.
import { countStartingBefore } from './spanSearch';
import type { Span } from './types';

/** How far before and after a figure its cue may stand. */
const BEFORE = 48;
const AFTER = 64;
/** How far the figure's sentence is read for a time before the release ("back then", "2023 年"). */
const SENTENCE_REACH = 160;

/**
 * A cheap first look: text without any of these holds no cue. Every cue below has one ("open" or "released"
 * alone do not count: AI news says "OpenAI" and "released" in most paragraphs).
 */
const HINT = /internal|unreleased|proprietary|non[- ]public|(?:never|not|n't)[\s-]+(?:(?:been|yet|ever)\s+)*(?:(?:publicly|openly|officially)\s+)?(?:released|open|published|made\s+public|public)|内部|(?:未|没有|不)(?:对外)?(?:公开|开源|发布|开放)|非公开/iu;

/** Whether a block's text may call a size internal or unreleased at all: most blocks do not, and are not read further. */
export function mayCallUnreleased(masked: string): boolean {
  return HINT.test(masked);
}
const SENTENCE_END = /[。！？!?；;:：]|\.(?=\s|$)/gu;

// The cue's grammar is read on the window with the figures in it written "#" and the names "@": a cue
// counts only when the words between it and the figure are a model noun, a copula, an article or the
// figure's own enumeration, so "internal benchmarks show Llama 3.2 (90B)" and "90B 的训练数据未公开" are no cue.
const AND = String.raw`(?:[/、,，&]|\band\b|\bor\b|和|及|与|或)`;
const MODEL_NOUN = String.raw`(?:versions?|variants?|models?|checkpoints?|builds?|版本|版|模型)`;
/** The figure's own enumeration after it ("11B/90B", "8B、70B 和 405B"). */
const ENUMERATION = String.raw`(?:\s*${AND}\s*#)*`;
/** A model noun after the figure, with one word or two characters before it ("chat version", "对齐版本"). */
const NOUN = String.raw`(?:[\p{Script=Han}]{0,2}|[A-Za-z]+[\s-]+)?${MODEL_NOUN}(?![A-Za-z])`;
/** Before the figure, a cue when the figure then ends its phrase or names a model: "unreleased 90B", "企业内部提供 11B", "未开源的 90B". */
const PRE_STRONG = String.raw`\b(?:internal[- ]only|unreleased|never[- ]released|non[- ]public|proprietary[- ]only|internal\s+(?:versions?|variants?|builds?|checkpoints?)(?:\s+of)?)|(?:企业)?内部(?:提供了?|专用|自用|保留|版本?)|仅(?:供|限)?(?:企业)?内部(?:使用|提供)?|(?:未|从未|尚未|没有|并未|不)(?:对外)?(?:公开|开源|发布|开放)(?:发布|权重)?|非公开`;
/** Before the figure, a cue only with a model noun after it: "internal 90B version", "内部 90B 版本". */
const PRE_WEAK = String.raw`\binternal\b|(?:企业)?内部`;
const PRE_GAP = String.raw`(?:\s|-|的|\b(?:a|an|the|its|their)\b)*(?<name>@\s*[(（]?\s*(?:的\s*)?)?(?:#\s*${AND}\s*)*`;
const PRE = new RegExp(String.raw`(?:(?<strong>${PRE_STRONG})|(?<weak>${PRE_WEAK}))${PRE_GAP}$`, 'iu');
/** A cue before it undone: "not an internal version", "不是内部版本". */
const NEGATED = /(?:\bnot|n't|\bno\s+longer|不是|并非|不再)\s*(?:(?:an?|the)\s+)?$/iu;
const NOUN_AFTER = new RegExp(String.raw`^@?${ENUMERATION}\s*[)）]?[\s-]*(?:(?:parameters?|params?)[\s-]+|参数量?\s*)?(?:的\s*)?${NOUN}`, 'iu');
const PHRASE_END_AFTER = new RegExp(String.raw`^@?${ENUMERATION}\s*(?:[)）]|$|[,.;:!?，。；：！？、])`, 'u');
/** "尚未公开 90B 版本的训练细节": the figure's phrase owns another noun, which is what the cue is about. */
const OWNS_AFTER = new RegExp(String.raw`^@?${ENUMERATION}\s*[)）]?\s*(?:${NOUN}\s*)?(?:的|['’]s\b)`, 'iu');
/** After the figure: its enumeration, a model noun ("version", "weights", "版本"), "of X", then a copula or adverb. */
const POST_GAP = String.raw`@?${ENUMERATION}\s*[)）]?\s*(?:的\s*)?(?:(?:[\p{Script=Han}]{0,2}|[A-Za-z]+[\s-]+)?(?:${MODEL_NOUN}|weights|权重)\s*)?(?:of\s+@\s*)?[(（]?\s*(?:(?:(?:is|are|was|were|has|have|had|been|remains?|remained|stays?|stayed|still|currently|so\s+far|only|kept)\b|是|为|仍然?|均|都|目前|一直|则|属于|只|也|尚|还)\s*)*`;
const POST_CUE = String.raw`internal(?:[- ]only)?|unreleased|(?:never|not|n't)\s+(?:been\s+|yet\s+|ever\s+)*(?:publicly\s+|openly\s+|officially\s+)?(?:released|open[- ]?sourced|published|made\s+public)|not\s+(?:publicly\s+)?(?:public|open[- ]weights?)|(?:仅|只)(?:供|限)?(?:企业)?内部(?:使用|提供)?|(?:企业)?内部(?:版本?|专用|自用)|(?:未|从未|尚未|没有|并未|不)(?:对外)?(?:公开|开源|发布|开放)|非公开`;
// The cue must end the claim: "not released in the EU", "unreleased until 2024", "内部使用了交叉注意力", "未发布技术报告",
// "未公开的训练细节" bound it by a place, a time or an object, or make it describe something else.
const CLAIM_END = String.raw`(?=\s*(?:$|[,.;:!?)，。；：！？）、]|(?:to\s+the\s+public|publicly|openly|yet|so\s+far|either|and|or|but|use|only|versions?|variants?|models?|builds?|checkpoints?)\b|权重|版本|发布|出来|过))`;
const POST = new RegExp(String.raw`^${POST_GAP}(?<cue>${POST_CUE})${CLAIM_END}`, 'iu');
/**
 * A sentence about the time before a release, or a question, claims nothing about now; one in the first person
 * ("our internal 70B model") is about the writer's own model.
 */
const NOT_A_CLAIM = /\b(?:before|prior\s+to|until|till|at\s+the\s+time|back\s+then|previously|originally|initially|at\s+first|formerly|pre-release|used\s+to|we|our|us|my)\b|之前|以前|此前|起初|最初|当时|发布前|曾|原本|原先|我们|我司|本公司|[?？]/iu;

/** A cue for one figure: the draft's words, and the sentence they stand in. */
export interface AvailabilityCue {
  text: string;
  sentence: Span;
}

/**
 * The cue that calls the figure at `figure` internal or unreleased, read within `unit` and within BEFORE/AFTER
 * characters of it only; `figures` and `names` are the block's figure and name spans, sorted; `inName` when the
 * figure is written in a name ("Llama 3.2 90B").
 */
export function readAvailabilityCue(masked: string, figure: Span, unit: Span, figures: readonly Span[], names: readonly Span[], inName: boolean): AvailabilityCue | undefined {
  const from = Math.max(unit.start, figure.start - BEFORE);
  const to = Math.min(unit.end, figure.end + AFTER);
  if (!HINT.test(masked.slice(from, to))) return undefined;
  const before = afterLastEnd(placeholders(masked, from, figure.start, figures, names));
  const after = beforeFirstEnd(placeholders(masked, figure.end, to, figures, names));
  let text: string | undefined;
  const pre = PRE.exec(before);
  if (pre && !NEGATED.test(before.slice(0, pre.index)) && !OWNS_AFTER.test(after)) {
    // A strong cue needs the figure to end its phrase or to be (in) a name; a weak one, a model noun after it.
    const named = pre.groups!.name !== undefined || inName;
    if (NOUN_AFTER.test(after) || (pre.groups!.strong && (named || PHRASE_END_AFTER.test(after)))) text = (pre.groups!.strong ?? pre.groups!.weak)!;
  }
  text ??= POST.exec(after)?.groups!.cue;
  if (!text) return undefined;
  const sentence = sentenceAround(masked, figure, unit);
  if (NOT_A_CLAIM.test(masked.slice(sentence.start, sentence.end))) return undefined;
  return { text: text.trim(), sentence };
}

/** The text of [from, to) with each figure written "#" and each name "@" (one character each: only the shape counts). */
function placeholders(masked: string, from: number, to: number, figures: readonly Span[], names: readonly Span[]): string {
  const marks: { span: Span; mark: string }[] = [];
  const collect = (spans: readonly Span[], mark: string): void => {
    for (let i = Math.max(0, countStartingBefore(spans, from) - 1); i < spans.length && spans[i]!.start < to; i++) if (spans[i]!.end > from) marks.push({ span: spans[i]!, mark });
  };
  collect(figures, '#');
  collect(names, '@');
  if (marks.length === 0) return masked.slice(from, to);
  marks.sort((a, b) => a.span.start - b.span.start);
  let out = '';
  let at = from;
  for (const { span, mark } of marks) {
    // A figure inside a name ("Llama 3.2 90B") is part of the name's mark; a name begun before the window marks its start.
    if (span.end <= at) continue;
    out += masked.slice(at, Math.max(at, span.start)) + mark;
    at = Math.min(to, span.end);
  }
  return out + masked.slice(at, to);
}

function afterLastEnd(text: string): string {
  let cut = 0;
  for (const m of text.matchAll(SENTENCE_END)) cut = m.index + m[0].length;
  return text.slice(cut);
}

function beforeFirstEnd(text: string): string {
  SENTENCE_END.lastIndex = 0;
  const m = SENTENCE_END.exec(text);
  return m ? text.slice(0, m.index) : text;
}

/** The figure's sentence within its unit, read at most SENTENCE_REACH characters each way; the end mark is kept, for a question. */
function sentenceAround(masked: string, figure: Span, unit: Span): Span {
  const from = Math.max(unit.start, figure.start - SENTENCE_REACH);
  const to = Math.min(unit.end, figure.end + SENTENCE_REACH);
  let start = from;
  for (const m of masked.slice(from, figure.start).matchAll(SENTENCE_END)) start = from + m.index + m[0].length;
  SENTENCE_END.lastIndex = 0;
  const rest = masked.slice(figure.end, to);
  const m = SENTENCE_END.exec(rest);
  return { start, end: m ? figure.end + m.index + m[0].length : to };
}
