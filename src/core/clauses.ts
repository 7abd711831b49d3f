// Names set off in a clause of their own ("Unlike X, …", "S, which beats X, has …"): a figure after the clause's closing comma is not theirs.
import { isBlank } from './blanks';
import { countStartingBefore } from './spanSearch';
import type { ModelMention } from './types';

/** How far into a gap its closing comma may stand (blanks of masked links and code included). */
const COMMA_REACH = 200;
/** How many characters of words may stand between the name and that comma ("'s architecture", "on SWE-bench"). */
const MAX_WORDS_BEFORE_COMMA = 40;

/**
 * Where the comma that closes the phrase around the name before a gap stands in it, or -1: after closing marks ("**",
 * "]", quotes), masked runs and a few words ("DeepSeek-V3's architecture,", "GPT-4.1 on SWE-bench,"), with no clause or
 * sentence break before it. Reads at most COMMA_REACH characters: it runs once per figure.
 */
export function closingComma(gap: string): number {
  const end = Math.min(gap.length, COMMA_REACH);
  let words = 0;
  for (let i = 0; i < end; i++) {
    const c = gap.charCodeAt(i);
    if (c === 0x2c || c === 0xff0c) return i;
    if (isBlank(c) || CLOSING_MARKS.has(c)) continue;
    if (STOPS.has(c) || (c === 0x2e && (i + 1 >= gap.length || isBlank(gap.charCodeAt(i + 1))))) return -1;
    if (++words > MAX_WORDS_BEFORE_COMMA) return -1;
  }
  return -1;
}
const CLOSING_MARKS = new Set(Array.from('*_]）)"\'”’」』`', (c) => c.charCodeAt(0)));
const STOPS = new Set(Array.from(';:!?(（。；：！？—–', (c) => c.charCodeAt(0)));

/** How far before a name its sentence's opening phrase may start. */
const OPENING_REACH = 160;

/** Where the sentence holding `at` starts, looking back at most `reach` characters; -1 when it starts further back. */
function sentenceStart(text: string, at: number, reach: number): number {
  const from = Math.max(0, at - reach);
  for (let i = at - 1; i >= from; i--) {
    const c = text.charCodeAt(i);
    // A sentence or line break; a period only when a blank follows it ("Llama 3.1" is no break).
    if (c === 0x0a || c === 0x21 || c === 0x3f || c === 0x3b || c === 0x3a || c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0xff1b || c === 0xff1a || (c === 0x2e && isBlank(text.charCodeAt(i + 1)))) return i + 1;
  }
  return from === 0 ? 0 : -1;
}

/** What may open a sentence before its first word: blanks, list and quote marks, emphasis, brackets, quotes, a number. */
const SENTENCE_OPENING = String.raw`[\s*_>#+\-(\[（“‘"'「『]*(?:\d+[.)]\s+)?`;
/** A word that leads into the sentence before its opening phrase: "But unlike X, …", "However, unlike X, …". */
const LEAD_IN = String.raw`(?:(?:but|and|yet|so|however|still|meanwhile|now|again|moreover|also|here)\s*,?\s+)?`;
/** The words between the phrase's first word and the name: no clause break but a relative clause ("Unlike Kimi K2, which beats "). */
const PHRASE_REST = String.raw`(?:[^,，.;:!?。；：！？]|\.(?=\S)|[,，]\s*(?:which|that|who|whose)\b)*$`;

/**
 * A sentence opened by a comparison or a derivation: "Unlike DeepSeek-V3, the 7B model is dense", "Much like Phi-4, …",
 * "Distilled from DeepSeek-R1, the 7B model …", "Compared with Llama 3.1 405B, it has 8B", "相较于 GPT-3，…". The main
 * clause after its comma is about another model. ("In Llama 3.1, the 8B model …" names a member: not here.)
 */
const OPENING_LEAD =
  `^${SENTENCE_OPENING}${LEAD_IN}` +
    String.raw`(?:(?:(?:much|just|very|quite)\s+)?(?:like|unlike|similar\s+to|similarly\s+to)|compared\s+(?:with|to|against)|(?:in\s+comparison|when\s+compared)\s+(?:with|to)|in\s+contrast\s+(?:with|to)|contrary\s+to|relative\s+to|as\s+opposed\s+to|different\s+from|as\s+with|versus|against|alongside|besides|beside|apart\s+from|aside\s+from|other\s+than|instead\s+of|rather\s+than|next\s+to|(?:distilled|initiali[sz]ed|fine-?tuned|derived|pruned|quantized|quantised|converted|adapted|forked|upcycled|merged|trained|post-?trained|(?:continually\s+)?pre-?trained)\b|(?:built|based|building)\s+(?:on|upon|atop|from)|built\s+on\s+top\s+of|starting\s+from|modell?ed\s+(?:on|after)|inspired\s+by)\b` +
  `|^${SENTENCE_OPENING}(?:相较于?|相比于?|对比|不同于|类似于|基于|源自|蒸馏自)`;
const OPENING_PHRASE = new RegExp(`(?:${OPENING_LEAD})${PHRASE_REST}`, 'iu');
/** A relative clause or a parenthesis right after the comma is about the name ("Compared to GPT-3, which has 175B, …"). */
const DESCRIBES_AFTER_COMMA = /^[,，]\s*(?:which|that|who|whose|[(（])/iu;

/**
 * "Built on Kimi K2, the 1.5-trillion-parameter model from Moonshot, the agent …": the figure's phrase is closed by a comma
 * and a new subject follows, so it was an apposition to the name inside the opening phrase.
 */
const APPOSITION_CLOSED = /^[^,，.;:!?。；：！？—–]{0,120}(?:[,，]|\s[—–])\s*(?!(?:which|that|who|whose|and|but|or|nor|while|whereas|although|though|with|without|as|so|yet|making|giving|enough|despite|released|however|all|each|both)\b)[A-Za-z0-9]/u;
const ADVERBIAL_AFTER_COMMA = /^[,，]\s*(?:at|with|and|but|while|using|activating|having|by)\b/iu;
/** How far after the figure APPOSITION_CLOSED reads. */
const APPOSITION_REACH = 140;

/**
 * Whether the name before a figure stands in its sentence's opening phrase of comparison or derivation, which the comma
 * at `comma` in the gap closes: the figure ending at `figureEnd` then sizes the main clause's subject, not the name.
 */
export function closesOpeningPhrase(text: string, name: ModelMention, gap: string, comma: number, figureEnd: number): boolean {
  const afterComma = gap.slice(comma);
  if (DESCRIBES_AFTER_COMMA.test(afterComma)) return false;
  // "Unlike GPT-3, at 16B parameters, Phi-4 is open": a phrase of measure or means describes the main clause's subject.
  if (!ADVERBIAL_AFTER_COMMA.test(afterComma) && APPOSITION_CLOSED.test(text.slice(figureEnd, figureEnd + APPOSITION_REACH))) return false;
  const start = sentenceStart(text, name.start, OPENING_REACH);
  return start >= 0 && OPENING_PHRASE.test(text.slice(start, name.start));
}

/** A relative clause opened right after the subject and not closed before the name: "Kimi K2, which beats " (a period inside a name, as in "GPT-4.1", closes nothing). */
const RELATIVE_OPEN = /^[\s*_"'”’]*[,，]\s*(?:which|that|who|whose)\b(?:[^,，;:.!?()（）。；：！？]|\.(?!\s|$))*$/iu;
/** What may stand between names inside one relative clause, or open it: no clause or sentence break but its opening comma. */
const RELATIVE_OR_PLAIN = /^[\s*_"'”’]*[,，]?(?:[^,，;:.!?()（）。；：！？]|\.(?!\s|$))*$/u;
/**
 * The subject's verb right after the clause's closing comma, and nothing but a few words of degree before the figure:
 * ", has 32B", ", has only 12.9B", ", is a 14B model". (", is ten times smaller than the 175B original" is not it.)
 */
const MAIN_VERB =
  /^[,，]\s*(?:(?:still|only|also|now|reportedly|itself|actually|in\s+fact)\s+)?(?:has|had|is|was|uses|used|activates|activated|packs|weighs|keeps|holds|contains|runs|offers|features|boasts|totals|sports|can\s+activate|comes\s+with|ships\s+with)\b(?:\s+(?:only|just|merely|about|around|roughly|nearly|approximately|almost|over|under|some|a|an|the|all|total|of|with|at|fewer\s+than|more\s+than|less\s+than|at\s+most|at\s+least|~|≈))*\s*$/iu;
/** Before the subject, only the sentence's opening and an article, an adjective or an owner ("The new", "Meta's"). */
const SUBJECT_LEAD = new RegExp(`^${SENTENCE_OPENING}${LEAD_IN}(?:(?:the|a|an)\\s+)?(?:(?:new|latest|open|open-weight|smaller|larger|original)\\s+)?(?:[A-Z][\\w&.-]*['’]s\\s+)?$`, 'iu');
/** How long the clause from the subject to the name may be: each figure reads it, so a long one is not read at all. */
const RELATIVE_REACH = 120;
/** How many names back the clause's subject may be ("S, which beats X and Y, has …"). */
const MAX_NAMES_IN_CLAUSE = 4;

/**
 * "Kimi K2, which beats GPT-4.1, has 32B active", "Mixtral 8x7B, which outperforms Llama 2 70B, has 12.9B active": the name
 * before the figure sits in a relative clause about the sentence's subject, and the verb right after the clause is the
 * subject's. The subject; null when the clause hangs off a name that is not the subject (the figure is no named model's);
 * undefined when there is no such clause.
 */
export function relativeClauseSubject(text: string, mentions: ModelMention[], name: ModelMention, gap: string, comma: number): ModelMention | null | undefined {
  if (!MAIN_VERB.test(gap.slice(comma))) return undefined;
  const k = countStartingBefore(mentions, name.start);
  for (let j = k - 1; j >= 0 && j >= k - MAX_NAMES_IN_CLAUSE; j--) {
    const subject = mentions[j]!;
    if (subject.end > name.start) continue;
    if (name.start - subject.end > RELATIVE_REACH) return undefined;
    const between = text.slice(subject.end, name.start);
    if (RELATIVE_OPEN.test(between)) {
      // "The distilled version of DeepSeek-R1, which beats GPT-4o, has 7B": the verb is not the name's, nor a model's named.
      const start = sentenceStart(text, subject.start, OPENING_REACH);
      return start >= 0 && SUBJECT_LEAD.test(text.slice(start, subject.start)) ? subject : null;
    }
    // A break between them: the clause cannot reach further back.
    if (!RELATIVE_OR_PLAIN.test(between)) return undefined;
  }
  return undefined;
}
