// Reads and judges one block of a draft on its own, in offsets relative to the block's start.
import { associate } from './associate';
import { mayHoldFigures, scanFigures, type RawFigure } from './figures';
import { messageFor } from './messages';
import type { NameMatcher } from './names';
import { extractBlockProse, type Prose } from './prose';
import { rewriteFigure } from './rewrite';
import { judgeFigure } from './verdict';
import type { Claim, FactFigure, ModelFact, ModelMention, ParsedFigure, TextEdit } from './types';

/** What one block says, independent of where it sits in the draft. */
export interface BlockReading {
  prose: Prose;
  mentions: ModelMention[];
  figures: RawFigure[];
  /** Figures, or table rows whose unitless cells a header may make figures. */
  hasClaims: boolean;
  /** The mentions (indices) of the block's last heading, when it has a heading. */
  heading?: number[];
  /** The last mention (index) the blocks after this one may take as their context. */
  context?: number;
}

/** A claim judged in block-relative offsets; `mention` is an index into the block's mentions, or -1 - i into the outside list. */
export interface JudgedClaim {
  figure: ParsedFigure;
  mention: number;
  distanced: boolean;
  verdict: Claim['verdict'];
  model: ModelFact;
  matched?: FactFigure;
  expected?: FactFigure;
  message?: string;
  fix?: TextEdit;
}

/** Reads a block's prose, model names and figures. */
export function readBlock(text: string, matcher: NameMatcher): BlockReading {
  const prose = extractBlockProse(text);
  const mentions = matcher.find(prose.masked);
  const figures = mayHoldFigures(prose.masked) ? scanFigures(prose.masked) : [];
  const hasClaims = figures.length > 0 || prose.units.some((u) => u.kind === 'row');
  const reading: BlockReading = { prose, mentions, figures, hasClaims };
  let lastHeading = -1;
  for (let i = prose.units.length - 1; i >= 0; i--) {
    if (prose.units[i]!.kind === 'heading') {
      lastHeading = i;
      break;
    }
  }
  const after = lastHeading >= 0 ? prose.units[lastHeading]!.end : 0;
  if (lastHeading >= 0) {
    const h = prose.units[lastHeading]!;
    reading.heading = [];
    mentions.forEach((m, i) => {
      if (m.start >= h.start && m.end <= h.end) reading.heading!.push(i);
    });
  }
  for (let i = mentions.length - 1; i >= 0; i--) {
    if (mentions[i]!.start < after) break;
    reading.context = i;
    break;
  }
  return reading;
}

/** Ties the block's figures to models and judges each against the fact base. */
export function judgeBlock(text: string, reading: BlockReading, outsideHeading: ModelMention[], outsideContext: ModelMention | undefined, models: Map<string, ModelFact>): JudgedClaim[] {
  if (!reading.hasClaims) return [];
  const associations = associate({
    prose: reading.prose,
    mentions: reading.mentions,
    figures: reading.figures,
    outside: { heading: outsideHeading, context: outsideContext },
  });
  const out: JudgedClaim[] = [];
  let local: Map<ModelMention, number> | undefined;
  let messages: Map<string, string> | undefined;
  for (const a of associations) {
    const model = models.get(a.mention.modelId);
    if (!model) continue;
    local ??= new Map(reading.mentions.map((m, i) => [m, i]));
    let mention = local.get(a.mention);
    if (mention === undefined) {
      const h = outsideHeading.indexOf(a.mention);
      mention = h >= 0 ? -1 - h : -1 - outsideHeading.length;
    }
    const v = judgeFigure(model, a.figure, a.distanced);
    const claim: JudgedClaim = { figure: a.figure, mention, distanced: a.distanced, verdict: v.verdict, model };
    if (v.matched) claim.matched = v.matched;
    if (v.expected) claim.expected = v.expected;
    if (v.verdict !== 'matches' && v.verdict !== 'unchecked') {
      // A block that repeats one claim many times shares one message string.
      const key = `${v.verdict}\u0000${model.id}\u0000${a.figure.text}\u0000${v.matched ? model.figures.indexOf(v.matched) : -1}\u0000${v.expected ? model.figures.indexOf(v.expected) : -1}`;
      messages ??= new Map();
      let message = messages.get(key);
      if (message === undefined) {
        message = messageFor(v.verdict, model, a.figure.text, v.matched, v.expected);
        messages.set(key, message);
      }
      claim.message = message;
      // Fixes only where the rule says the fact base knows better; unverified figures have none.
      if (v.expected && v.verdict !== 'unverified-figure') {
        const fix = rewriteFigure(text, a.raw, v.expected.value);
        if (fix) claim.fix = fix;
      }
    }
    out.push(claim);
  }
  return out;
}
