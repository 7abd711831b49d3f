// Which figures size models made from a named one ("distilled from DeepSeek-R1 … 1.5B", "its distilled versions") or
// another, unnamed model ("the other has 1B"), rather than the name before them.
import { isBlank } from './blanks';
import { MAX_COMPARISON_GAP } from './comparisons';
import { mentionBefore } from './spanSearch';
import type { ModelMention } from './types';

/**
 * Who a figure after the name `before` belongs to when derivation or another model decides it: the subject (a model
 * described by a copula or a second verb), null (a model made from the name, or an unnamed one), or undefined when none
 * of these words are there.
 */
export function derivedOwner(text: string, mentions: ModelMention[], before: ModelMention, gapBefore: string): ModelMention | null | undefined {
  // One scan for the words of both patterns below: few gaps hold any (a regex of literals costs a fifth of their `includes`).
  if (DERIVED_OR_OTHER_WORD.test(gapBefore)) {
    // "DeepSeek-R1 has 671B, and its distilled versions range from 1.5B to 70B": sizes of the models derived from it.
    if (DERIVED_MODELS.test(gapBefore)) return copulaSubject(text, mentions, before);
    // "the other has only one billion parameters", "另一款模型": a figure the sentence gives another, unnamed model.
    if (OTHER_MODEL_IN_GAP.test(gapBefore)) return null;
  }
  // "distilled from DeepSeek-R1, based on Qwen and Llama, at 1.5B, 7B …": the sizes of what was made from them, unless the
  // words after the name describe it ("built on Llama 3.1 405B, which has 405B parameters", "基于 X，后者拥有 …").
  if (isDerivedFrom(text, before) && !DESCRIBES_NAME.test(gapBefore) && !derivesFromItself(mentions, before)) return derivingSubject(text, mentions, before, gapBefore);
  return undefined;
}

/** "X 是 Y 的蒸馏模型，拥有 650 亿参数", "X is one of Y's distilled models, with …": the subject the copula describes; else null. */
function copulaSubject(text: string, mentions: ModelMention[], source: ModelMention): ModelMention | null {
  const subject = mentionBefore(mentions, source);
  return subject && COPULA_BETWEEN.test(text.slice(subject.end, source.start)) ? subject : null;
}
const COPULA_BETWEEN = /^\s*(?:,\s*)?(?:is|was|是|为)\s*(?:one\s+of\s+)?\s*$/iu;

const OTHER_MODEL_IN_GAP =
  /\b(?:the\s+other|another|the\s+second|the\s+third)(?:\s+(?:new\s+|smaller\s+|larger\s+)?(?:model|one|version|variant))?\s+(?:has|had|is|was|uses|activates|packs|weighs|comes)\b|\b(?:and|while|but|whereas)\s+one\s+(?:of\s+them\s+)?(?:has|had|is|was)\b|另一(?:个|款)?(?:新)?(?:模型|版本)?|另外一(?:个|款)/iu;

/** Words after a name that describe it: a relative clause, an apposition, a parenthesis, "后者". */
const DESCRIBES_NAME = /^\s*(?:[,，]\s*(?:which|that|who|whose)\b|[,，]\s*(?:an?|the)\s|[(（]|[,，]\s*(?:后者|它|其))|^\s*(?:which|that)\s+(?:has|had|is|was)\b/iu;

/** "Kimi K2 Thinking is based on Kimi K2": a name derived from another name of the same model (an alias) is that model. */
function derivesFromItself(mentions: ModelMention[], source: ModelMention): boolean {
  return mentionBefore(mentions, source)?.modelId === source.modelId;
}

/**
 * "Mixtral 8x7B is based on Mistral 7B and has 56B parameters": a second verb after the derivation is its subject's;
 * anything else after a derived-from name is no size of a named model (null).
 */
function derivingSubject(text: string, mentions: ModelMention[], source: ModelMention, gap: string): ModelMention | null {
  if (!AND_HAS.test(gap)) return null;
  const subject = mentionBefore(mentions, source);
  if (!subject || source.start - subject.end > MAX_COMPARISON_GAP) return null;
  return DERIVATION_BETWEEN.test(text.slice(subject.end, source.start)) ? subject : null;
}
/** "X is based on Y and has 56B", "X, built on Y, has 617B": the subject's second verb. */
const AND_HAS =
  /^\s*(?:,?\s*(?:and|but|yet)\s+(?:still\s+|only\s+|just\s+)?|[,，]\s*)(?:has|had|uses|used|activates|activated|packs|weighs|is|was|are|comes?|ships?|keeps?)\b|^[^。；！？]{0,12}?[，,]\s*(?:并|且|还)?\s*(?:提供了?|推出了?|拥有|有|包括|包含|参数量?为)/iu;
const DERIVATION_BETWEEN = /^[^.;:!?()。；：！？（）]*?(?:\b(?:based|built|distilled|fine-?tuned|derived|initiali[sz]ed)\b|基于|蒸馏自|源自)[^.;:!?()。；：！？（）]*$/iu;

/** A derived model right after a figure: "distilled model", "fine-tuned version", "参数的蒸馏模型", "蒸馏版". */
const DERIVED_MODEL_AFTER = /[\s-]*(?:(?:parameters?|params?)[\s-]+|参数(?:的)?\s*)?(?:distilled|fine-?tuned|quantized|quantised|student|蒸馏|量化|微调)(?:后的)?\s*(?:models?|versions?|variants?|students?|checkpoints?|模型|版本?)/iuy;

export function sizesDerivedModel(text: string, end: number): boolean {
  DERIVED_MODEL_AFTER.lastIndex = end;
  return DERIVED_MODEL_AFTER.test(text);
}

/**
 * Models made from the one named before: "its distilled versions", "the fine-tuned models", "distilled versions", "其蒸馏版本";
 * not "a distilled model" (after a copula it describes the subject: "X is a distilled model with 30B").
 */
const DERIVED_MODELS =
  /(?:\b(?:its|their|the)\s+|['’]s\s+)(?:[a-z-]+\s+)?(?:distilled|fine-?tuned|quantized|quantised|derived|student)\s+(?:versions?|models?|variants?|students?|checkpoints?|editions?|sizes?)\b|\b(?:distilled|fine-?tuned|quantized|quantised|derived|student)\s+(?:versions|models|variants|students|checkpoints|editions|sizes)\b|\b(?:its|their)\s+distillations\b|(?:其|它的|的)\s*(?:蒸馏|量化|微调)(?:后的)?(?:版本?|模型)/iu;

/** The words DERIVED_MODELS and OTHER_MODEL_IN_GAP need. */
const DERIVED_OR_OTHER_WORD = /istill|tuned|uanti[zs]|erived|tudent|蒸馏|量化|微调|other|\sone\s|second|third|另/;

/**
 * "distilled from DeepSeek-R1", "distilled into smaller Qwen and Llama models", "based on Qwen and Llama", "基于 Llama 3":
 * the models others are made from, with the names coordinated after the first by "and", "or", "&" or a Chinese mark (a bare
 * comma may end an opening phrase: "Based on the Transformer architecture, Llama 3 70B has …"). (No /i: the names between
 * must be capitalised.)
 */
const DERIVED_BEFORE = new RegExp(
  String.raw`(?<=(?:\b[Bb]ased\s+(?:on|upon)|\b[Bb]uilt\s+(?:on|upon)|\b[Dd]istill(?:ed|ing)?\s+(?:[\w.\-]+\s+){0,3}?(?:from|into|onto|on)|\b[Ii]nitiali[sz]ed\s+from|\b[Ff]ine-?tun(?:ed|ing)\s+(?:from|on)|\b[Dd]erived\s+from|基于|蒸馏自|蒸馏(?:到|成|为)|源自)\s*(?:(?:the|smaller|larger|several|various|open|dense|open-weight)\s+)*` +
    String.raw`(?:(?:[A-Z][\w.\-]*(?:[ \u00a0][\w.\-]+){0,3}\s*(?:,|、)\s*){0,3}[A-Z][\w.\-]*(?:[ \u00a0][\w.\-]+){0,3}\s*(?:,\s*)?(?:and\s+|or\s+|&\s*|和|与|及|、))?)$`,
  'uy',
);
const DERIVED_REACH = 100;
/** The words DERIVED_BEFORE needs, looked for in its reach before it is run. */
const DERIVATION_WORD = /ased|uilt|istill|ine-?tun|erived|nitiali|基于|蒸馏|源自/;

/** Words that may end the text before a derived-from name: the preposition itself, an adjective, or a coordinator. */
const DERIVED_LAST_WORDS = new Set(['on', 'upon', 'from', 'into', 'onto', 'the', 'smaller', 'larger', 'several', 'various', 'open', 'dense', 'weight', 'and', 'or']);
/** Characters that may end it in Chinese or as a list mark: 于 自 到 成 为 和 与 及 、 , &. */
const DERIVED_LAST_MARKS = new Set(Array.from('于自到成为和与及、,&', (c) => c.charCodeAt(0)));

/**
 * A first look at what ends the text before a mention, without copying it: DERIVED_BEFORE needs one of
 * DERIVED_LAST_WORDS or DERIVED_LAST_MARKS there, and most names follow some other word.
 */
function mayFollowDerivation(masked: string, start: number): boolean {
  let p = start - 1;
  while (p >= 0 && isBlank(masked.charCodeAt(p))) p--;
  if (p < 0) return false;
  const c = masked.charCodeAt(p);
  if (DERIVED_LAST_MARKS.has(c)) return true;
  const lower = c | 0x20;
  if (lower < 0x61 || lower > 0x7a) return false;
  let q = p;
  while (q > 0 && p - q < 8 && ((masked.charCodeAt(q - 1) | 0x20) >= 0x61 && (masked.charCodeAt(q - 1) | 0x20) <= 0x7a)) q--;
  return DERIVED_LAST_WORDS.has(masked.slice(q, p + 1).toLowerCase());
}

/** Whether the words before a mention make it the model others are derived from ("based on X", not "based on X's 1.8T"). */
function isDerivedFrom(masked: string, m: ModelMention): boolean {
  if (!mayFollowDerivation(masked, m.start)) return false;
  const c = masked.charCodeAt(m.end);
  if ((c === 0x27 || c === 0x2019) && masked.charCodeAt(m.end + 1) === 0x73) return false;
  const from = Math.max(0, m.start - DERIVED_REACH);
  const before = masked.slice(from, m.start);
  // The literal words first: the lookbehind, read backwards over coordinated names, costs more than a scan for them.
  if (!DERIVATION_WORD.test(before)) return false;
  DERIVED_BEFORE.lastIndex = before.length;
  return DERIVED_BEFORE.test(before);
}
