// Reads the figures of table rows: parameter columns, model columns, transposed tables and unitless sizes.
import type { Association } from './associate';
import { isUnusable, pickMention, readAround } from './binding';
import { isDistanced, isRowDistanced } from './distancing';
import { type RawFigure, toParsedFigure } from './figures';
import type { ProseUnit } from './prose';
import { readSizedNames } from './sentences';
import { indexAt, mentionsWithin, overlapsAny } from './spanSearch';
import type { ModelMention, Span } from './types';

const PARAM_HEADER = /param|参数|规模|#\s*p|size|大小/iu;

const NOT_PARAM_HEADER = /token|context|data|memory|显存|内存|GB|vram|speed|throughput|上下文|数据|长度|length|disk|file/iu;
const MODEL_HEADER = /model|模型|name|名称|llm|系列/iu;

const HEADER_SCALE: [RegExp, number][] = [
  [/\(\s*T\s*\)|（\s*T\s*）|\btrillions?\b|万亿/iu, 1e12],
  [/\(\s*B\s*\)|（\s*B\s*）|\bbillions?\b|\bin\s+B\b|十亿/iu, 1e9],
  [/\(\s*M\s*\)|（\s*M\s*）|\bmillions?\b/iu, 1e6],
  [/[(（]\s*亿\s*[)）]/u, 1e8],
];

export interface TableShape {
  /** Parameter columns: the unit their header gives unitless cells, and the kind it names. */
  paramColumns: Map<number, number>;
  columnKinds: Map<number, 'total' | 'active'>;
  /** Columns labelled with both kinds ("Params (total/active)", "总参数 / 激活参数"): a "671B/37B" cell gives one of each. */
  pairColumns: Set<number>;
  modelColumn: number;
  /** Columns with an empty header ("|||TruthfulQA|"): a cell holding only a size there sizes the row's model. */
  blankColumns: Set<number>;
  /** Transposed tables: models named in the header, one per column. */
  columnModels: Map<number, ModelMention>;
}

function shapeOf(masked: string, header: ProseUnit, headerMentions: ModelMention[]): TableShape {
  const paramColumns = new Map<number, number>();
  const columnKinds = new Map<number, 'total' | 'active'>();
  const pairColumns = new Set<number>();
  const blankColumns = new Set<number>();
  const columnModels = new Map<number, ModelMention>();
  let modelColumn = -1;
  (header.cells ?? []).forEach((cell, i) => {
    const label = masked.slice(cell.start, cell.end);
    const named = mentionsWithin(headerMentions, cell);
    if (named.length === 1 && !isUnusable(masked, named[0]!)) columnModels.set(i, named[0]!);
    if (BLANK_LABEL.test(label)) blankColumns.add(i);
    else if (PARAM_HEADER.test(label) && !NOT_PARAM_HEADER.test(label)) {
      const scale = HEADER_SCALE.find(([re]) => re.test(label))?.[1] ?? 0;
      paramColumns.set(i, scale);
      if (ACTIVE_LABEL.test(label) && TOTAL_LABEL.test(label) && label.includes('/')) pairColumns.add(i);
      else if (ACTIVE_LABEL.test(label)) columnKinds.set(i, 'active');
      else if (TOTAL_LABEL.test(label)) columnKinds.set(i, 'total');
    } else if (modelColumn < 0 && MODEL_HEADER.test(label)) modelColumn = i;
  });
  return { paramColumns, columnKinds, pairColumns, modelColumn, blankColumns, columnModels };
}

/** In a "671B/37B" cell of a total/active column: the figure before the slash is the total, the one after it the active. */
function kindInPair(masked: string, cell: Span, raw: Span): 'total' | 'active' | undefined {
  if (PAIR_SECOND.test(masked.slice(cell.start, raw.start))) return 'active';
  return PAIR_FIRST.test(masked.slice(raw.end, cell.end)) ? 'total' : undefined;
}
const PAIR_SECOND = /\d[^/\d]*\/\s*$/u;
const PAIR_FIRST = /^\s*\/\s*\d/u;

// The regexes here are module constants rather than literals in the functions: a literal makes a new RegExp
// object each time it is evaluated, and these are read per column, row or figure.
const BLANK_LABEL = /^[\s*_]*$/;
const ACTIVE_LABEL = /activ|激活|活跃/iu;
const TOTAL_LABEL = /total|总/iu;
const EMPHASIS_MARKS = /^[*_]+|[*_]+$/g;
/** "0.06 - 11": a span of sizes in a unitless column. */
const SIZE_SPAN = /^\s*(\d+(?:\.\d+)?)\s*(?:-|–|to)\s*(\d+(?:\.\d+)?)\s*$/;
/** "3, 7, 12": a list of sizes in a unitless column. */
const SIZE_LIST = /^\s*~?\s*\d+(?:\.\d+)?(?:\s*(?:,|、|\/)\s*\d+(?:\.\d+)?)*\s*$/;
const UNITLESS_NUMBER = /(?<![\w.])\d+(?:\.\d+)?(?![\w.%])/g;
/**
 * Whether a cell holds nothing but the figure (emphasis aside). (A function, not a closure in readRow's loop: that
 * made every figure allocate a scope and a closure, though few rows ask.)
 */
function holdsOnly(masked: string, cell: Span, raw: RawFigure): boolean {
  return masked.slice(cell.start, cell.end).trim().replace(EMPHASIS_MARKS, '') === raw.text;
}

export function readRow(
  masked: string,
  unit: ProseUnit,
  unitMentions: ModelMention[],
  figures: RawFigure[],
  tables: Map<number, TableShape>,
  context: ModelMention | undefined,
  out: Association[],
  familyOf: ((name: string) => string | undefined) | undefined,
): void {
  const cells = unit.cells ?? [];
  if (familyOf && !unit.headerRow) readSizedNames(masked, cells, unitMentions, out, familyOf);
  if (unit.headerRow) {
    tables.set(unit.table ?? -1, shapeOf(masked, unit, unitMentions));
    return;
  }
  const shape = tables.get(unit.table ?? -1) ?? { paramColumns: new Map(), columnKinds: new Map(), pairColumns: new Set(), modelColumn: -1, blankColumns: new Set(), columnModels: new Map() };
  let rowModel: ModelMention | undefined;
  if (shape.modelColumn >= 0) {
    // The model column says which model the row is about; a row whose model we do not know is left alone.
    const cell = cells[shape.modelColumn];
    rowModel = cell ? mentionsWithin(unitMentions, cell)[0] : undefined;
  } else if (new Set(unitMentions.map((m) => m.modelId)).size === 1) rowModel = unitMentions[0];
  else if (unitMentions.length === 0 && shape.paramColumns.size > 0) rowModel = context;
  // "| **DBRX MoE-A** | 7.7B |": a model cell naming a variant we do not know leaves the row alone.
  if (rowModel && isUnusable(masked, rowModel)) rowModel = undefined;
  // Transposed tables ("| # Total Params | 671B | ... |" under a header of model names): the row label names the kind.
  const firstFigureCol = figures.length ? indexAt(cells, figures[0]!.start) : -1;
  const label = firstFigureCol > 0 ? masked.slice(cells[0]!.start, cells[firstFigureCol - 1]!.end) : '';
  const transposed = shape.columnModels.size > 0 && unitMentions.length === 0 && PARAM_HEADER.test(label) && !NOT_PARAM_HEADER.test(label);
  const labelKind = ACTIVE_LABEL.test(label) ? 'active' : TOTAL_LABEL.test(label) ? 'total' : undefined;
  for (let fi = 0; fi < figures.length; fi++) {
    const raw = figures[fi]!;
    const col = indexAt(cells, raw.start);
    const cell = cells[col] ?? unit;
    if (transposed && shape.columnModels.has(col) && holdsOnly(masked, cell, raw)) {
      const r = readAround(masked, raw, cell);
      if (!r) continue;
      out.push({ figure: toParsedFigure(raw, { ...r, explicitParameters: true, statedKind: r.statedKind ?? labelKind }), raw, mention: shape.columnModels.get(col)!, distanced: isRowDistanced(masked, unit, raw) });
      continue;
    }
    if (shape.paramColumns.has(col)) {
      if (!rowModel) continue;
      const r = readAround(masked, raw, cell) ?? undefined;
      if (!r) continue;
      const statedKind = r.statedKind ?? (shape.pairColumns.has(col) ? kindInPair(masked, cell, raw) : shape.columnKinds.get(col));
      out.push({ figure: toParsedFigure(raw, { ...r, explicitParameters: true, statedKind }), raw, mention: rowModel, distanced: isRowDistanced(masked, unit, raw) });
      continue;
    }
    const r = readAround(masked, raw, cell);
    if (!r) continue;
    const inCell = mentionsWithin(unitMentions, cell);
    const picked = pickMention(masked, raw, inCell);
    // "|Llama 1|7B|27.42|" under a blank header: a cell that is only a size states the row model's size.
    const mention = picked === null ? undefined : (picked ?? (r.explicitParameters || (shape.blankColumns.has(col) && holdsOnly(masked, cell, raw)) ? rowModel : undefined));
    // No variant-list check here: in a row a pipe next to a figure is a cell border ("|Llama 1|7B|").
    if (!mention || isUnusable(masked, mention)) continue;
    out.push({ figure: toParsedFigure(raw, r), raw, mention, distanced: isDistanced(masked, raw, cell, unitMentions) });
  }
  // Unitless numbers in a "Params (B)" column take the header's unit.
  if (!rowModel) return;
  // (Keys, not destructured entries: the CLI runs a check unoptimised, where destructuring a pair walks an iterator.)
  for (const col of shape.paramColumns.keys()) {
    const scale = shape.paramColumns.get(col)!;
    if (!scale) continue;
    const cell = cells[col];
    if (!cell) continue;
    const content = masked.slice(cell.start, cell.end);
    // "0.06 - 11": a span of a family's sizes is one range claim (some size lies in it).
    const span = SIZE_SPAN.exec(content);
    if (span && Number(span[2]) > Number(span[1])) {
      const start = cell.start + content.indexOf(span[1]!);
      const end = cell.start + content.lastIndexOf(span[2]!) + span[2]!.length;
      const low = Number(span[1]) * scale;
      const high = Number(span[2]) * scale;
      const raw: RawFigure = { start, end, text: masked.slice(start, end), value: (low + high) / 2, low, high, precision: scale, numberStart: start, numberEnd: end, scale, isRange: true, isProduct: false, spelled: false };
      if (!overlapsAny(figures, raw)) out.push({ figure: toParsedFigure(raw, { explicitParameters: true, hedged: true, statedKind: shape.columnKinds.get(col) }), raw, mention: rowModel, distanced: isRowDistanced(masked, unit, raw) });
      continue;
    }
    // "3, 7, 12": a list of a family's sizes; each number is one of them.
    if (!SIZE_LIST.test(content)) continue;
    UNITLESS_NUMBER.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = UNITLESS_NUMBER.exec(content)) !== null) {
      const start = cell.start + m.index;
      const value = Number(m[0]) * scale;
      const dot = m[0].indexOf('.');
      const precision = (dot < 0 ? 1 : Math.pow(10, dot + 1 - m[0].length)) * scale;
      const raw: RawFigure = { start, end: start + m[0].length, text: m[0], value, low: value, high: value, precision, numberStart: start, numberEnd: start + m[0].length, scale, isRange: false, isProduct: false, spelled: false };
      if (overlapsAny(figures, raw)) continue;
      out.push({
        figure: toParsedFigure(raw, { explicitParameters: true, hedged: content.includes('~'), statedKind: shape.columnKinds.get(col) }),
        raw,
        mention: rowModel,
        distanced: isRowDistanced(masked, unit, raw),
      });
    }
  }
}
