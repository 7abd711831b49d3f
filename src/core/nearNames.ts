// Near-miss names: an unknown capitalised word sized like a model the draft names, one letter away from its name ("Arya" for "Tiny Aya").
import type { RawFigure } from './figures';
import { namePattern, namesBeforeFigures, sizeAfter } from './sizeSubject';
import { overlapsAny } from './spanSearch';
import { figureMatches } from './verdict';
import type { ModelFact, ModelMention, ParsedFigure, Span } from './types';

/** An unknown word that is the subject of a size claim; which model it means is settled over the whole draft. */
export interface NameCandidate extends Span {
  text: string;
  figure: ParsedFigure;
}

/** A capitalised word (what follows it, a subject's gap, is never a letter, digit or joiner). */
const WORD = namePattern(String.raw`(?<![\p{L}\p{N}_.-])\p{Lu}\p{Ll}{2,}`);
/** Capitalised words that open sentences or name things other than models; never a misspelt model name. */
const COMMON = new Set(
  'this that these those there their then they the its each every both some many most such which what when where while with from into over also only other another our your one two three four five six seven eight nine ten here have has had was were will would could should model models version base large small medium mini tiny nano code chat instruct vision pro max plus ultra lite flash turbo open meta google apple amazon microsoft'.split(' '),
);
/** Words of model names too generic to be what a misspelling aimed at. */
const GENERIC = new Set('tiny small mini medium large nano micro base chat instruct code vision pro max plus ultra lite flash turbo open model preview mixtral'.split(' '));

/** The unknown capitalised words of a span that are sized by the figure after them (`sizing`: the figures that may size one). */
export function nameCandidates(masked: string, span: Span, mentions: ModelMention[], sizing: Span[], figures: RawFigure[]): NameCandidate[] {
  const out: NameCandidate[] = [];
  for (const { start, end, text } of namesBeforeFigures(masked, span, sizing, WORD)) {
    if (COMMON.has(text.toLowerCase()) || overlapsAny(mentions, { start, end })) continue;
    const raw = sizeAfter(masked, end, figures);
    if (!raw) continue;
    out.push({ start, end, text, figure: { ...raw, hedged: false, explicitParameters: false } });
  }
  return out;
}

/** Levenshtein distance, up to 2 (enough to tell 0, 1 and more). */
function withinOne(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1 || a === b) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const rest = (x: string, y: string): boolean => x === y;
  return rest(a.slice(i + 1), b.slice(i + 1)) || rest(a.slice(i), b.slice(i + 1)) || rest(a.slice(i + 1), b.slice(i));
}

/** The distinctive words of a model's names: letter runs of three or more that are not generic. */
function wordsOf(model: ModelFact): string[] {
  const known = WORDS.get(model);
  if (known) return known;
  const words = new Set<string>();
  for (const n of [model.name, ...model.aliases]) for (const w of n.match(/\p{L}{3,}/gu) ?? []) if (!GENERIC.has(w.toLowerCase())) words.add(w.toLowerCase());
  const list = [...words];
  WORDS.set(model, list);
  return list;
}

/** Each model's words, worked out once: every candidate of a draft is compared with every model it names. */
const WORDS = new WeakMap<ModelFact, string[]>();

/**
 * The one model of the draft a candidate means: a word of its name one edit away (not a plural) and
 * a size the model has. Two such models, or none, leave the word alone.
 */
export function resolveCandidate(c: NameCandidate, models: ModelFact[]): ModelFact | undefined {
  const word = c.text.toLowerCase();
  let hit: ModelFact | undefined;
  for (const model of models) {
    const near = wordsOf(model).some((w) => withinOne(word, w) && word !== `${w}s` && w !== `${word}s`);
    if (!near || !model.figures.some((f) => f.status !== 'superseded' && figureMatches(c.figure, f))) continue;
    if (hit && hit !== model) return undefined;
    hit = model;
  }
  return hit;
}

export function nearNameMessage(written: string, model: ModelFact, as: string, figure: string): string {
  return `"${written}" is no model the fact base knows, and it is sized ${figure} like ${model.name}, which this draft names: did you mean "${as}"?`;
}
