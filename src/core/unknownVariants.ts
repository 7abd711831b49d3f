// Unknown variants: a known family's name with a tier word the family does not have ("Phi-3.5-medium"), sized off every family size.
import type { RawFigure } from './figures';
import { namePattern, namesBeforeFigures, sizeAfter } from './sizeSubject';
import { figureMatches } from './verdict';
import type { ModelFact, ParsedFigure, Span } from './types';

export interface VariantHit extends Span {
  text: string;
  family: ModelFact;
  tier: string;
  figure: ParsedFigure;
}

/** Tier words vendors put after a family's name; a name with one the fact base lacks is a model we do not know. */
const TIERED_NAME = namePattern(String.raw`(?<![\p{L}\p{N}_.-])([A-Za-z][A-Za-z]*[\s-]?\d+(?:\.\d+)*)[\s-](mini|small|medium|large|nano|tiny|micro|pro|max|plus|ultra|lite|flash|turbo)`, 'i');

/** Cheap test before the regex: a tier word at all. */
export function mayNameTier(text: string): boolean {
  return /mini|small|medium|large|nano|tiny|micro|pro|max|plus|ultra|lite|flash|turbo/i.test(text);
}

/**
 * Names made of a known model and a tier word that is not itself a known name, sized by a figure that
 * matches none of the family's figures (a family lists every official size of its members).
 */
export function unknownVariants(masked: string, span: Span, sizing: Span[], figures: RawFigure[], lookup: (name: string) => ModelFact | undefined): VariantHit[] {
  const out: VariantHit[] = [];
  for (const { start, end, text, groups } of namesBeforeFigures(masked, span, sizing, TIERED_NAME)) {
    if (lookup(text)) continue;
    const family = lookup(groups[0]!);
    if (!family || !family.disclosed || family.figures.length === 0) continue;
    const raw = sizeAfter(masked, end, figures);
    if (!raw) continue;
    const figure: ParsedFigure = { ...raw, hedged: false, explicitParameters: false };
    if (family.figures.some((f) => figureMatches(figure, f))) continue;
    out.push({ start, end, text, family, tier: groups[1]!, figure });
  }
  return out;
}

export function variantMessage(hit: VariantHit, known: string[]): string {
  const sizes = hit.family.figures.map((f) => `${f.label} ${f.kind}`).join(', ');
  return `${hit.text}: ${hit.family.name} has no "${hit.tier}" model in the fact base${known.length ? ` (known: ${known.join(', ')})` : ''}, and ${hit.figure.text} is none of its sizes (${sizes})`;
}
