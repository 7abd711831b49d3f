// Ties each parameter figure to the model it is stated for: sentences, table rows, list titles.
import { readFigureContext, scanFigures, toParsedFigure, type RawFigure } from './figures';
import { isDistanced, isRowDistanced } from './distancing';
import type { Prose, ProseUnit } from './prose';
import type { ModelMention, ParsedFigure, Span } from './types';

export interface Association {
  figure: ParsedFigure;
  raw: RawFigure;
  mention: ModelMention;
  distanced: boolean;
}

const SENTENCE_END = /[.!?](?=[\s"'”’)\]*_]|$)|[。！？；;]/g;
/** What may stand between a figure and the model it qualifies when the figure comes first. */
const FORWARD_GAP = /^[\s-]*(?:(?:parameters?|params?|param)\b[\s-]*)?(?:\(?(?:total|active|dense|sparse|MoE|open|open-weight|open-source)\)?[\s-]*)*(?:version\s+of\s+|variant\s+of\s+|model\s+|的)?$/iu;
const PARAM_HEADER = /param|参数|规模|#\s*p|size|大小/iu;
const NOT_PARAM_HEADER = /token|context|data|memory|显存|内存|GB|vram|speed|throughput|上下文|数据|长度|length|disk|file/iu;
const MODEL_HEADER = /model|模型|name|名称|llm|系列/iu;
const HEADER_SCALE: [RegExp, number][] = [
  [/\(\s*T\s*\)|（\s*T\s*）|\btrillions?\b|万亿/iu, 1e12],
  [/\(\s*B\s*\)|（\s*B\s*）|\bbillions?\b|\bin\s+B\b|十亿/iu, 1e9],
  [/\(\s*M\s*\)|（\s*M\s*）|\bmillions?\b/iu, 1e6],
  [/[(（]\s*亿\s*[)）]/u, 1e8],
];

function sentencesOf(text: string, unit: ProseUnit): Span[] {
  const out: Span[] = [];
  let start = unit.start;
  const slice = text.slice(unit.start, unit.end);
  SENTENCE_END.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SENTENCE_END.exec(slice)) !== null) {
    const end = unit.start + m.index + m[0].length;
    // "e.g." and "vs." do not end a sentence.
    if (/\b(?:e\.g|i\.e|vs|etc|approx|ca|No|Fig|al)\.$/.test(slice.slice(Math.max(0, m.index - 6), m.index + 1))) continue;
    out.push({ start, end });
    start = end;
  }
  if (start < unit.end) out.push({ start, end: unit.end });
  return out;
}

/** How many leading items satisfy `isBefore`, which holds for a prefix of the items: a binary search. */
function countBefore<T>(items: readonly T[], isBefore: (item: T) => boolean): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (isBefore(items[mid]!)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Mentions inside a span, by binary search over the sorted mentions (no scan of the whole draft). */
function mentionsWithin(mentions: ModelMention[], outer: Span): ModelMention[] {
  const out: ModelMention[] = [];
  for (let i = countBefore(mentions, (m) => m.start < outer.start); i < mentions.length && mentions[i]!.start < outer.end; i++) if (mentions[i]!.end <= outer.end) out.push(mentions[i]!);
  return out;
}

/**
 * The last mention ending before a figure and the first starting after it, by binary search over
 * mentions sorted by start: a sentence may hold thousands of mentions, each figure looks at two.
 */
function neighboursOf(mentions: ModelMention[], raw: Span): { before?: ModelMention; after?: ModelMention } {
  const firstAfter = countBefore(mentions, (m) => m.start < raw.end);
  let before: ModelMention | undefined;
  for (let i = firstAfter - 1; i >= 0 && !before; i--) if (mentions[i]!.end <= raw.start) before = mentions[i];
  return { before, after: mentions[firstAfter] };
}

function inside(span: Span, outer: Span): boolean {
  return span.start >= outer.start && span.end <= outer.end;
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Picks the mention a figure in one sentence is stated for. */
function pickMention(text: string, raw: RawFigure, mentions: ModelMention[]): ModelMention | undefined {
  const { before, after } = neighboursOf(mentions, raw);
  const gapBefore = before ? text.slice(before.end, raw.start) : undefined;
  // "X (671B)", "X, at 9.7T,", "X: 70B" bind backwards first.
  if (before && gapBefore !== undefined && /^[\s'’s]*[(（:：,，]?\s*$/u.test(gapBefore)) return before;
  if (after && FORWARD_GAP.test(text.slice(raw.end, after.start))) return after;
  if (!before || gapBefore === undefined) return undefined;
  // "a 70B model", "8B模型": a figure that sizes an unnamed model binds only as an apposition.
  if (UNNAMED_MODEL_AFTER.test(text.slice(raw.end, raw.end + 30)) && !APPOSITION.test(gapBefore)) return undefined;
  // "Llama-3 8B和70B": sizes listed after a sized name are its siblings, not claims about it.
  if (SIBLING_SIZES.test(gapBefore) && /\d(?:\.\d+)?\s?[BbMmTt]$/.test(before.text)) return undefined;
  // "Codestral Mamba 7B": a capitalised word between name and size names another product.
  if (/^[\s-]+[A-Z][A-Za-z0-9]*[\s-]*$/.test(gapBefore)) return undefined;
  // Far from its model, with other words between, a figure is too loosely tied to judge.
  if (gapBefore.length > MAX_BACKWARD_GAP) return undefined;
  return before;
}

const UNNAMED_MODEL_AFTER = /^[\s-]*(?:parameters?[\s-]+|params?[\s-]+|参数(?:的)?\s*)?(?:models?|LLMs?|模型|版本|variants?|versions?|(?:size\s+)?class|级别?|scale)\b/iu;
const APPOSITION = /^[\s'’s]*(?:[,，(（:：]\s*(?:an?|the|是|为|一个|一款)?|\s(?:is|was|are|were)\s+(?:an?|the)?)\s*$/iu;
const SIBLING_SIZES = /^(?:\s*(?:[、,，/|&]|and|or|和|及|与|以及)\s*(?:\d+(?:\.\d+)?\s*[BbMmTt]?)?)+\s*(?:[、,，/|&]|and|or|和|及|与|以及)?\s*$/iu;
const MAX_BACKWARD_GAP = 120;
const UNKNOWN_NAME = /\b[A-Z][A-Za-z]*[-\u2011 ]?\d[\w.-]*|\b[A-Z][a-z]+[A-Z]\w*/u;
const COMPOUND_AFTER = /^\s*(?:[/&]|and|和)\s*v?\d/iu;

/** Variant lists ("Llama 3.1-8|70|405B", "Gemma-2|7B") read ambiguously; their figures are left alone. */
function inVariantList(text: string, raw: RawFigure, mention: ModelMention | undefined): boolean {
  const prev = text.charAt(raw.start - 1);
  const next = text.charAt(raw.end);
  if (prev === '|' || next === '|') return mention === undefined || !mention.sizedName || text.slice(mention.end, raw.start).trim() !== '|';
  return false;
}

/** What the text before this block says: the nearest heading's mentions, the last model named under it. */
export interface Surroundings {
  heading?: ModelMention[];
  context?: ModelMention;
}

export interface AssociateInput {
  prose: Prose;
  mentions: ModelMention[];
  /** The figures of `prose.masked`, when the caller has scanned them already. */
  figures?: RawFigure[];
  outside?: Surroundings;
}

/** Reads every figure in the prose and ties it to a model where the text says which. */
export function associate({ prose, mentions: all, figures, outside }: AssociateInput): Association[] {
  const masked = prose.masked;
  // "Llama 3.1 & 3.2", "Llama 3/2": a name shared by two versions cannot carry one version's figures.
  const mentions = all.filter((m) => !COMPOUND_AFTER.test(masked.slice(m.end, m.end + 12)));
  const out: Association[] = [];
  const raws = figures ?? scanFigures(masked);
  let mi = 0;
  let ri = 0;
  const tables = new Map<number, TableShape>();
  // Unit -1 stands for the text before this block, which sits under this block's first heading.
  let lastUnitWithMention: { unit: number; mention: ModelMention } | undefined = outside?.context ? { unit: -1, mention: outside.context } : undefined;
  for (let u = 0; u < prose.units.length; u++) {
    const unit = prose.units[u]!;
    while (mi < mentions.length && mentions[mi]!.end <= unit.start) mi++;
    const unitMentions: ModelMention[] = [];
    for (let k = mi; k < mentions.length && mentions[k]!.start < unit.end; k++) unitMentions.push(mentions[k]!);
    while (ri < raws.length && raws[ri]!.end <= unit.start) ri++;
    const unitFigures: RawFigure[] = [];
    // Figures and mentions both come sorted by start: the furthest end of the mentions starting
    // before a figure ends says whether one reaches into it, without rescanning them per figure.
    let reached = 0;
    let reach = -1;
    for (let k = ri; k < raws.length && raws[k]!.start < unit.end; k++) {
      const r = raws[k]!;
      while (reached < unitMentions.length && unitMentions[reached]!.start < r.end) reach = Math.max(reach, unitMentions[reached++]!.end);
      if (inside(r, unit) && !(reach > r.start)) unitFigures.push(r);
    }
    const lastHeading = lastUnitWithMention ? (lastUnitWithMention.unit < 0 ? -1 : prose.units[lastUnitWithMention.unit]!.heading) : undefined;
    const context = lastUnitWithMention && lastHeading === unit.heading ? lastUnitWithMention.mention : undefined;
    if (unitFigures.length > 0 || unit.kind === 'row') {
      if (unit.kind === 'row') {
        readRow(masked, unit, unitMentions, unitFigures, tables, context, out);
      } else {
        readSentences(masked, unit, unitMentions, unitFigures, mentions, prose, outside?.heading, out);
      }
    }
    if (unitMentions.length > 0) lastUnitWithMention = { unit: u, mention: unitMentions[unitMentions.length - 1]! };
  }
  return out;
}

function reading(masked: string, raw: RawFigure, bounds: Span) {
  return readFigureContext({ before: masked.slice(Math.max(bounds.start, raw.start - 60), raw.start), after: masked.slice(raw.end, Math.min(bounds.end, raw.end + 60)) });
}

function readSentences(
  masked: string,
  unit: ProseUnit,
  unitMentions: ModelMention[],
  figures: RawFigure[],
  allMentions: ModelMention[],
  prose: Prose,
  outsideHeading: ModelMention[] | undefined,
  out: Association[],
): void {
  // Figures come in text order, so the sentence, its mentions and the mentions before each figure
  // are found by cursors: a 1 MB one-line paragraph must not be rescanned for every figure in it.
  const sentences = sentencesOf(masked, unit);
  let si = 0;
  let current: Span | undefined;
  let inSentence: ModelMention[] = [];
  let unknown: Span | null | undefined;
  let earlierCount = 0;
  let earlierModel: string | undefined;
  let earlierModels = 0;
  for (const raw of figures) {
    while (si < sentences.length && raw.start >= sentences[si]!.end) si++;
    const found = sentences[si];
    const sentence = found && raw.start >= found.start ? found : unit;
    if (sentence !== current) {
      current = sentence;
      inSentence = mentionsWithin(unitMentions, sentence);
      unknown = undefined;
    }
    const r = reading(masked, raw, sentence);
    if (!r) continue;
    let mention = pickMention(masked, raw, inSentence);
    if (inVariantList(masked, raw, mention)) continue;
    if (mention && !inside(mention, sentence)) mention = undefined;
    if (!mention && r.explicitParameters) {
      if (unknown === undefined) unknown = firstUnknownName(masked, sentence);
      // A sentence that names some other, unknown model ("GPT-5.55", "Tiny Aya 3B") keeps its figures.
      if (namesUnknownModel(masked, sentence, unknown, raw.start)) continue;
      // The sentence names no model: the list item's title, then the paragraph, then the section.
      for (const title of unit.listTitles) {
        mention = mentionsWithin(allMentions, title)[0];
        if (mention) break;
      }
      if (!mention) {
        // Mentions are disjoint, so their ends are sorted too: the ones ending before the figure are a prefix.
        for (; earlierCount < unitMentions.length && unitMentions[earlierCount]!.end <= raw.start; earlierCount++) {
          const id = unitMentions[earlierCount]!.modelId;
          if (earlierModels === 0 || (earlierModels === 1 && id !== earlierModel)) earlierModels++;
          earlierModel ??= id;
        }
        if (earlierModels === 1) mention = unitMentions[earlierCount - 1];
      }
      if (!mention) {
        const inHeading = unit.heading >= 0 ? mentionsWithin(allMentions, prose.units[unit.heading]!) : (outsideHeading ?? []);
        if (new Set(inHeading.map((m) => m.modelId)).size === 1) mention = inHeading[0];
      }
    }
    if (!mention) continue;
    out.push({ figure: toParsedFigure(raw, r), raw, mention, distanced: isDistanced(masked, raw, sentence) });
  }
}

const UNKNOWN_NAMES = new RegExp(UNKNOWN_NAME.source, 'gu');

/** The first name-like token of a sentence, found once per sentence rather than once per figure. */
function firstUnknownName(masked: string, sentence: Span): Span | null {
  UNKNOWN_NAMES.lastIndex = 0;
  const m = UNKNOWN_NAMES.exec(masked.slice(sentence.start, sentence.end));
  return m ? { start: sentence.start + m.index, end: sentence.start + m.index + m[0].length } : null;
}

/**
 * Whether the sentence names an unknown model before `at`: the same answer as testing
 * UNKNOWN_NAME on the text from the sentence start to `at`, which a sentence's first name-like
 * token decides unless that token runs past `at` ("Foo 9.7T"), where only its own stretch is re-read.
 */
function namesUnknownModel(masked: string, sentence: Span, first: Span | null, at: number): boolean {
  if (!first || first.start >= at) return false;
  if (first.end <= at) return true;
  UNKNOWN_NAMES.lastIndex = first.start - sentence.start;
  return UNKNOWN_NAMES.test(masked.slice(sentence.start, at));
}

interface TableShape {
  /** Parameter columns: the unit their header gives unitless cells, and the kind it names. */
  paramColumns: Map<number, number>;
  columnKinds: Map<number, 'total' | 'active'>;
  modelColumn: number;
}

function shapeOf(masked: string, header: ProseUnit): TableShape {
  const paramColumns = new Map<number, number>();
  const columnKinds = new Map<number, 'total' | 'active'>();
  let modelColumn = -1;
  (header.cells ?? []).forEach((cell, i) => {
    const label = masked.slice(cell.start, cell.end);
    if (PARAM_HEADER.test(label) && !NOT_PARAM_HEADER.test(label)) {
      const scale = HEADER_SCALE.find(([re]) => re.test(label))?.[1] ?? 0;
      paramColumns.set(i, scale);
      if (/activ|激活|活跃/iu.test(label)) columnKinds.set(i, 'active');
      else if (/total|总/iu.test(label)) columnKinds.set(i, 'total');
    } else if (modelColumn < 0 && MODEL_HEADER.test(label)) modelColumn = i;
  });
  return { paramColumns, columnKinds, modelColumn };
}

/** The cell holding an offset, or -1: a binary search, as a 1 MB table row has tens of thousands of cells. */
function cellIndexOf(cells: Span[], offset: number): number {
  const i = countBefore(cells, (c) => c.end <= offset);
  return i < cells.length && offset >= cells[i]!.start ? i : -1;
}

/** Whether a span overlaps one of the figures (sorted and disjoint), by binary search rather than a walk per column. */
function overlapsAny(figures: RawFigure[], span: Span): boolean {
  const i = countBefore(figures, (f) => f.end <= span.start);
  return i < figures.length && overlaps(figures[i]!, span);
}

const UNITLESS_NUMBER = /(?<![\w.])\d+(?:\.\d+)?(?![\w.%])/g;

function readRow(
  masked: string,
  unit: ProseUnit,
  unitMentions: ModelMention[],
  figures: RawFigure[],
  tables: Map<number, TableShape>,
  context: ModelMention | undefined,
  out: Association[],
): void {
  const cells = unit.cells ?? [];
  if (unit.headerRow) {
    tables.set(unit.table ?? -1, shapeOf(masked, unit));
    return;
  }
  const shape = tables.get(unit.table ?? -1) ?? { paramColumns: new Map(), columnKinds: new Map(), modelColumn: -1 };
  const cellOf = (s: Span): number => cellIndexOf(cells, s.start);
  let rowModel: ModelMention | undefined;
  if (shape.modelColumn >= 0) {
    // The model column says which model the row is about; a row whose model we do not know is left alone.
    const cell = cells[shape.modelColumn];
    rowModel = cell ? unitMentions.find((m) => inside(m, cell)) : undefined;
  } else if (new Set(unitMentions.map((m) => m.modelId)).size === 1) rowModel = unitMentions[0];
  else if (unitMentions.length === 0 && shape.paramColumns.size > 0) rowModel = context;
  const handled = new Set<RawFigure>();
  for (const raw of figures) {
    const col = cellOf(raw);
    const cell = cells[col] ?? unit;
    if (shape.paramColumns.has(col)) {
      if (!rowModel) continue;
      const r = reading(masked, raw, cell) ?? undefined;
      if (!r) continue;
      handled.add(raw);
      const statedKind = r.statedKind ?? shape.columnKinds.get(col);
      out.push({ figure: toParsedFigure(raw, { ...r, explicitParameters: true, statedKind }), raw, mention: rowModel, distanced: isRowDistanced(masked, unit, raw) });
      continue;
    }
    const r = reading(masked, raw, cell);
    if (!r) continue;
    const inCell = mentionsWithin(unitMentions, cell);
    const mention = pickMention(masked, raw, inCell) ?? (r.explicitParameters ? rowModel : undefined);
    if (!mention || inVariantList(masked, raw, mention)) continue;
    out.push({ figure: toParsedFigure(raw, r), raw, mention, distanced: isDistanced(masked, raw, cell) });
  }
  // Unitless numbers in a "Params (B)" column take the header's unit.
  if (!rowModel) return;
  for (const [col, scale] of shape.paramColumns) {
    if (!scale) continue;
    const cell = cells[col];
    if (!cell) continue;
    const content = masked.slice(cell.start, cell.end);
    if (!/^\s*~?\s*\d+(?:\.\d+)?\s*$/.test(content)) continue;
    UNITLESS_NUMBER.lastIndex = 0;
    const m = UNITLESS_NUMBER.exec(content);
    if (!m) continue;
    const start = cell.start + m.index;
    const value = Number(m[0]) * scale;
    const dot = m[0].indexOf('.');
    const precision = (dot < 0 ? 1 : Math.pow(10, dot + 1 - m[0].length)) * scale;
    const raw: RawFigure = { start, end: start + m[0].length, text: m[0], value, low: value, high: value, precision, numberStart: start, numberEnd: start + m[0].length, scale, isRange: false, isProduct: false };
    if (overlapsAny(figures, raw)) continue;
    out.push({
      figure: toParsedFigure(raw, { explicitParameters: true, hedged: /~/.test(content), statedKind: shape.columnKinds.get(col) }),
      raw,
      mention: rowModel,
      distanced: isRowDistanced(masked, unit, raw),
    });
  }
}
