// Finds parameter-count figures ("1.5T", "46.7 billion", "1.5万亿", "8x220B") and parses them.
import { scanSpelledFigures } from './spelledFigures';
import type { FigureKind, ParsedFigure } from './types';

const NUM = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
// Units, longest first; the Latin ones must not run on into another letter ("2.3TB", "7Bn").
const UNIT = String.raw`trillions?|billions?|millions?|tn|bn|mn|[TBM](?![A-Za-z])|[tbm](?![A-Za-z])|万亿|千亿|百亿|十亿|亿`;
const SEP = String.raw`[ \u00a0]?-?`;
const RANGE_SEP = String.raw`\s*(?:-|–|—|~|to|至|到)\s*`;

/**
 * One figure: an optional "N x" multiplier, a number (scientific allowed), an optional range end,
 * and a unit. Groups are numbered, not named (a named group costs an object per match, and most
 * matches are plain numbers that are dropped): see `GROUP` for which is which.
 */
const FIGURE_RE = new RegExp(
  String.raw`(?<![\w.,\u2010-\u2015-])` +
    String.raw`((\d{1,3})\s?[x×]\s?)?` +
    String.raw`(${NUM})` +
    String.raw`(?:[eE](\d{1,2}))?` +
    String.raw`(?:(${RANGE_SEP})(${NUM})(?:${SEP}(${UNIT}))?)?` +
    String.raw`(?:${SEP}(${UNIT}))?` +
    String.raw`(?![\w.]\d)`,
  // No `d` flag: match indices double the scan's cost, and the number's start follows from `pre`.
  'gu',
);

/**
 * The second end of a range whose first end has its own unit: "40B–50B", "40B to 50B", "400 亿到 500 亿", and
 * "between 40B and 50B" (with "between" before the first end). Read from where the first figure ends.
 */
const RANGE_TAIL = new RegExp(String.raw`(${RANGE_SEP}|\s+and\s+)(${NUM})${SEP}(${UNIT})(?![\w.]\d)`, 'uy');
const BETWEEN_BEFORE = /(?:\bbetween|介于)\s*$/iu;
/** "from 8B to 90B", "从 7B 到 70B": the span of a family's sizes, each end a size of its own. */
const FROM_BEFORE = /(?:\bfrom|从)\s*$/iu;

/** Whether a range's second end may follow a figure that ends before this character (a blank, a dash, "~", "到", "至"). */
function mayRangeOn(c: number): boolean {
  return c === 0x20 || c === 0x2d || c === 0x2013 || c === 0x2014 || c === 0x7e || c === 0x5230 || c === 0x81f3 || c === 0xa0 || c === 0x09;
}

/** FIGURE_RE's capture groups. */
const GROUP = { pre: 1, mult: 2, num: 3, exp: 4, rangeSep: 5, num2: 6, unit1: 7, unit: 8 } as const;

const UNIT_VALUE: Record<string, number> = {
  T: 1e12, t: 1e12, tn: 1e12, trillion: 1e12, trillions: 1e12, 万亿: 1e12,
  B: 1e9, b: 1e9, bn: 1e9, billion: 1e9, billions: 1e9, 十亿: 1e9, 千亿: 1e11, 百亿: 1e10,
  M: 1e6, m: 1e6, mn: 1e6, million: 1e6, millions: 1e6,
  亿: 1e8,
};

/**
 * One of the `…$` patterns below (a sequence ending in `$`) as a lookbehind, sticky at the text's
 * end: the same answer, but V8 no longer tries the whole pattern from every offset of the 60
 * characters before each figure, which dominated drafts dense with figures.
 */
function atEnd(re: RegExp): RegExp {
  return re.source.endsWith('$') && !re.source.endsWith('\\$') ? new RegExp(`(?<=${re.source.slice(0, -1)})$`, `${re.flags.replace(/[gy]/g, '')}y`) : re;
}

/** Tests a pattern made by `atEnd` at the end of text. */
function endsWith(atEndRe: RegExp, text: string): boolean {
  if (atEndRe.sticky) atEndRe.lastIndex = text.length;
  return atEndRe.test(text);
}

/** What follows a figure and makes it something other than a parameter count. */
const NOT_PARAMETERS_AFTER =
  /^[\s-]*(?:\(|\)|（|）)?[\s]*(?:tokens?|令牌|训练(?:数据|语料|token)|words?|characters?|chars|bytes|TB|GB|MB|FLOPs?|flops|GPUs?|(?:(?:H100|H800|H20|A100|V100|TPU)[\s-]*)?(?:GPU|TPU)?[\s-]*hours?|hours?|hrs?|users?|people|downloads?|stars|times\b|installs?|customers|developers|images?|examples?|samples?|documents?|docs|pages|lines|queries|requests|sequences|steps|dollars?|USD|euros?|yuan|RMB|美元|元|人民币|日元|欧元|小时|用户|次|条|张|字|词|个\s*(?:token|词元|令牌)|词元|token|tokens|代码|数据|语料|文本|汉字|context|上下文|vocab|年|months?|years?|days?|miles?|km|km²|people|subscribers|visits|views|revenue|valuation|market|in\s+(?:funding|revenue|sales)|funding|deal|investment|training\s+tokens|of\s+(?:tokens|text|data|code|training|compute|funding|revenue|investment|dollars|users))/iu;

// "名为 8x7B", "called 70B": a figure introduced as a name is not a count.
const NOT_PARAMETERS_BEFORE =
  atEnd(/(?:\b(?:named|called|dubbed)\s*|名为|叫做|称为|命名为|[$€£¥₹]|US\$|USD|RMB|CNY|EUR|\bcost(?:s|ing)?\b|\bvalued?\b|\braised?\b|\bfunding\b|\brevenue\b|\binvest(?:ed|ment)?\b|\bpriced?\b|\bworth\b|\bspent\b|\bsales\b|\bper|\bevery|\bdownloaded|\bsaw|\bprocessed|\bingested|每)\s*(?:of\s*|at\s*|about\s*|around\s*|~\s*)?$/iu);

const QUALIFIED_NOT_PARAMETERS = /^(?:[\s-]+(?:[a-z]+(?:-[a-z]+)*|and|,)){1,5}[\s-]+(?:tokens|words|characters|GPU[\s-]*hours|examples|samples|documents|users|downloads|customers|subscribers|visitors|developers|people|times)\b/iu;
// "a 417M SigLIP vision encoder", "a 400M MoonViT encoder": a named component's size, not the model's ("a 500M encoder"
// and "a 450B dense decoder-only Transformer" size the model itself).
const COMPONENT_AFTER =
  /^[\s-]+(?:-?param(?:eter)?s?\s+)?(?:(?:[A-Z][\w-]*|vision|image|audio|speech|visual)\s+){1,2}(?:encoder|tower|projector|adapter|tokenizer|router|module|draft\s+model)s?\b(?![\s-]*(?:only|decoder|model))/u;
// "The MTP module adds 14B", "each of Mixtral's experts has about 5.6B": the size of a part the words before name
// (not "a mixture of experts with 56B", "126 layers with 450B").
const COMPONENT_BEFORE = atEnd(/\b(?:module|encoder|adapter|projector|tower|(?<!\bof\s)experts?|heads?)\s+(?:adds?|has|have|holds?|contains?)\s*(?:about|roughly|around|approximately|~|only|just)?\s*$/iu);
const PER_PART_AFTER = /^[\s-]*(?:trainable|learnable|additional|extra|adapter|LoRA)\s+(?:parameters?|params?)|^[\s-]*(?:个)?可训练参数|^[\s-]*(?:(?:parameters?|params?)\s+)?(?:each|apiece)\b|^[\s-]*(?:parameters?|params?)\s+per\s+(?:expert|layer|head|model|block)\b|^[\s-]*(?:parameters?\s+)?of\s+(?:the\s+)?[\w\s()-]{0,40}?\b(?:module|layers?|embeddings?|heads?|encoder|decoder|adapter|projector|router)s?\b(?:\s+weights)?/iu;
const PER_PART_BEFORE = atEnd(/(?:每个|每一个|每位)[^，。,.;；]{0,12}$|\beach\s+(?:of\s+)?(?:about|roughly|around|approximately|~)?\s*$|\bexperts?\s+of\s*$/iu);

/** Tokens or training data named just before: "15T tokens of", "trained on 15T", "预训练数据 2T". */
const DATA_BEFORE = atEnd(/(?:\btrained\s+(?:on|with)|\bpre-?trained\s+(?:on|with)|\btraining\s+(?:on|with)|\bcorpus\s+of|\bdataset\s+of|\btokens?\s*(?:[:=]|of)?|\bcontext(?:\s+(?:window|length))?\s*(?:of|[:=])?|训练数据|数据量|语料|tokens?数|上下文)\s*(?:about|around|over|roughly|nearly|~|约|超过)?\s*$/iu);

// "132B 总参数", "in 8B, 70B and 405B sizes", "7B和13B版本": a qualifier or a size noun after the figure also says what it counts.
/** A training verb with its object, then "on": what follows is data ("pre-train DeepSeek-V3 on 14.8T"). */
const TRAINED_ON_BEFORE = atEnd(/\b(?:pre-?)?train(?:s|ed|ing)?\b[^.;。；]{0,40}?\b(?:on|with)\s*(?:about|around|over|roughly|nearly|~)?\s*$/iu);

const PARAMETER_NOUN_AFTER =
  /^[\s-]*(?:\(?(?:total|active|activated|dense|sparse|总|激活|活跃)?\)?[\s-]*)?(?:parameters?|params?|param|weights|参数|个参数|规模|sizes?(?![A-Za-z])|尺寸|(?:versions?|variants?)(?![A-Za-z])|版本|(?:的)?(?:小|大)?容量)/iu;
// "**模型尺寸**：7B", "规模达到400B": a size label (emphasis allowed) or "reaches" before the figure.
const PARAMETER_NOUN_BEFORE = atEnd(/(?:parameters?|params?|参数量?|参数规模|规模|模型大小|尺寸|size)[*_]*\s*(?:count|number)?\s*(?:of|is|was|are|[:：=为是约]|达到?|at|reaches|about|around|roughly|~)*\s*$/iu);

// "of which 36B are active": a copula may stand between the figure and "active".
// "only 37B fire for any given token": the verb may say it too.
const ACTIVE_AFTER =
  /^[\s-]*(?:\(?\s*)?(?:of\s+(?:them|which|these|those)\s+)?(?:(?:are|is|were|was|being|remain)\s+)?(?:active|activated|activation|in\s+use|per\s+(?:given\s+)?token|(?:fire|fires|run|runs|(?:are\s+|is\s+)?used)\s+(?:for|per|on)\s+(?:each|every|any|a)\s+(?:given\s+)?(?:input\s+)?token|激活|活跃)/iu;
// "active per token (about 86B)": the parenthesis restates the active amount.
// "DeepSeek-V3's active parameter count is 37B", "激活参数是 37B", "激活参数不到 250 亿", "总参数不超过 7000 亿": a copula,
// "only", a hedge or a bound may stand between the kind's words and the figure.
const KIND_LEAD = String.raw`(?:\s+(?:count|number))?(?:\s+per\s+token)?\s*(?:(?:of|is|was|are|were|stands\s+at|reach(?:es)?|only|just|[:：=为在(（]|是|达到?|仅|只有|有)\s*){0,2}(?:约|超过|至少|不到|不足|不超过|低于|少于|至多|最多|about|around|~|≈|roughly|over|more\s+than|no\s+more\s+than|at\s+least|at\s+most|less\s+than|fewer\s+than|under|up\s+to)?\s*$`;
const ACTIVE_BEFORE = atEnd(new RegExp(String.raw`(?:\bactiv(?:e|ate|ated|ates|ating)|激活了?|活跃)(?:参数)?(?:量)?\s*(?:parameters?|params?|参数)?` + KIND_LEAD, 'iu'));
// Not "total/active" after a pair: the slash notation gives each figure its kind (see readSentences).
const TOTAL_AFTER = /^[\s-]*(?:\(?\s*)?(?:total(?!\s*\/\s*(?:active|activated))|in\s+total|overall|总(?!\s*\/\s*激活))/iu;
const TOTAL_BEFORE = atEnd(new RegExp(String.raw`(?:\btotal(?:\s+of)?|总(?:参数)?(?:量)?)\s*(?:parameters?|params?|参数)?` + KIND_LEAD, 'iu'));

/** What follows a figure that says it is data, or a part of the model (see readFigureContext). */
const SPECIAL_AFTER = new RegExp(
  // (One pattern, one call per figure: most figures are followed by none of these.)
  // 1: data the sentence counts, a few words on: "14.8T 高质量语料", "15T during pre-training", "15 万亿个高质量词元".
  // 2: a part of a whole the sentence states next: "37B of its 671B", "32B out of Kimi K2's 1T".
  // 3: a part of the model's parameters, without their number: "Only 37B of DeepSeek-V3's parameters are active".
  String.raw`^\s*(?:((?:[\u4e00-\u9fff]{1,6}?(?:语料|词元|令牌|数据|token)|(?:tokens?\s+)?(?:during|in|for|of)\s+(?:its\s+|the\s+)?(?:pre-?)?training\b))|((?:(?:parameters?|params?)\s+)?(?:out\s+)?of\s+(?:its|their|the|[^;:!?。]{1,40}?['’]s)\s+(?:total\s+)?(?:~|≈|about\s+|roughly\s+)?\d[\d.,]*\s?(?:[TBMtbm](?![A-Za-z])|trillion|billion|million|万亿|亿))|((?:out\s+)?of\s+(?:its|their|the|[^;:!?。]{1,40}?['’]s)\s+(?:total\s+)?(?:parameters?|params?|weights)\b))`,
  'iu',
);
/** "37B of its 671B", "32B of Kimi K2's 1T": the whole a part was stated of. */
const WHOLE_BEFORE = atEnd(/\bof\s+(?:its|their|the|[^;:!?。]{1,40}?['’]s)\s+(?:total\s+)?(?:~|≈|about\s+|roughly\s+)?$/iu);
const ACTIVE_LATER = /^[^.;!?。；！？]{0,80}?\b(?:active|activated|used\s+(?:for|per|on)|per\s+token|(?:for|on)\s+(?:each|every|any|a)\s+(?:input\s+)?token|at\s+a\s+time|at\s+once)\b/iu;

// Parameters said to be active or total after the figure (see readFigureContext for examples).
const PARAMETERS_ACTIVE_AFTER = /^[\s-]*(?:parameters?|params?|参数)\s*(?:\(?\s*)?(?:(?:are|is|being|were)\s+)?(?:active|activated|激活|(?:(?:used|activated|active)\s+)?(?:for|per|on)\s+(?:each|every|a|any)?\s*(?:input\s+)?token)/iu;
const PARAMETERS_ACTIVE_IN_CLAUSE = /^[\s-]*参数[^，。,;；.\d]{0,16}?(?:活跃|激活)/u;
const WITH_EXPERTS_AFTER = /^[\s-]*(?:parameters?|params?)?[\s-]*(?:models?)?\s+with\s+\d+\s+(?:routed\s+)?experts\b/iu;
const PARAMETERS_TOTAL_AFTER = /^[\s-]*(?:parameters?|params?|参数)\s*(?:\(?\s*)?(?:total|in\s+total)/iu;

const HEDGE_BEFORE =
  atEnd(/(?:~|≈|∼|≥|≤|\babout|\baround|\broughly|\bapprox(?:imately|\.)?|\bnearly|\balmost|\bsome|\bcirca|\bca\.|\bestimated(?:\s+at)?|\bup\s+to|\bover|\bmore\s+than|\bat\s+least|\bupwards\s+of|\bin\s+excess\s+of|\bless\s+than|\bfewer\s+than|\bunder|\bbelow|\bat\s+most|\bnowhere\s+near|\bclose\s+to|\bas\s+(?:many|much)\s+as|约|大约|近|超过|逾|至少|不少于|不低于|将近|左右|不到|不足|低于|少于|至多|最多)\s*$/iu);
const HEDGE_AFTER = /^\s*(?:\+|左右|上下|多|余|或?以上|或?以下|以内|or\s+so|or\s+more\b|(?:(?:parameters?|params?)\s+)?or\s+(?:less|fewer)\b)/iu;
// "40B+", "over 40B", "40B 以上" say "no less than 40B": a hedge that only reaches upwards. Each is a hedge above too,
// so these are read only for hedged figures. A "+" with a figure after it is a sum ("7B + 1B"), not a bound.
// Not after "no", "not" or "不": "no more than 40B" and "不超过 40B" bound from above.
const LOWER_BOUND_BEFORE = atEnd(/(?:≥|(?<!\b(?:no|not)\s+)\bover|(?<!\b(?:no|not)\s+)\bmore\s+than|\bat\s+least|\bupwards\s+of|\bin\s+excess\s+of|(?<!不)超过|逾|至少|不少于|不低于)\s*$/iu);
const LOWER_BOUND_AFTER = /^(?:\+(?!\s*\d)|\s*(?:或?以上|or\s+more\b))/u;
// "fewer than 9.7T", "nowhere near 9.7T", "不到 250 亿", "56B or less" say "no more than": a bound that only reaches downwards.
const UPPER_BOUND_BEFORE = atEnd(
  /(?:≤|\b(?:far|much|well|a\s+lot)\s+(?:less|fewer|below|under)(?:\s+than)?|\bless\s+than|\bfewer\s+than|\bunder|\bbelow|\bno\s+more\s+than|\bnot\s+more\s+than|\bat\s+most|\bnowhere\s+near|\bnot\s+(?:even\s+)?close\s+to|不到|不足|低于|少于|远低于|远少于|远不到|至多|最多|不超过|不高于)\s*$/iu,
);
const UPPER_BOUND_AFTER = /^\s*(?:或?以下|以内|(?:(?:parameters?|params?)\s+)?or\s+(?:less|fewer)\b)/iu;
const OR_MORE = /^\s+or\s+more\b/u;
const BLANK = /^\s*$/;

/** Number of decimal places written, as a rounding step in the written unit. */
function stepOf(num: string): number {
  const dot = num.indexOf('.');
  if (dot < 0) return 1;
  return Math.pow(10, -(num.length - dot - 1));
}

function parseNumber(num: string): number {
  return Number(num.includes(',') ? num.replace(/,/g, '') : num);
}

function unitValue(unit: string): number {
  // Every spelling the scan matches is a key ("B" and "b" alike); others need lower-casing.
  return UNIT_VALUE[unit] ?? UNIT_VALUE[unit.toLowerCase()] ?? NaN;
}

export interface FigureContext {
  /** Text before the figure on the same line (or in the same sentence). */
  before: string;
  /** Text after the figure. */
  after: string;
}

/** What the words around a figure say about it; `undefined` means "not a parameter count". */
export interface FigureReading {
  explicitParameters: boolean;
  statedKind?: FigureKind;
  hedged: boolean;
  /** The words make the figure a lower bound ("40B+", "over 40B", "40B 以上"). */
  atLeast?: boolean;
  /** The words make the figure an upper bound ("fewer than 9.7T", "不到 250 亿"). */
  atMost?: boolean;
}

const AT_END = new Map<RegExp, RegExp>();

/** Tests a `…$` pattern as `atEnd` does, compiling its lookbehind form once. */
export function endsWithMatch(re: RegExp, text: string): boolean {
  let atEndRe = AT_END.get(re);
  if (!atEndRe) {
    atEndRe = atEnd(re);
    AT_END.set(re, atEndRe);
  }
  return endsWith(atEndRe, text);
}

/**
 * The text after a figure with a leading run of spaces (a masked link or code span) cut to one. Every after-figure
 * pattern reads that run only through `[\s-]*`, `\s*` or `\s+`, so one space answers as the whole run does, and the
 * patterns no longer try each split of it between those runs (60-130 µs for a figure before a masked link and text).
 */
function collapseLeadingSpaces(after: string): string {
  if (after.charCodeAt(0) !== 0x20 || after.charCodeAt(1) !== 0x20) return after;
  let i = 2;
  while (after.charCodeAt(i) === 0x20) i++;
  return ' ' + after.slice(i);
}

/** Whether COMPONENT_AFTER may match: blanks or a hyphen, then a capital, "vision"-like words or "param". */
function mayNameComponent(after: string): boolean {
  let i = 0;
  while (i < after.length && (after.charCodeAt(i) === 0x20 || after.charCodeAt(i) === 0x2d)) i++;
  const c = after.charCodeAt(i);
  return i > 0 && ((c >= 0x41 && c <= 0x5a) || c === 0x76 || c === 0x69 || c === 0x61 || c === 0x73 || c === 0x70);
}

/** ACTIVE_BEFORE, tried only where its word is (its lookbehind is read per figure, and few have one). */
function saysActiveBefore(before: string): boolean {
  return (before.includes('ctiv') || before.includes('CTIV') || before.includes('激活') || before.includes('活跃')) && endsWith(ACTIVE_BEFORE, before);
}

/** Decides from the surrounding words whether a figure counts parameters, and of which kind. */
export function readFigureContext(ctx: FigureContext): FigureReading | undefined {
  // Every pattern below needs a word or a sign, so blank surroundings (a table cell's) read as a plain figure without trying them.
  const blankBefore = BLANK.test(ctx.before);
  const blankAfter = BLANK.test(ctx.after);
  if (blankBefore && blankAfter) return { explicitParameters: false, statedKind: undefined, hedged: false, atLeast: false, atMost: false };
  // For the same reason one blank side (masked code or a link next to the figure) is read as empty: the patterns fail on
  // it all the same, but only after trying every split of its blank run between their runs of `[\s-]*` and `\s*`, tens
  // of microseconds for 60 blanks.
  const rest = blankAfter ? '' : ctx.after;
  // "40B+ active", "40B or more active": a bound's mark stands between the figure and the words that say what it counts.
  const mark = rest.charCodeAt(0) === 0x2b ? 1 : (OR_MORE.exec(rest)?.[0].length ?? 0);
  const after = collapseLeadingSpaces(rest.slice(mark, mark + 60));
  const before = blankBefore ? '' : ctx.before.slice(-60);
  const explicitAfter = PARAMETER_NOUN_AFTER.test(after);
  if (!explicitAfter && NOT_PARAMETERS_AFTER.test(after)) return undefined;
  // "14.8 trillion diverse and high-quality tokens": a few words may stand between a figure and the thing it counts.
  if (!explicitAfter && QUALIFIED_NOT_PARAMETERS.test(after)) return undefined;
  // "8 models with 7B parameters each", "每个模型有 7B 个参数", "14B of the MTP module weights": a part's size, not the model's.
  if (PER_PART_AFTER.test(after) || endsWith(PER_PART_BEFORE, before)) return undefined;
  const special = SPECIAL_AFTER.exec(after);
  if (special && special[1] !== undefined && !explicitAfter) return undefined;
  if ((mayNameComponent(after) && COMPONENT_AFTER.test(after)) || endsWith(COMPONENT_BEFORE, before)) return undefined;
  // "pre-train DeepSeek-V3 on 14.8T": a training verb with its object, then "on", introduces data.
  if (!explicitAfter && endsWith(TRAINED_ON_BEFORE, before)) return undefined;
  if (endsWith(NOT_PARAMETERS_BEFORE, before)) return undefined;
  if (!explicitAfter && endsWith(DATA_BEFORE, before)) return undefined;
  const explicitParameters = explicitAfter || endsWith(PARAMETER_NOUN_BEFORE, before);
  let statedKind: FigureKind | undefined;
  // "37B of its 671B parameters", "32B of Kimi K2's 1T parameters are active", "only 37B of DeepSeek-V3's parameters are
  // active": the part is active (or no size of the model at all: "13B of its 70B are embeddings"), the whole is the total.
  if (special && special[1] === undefined) {
    if (!ACTIVE_LATER.test(after) && !saysActiveBefore(before)) return undefined;
    statedKind = 'active';
  } else if (before.includes('f ') && !ACTIVE_AFTER.test(after) && !TOTAL_AFTER.test(after) && endsWith(WHOLE_BEFORE, before)) {
    // (Unless the figure says its kind itself: "half of DeepSeek-V3's 37B active parameters".)
    statedKind = 'total';
  } else if (
    // "37 billion parameters are used for each token" is an active count, as "37B active" is.
    // "360 亿参数在任何输入上都是活跃的": the same clause says the parameters are active (no other figure between).
    ACTIVE_AFTER.test(after) ||
    saysActiveBefore(before) ||
    PARAMETERS_ACTIVE_AFTER.test(after) ||
    PARAMETERS_ACTIVE_IN_CLAUSE.test(after)
  ) {
    statedKind = 'active';
  } else if (WITH_EXPERTS_AFTER.test(after)) {
    // "a 17 billion parameter model with 16 experts": an MoE described by the parameters each token uses.
    statedKind = 'active';
  } else if (TOTAL_AFTER.test(after) || ((before.includes('otal') || before.includes('总')) && endsWith(TOTAL_BEFORE, before)) || PARAMETERS_TOTAL_AFTER.test(after)) {
    statedKind = 'total';
  }
  const hedged = endsWith(HEDGE_BEFORE, before) || HEDGE_AFTER.test(rest);
  const atLeast = hedged && (endsWith(LOWER_BOUND_BEFORE, before) || LOWER_BOUND_AFTER.test(rest));
  // Every upper bound's words are a hedge's too, so only hedged figures are read for one.
  const atMost = hedged && !atLeast && (endsWith(UPPER_BOUND_BEFORE, before) || UPPER_BOUND_AFTER.test(rest));
  return { explicitParameters, statedKind, hedged, atLeast, atMost };
}

/** A figure's number and unit as parsed, before the context decides whether it counts parameters. */
export interface RawFigure {
  start: number;
  end: number;
  text: string;
  value: number;
  low: number;
  high: number;
  precision: number;
  /** Where the number itself sits: a fix replaces only this and keeps the writer's unit. */
  numberStart: number;
  numberEnd: number;
  /** The unit's value (1e12 for "T" or "万亿"); 1 when the figure is written without one. */
  scale: number;
  isRange: boolean;
  isProduct: boolean;
  /** The number is spelled out ("a trillion", "两万亿"): a parameter count only where the words say so. */
  spelled: boolean;
}

/** Finds every number-with-unit in the text that could be a parameter count. */
export function scanFigures(text: string, from = 0, to = text.length): RawFigure[] {
  const out: RawFigure[] = [];
  FIGURE_RE.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = FIGURE_RE.exec(text)) !== null) {
    if (m.index >= to) break;
    if (m[0].length === 0) {
      FIGURE_RE.lastIndex++;
      continue;
    }
    const unit = m[GROUP.unit] ?? m[GROUP.unit1];
    const expText = m[GROUP.exp];
    const hasExp = expText !== undefined;
    if (!unit && !hasExp) continue;
    if (hasExp && Number(expText) < 6) continue;
    // A bare lower-case single-letter unit right after digits is too often something else
    // ("3b" in a hash, "5m" in minutes); accept it only for b/t in "7b"-style sizes.
    if (unit === 'm') continue;
    const num = m[GROUP.num] as string;
    const scale = unit ? unitValue(unit) : 1;
    const exp = hasExp ? Math.pow(10, Number(expText)) : 1;
    const n = parseNumber(num);
    let value = n * scale * exp;
    // Commas stand only before the decimal point, so they do not change the step.
    let precision = stepOf(num) * scale * exp;
    let low = value;
    let high = value;
    const num2 = m[GROUP.num2];
    const unit1 = m[GROUP.unit1];
    if (num2 !== undefined) {
      const s1 = unit1 ? unitValue(unit1) : scale;
      low = n * s1 * exp;
      high = parseNumber(num2) * scale * exp;
      // "15-20" with a range separator of "~" or "to" and no unit on the first is still a range;
      // a high below the low is a date-like or hyphenated thing, not a range.
      if (!(high > low)) continue;
      value = (low + high) / 2;
    }
    let end = m.index + m[0].length;
    let isRange = num2 !== undefined;
    if (!isRange && !hasExp && unit && m[GROUP.mult] === undefined && mayRangeOn(text.charCodeAt(end))) {
      RANGE_TAIL.lastIndex = end;
      const tail = RANGE_TAIL.exec(text);
      if (tail && unitValue(tail[3]!) === scale) {
        const lead = text.slice(Math.max(0, m.index - 12), m.index);
        const between = BETWEEN_BEFORE.test(lead);
        const far = parseNumber(tail[2]!) * scale;
        // "8B to 450B sizes", "0.5B to 110B", "6 亿到 3000 亿": ends far apart span a family's sizes, each a size to check;
        // one size's range ("40B to 50B") has ends close together.
        const joined = tail[1]!.trim() === 'and' ? between : !FROM_BEFORE.test(lead) && (between || far <= 2 * value);
        if (joined && far > value) {
          low = value;
          high = far;
          value = (low + high) / 2;
          isRange = true;
          end = RANGE_TAIL.lastIndex;
          FIGURE_RE.lastIndex = end;
        }
      }
    }
    const mult = m[GROUP.mult];
    const isProduct = mult !== undefined;
    if (isProduct) {
      const k = Number(mult);
      value *= k;
      low *= k;
      high *= k;
      precision *= k;
    }
    if (!Number.isFinite(value) || value <= 0) continue;
    const numStartAt = m.index + (m[GROUP.pre]?.length ?? 0);
    const numEnd = isRange || hasExp ? end : numStartAt + num.length;
    out.push({
      start: m.index,
      end,
      text: end === m.index + m[0].length ? m[0] : text.slice(m.index, end),
      value,
      low,
      high,
      precision,
      numberStart: numStartAt,
      numberEnd: numEnd,
      scale: unit ? scale : 1,
      isRange,
      isProduct,
      spelled: false,
    });
  }
  return out;
}

/** The figures in digits (scanFigures) and those spelled out ("a trillion", "两万亿"), in text order. */
export function scanAllFigures(text: string): RawFigure[] {
  const digits = scanFigures(text);
  const spelled = scanSpelledFigures(text);
  return spelled.length === 0 ? digits : digits.length === 0 ? spelled : [...digits, ...spelled].sort((a, b) => a.start - b.start);
}

/** Whether the text holds any figure, in digits or spelled out (without merging the two lists). */
export function holdsFigure(text: string): boolean {
  return mayHoldFigures(text) && (scanFigures(text).length > 0 || scanSpelledFigures(text).length > 0);
}

/** Combines a raw figure with its reading into the public shape. */
export function toParsedFigure(raw: RawFigure, reading: FigureReading): ParsedFigure {
  return {
    start: raw.start,
    end: raw.end,
    text: raw.text,
    value: raw.value,
    low: raw.low,
    high: raw.high,
    precision: raw.precision,
    hedged: reading.hedged || raw.isRange,
    atLeast: reading.atLeast === true,
    atMost: reading.atMost === true,
    statedKind: reading.statedKind,
    explicitParameters: reading.explicitParameters,
  };
}

/** Parses a fact-base value such as "1.5T", "46.7B", "124M" or a plain number. */
export function parseFigureValue(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value > 0 ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const m = /^\s*(\d+(?:\.\d+)?)\s*([KMBT])?\s*$/i.exec(value);
  if (!m) return undefined;
  const scale = { k: 1e3, m: 1e6, b: 1e9, t: 1e12 }[(m[2] ?? '').toLowerCase() as 'k'] ?? 1;
  // The same bounds as a plain number: "0B" and 400 nines with a T (Infinity) are no figures either.
  const n = Number(m[1]) * scale;
  return Number.isFinite(n) && n > 0 ? n : undefined;
}

/** Writes a value the way the fact base's labels do: "1.5T", "46.7B", "124M". */
export function labelOf(value: number): string {
  const units: [number, string][] = [[1e12, 'T'], [1e9, 'B'], [1e6, 'M'], [1e3, 'K']];
  for (const [scale, suffix] of units) {
    if (value >= scale) return `${trimNumber(value / scale)}${suffix}`;
  }
  return trimNumber(value);
}

function trimNumber(n: number): string {
  return String(Number(n.toPrecision(6)));
}

/** A digit followed by something that could be a unit: text without one (or a spelled unit) holds no figure worth scanning. */
// With the spelled units' words ("illion", "亿") in the same pattern: one pass over a block costs less than the hint and two
// `includes` (measured: ~53 against ~64 µs over the 100 KB draft's blocks).
const FIGURE_HINT = /\d[ \u00a0]?-?[TBMtbm万千百十亿]|\d[eE]\d|illion|亿/;

/** Cheap test for whether `scanFigures` could find anything at all. */
export function mayHoldFigures(text: string): boolean {
  return FIGURE_HINT.test(text);
}
