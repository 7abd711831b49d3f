// Tells the writer's own estimate ("推测", "we speculate", "probably") from one the draft reports ("据推测", "SemiAnalysis estimates").
import { FoldingPattern } from './caseFolding';
import { countEndingBy } from './spanSearch';
import type { Span } from './types';

/**
 * Words that make a figure the writer's own guess without distancing it from the writer: the claim is
 * checked as stated today, and these only say, when it is wrong, that it was guessed.
 */
export const OWN_HEDGES = new FoldingPattern(
  String.raw`\b(?:probably|likely|presumably|(?:we|I)\s+(?:estimate|guess|suspect|believe|speculate)|I['’]d\s+guess|(?:my|our)\s+(?:own\s+)?(?:estimates?|guess(?:es)?))\b|也许|或许|大概`,
  'giu',
);

/** A distancing cue that is an estimate or a guess: whose it is decides whether it distances. */
const ESTIMATE_WORD = /^(?:speculat|estimates$|猜测|推测|估算|估计|预估)/iu;
/** "we speculate", "our estimates": the writer owns the English estimate words only with a first person. */
const FIRST_PERSON_BEFORE = /\b(?:we|I|our|my)\s+(?:own\s+)?$/iu;
/**
 * "据推测", "外界估计", "行业估算", "分析师预估": a source before a Chinese estimate verb reports it; a bare verb,
 * or one after "我们" or "笔者", is the writer's.
 */
const SOURCE_BEFORE =
  /据|外界|业界|业内|行业|有人|消息|媒体|外媒|分析|机构|市场|坊间|网友|网传|社区|普遍|第三方|专家|人士|报道|报告|一些人|不少人|许多人|很多人|人们|他们|她们|官方|研究者|研究人员|团队|公司|厂商/u;
/** How far back in its clause an estimate verb's source is looked for. */
const SOURCE_REACH = 24;
/** "SemiAnalysis 估计": a Latin name or a number right before the verb is its subject, someone else. */
const NAMED_SUBJECT_BEFORE = /[A-Za-z0-9)）](\s?)$/u;

/**
 * Whether the distancing cue text[start, end) is the writer's own estimate rather than a report of
 * someone else's, reading only its clause (from `clauseStart`). `models` are the model names in the
 * text (sorted): one right before a Chinese verb is its topic ("Grok-2 推测总参数 480B"), not its source.
 */
export function isOwnEstimate(text: string, clauseStart: number, start: number, end: number, models: readonly Span[]): boolean {
  const word = text.slice(start, end);
  if (!ESTIMATE_WORD.test(word)) return false;
  const before = text.slice(Math.max(clauseStart, start - SOURCE_REACH), start);
  // The English words start with a letter; the Chinese verbs with a CJK character.
  if (word.charCodeAt(0) < 0x80) return FIRST_PERSON_BEFORE.test(before);
  if (SOURCE_BEFORE.test(before)) return false;
  const named = NAMED_SUBJECT_BEFORE.exec(before);
  if (!named) return true;
  const nameEnd = start - named[1]!.length;
  const i = countEndingBy(models, nameEnd);
  return i > 0 && models[i - 1]!.end === nameEnd;
}
