// Names set off in a clause of their own ("Unlike X, …", "S, which beats X, has …"): a figure after the clause's closing comma is not theirs.
import { isBlank } from './blanks';
import { countStartingBefore } from './spanSearch';
import type { ModelMention } from './types';

const MAX_BLANKS_BEFORE_COMMA = 4;

/** Whether a gap starts (after blanks) with a comma, as every gap these rules read does: a first look that rules out most. */
export function startsWithComma(gap: string): boolean {
  let i = 0;
  // A few blanks at most: a gap may open with a long masked run, and is read once per figure.
  while (i < gap.length && i < MAX_BLANKS_BEFORE_COMMA && isBlank(gap.charCodeAt(i))) i++;
  const c = gap.charCodeAt(i);
  return c === 0x2c || c === 0xff0c;
}

/** How far before a name its sentence's opening phrase may start. */
const OPENING_REACH = 120;

/**
 * A sentence opened by a comparison or a derivation, with no comma before the name: "Unlike DeepSeek-V3, the 7B model
 * is dense", "Distilled from DeepSeek-R1, the 7B model runs on a laptop", "Compared with Llama 3.1 405B, it has 8B".
 * The main clause after the comma is about another model. ("In Llama 3.1, the 8B model …" names a member: not here.)
 */
const OPENING_LEAD = new RegExp(
  String.raw`^[\s*_>#+\-]*(?:\d+[.)]\s+)?(?:(?:Much|Just|Very|Quite)\s+)?(?:Like|Unlike|Compared\s+(?:with|to)|In\s+contrast\s+(?:with|to)|Contrary\s+to|Similar\s+to|Relative\s+to|As\s+with|Versus|Against|Alongside|Besides|Beside|Apart\s+from|Aside\s+from|Other\s+than|Instead\s+of|Rather\s+than|Next\s+to|(?:Distilled|Initiali[sz]ed|Fine-?tuned|Derived|Pruned|Quantized|Quantised|Converted|Adapted|Forked|Upcycled|Trained)\b|(?:Built|Based)\s+(?:on|upon|from)|Modell?ed\s+(?:on|after)|Inspired\s+by)\b[^,，.;:!?。；：！？]*$`,
  'u',
);
/** A comma that opens a relative clause or a parenthesis about the name ("Compared to GPT-3, which has 175B, …"). */
const DESCRIBES_AFTER_COMMA = /^\s*[,，]\s*(?:which|that|who|whose|[(（])/iu;

/**
 * "Built on Kimi K2, the 1.5-trillion-parameter model from Moonshot, the agent …": the figure's phrase is closed by a comma
 * and a new subject follows, so it was an apposition to the name inside the opening phrase.
 */
const APPOSITION_CLOSED = /^[^,，.;:!?。；：！？]{0,80}[,，]\s*(?!(?:which|that|who|whose|and|but|or|nor|while|whereas|although|though|with|without|as|so|yet|making|giving|enough|despite)\b)[A-Za-z]/u;
/** How far after the figure APPOSITION_CLOSED reads. */
const APPOSITION_REACH = 100;

/**
 * Whether the name before a figure stands in its sentence's opening phrase of comparison or derivation, which the comma
 * starting the gap closes: the figure ending at `figureEnd` then sizes the main clause's subject, not the name.
 */
export function closesOpeningPhrase(text: string, name: ModelMention, gap: string, figureEnd: number): boolean {
  if (DESCRIBES_AFTER_COMMA.test(gap) || APPOSITION_CLOSED.test(text.slice(figureEnd, figureEnd + APPOSITION_REACH))) return false;
  const from = Math.max(0, name.start - OPENING_REACH);
  let start = -1;
  for (let i = name.start - 1; i >= from; i--) {
    const c = text.charCodeAt(i);
    // A sentence or line break; a period only when a blank follows it ("Llama 3.1" is no break).
    if (c === 0x0a || c === 0x21 || c === 0x3f || c === 0x3b || c === 0x3a || c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0xff1b || c === 0xff1a || (c === 0x2e && isBlank(text.charCodeAt(i + 1)))) {
      start = i + 1;
      break;
    }
  }
  if (start < 0) {
    if (from > 0) return false;
    start = 0;
  }
  return OPENING_LEAD.test(text.slice(start, name.start));
}

/** A relative clause opened right after the subject and not closed before the name: "Kimi K2, which beats " (a period inside a name, as in "GPT-4.1", closes nothing). */
const RELATIVE_OPEN = /^\s*[,，]\s*(?:which|that|who)\b(?:[^,，;:.!?()（）。；：！？]|\.(?!\s|$))*$/iu;
/** The subject's verb after the clause's closing comma: ", has 32B active", ", is a 14B model". */
const MAIN_VERB = /^\s*[,，]\s*(?:(?:still|only|also|now|reportedly|itself)\s+)?(?:has|had|is|was|uses|used|activates|activated|packs|weighs|keeps|holds|contains|comes|ships|runs|offers|features|boasts)\b/iu;
/** How long the clause from the subject to the name may be: each figure reads it, so a long one is not read at all. */
const RELATIVE_REACH = 120;
/** How many names back the clause's subject may be ("S, which beats X and Y, has …"). */
const MAX_NAMES_IN_CLAUSE = 4;

/**
 * "Kimi K2, which beats GPT-4.1, has 32B active", "Mixtral 8x7B, which outperforms Llama 2 70B, has 12.9B active": the name
 * before the figure sits in a relative clause about the subject, and the verb after the clause is the subject's. The subject,
 * or undefined.
 */
export function relativeClauseSubject(text: string, mentions: ModelMention[], name: ModelMention, gap: string): ModelMention | undefined {
  if (!MAIN_VERB.test(gap)) return undefined;
  const k = countStartingBefore(mentions, name.start);
  for (let j = k - 1; j >= 0 && j >= k - MAX_NAMES_IN_CLAUSE; j--) {
    const subject = mentions[j]!;
    if (subject.end > name.start) continue;
    if (name.start - subject.end > RELATIVE_REACH) return undefined;
    const between = text.slice(subject.end, name.start);
    if (RELATIVE_OPEN.test(between)) return subject;
    // A break between them: the clause cannot reach further back.
    if (!RELATIVE_OR_PLAIN.test(between)) return undefined;
  }
  return undefined;
}
/** What may stand between names inside one relative clause, or open it: no clause or sentence break but its opening comma. */
const RELATIVE_OR_PLAIN = /^\s*[,，]?(?:[^,，;:.!?()（）。；：！？]|\.(?!\s|$))*$/u;
