// Reads the figures of prose units (paragraphs, headings, list items) sentence by sentence and ties them to models.
import type { Association, HeadingOutline } from './associate';
import { familyMention, INDEFINITE_BEFORE, inVariantList, isUnusable, MAX_READ_GAP, namesUnknownBefore, OTHER_MODEL_BEFORE, pickMention, readAround, SIBLING_SIZES, sizeInName, type UnknownNames, unknownNamesIn, UNNAMED_MODEL_AFTER } from './binding';
import { isBlank } from './blanks';
import { isDistanced } from './distancing';
import { countHeadingMentions, headingMentionIndex } from './headingIndex';
import { COORDINATED_NAMES, isListOfPairs, mayPairImplicitly, pairsImplicitly, placeAmongUnnamed, SLASH_GAP } from './pairedLists';
import { endsWithMatch, type FigureReading, type RawFigure, readFigureContext, toParsedFigure } from './figures';
import type { Prose, ProseUnit } from './prose';
import { countBefore, countEndingBy, countStartingBefore, indexAt, mentionsWithin } from './spanSearch';
import type { ModelMention, Span } from './types';

// A hard line break (a line ending in a backslash) ends a sentence too: "Blog Codestral 22B: ... \".
const SENTENCE_END = /[.!?](?=[\s"'”’)\]*_]|$)|[。！？；;]|\\(?=\r?\n)/g;
// The regexes below are module constants, not literals in the functions that read them: a literal makes a new
// RegExp object each time it is evaluated, and these are evaluated per sentence, per figure or per character.
/** An abbreviation's period: "e.g." and "vs." do not end a sentence. */
const ABBREVIATION_END = /\b(?:e\.g|i\.e|vs|etc|approx|ca|No|Fig|al)\.$/;

function sentencesOf(text: string, unit: ProseUnit): Span[] {
  const out: Span[] = [];
  let start = unit.start;
  const slice = text.slice(unit.start, unit.end);
  SENTENCE_END.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SENTENCE_END.exec(slice)) !== null) {
    const end = unit.start + m.index + m[0].length;
    // "e.g." and "vs." do not end a sentence.
    if (ABBREVIATION_END.test(slice.slice(Math.max(0, m.index - 6), m.index + 1))) continue;
    out.push({ start, end });
    start = end;
  }
  if (start < unit.end) out.push({ start, end: unit.end });
  return out;
}

/** How far back a figure looks for a sized name of its own size. */
const SAME_SIZE_LOOKBACK = 64;

/** Whether text[from, to) is blank but for one opening parenthesis, as `^\s*[(（]\s*$` reads it, without slicing. */
function opensParenthesisNext(text: string, from: number, to: number): boolean {
  let i = from;
  while (i < to && isBlank(text.charCodeAt(i))) i++;
  if (i >= to || (text.charAt(i) !== '(' && text.charAt(i) !== '（')) return false;
  i++;
  while (i < to && isBlank(text.charCodeAt(i))) i++;
  return i === to;
}

/** Where the first ")" or "）" in text[from, to) is, or -1 (as a search of `/[)）]/u` on the slice finds it, without slicing). */
function nextClose(text: string, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x29 || c === 0xff09) return i;
  }
  return -1;
}

/** A cheap first look at a gap between two figures: an enumeration's gap starts (after blanks) with a separator or conjunction. */
function mayJoinEnumeration(text: string, from: number, to: number): boolean {
  let i = from;
  while (i < to && isBlank(text.charCodeAt(i))) i++;
  return i < to && '、,，/&aAoOtT和及与以至到'.includes(text.charAt(i));
}

/** What joins the figures of one enumeration: "8B, 70B and 405B", "7B、13B和70B", "7B/13B", "from 7B to 70B". */
// (One place for each blank run: `(?:\s*X\s*)+` backtracks exponentially over " ,  ,  , … x".)
const ENUMERATION_GAP = /^\s*(?:(?:[、,，/&]|and|or|to|和|及|与|以及|至|到)\s*)+$/iu;
/** The close of a restating parenthesis, just after its figure. */
const RESTATEMENT_CLOSE = /^\s*[)）]/u;
/** A gap that opens a parenthesis and closes none. */
const OPENS_PARENTHESIS = /^[^()（）]*[(（][^()（）]*$/u;
/** A gap that is a bare comma. */
const COMMA_GAP = /^\s*[,，]\s*$/u;
/** What may open a sentence before its first size: list markers and a short label with a colon. */
const SIZE_OPENING = /^[\s*_>#+-]*(?:[^:：。.!?！？]{1,20}[:：][\s*_]*)?$/u;
/** An open parenthesis not closed by the end. */
const OPEN_PARENTHESIS_END = /[(（][^)）]*$/u;

interface Sizing {
  raw: RawFigure;
  reading: FigureReading;
  explicit: boolean;
  /** The index of the sentence holding the figure (-1: the unit), found once per figure. */
  at: number;
}

export function readSentences(
  masked: string,
  unit: ProseUnit,
  unitMentions: ModelMention[],
  figures: RawFigure[],
  allMentions: ModelMention[],
  prose: Prose,
  outsideHeadings: HeadingOutline[],
  out: Association[],
  familyOf: ((name: string) => string | undefined) | undefined,
): void {
  const sentences = sentencesOf(masked, unit);
  // "3亿（340M）", "1750亿（175B）": a figure restated in parentheses is one claim. The outer figure is read
  // past the parenthesis ("33亿（3B）token" counts tokens); when the two agree within the outer's rounding,
  // the more precise inner one carries the claim.
  // (Made when a restatement is found: most units have none, and a draft has tens of thousands of units.)
  let readFrom: Map<RawFigure, number> | undefined;
  let restated: Set<RawFigure> | undefined;
  for (let i = 0; i + 1 < figures.length; i++) {
    const outer = figures[i]!;
    const inner = figures[i + 1]!;
    if (!opensParenthesisNext(masked, outer.end, inner.start)) continue;
    const close = RESTATEMENT_CLOSE.exec(masked.slice(inner.end, inner.end + 4));
    if (!close) continue;
    (readFrom ??= new Map()).set(outer, inner.end + close[0].length);
    if (Math.abs(outer.value - inner.value) <= outer.precision / 2 + 1e-9 * outer.value) (restated ??= new Set()).add(outer);
  }
  // Figures joined only by separators form one enumeration: one model, one reading ("in 8B, 70B and 405B sizes").
  const groups: Sizing[][] = [];
  let prevRaw: RawFigure | undefined;
  let prevCounts = true;
  let notCountingUntil = -1;
  // The first closing parenthesis at or after `from` in a stretch ending at `end` (-1: none).
  let close = { from: -1, end: -1, at: -1 };
  for (let fi = 0; fi < figures.length; fi++) {
    const raw = figures[fi]!;
    const bi = indexAt(sentences, raw.start);
    const bounds = bi >= 0 ? sentences[bi]! : unit;
    const from = readFrom?.get(raw);
    let r = from === undefined ? readAround(masked, raw, bounds) : readFigureContext({ before: masked.slice(Math.max(bounds.start, raw.start - 60), raw.start), after: masked.slice(from, Math.min(bounds.end, from + 60)) });
    // "39.3M GPU hours (1.46M for 8B, 7.0M for 70B)": a parenthesis opened after a figure that counts something
    // else breaks that figure down; nothing inside it is a parameter count.
    if (prevRaw && !prevCounts && prevRaw.end >= bounds.start && OPENS_PARENTHESIS.test(masked.slice(prevRaw.end, raw.start))) {
      // The next closing parenthesis, found once per stretch: a sentence of thousands of open parentheses is not
      // searched to its end from each figure.
      if (close.end !== bounds.end || raw.end < close.from || (close.at >= 0 && raw.end > close.at)) close = { from: raw.end, end: bounds.end, at: nextClose(masked, raw.end, bounds.end) };
      notCountingUntil = close.at < 0 ? bounds.end : close.at;
    }
    if (raw.start < notCountingUntil) r = undefined;
    prevRaw = raw;
    prevCounts = r !== undefined;
    if (restated?.has(raw)) continue;
    // Guarded rather than read at index -1 of an empty array (a slow keyed load; see readBlock).
    const last = groups.length ? groups[groups.length - 1] : undefined;
    const prev = last?.length ? last[last.length - 1] : undefined;
    const entry: Sizing = { raw, reading: r ?? { explicitParameters: false, hedged: false }, explicit: !!r?.explicitParameters, at: bi };
    if (!r) {
      groups.push([]);
      continue;
    }
    const gap = prev && mayJoinEnumeration(masked, prev.raw.end, raw.start) ? masked.slice(prev.raw.end, raw.start) : '';
    if (prev && gap && ENUMERATION_GAP.test(gap)) {
      // "671B/37B", "46.7B/12.9B": a smaller figure after a slash is the MoE total/active notation.
      if (SLASH_GAP.test(gap) && last!.length === 1 && raw.value < prev.raw.value && !prev.reading.statedKind && !entry.reading.statedKind) {
        prev.reading = { ...prev.reading, statedKind: 'total' };
        entry.reading = { ...entry.reading, statedKind: 'active' };
      }
      last!.push(entry);
    } else groups.push([entry]);
  }
  // Units of the parameter counts already read in the current sentence (groups come in text order).
  let countedIn: Span | undefined;
  const countedScales: number[] = [];
  // What every group of one sentence shares, worked out once per sentence: a 1 MB one-line paragraph
  // holds tens of thousands of groups and must not be rescanned for each.
  let inSentence: ModelMention[] = [];
  let usable: ModelMention[] = [];
  let usableSet: Set<ModelMention> | undefined;
  // How many models the usable mentions name; -1 until a figure asks.
  let usableModels = 0;
  let sizedUsable: { at: number; value: number; mention: ModelMention }[] = [];
  let unknownNames: UnknownNames | undefined;
  // How many of the unit's first mentions name one model; worked out when a figure first asks.
  let oneModelRun: number | undefined;
  let colonTopics: Map<number, ModelMention | undefined> | undefined;
  // Whether the sentence says "respectively"; read when a list first asks, once per sentence.
  let respectively: boolean | undefined;
  for (let gi = 0; gi < groups.length; gi++) {
    const group = groups[gi]!;
    if (group.length === 0) continue;
    // (Indexed loops rather than for-of and array callbacks here: the CLI runs a check unoptimised, where those cost calls.)
    let explicit = false;
    for (let k = 0; k < group.length && !explicit; k++) explicit = group[k]!.explicit;
    const first = group[0]!;
    const si = first.at;
    const sentence = si >= 0 ? sentences[si]! : unit;
    if (countedIn !== sentence) {
      countedIn = sentence;
      countedScales.length = 0;
      inSentence = mentionsWithin(unitMentions, sentence);
      usable = [];
      for (let k = 0; k < inSentence.length; k++) if (!isUnusable(masked, inSentence[k]!)) usable.push(inSentence[k]!);
      usableSet = usable.length > 16 ? new Set(usable) : undefined;
      usableModels = -1;
      sizedUsable = [];
      for (let i = 0; i < usable.length; i++) {
        const m = usable[i]!;
        const size = sizeInName(m.text);
        if (size) sizedUsable.push({ at: i, value: Number(size.num) * size.scale, mention: m });
      }
      unknownNames = undefined;
      respectively = undefined;
    }
    // "37 billion parameters are used ... as opposed to all 671 billion": a figure in the unit of an earlier
    // parameter count in the same sentence shares its elided noun.
    if (!explicit && first.raw.scale > 1 && countedScales.includes(first.raw.scale)) explicit = true;
    for (let k = 0; k < group.length; k++) {
      const g = group[k]!;
      if (g.explicit && g.raw.scale > 1 && !countedScales.includes(g.raw.scale)) countedScales.push(g.raw.scale);
    }
    const lastRaw = group[group.length - 1]!.raw;
    // "DeepSeek-V3 and Llama 3.1 405B have 671B and 405B parameters respectively", "X 和 Y 的参数量分别为 A 和 B": as many
    // names before the list as it has figures, each figure the name in the same place.
    // Without the word, "Mixtral 8x7B and Mixtral 8x22B have 46.7B and 141B parameters" reads the same way when the two
    // lists are alone in the clause: exactly as many names as figures, a verb of having between, no "each", no "sizes".
    // "X and Y have 671B/37B and 46.7B/12.9B parameters": a list of total/active pairs gives each name a pair.
    // (No names before the list, nothing to pair: most lists are one model's sizes and skip the tests.)
    const pairable = group.length > 1 && usable.length > 0 && usable[0]!.end <= first.raw.start;
    const per = pairable && group.length >= 4 && group.length % 2 === 0 && isListOfPairs(masked, group) ? 2 : 1;
    if (pairable && ((respectively ??= RESPECTIVELY.test(masked.slice(sentence.start, sentence.end))) || per === 2 || mayPairImplicitly(masked, group))) {
      const before = countEndingBy(usable, first.raw.start);
      const count = group.length / per;
      if (before >= count) {
        const names = usable.slice(before - count, before);
        let distinct = true;
        // Names coordinated in one run ("X and Y", "X、Y 和 Z"), not the last of separate clauses.
        for (let k = 1; k < names.length && distinct; k++) distinct = names[k]!.modelId !== names[k - 1]!.modelId && COORDINATED_NAMES.test(masked.slice(names[k - 1]!.end, names[k]!.start));
        // Implied, the names' run is the whole subject (no third name coordinated before it) and the verb follows it.
        if (distinct && !respectively) distinct = pairsImplicitly(masked, usable, before - count, before, first.raw.start, lastRaw.end);
        if (distinct) {
          // "have 37B and 32B active parameters", "activate 22B and 3.3B": the kind after the last figure or before the
          // first is every figure's, as the noun is.
          const sharedKind = per === 1 ? (group[group.length - 1]!.reading.statedKind ?? first.reading.statedKind) : undefined;
          for (let k = 0; k < group.length; k++) {
            const g = group[k]!;
            let reading = g.reading.explicitParameters === explicit ? g.reading : { ...g.reading, explicitParameters: explicit };
            if (per === 2 && !reading.statedKind) reading = { ...reading, statedKind: k % 2 === 0 ? 'total' : 'active' };
            else if (sharedKind && !reading.statedKind) reading = { ...reading, statedKind: sharedKind };
            out.push({ figure: toParsedFigure(g.raw, reading), raw: g.raw, mention: names[(k / per) | 0]!, distanced: isDistanced(masked, g.raw, sentence, unitMentions), sentence });
          }
          continue;
        }
      } else if (per === 1 && before > 0 && (respectively || mayPairImplicitly(masked, group))) {
        // "The new model and Llama 3.1 405B have 500B and 405B parameters", "Llama 3.1 405B and its successor have 405B
        // and 2T": fewer names than figures, the others unnamed conjuncts; each name takes the figure in its place.
        const placed = placeAmongUnnamed(masked, usable, before, group.length, first.raw.start);
        if (placed) {
          for (let k = 0; k < placed.names.length; k++) {
            const g = group[placed.offset + k]!;
            const reading = g.reading.explicitParameters === explicit ? g.reading : { ...g.reading, explicitParameters: explicit };
            out.push({ figure: toParsedFigure(g.raw, reading), raw: g.raw, mention: placed.names[k]!, distanced: isDistanced(masked, g.raw, sentence, unitMentions), sentence });
          }
          continue;
        }
      }
    }
    let picked = pickMention(masked, { start: first.raw.start, end: lastRaw.end }, inSentence);
    if (picked === null) {
      // "Llama-3 8B和70B": the siblings of a sized name are sizes of its family.
      const ending = countEndingBy(inSentence, first.raw.start);
      const before = ending ? inSentence[ending - 1] : undefined;
      const size = before ? sizeInName(before.text) : undefined;
      const family = size && familyOf && first.raw.start - before!.end <= MAX_READ_GAP ? familyOf(size.bare) : undefined;
      const gap = family ? masked.slice(before!.end, first.raw.start) : '';
      // "…和Gemma 7B，70B模型则…": after a bare comma, a size of an unnamed model starts a new clause, not a sibling.
      const newClause = family !== undefined && COMMA_GAP.test(gap) && UNNAMED_MODEL_AFTER.test(masked.slice(lastRaw.end, lastRaw.end + 30));
      if (before && family && !newClause && SIBLING_SIZES.test(gap)) picked = { ...before, modelId: family, sizedName: true };
    }
    let mention: ModelMention | undefined = picked ?? undefined;
    if (mention && inVariantList(masked, first.raw, mention)) continue;
    // "175B 的 GPT-3", "the 9.7-trillion-parameter GPT-5.5": a figure that qualifies the name after it is a size.
    if (mention && mention.start >= lastRaw.end) explicit = true;
    const usableBefore = countEndingBy(usable, first.raw.start);
    // (The tests below read only when the cheaper conditions before them hold: most figures have their model by now.)
    if (!mention && picked !== null && explicit && usable.length === inSentence.length && (usableModels < 0 ? (usableModels = new Set(usable.map((m) => m.modelId)).size) : usableModels) === 1) {
      // "The Llama 3.1 collection ... in 8B, 70B and 405B sizes", "1.5 billion parameters: the largest GPT-2 version":
      // a sentence that names one model and states sizes is about it (the name first, or the size opening the sentence).
      if (
        usableBefore > 0 ||
        // A list item's label ("- 模型容量较小：6B 的小容量…") does not keep a size from opening the sentence;
        // the model named after an opening size must not sit in a parenthesis ("70亿参数（比GPT-3少25倍）" compares).
        (SIZE_OPENING.test(masked.slice(sentence.start, first.raw.start)) &&
          usable.length > 0 &&
          !OPEN_PARENTHESIS_END.test(masked.slice(lastRaw.end, usable[0]!.start)))
      )
        mention = usable[usableBefore - 1] ?? usable[0];
    }
    if (!mention && picked !== null && explicit && usableBefore === 0) mention = colonTopic(masked, sentences, si, unitMentions, (colonTopics ??= new Map()));
    if (!mention && group.length === 1) mention = variantReference(masked, first.raw, sentence, unitMentions, familyOf, out, unit);
    let fromHeading = false;
    if (
      !mention &&
      picked !== null &&
      inSentence.length === 0 &&
      explicit &&
      // A sentence that names some other, unknown model ("GPT-5.55", "Tiny Aya 3B") keeps its figures.
      !namesUnknownBefore(masked, sentence, (unknownNames ??= unknownNamesIn(masked, sentence)), first.raw.start) &&
      // "We trained a 125M parameter proxy model": an indefinite unnamed model is nobody's size.
      !endsWithMatch(INDEFINITE_BEFORE, masked.slice(Math.max(sentence.start, first.raw.start - 100), first.raw.start)) &&
      // "Mixtral 8x7B is popular. Its successor has 141B": another model, known only by its relation to the topic.
      !endsWithMatch(OTHER_MODEL_BEFORE, masked.slice(Math.max(sentence.start, first.raw.start - 100), first.raw.start))
    ) {
      // The sentence names no model: the list item's title, then the paragraph, then the section.
      for (const title of unit.listTitles) {
        mention = firstMentionWithin(allMentions, title);
        if (mention) break;
      }
      if (!mention) {
        // The paragraph's mentions before the figure, if they all name one model: the last of them.
        const before = countEndingBy(unitMentions, first.raw.start);
        oneModelRun ??= sameModelRun(unitMentions);
        if (before > 0 && before <= oneModelRun) mention = unitMentions[before - 1];
      }
      // The section's heading; when it names no model, the headings above it ("### Model version" under "# GPT-3 Model Card"),
      // first in this text, then those the caller says it sits under.
      let level = Infinity;
      let settled = false;
      for (let h = unit.heading; !mention && !settled && h >= 0; h = prose.units[h]!.heading) {
        const heading = prose.units[h]!;
        const own = headingLevel(masked, heading);
        if (own >= level) continue;
        level = own;
        const topic = headingTopic(masked, heading, allMentions);
        if (topic === undefined) continue;
        settled = true;
        if (topic) {
          mention = topic;
          fromHeading = true;
        }
      }
      for (const heading of outsideHeadings) {
        if (mention || settled) break;
        if (heading.level >= level) continue;
        level = heading.level;
        const topic = outsideTopic(heading);
        if (topic === undefined) continue;
        settled = true;
        if (topic) {
          mention = topic;
          fromHeading = true;
        }
      }
    }
    // "Baichuan-13B 是继 Baichuan-7B 之后开发的包含 130 亿参数的模型": a figure equal to the size in a name
    // earlier in the sentence restates that name's size, whichever name is nearer.
    if ((mention || picked === null) && group.length === 1) {
      const sameSize = (value: number): boolean => Math.abs(value - first.raw.value) <= 0.05 * first.raw.value;
      // The sized names before the figure, nearest first; bounded, as a sentence of thousands of sized names is no prose.
      let last: ModelMention | undefined;
      let mentionIsSame = false;
      const upTo = countBefore(sizedUsable, (x) => x.at < usableBefore);
      for (let k = upTo - 1, seen = 0; k >= 0 && seen < SAME_SIZE_LOOKBACK; k--, seen++) {
        if (!sameSize(sizedUsable[k]!.value)) continue;
        last ??= sizedUsable[k]!.mention;
        if (sizedUsable[k]!.mention === mention) mentionIsSame = true;
        if (!mention || mentionIsSame) break;
      }
      if (last && !mentionIsSame) mention = last;
    }
    // A mention from a heading or list title above the unit is read as a title; one from outside this text was read there.
    // (A mention of this sentence was already read as usable or not.)
    const title = mention ? mention.end <= unit.start : false;
    if (!mention || (!isOutsideMention(outsideHeadings, mention) && (!title && usableSet?.has(mention) ? false : isUnusable(masked, mention, title)))) continue;
    // A topic found away from the figure ("Llama 3.1 405B is the largest. We also released 8B ...") is the family, not the sized model.
    // A sized name heading the section ("# ChatGLM-6B") is the document's model itself when no family is known.
    if (mention !== picked) mention = familyMention(mention, familyOf) ?? (fromHeading ? mention : undefined);
    if (!mention) continue;
    for (let k = 0; k < group.length; k++) {
      const g = group[k]!;
      const s = g.at >= 0 ? sentences[g.at]! : unit;
      const reading = g.reading.explicitParameters === explicit ? g.reading : { ...g.reading, explicitParameters: explicit };
      out.push({ figure: toParsedFigure(g.raw, reading), raw: g.raw, mention, distanced: isDistanced(masked, g.raw, s, unitMentions), sentence: s });
    }
  }
  if (familyOf) readSizedNames(masked, sentences, unitMentions, out, familyOf);
}

const RESPECTIVELY = /\brespectively\b|分别/iu;

const SEMICOLON_END = /[；;]\s*$/u;
const COLON = /[:：]/u;

/**
 * "X 提供了三种规模：小型模型 8B 参数；中型模型 70B 参数；大型模型 400B": clauses joined by semicolons after a
 * colon are the items of a list introduced by the head before the colon; its one model is their topic.
 * `memo` holds, per sentence index, what the walk back from that sentence found: a run of thousands of
 * ";"-ended sentences is walked once, not once per figure.
 */
function colonTopic(masked: string, sentences: Span[], index: number, mentions: ModelMention[], memo: Map<number, ModelMention | undefined>): ModelMention | undefined {
  const walked: number[] = [];
  let topic: ModelMention | undefined;
  for (let k = index - 1; k >= 0; k--) {
    if (memo.has(k)) {
      topic = memo.get(k);
      break;
    }
    walked.push(k);
    const s = sentences[k]!;
    const text = masked.slice(s.start, s.end);
    if (!SEMICOLON_END.test(text)) break;
    const colon = text.search(COLON);
    if (colon < 0) continue;
    const head = { start: s.start, end: s.start + colon };
    const named = mentionsWithin(mentions, head).filter((m) => !isUnusable(masked, m));
    topic = new Set(named.map((m) => m.modelId)).size === 1 ? named[named.length - 1] : undefined;
    break;
  }
  for (const k of walked) memo.set(k, topic);
  return topic;
}

/** The first mention inside a span, by binary search (mentions are sorted and disjoint). */
function firstMentionWithin(mentions: ModelMention[], outer: Span): ModelMention | undefined {
  for (let i = countStartingBefore(mentions, outer.start); i < mentions.length && mentions[i]!.start < outer.end; i++) if (mentions[i]!.end <= outer.end) return mentions[i];
  return undefined;
}

// What a heading says of its section's model, read once per heading (by identity), not once per figure under it:
// a mention when its usable names all name one model, null when they name several, undefined when none.
const HEADING_TOPICS = new WeakMap<ModelMention[], Map<ProseUnit, ModelMention | null | undefined>>();
const OUTSIDE_TOPICS = new WeakMap<HeadingOutline, ModelMention | null | undefined>();

function oneTopic(mentions: ModelMention[]): ModelMention | null | undefined {
  if (mentions.length === 0) return undefined;
  return new Set(mentions.map((m) => m.modelId)).size === 1 ? mentions[0] : null;
}

/** A heading of this text: its topic among `allMentions` (the text's mentions, so the memo is theirs). */
function headingTopic(masked: string, heading: ProseUnit, allMentions: ModelMention[]): ModelMention | null | undefined {
  let topics = HEADING_TOPICS.get(allMentions);
  if (!topics) HEADING_TOPICS.set(allMentions, (topics = new Map()));
  if (topics.has(heading)) return topics.get(heading);
  const topic = oneTopic(mentionsWithin(allMentions, heading).filter((m) => !isUnusable(masked, m, true)));
  topics.set(heading, topic);
  return topic;
}

/** A heading outside this text: its topic. */
function outsideTopic(heading: HeadingOutline): ModelMention | null | undefined {
  if (OUTSIDE_TOPICS.has(heading)) return OUTSIDE_TOPICS.get(heading);
  const topic = oneTopic(heading.mentions);
  OUTSIDE_TOPICS.set(heading, topic);
  return topic;
}

/** Up to this many mentions, the headings outside this text are scanned for a mention rather than indexed. */
const OUTSIDE_SCAN_LIMIT = 16;

/**
 * Whether a mention is one of the headings' outside this text. A section sits under a handful of names, which
 * are scanned; past that the index the block's judgement also reads answers.
 */
function isOutsideMention(headings: HeadingOutline[], m: ModelMention): boolean {
  if (countHeadingMentions(headings) > OUTSIDE_SCAN_LIMIT) return headingMentionIndex(headings, m) !== undefined;
  for (let k = 0; k < headings.length; k++) if (headings[k]!.mentions.includes(m)) return true;
  return false;
}

/** How many mentions from the first name the same model as the first. */
function sameModelRun(mentions: ModelMention[]): number {
  let n = 0;
  while (n < mentions.length && mentions[n]!.modelId === mentions[0]!.modelId) n++;
  return n;
}

/** The sizes stated so far in one unit, per model: associations are appended in text order, so each is counted once. */
interface SizesSeen {
  unitStart: number;
  upTo: number;
  sizes: Map<string, Set<number>>;
}

const SIZES_SEEN = new WeakMap<Association[], SizesSeen>();

/** The sizes each model was given in this unit so far (by the associations in `earlier` from the unit's start). */
function sizesInUnit(earlier: Association[], unit: Span): Map<string, Set<number>> {
  let seen = SIZES_SEEN.get(earlier);
  if (!seen || seen.unitStart !== unit.start) {
    let from = earlier.length;
    while (from > 0 && earlier[from - 1]!.raw.start >= unit.start) from--;
    seen = { unitStart: unit.start, upTo: from, sizes: new Map() };
    SIZES_SEEN.set(earlier, seen);
  }
  for (; seen.upTo < earlier.length; seen.upTo++) {
    const a = earlier[seen.upTo]!;
    const sizes = seen.sizes.get(a.mention.modelId);
    if (sizes) sizes.add(a.figure.value);
    else seen.sizes.set(a.mention.modelId, new Set([a.figure.value]));
  }
  return seen.sizes;
}

/** "the 70B model", "…，而70B模型", "8B模型在…" (opening a clause): a definite reference to a size of the paragraph's topic. */
const VARIANT_REFERENCE_BEFORE = /(?:\bthe\s+(?:[a-z]+(?:est|er)\s+)?|(?:^|[，,：:；;。]|而|其中|除了|最大的|最小的)\s*)$/iu;

/**
 * The antecedent of a definite reference to a size: the model the paragraph last stated sizes for
 * ("Gemma 3 提供 1B、4B、12B 和 27B；其中 27B 版本…", "(7B, 13B, 70B) … the 70B model"). A model named
 * after it with that very size ("… Qwen 72B, and the 72B model …") is what the reference points to instead.
 */
function variantReference(
  masked: string,
  raw: RawFigure,
  sentence: Span,
  mentions: ModelMention[],
  familyOf: ((name: string) => string | undefined) | undefined,
  earlier: Association[],
  unit: Span,
): ModelMention | undefined {
  if (!UNNAMED_MODEL_AFTER.test(masked.slice(raw.end, raw.end + 30))) return undefined;
  if (!endsWithMatch(VARIANT_REFERENCE_BEFORE, masked.slice(sentence.start, raw.start))) return undefined;
  // Associations are appended in text order; only this unit's count.
  let antecedent: Association | undefined;
  for (let i = earlier.length - 1; i >= 0 && earlier[i]!.raw.start >= unit.start; i--) {
    if (earlier[i]!.raw.end <= raw.start) {
      antecedent = earlier[i];
      break;
    }
  }
  if (!antecedent) return undefined;
  const family = familyMention(antecedent.mention, familyOf);
  if (!family) return undefined;
  // Only a family has sizes to refer to: the antecedent is a family name, or the paragraph gave it several sizes.
  if (!family.sizedName && (sizesInUnit(earlier, unit).get(family.modelId)?.size ?? 0) < 2) return undefined;
  for (const m of mentionsWithin(mentions, { start: antecedent.raw.end, end: raw.start })) {
    if (isUnusable(masked, m)) continue;
    const size = sizeInName(m.text);
    const sameSize = (size && Math.abs(Number(size.num) * size.scale - raw.value) < 1e-6 * raw.value) || m.text.toLowerCase().endsWith(raw.text.toLowerCase());
    if (sameSize && familyMention(m, familyOf)?.modelId !== family.modelId) return undefined;
  }
  return family;
}

const HEADING_MARKS = /^\s*(#{1,6})/;

export function headingLevel(masked: string, heading: Span): number {
  const m = HEADING_MARKS.exec(masked.slice(heading.start, heading.end));
  return m ? m[1]!.length : 1;
}

/**
 * "Llama-3 13B" where the fact base knows Llama 3 but no 13B model: the size in the name is a claim
 * about the family, checked like any other figure.
 */
export function readSizedNames(masked: string, spans: Span[], mentions: ModelMention[], out: Association[], familyOf: (name: string) => string | undefined): void {
  // (An indexed loop: the CLI runs a check unoptimised, where for-of costs an iterator step per mention.)
  for (let k = 0; k < mentions.length; k++) {
    const m = mentions[k]!;
    if (!m.sizedName || isUnusable(masked, m)) continue;
    const size = sizeInName(m.text);
    // "Qwen-1.5B" may be Qwen1.5 "B…": when name and number make a known model, the size is ambiguous.
    if (!size || familyOf(size.bare + size.num) !== undefined) continue;
    const start = m.start + size.offset;
    const end = start + size.num.length + 1;
    const dot = size.num.indexOf('.');
    const value = Number(size.num) * size.scale;
    const precision = (dot < 0 ? 1 : Math.pow(10, dot + 1 - size.num.length)) * size.scale;
    const raw: RawFigure = { start, end, text: masked.slice(start, end), value, low: value, high: value, precision, numberStart: start, numberEnd: start + size.num.length, scale: size.scale, isRange: false, isProduct: false, spelled: false };
    const si = indexAt(spans, start);
    const span = si >= 0 ? spans[si]! : m;
    out.push({ figure: toParsedFigure(raw, { explicitParameters: true, hedged: false }), raw, mention: m, distanced: isDistanced(masked, raw, span, mentions), sentence: span });
  }
}
