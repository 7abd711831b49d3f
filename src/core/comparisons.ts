// Which model a figure after a comparison belongs to: "X beats Y with only 37B active" sizes X, not Y; ambiguous phrasings size neither.
import { countEndingBy } from './spanSearch';
import type { ModelMention } from './types';

/**
 * "DeepSeek-V3 beats Llama 3.1 405B with only 37B active", "X 超越 Y，仅激活 37B": a figure in a phrase of means after
 * a comparison's object ("with", "while activating", "仅") is the subject's, not the object's; null when the subject
 * is not named ("Mistral's new model beats Llama 2 70B with only 12.9B active", "It beats …"), the figure is the
 * margin ("exceeds Llama 3.1 405B by 266B"), or nothing ties the phrase to the subject ("beats Command R+ with 104B
 * parameters", "is faster than Llama 2 70B at 12.9B"): the figure is then judged against neither model.
 */
export function comparedSubject(text: string, mentions: ModelMention[], object: ModelMention, gap: string): ModelMention | null | undefined {
  // Most gaps are a word or two of a plain statement ("has", "is", ":"): a look at the first word rules them out.
  MEANS_FIRST_WORD.lastIndex = 0;
  if (!MEANS_FIRST_WORD.test(gap)) return undefined;
  // "with only 22B active parameters versus R1's 37B": the figure set against the subject's is the object's, in a kind
  // the words before it state; neither is judged.
  if (VERSUS_END.test(gap)) return null;
  const margin = MARGIN_GAP.test(gap);
  if (!margin && !MEANS_PHRASE.test(gap)) return undefined;
  // Without a word that ties the phrase to the subject, "X beats Y with 104B parameters" (or "… 37B active") may size
  // either model, as the figure is as often the object's own: neither is judged.
  const tied = !margin && (MEANS_MARKER.test(gap) || AND_VERB.test(gap) || PRONOUN_VERB.test(gap));
  if (!tied && COMMA_FIRST.test(gap)) return undefined;
  let k = countEndingBy(mentions, object.start);
  // "X outperforms Llama 2 70B and GPT-3.5 with only 12.9B active": the comparison's objects may be coordinated.
  let first = object;
  for (let seen = 0; k > 1 && seen < MAX_COMPARED_OBJECTS && COORDINATED_OBJECTS.test(text.slice(mentions[k - 1]!.end, first.start)); seen++) first = mentions[--k]!;
  const subject = k > 0 ? mentions[k - 1]! : undefined;
  if (subject && subject.modelId !== object.modelId && first.start - subject.end <= MAX_COMPARISON_GAP) {
    const between = text.slice(subject.end, first.start);
    // A passive's agent is the winner, and keeps its figure; so does an example ("models such as Y with 200B").
    if (PASSIVE_END.test(between)) return undefined;
    // "rivals models such as Y with only 39B", "outperforms models like Y with only 14B": either may be meant.
    if (NO_RIVAL_END.test(between)) return tied ? null : undefined;
    // "X is 9x bigger than Y at 1.6T" compares sizes: the figure is the subject's, tied or not ("by 333B" is the margin).
    if (SIZE_THAN.test(between)) return margin ? null : subject;
    if (COMPARISON.test(between)) return tied ? subject : null;
    // "X is faster than Y at just 12.9B active", "X is denser than Y at just 37B active": either model's.
    return THAN.test(between) ? null : undefined;
  }
  // No named subject: the clause before the object, from its start, compares an unnamed one.
  if (subject && first.start - subject.end <= MAX_COMPARISON_GAP) return undefined;
  const lead = text.slice(Math.max(0, first.start - MAX_COMPARISON_GAP), first.start);
  const clause = lead.slice(lastClauseBreak(lead) + 1);
  return (COMPARISON.test(clause) || THAN.test(clause)) && !NO_RIVAL_END.test(clause) ? null : undefined;
}

/** "X is 9x bigger than Y at 1.6T": a comparison of sizes, whose figure is the subject's. */
const SIZE_THAN = /^[^.;:!?()。；：！？（）]*?\b(?:bigger|larger|smaller|greater|heavier|lighter)\s+than\s*$/iu;
const THAN = /^[^.;:!?()。；：！？（）]*?\bthan\b[^.;:!?()。；：！？（）]*$/iu;

/** Where the last sentence or clause break of the text is, or -1. */
function lastClauseBreak(text: string): number {
  for (let i = text.length - 1; i >= 0; i--) if (CLAUSE_BREAKS.has(text.charCodeAt(i))) return i;
  return -1;
}
const CLAUSE_BREAKS = new Set(Array.from('.;:!?()。；：！？（）', (c) => c.charCodeAt(0)));

/** "exceeds Llama 3.1 405B by 266B": the margin of a comparison. */
const MARGIN_GAP = /^\s*(?:(?:in\s+(?:size|parameters|parameter\s+count|scale)\s+)?by\s+(?:about\s+|roughly\s+|nearly\s+|over\s+|some\s+|around\s+|~\s*)?)$/iu;
/** The words that tie a phrase of means to the subject: a small size ("only", "just", "a mere"), "activating", "despite". */
const MEANS_MARKER = /\b(?:only|just|merely|mere|activat\w*|despite)\b|仅|只/iu;
const VERSUS_END = /\d[^.;:!?()。；：！？（）]*\b(?:versus|vs\.?|against|compared\s+(?:with|to))\s+(?:[A-Z][\w.-]*['’]s\s+)?$/u;
/** The words MEANS_PHRASE and MARGIN_GAP can start with, after blanks and a comma or dash. */
const MEANS_FIRST_WORD = /\s*[,，—–-]?\s*(?:with|using|activat|running|needing|requiring|having|at\b|while|despite|though|although|by\b|and\b|but\b|yet\b|even\b|on\b|in\b|across|仅|只|但|却|而|同时|并且|其|总参数|激活参数|参数)/iuy;
/** ", with 46.7B parameters,": an apposition to the object, unless a marker ties it to the subject. */
const COMMA_FIRST = /^\s*[,—–-]\s*with\b/iu;
const AND_VERB = /^\s*,?\s*(?:and|but|yet)\s/iu;
/** What ends the words between subject and object when the object is no rival: a passive's agent ("was outperformed by"), an example ("such as"). */
const NO_RIVAL_END = /(?:\bby|\bsuch\s+as|\blike|\bincluding|被)\s*$/iu;
const PASSIVE_END = /(?:\bby|被)\s*$/iu;
/** ", though it activates only 37B", ", and it uses": the subject again, as a pronoun. */
const PRONOUN_VERB = /^\s*[,，]?\s*(?:even\s+)?(?:though|although|while|but|and|yet)\s+(?:it|they)\s+(?:still\s+|only\s+|just\s+)?(?:activates?|uses?|has|have|needs?|packs?)\b/iu;
const COORDINATED_OBJECTS = /^\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|和|与|及|以及|、)\s*$|^\s*,?\s*(?:and|but)\s+(?:also\s+|even\s+)?(?:beats?|outperforms?|matches|rivals?|surpasses|exceeds|trails|ties)\s+(?:the\s+)?$/iu;
const MAX_COMPARED_OBJECTS = 8;

/** What stands between the subject and the object of a comparison: a verb of winning, matching or trailing ("than" is left out: "X is denser than Y at 37B" sizes Y). */
const COMPARISON =
  /^[^.;:!?()。；：！？（）]*?(?:\b(?:beats?|beating|best(?:s|ed|ing)?|outperform\w*|outscor\w*|outclass\w*|outpac\w*|outrank\w*|outdo(?:es|ing)?|outdid|outsiz\w*|outnumber\w*|compet(?:es|ed|ing)\s+with|scor(?:es|ed|ing)\s+(?:above|higher\s+than)|rank(?:s|ed|ing)?\s+above|ahead\s+of|rival(?:s|l?ed|l?ing)?|match(?:es|ed|ing)|surpass\w*|exceed\w*|tops|topped|topping|edg(?:es|ed|ing)\s+(?:out|past)|trail(?:s|ed|ing)?|lag(?:s|ged|ging)?\s+behind|keep(?:s|ing)?\s+pace\s+with|kept\s+pace\s+with|(?:is|are|was|were|performs?|performed)\s+on\s+par\s+with|overtak\w*|overtook|com(?:es|ing)\s+close\s+to)\b|超越|超过|击败|打败|胜过|媲美|比肩|匹敌|追平|逼近|优于|强于|领先于?|不输于?)[^.;:!?()。；：！？（）]*$/iu;
export const MAX_COMPARISON_GAP = 80;
/**
 * What follows the object when the figure sizes the subject: a phrase of means that says the figure is small ("with
 * only", "while activating just", "despite having only", "at just", after an optional "on most benchmarks"), "，仅激活",
 * "却只用"; or a second verb of the subject ("and has"). Not "which has", not "with 104B parameters" (the object's
 * own size, as often as not), not ", with 46.7B parameters," (an apposition to the object).
 */
const MEANS_PHRASE =
  /^\s*,?\s*(?:and|but|yet)\s+(?:still\s+|only\s+|just\s+)?(?:has|had|uses|used|activates|activated|packs|weighs)\b[^.;:!?()。；：！？（）]*$|^\s*(?:[,—–-]\s*)?(?:(?:on|in|across)\s+(?:[\w-]+\s+){1,5})?(?:,?\s*(?:while|despite|though|although|even)\s+|(?:by|and)\s+)?(?:with|using|activating|running|needing|requiring|having|at)\b(?:(?!\b(?:which|that|who|whose|it|its|has|have|had|versus|vs|compared|against)\b)[^.;:!?()。；：！？（）,])*$|^\s*,?\s*despite\s+(?:its|their)\s+(?:only\s+|just\s+|mere\s+)?$|^\s*[,，]?\s*(?:even\s+)?(?:though|although|while|but|and|yet)\s+(?:it|they)\s+(?:still\s+|only\s+|just\s+)?(?:activates?|uses?|has|have|needs?|packs?)\b[^.;:!?()。；：！？（）]*$|^\s*[，,]?\s*(?:但|却|而|同时|并且)?\s*(?:仅仅|仅需|只需|仅|只)[^。；！？，,]*$|^\s*[，,]\s*(?:而|且|并且|同时)?\s*(?:其)?(?:总参数|激活参数|参数量?)[^。；！？，,]*$/iu;
