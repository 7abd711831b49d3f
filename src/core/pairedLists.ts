// Lists of figures after lists of names, paired in order without "respectively": "X and Y have 46.7B and 141B", total/active
// pairs ("671B/37B and 46.7B/12.9B"), unnamed conjuncts ("The new model and X have 500B and 405B").
import type { FigureReading, RawFigure } from './figures';
import type { ModelMention } from './types';

/** A figure of a list, as read. */
export interface ListedFigure {
  raw: RawFigure;
  reading: FigureReading;
}

/** "671B/37B": the MoE total/active notation. */
export const SLASH_GAP = /^\s*\/\s*$/;

/** The cheap half of an implied "respectively": the figures are joined by "and"/"和"/"、"/commas and sizes no unnamed models. */
export function mayPairImplicitly(masked: string, group: readonly ListedFigure[]): boolean {
  for (let k = 1; k < group.length; k++) if (!PAIRED_FIGURES_GAP.test(masked.slice(group[k - 1]!.raw.end, group[k]!.raw.start))) return false;
  const end = group[group.length - 1]!.raw.end;
  return !FAMILY_SIZES_AFTER.test(masked.slice(end, end + 30));
}

/**
 * Whether an even list of figures is total/active pairs: "671B/37B and 46.7B/12.9B", each pair joined by a slash with the
 * smaller second and no kind of its own, the pairs by "and", a comma or a list mark.
 */
export function isListOfPairs(masked: string, group: readonly ListedFigure[]): boolean {
  for (let k = 1; k < group.length; k++) {
    const a = group[k - 1]!;
    const b = group[k]!;
    const gap = masked.slice(a.raw.end, b.raw.start);
    if (k % 2 === 1 ? !SLASH_GAP.test(gap) || b.raw.value >= a.raw.value || (b.reading.statedKind ?? 'active') !== 'active' : !PAIRED_FIGURES_GAP.test(gap)) return false;
  }
  return true;
}

/** The rest: names [from, to) of `usable` are the subject alone, and a verb of having leads from the last to the figures. */
export function pairsImplicitly(masked: string, usable: ModelMention[], from: number, to: number, figureStart: number, listEnd: number): boolean {
  if (from > 0 && COORDINATED_NAMES.test(masked.slice(usable[from - 1]!.end, usable[from]!.start))) return false;
  const gap = masked.slice(usable[to - 1]!.end, figureStart);
  if (gap.length > 40 || !HAVING_GAP.test(gap)) return false;
  return !MODELS_AFTER.test(masked.slice(listEnd, listEnd + 30)) || COPULA_GAP.test(gap);
}

/**
 * The names of a pairing with unnamed conjuncts, and the place of the first name's figure: the run of coordinated names
 * ending at `before`, after a coordinator ("the new model and X have …": the last figures) or before one ("X and its
 * successor have …": the first figures); undefined when neither holds.
 */
export function placeAmongUnnamed(masked: string, usable: ModelMention[], before: number, count: number, figureStart: number): { names: ModelMention[]; offset: number } | undefined {
  let from = before - 1;
  while (from > 0 && before - from < count && usable[from - 1]!.modelId !== usable[from]!.modelId && COORDINATED_NAMES.test(masked.slice(usable[from - 1]!.end, usable[from]!.start))) from--;
  const names = usable.slice(from, before);
  if (names.length >= count) return undefined;
  const gap = masked.slice(names[names.length - 1]!.end, figureStart);
  if (gap.length <= 40 && HAVING_GAP.test(gap)) {
    const lead = masked.slice(Math.max(0, names[0]!.start - 40), names[0]!.start);
    return UNNAMED_BEFORE_NAMES.test(lead) ? { names, offset: count - names.length } : undefined;
  }
  return gap.length <= 80 && UNNAMED_AFTER_NAMES.test(gap) ? { names, offset: 0 } : undefined;
}
/** "The new model and X": an unnamed conjunct (a noun phrase, no name) and a coordinator before the names. */
const UNNAMED_BEFORE_NAMES = /\b(?:the|a|an|its|their|this|that)\s+(?:[a-z-]+\s+){0,3}(?:model|system|version|variant|successor|predecessor|rival|LLM)s?\s*(?:,\s*(?:and\s+)?|and\s+|&\s*)$|(?:新模型|该模型|其继任者|前代)\s*(?:和|与|及)\s*$/iu;
/** "X and its successor have": a coordinator and an unnamed conjunct after the names, then a verb of having. */
const UNNAMED_AFTER_NAMES =
  /^\s*(?:,\s*)?(?:and|&)\s+(?:the|a|an|its|their|this|that)\s+(?:[a-z-]+\s+){0,3}(?:model|system|version|variant|successor|predecessor|rival|LLM)s?\s+(?:have|had|are|were)\s+(?:(?:roughly|about|around|approximately|nearly|just|only)\s+)?$|^\s*(?:和|与|及)\s*(?:其|它的)?(?:新模型|继任者|前代|后继者)\s*(?:的)?(?:参数量?)?\s*(?:分别)?(?:为|是|有)\s*$/iu;

/** Between the figures of an implied pairing: a comma, "and" or a Chinese list mark; not "/" (total/active) nor "or". */
const PAIRED_FIGURES_GAP = /^\s*(?:,\s*(?:and\s+)?|and\s+|和|与|及|、|，)\s*$/iu;
/** "X and Y come in 8B and 70B sizes", "…8B 和 70B 版本": sizes each model (or family) comes in, not one each. */
const FAMILY_SIZES_AFTER = /^\s*(?:-\s*)?(?:(?:parameters?|params?)\s+)?(?:sizes?|versions?|variants?|flavou?rs?|checkpoints?|editions?|options?|configurations?|规模|版本|尺寸|型号|两种|三种)/iu;
/** "…have 8B and 70B models" (each has both) against "…are 8B and 70B models" (one each): models after the list pair only after a copula. */
const MODELS_AFTER = /^\s*(?:-\s*)?(?:(?:parameters?|params?)\s+)?(?:models?|LLMs?|模型)/iu;
const COPULA_GAP = /^\s*(?:are|were|是|为|分别是)\s*$/iu;
/** A verb of having (or a colon) right after the names: "have", "are", "weigh in at", "的参数量为"; "each"/"both"/"各"/"都" share every figure. */
const HAVING_GAP =
  /^(?:\s*,?\s*(?:which\s+)?(?:have|had|are|were|weigh\s+in\s+at|come\s+in\s+at|came\s+in\s+at|contain|contained|hold|held|pack|packed|total|totalled|totaled|activate|activated|use|used)\s+(?:(?:a\s+)?(?:total\s+of|roughly|about|around|approximately|nearly|some|just|only)\s+)?|\s*(?:的)?\s*(?:总)?(?:参数量?|参数规模|规模)?\s*(?:分别)?(?:为|是|有|达到?)\s*|\s*[:：]\s*|\s*,\s*with\s+|\s*[(（]\s*)$/iu;
export const COORDINATED_NAMES = /^\s*(?:,\s*(?:and\s+)?|and\s+|&\s*|vs\.?\s+|versus\s+|和|与|及|以及|、|对比)\s*$/iu;
