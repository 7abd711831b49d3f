// Loads, validates and merges fact-base YAML, with every problem positioned by file, line and column.
import { LineCounter, parseDocument, isMap, isSeq, isScalar, type Node, type YAMLMap } from 'yaml';
import { labelOf, parseFigureValue } from './figures';
import { normalizeName } from './names';
import { decodeUtf8 } from './utf8';
import type { Architecture, FactBase, FactFigure, FactProblem, FigureKind, FigureStatus, ModelFact, Release, ReleaseKind } from './types';

export const SCHEMA_VERSION = 1;
/** Larger fact files are refused before parsing: a fact base is text a person reads. */
export const MAX_FACT_FILE_CHARS = 5_000_000;
/** Longer names and aliases are refused: no model is called that, and the name matcher's regex has a size limit. */
export const MAX_NAME_CHARS = 200;

const KINDS: FigureKind[] = ['total', 'active'];
const STATUSES: FigureStatus[] = ['official', 'derived', 'estimate', 'rumor', 'superseded'];
const ARCHITECTURES: Architecture[] = ['dense', 'moe', 'unknown'];
const RELEASE_KINDS: ReleaseKind[] = ['announcement', 'weights', 'api', 'paper', 'preview'];
const DATE_RE = /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/;
const ID_RE = /^[a-z0-9][a-z0-9.+_-]*$/;
const URL_RE = /^https?:\/\/[^\s]+$/;

const TOP_KEYS = ['schema', 'asOf', 'models'];
const MODEL_KEYS = ['id', 'name', 'aliases', 'vendor', 'family', 'released', 'disclosed', 'architecture', 'figures', 'note'];
const FIGURE_KEYS = ['value', 'kind', 'status', 'source', 'stated', 'note', 'replacedBy'];
const RELEASE_KEYS = ['date', 'what', 'note', 'source'];

export interface ParsedFactBase {
  base: FactBase | undefined;
  problems: FactProblem[];
}

const LONE_CR = /\r(?!\n)/g;

/** Reads YAML as plain data with positions; problems come back instead of exceptions. */
export class YamlReader {
  readonly problems: FactProblem[] = [];
  private readonly lines = new LineCounter();
  /** The text as parsed: a BOM dropped (editors put column 1 after it), a lone CR made LF. */
  private readonly text: string;
  /** False when the bytes were no UTF-8 (reported): nothing is parsed. */
  private readonly decoded: boolean;

  /**
   * `input` is text, or bytes decoded strictly as UTF-8; `what` names the file in messages ("a fact
   * file"). YAML 1.2 counts a lone CR as a line break, the yaml library does not: it becomes LF, one
   * character for one, so offsets stay put and lines are counted as an editor counts them.
   */
  constructor(readonly file: string, input: string | Uint8Array, private readonly what: string) {
    let text = '';
    this.decoded = true;
    if (typeof input === 'string') text = input;
    else {
      const result = decodeUtf8(input);
      if ('text' in result) text = result.text;
      else {
        this.decoded = false;
        const { line, column } = result.invalidAt;
        this.problems.push({ file, line, column, endLine: line, endColumn: column + 1, message: `${what} is not valid UTF-8 (the first bad byte is here)`, severity: 'error' });
      }
    }
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    this.text = text.includes('\r') ? text.replace(LONE_CR, '\n') : text;
  }

  /** Refuses a file that is no UTF-8, too large or binary before parsing; true when it may be parsed. */
  readable(): boolean {
    if (!this.decoded) return false;
    if (this.text.length > MAX_FACT_FILE_CHARS) {
      this.report(0, 1, `${this.what} is too large (${this.text.length} characters; the limit is ${MAX_FACT_FILE_CHARS})`);
      return false;
    }
    const nul = this.text.indexOf('\u0000');
    if (nul >= 0) {
      this.report(nul, nul + 1, `${this.what} contains a NUL character (binary data?)`);
      return false;
    }
    return true;
  }

  parse(): Node | undefined | null {
    const doc = parseDocument(this.text, {
      lineCounter: this.lines,
      prettyErrors: false,
      uniqueKeys: true,
      schema: 'core',
      merge: false,
      customTags: [],
      resolveKnownTags: false,
      // Its warnings (a collection as a key) went to stderr unpositioned; fields() reports such a key where it is.
      logLevel: 'error',
    });
    for (const e of doc.errors) this.report(e.pos[0], e.pos[1], e.code === 'MULTIPLE_DOCS' ? `a ${this.what} holds one YAML document` : (e.message.split('\n')[0] as string));
    if (doc.errors.length) return undefined;
    for (const w of doc.warnings) this.report(w.pos[0], w.pos[1], w.message.split('\n')[0] as string);
    try {
      // Expanding aliases is bounded: a billion-laughs file is an error, not a hang.
      doc.toJS({ maxAliasCount: 100 });
    } catch (e) {
      this.report(0, 1, `YAML aliases expand too far: ${(e as Error).message}`);
      return undefined;
    }
    if (this.problems.some((p) => p.severity === 'error')) return undefined;
    return doc.contents as Node | null;
  }

  report(start: number, end: number, message: string, severity: 'error' | 'warning' = 'error'): void {
    const a = this.linePos(start);
    const b = this.linePos(Math.max(start, end));
    this.problems.push({ file: this.file, line: a.line, column: a.col, endLine: b.line, endColumn: b.col, message, severity });
  }

  /** 1-based line and column of an offset; works before (or without) a parse. */
  private linePos(offset: number): { line: number; col: number } {
    if (this.lines.lineStarts.length > 0) return this.lines.linePos(offset);
    const before = this.text.slice(0, offset);
    const line = before.split('\n').length;
    return { line, col: offset - (before.lastIndexOf('\n') + 1) + 1 };
  }

  at(node: Node | null | undefined, message: string, severity: 'error' | 'warning' = 'error'): void {
    const range = node?.range;
    this.report(range ? range[0] : 0, range ? range[1] : 1, message, severity);
  }

  position(node: Node | null | undefined): { line: number; column: number } {
    const p = this.linePos(node?.range ? node.range[0] : 0);
    return { line: p.line, column: p.col };
  }

  /** Checks a map's keys against the allowed ones; returns the values by key. */
  fields(node: Node | null | undefined, allowed: string[], what: string): Map<string, Node | null> | undefined {
    if (!isMap(node)) {
      this.at(node, `${what} must be a mapping`);
      return undefined;
    }
    const out = new Map<string, Node | null>();
    for (const pair of (node as YAMLMap).items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (key === undefined || !allowed.includes(key)) {
        this.at(pair.key as Node, `unknown key "${key ?? String(pair.key)}" in ${what} (allowed: ${allowed.join(', ')})`);
        continue;
      }
      out.set(key, pair.value as Node | null);
    }
    return out;
  }

  /** A string field; a missing required one is reported at `owner`, the mapping that lacks it. */
  string(node: Node | null | undefined, what: string, required = true, owner?: Node | null): string | undefined {
    if (node === undefined || node === null) {
      if (required) this.at(node ?? owner, `${what} is required`);
      return undefined;
    }
    if (!isScalar(node) || (typeof node.value !== 'string' && typeof node.value !== 'number')) {
      this.at(node, `${what} must be a string`);
      return undefined;
    }
    return String(node.value);
  }
}

function scalarValue(node: Node | null | undefined): unknown {
  return isScalar(node) ? node.value : undefined;
}

function readFigure(r: YamlReader, node: Node | null, modelName: string): FactFigure | undefined {
  const f = r.fields(node, FIGURE_KEYS, `a figure of ${modelName}`);
  if (!f) return undefined;
  const valueNode = f.get('value');
  const value = parseFigureValue(scalarValue(valueNode));
  if (value === undefined) r.at(valueNode ?? node, `${modelName}: figure value must be a finite number above 0, or one with K/M/B/T (e.g. 1.5T), got ${JSON.stringify(scalarValue(valueNode) ?? null).slice(0, 40)}`);
  const kind = r.string(f.get('kind'), `${modelName}: figure kind`, true, node) as FigureKind | undefined;
  if (kind !== undefined && !KINDS.includes(kind)) r.at(f.get('kind'), `${modelName}: figure kind must be one of ${KINDS.join(', ')}`);
  const status = r.string(f.get('status'), `${modelName}: figure status`, true, node) as FigureStatus | undefined;
  if (status !== undefined && !STATUSES.includes(status)) r.at(f.get('status'), `${modelName}: figure status must be one of ${STATUSES.join(', ')}`);
  const source = r.string(f.get('source'), `${modelName}: figure source (a URL)`, true, node);
  if (source !== undefined && !URL_RE.test(source)) r.at(f.get('source'), `${modelName}: figure source must be an http(s) URL`);
  const stated = r.string(f.get('stated'), `${modelName}: figure date (stated)`, true, node);
  if (stated !== undefined && !DATE_RE.test(stated)) r.at(f.get('stated'), `${modelName}: stated must be YYYY, YYYY-MM or YYYY-MM-DD`);
  const note = r.string(f.get('note'), 'note', false);
  const replacedNode = f.get('replacedBy');
  const replacedBy = replacedNode ? parseFigureValue(scalarValue(replacedNode)) : undefined;
  if (replacedNode && replacedBy === undefined) r.at(replacedNode, `${modelName}: replacedBy must be a figure value such as 1.5T`);
  if (value === undefined || !kind || !KINDS.includes(kind) || !status || !STATUSES.includes(status) || !source || !URL_RE.test(source) || !stated) return undefined;
  const label = typeof scalarValue(valueNode) === 'string' ? String(scalarValue(valueNode)).trim() : labelOf(value);
  const fig: FactFigure = { value, label, kind, status, source, stated, origin: { file: r.file, ...r.position(node) } };
  if (note !== undefined) fig.note = note;
  if (replacedBy !== undefined) fig.replacedBy = replacedBy;
  return fig;
}

function readRelease(r: YamlReader, node: Node | null, modelName: string): Release | undefined {
  const f = r.fields(node, RELEASE_KEYS, `released of ${modelName}`);
  if (!f) return undefined;
  const date = r.string(f.get('date'), `${modelName}: released.date`, true, node);
  if (date !== undefined && !DATE_RE.test(date)) r.at(f.get('date'), `${modelName}: released.date must be YYYY, YYYY-MM or YYYY-MM-DD`);
  const what = r.string(f.get('what'), `${modelName}: released.what`, true, node) as ReleaseKind | undefined;
  if (what !== undefined && !RELEASE_KINDS.includes(what)) r.at(f.get('what'), `${modelName}: released.what must be one of ${RELEASE_KINDS.join(', ')}`);
  const note = r.string(f.get('note'), 'note', false);
  const source = r.string(f.get('source'), `${modelName}: released.source`, false);
  if (!date || !DATE_RE.test(date) || !what || !RELEASE_KINDS.includes(what)) return undefined;
  const release: Release = { date, what };
  if (note !== undefined) release.note = note;
  // Release-date findings cite where the date comes from.
  if (source !== undefined) release.source = source;
  return release;
}

/** A name, alias or vendor: a string with something in it, of at most MAX_NAME_CHARS characters (reported at the node). */
function readName(r: YamlReader, node: Node | null | undefined, what: string, owner?: Node | null): string | undefined {
  const s = r.string(node, what, true, owner);
  if (s === undefined) return undefined;
  if (s.trim() === '') {
    r.at(node, `${what} must not be empty`);
    return undefined;
  }
  if (s.length > MAX_NAME_CHARS) {
    r.at(node, `${what} is ${s.length} characters long; the limit is ${MAX_NAME_CHARS}`);
    return undefined;
  }
  return s;
}

function readModel(r: YamlReader, node: Node | null): ModelFact | undefined {
  const f = r.fields(node, MODEL_KEYS, 'a model');
  if (!f) return undefined;
  const id = r.string(f.get('id'), 'model id', true, node);
  if (id !== undefined && !ID_RE.test(id)) r.at(f.get('id'), `model id "${id}" must be lowercase letters, digits and . + _ -`);
  const name = readName(r, f.get('name'), `model ${id ?? ''} name`.replace('  ', ' '), node);
  const label = name ?? id ?? 'model';
  const aliases: string[] = [];
  const aliasNode = f.get('aliases');
  if (aliasNode !== undefined && aliasNode !== null) {
    if (!isSeq(aliasNode)) r.at(aliasNode, `${label}: aliases must be a list of strings`);
    else for (const item of aliasNode.items) {
      const a = readName(r, item as Node, `${label}: alias`);
      if (a !== undefined) aliases.push(a);
    }
  }
  const vendor = readName(r, f.get('vendor'), `${label}: vendor`, node);
  const family = r.string(f.get('family'), 'family', false);
  const releasedNode = f.get('released');
  const released = releasedNode !== undefined && releasedNode !== null ? readRelease(r, releasedNode, label) : undefined;
  const disclosedNode = f.get('disclosed');
  const disclosed = scalarValue(disclosedNode);
  if (typeof disclosed !== 'boolean') r.at(disclosedNode ?? node, `${label}: disclosed must be true or false`);
  const archNode = f.get('architecture');
  const architecture = (archNode ? r.string(archNode, `${label}: architecture`) : 'unknown') as Architecture;
  if (!ARCHITECTURES.includes(architecture)) r.at(archNode, `${label}: architecture must be one of ${ARCHITECTURES.join(', ')}`);
  const note = r.string(f.get('note'), 'note', false);
  const figures: FactFigure[] = [];
  const figNode = f.get('figures');
  if (figNode === undefined || figNode === null) r.at(node, `${label}: figures is required (an empty list [] when none is known)`);
  else if (!isSeq(figNode)) r.at(figNode, `${label}: figures must be a list`);
  else for (const item of figNode.items) {
    const fig = readFigure(r, item as Node, label);
    if (fig) figures.push(fig);
  }
  for (const fig of figures) {
    if (fig.status !== 'superseded') continue;
    const current = figures.some((x) => x !== fig && x.kind === fig.kind && x.status !== 'superseded');
    if (!current) r.at(node, `${label}: the superseded figure ${fig.label} needs a current ${fig.kind} figure beside it`);
  }
  if (!id || !ID_RE.test(id) || !name || !vendor || typeof disclosed !== 'boolean' || !ARCHITECTURES.includes(architecture)) return undefined;
  const model: ModelFact = { id, name, aliases, vendor, disclosed, architecture, figures, origin: { file: r.file, ...r.position(node) } };
  if (family !== undefined) model.family = family;
  if (released) model.released = released;
  if (note !== undefined) model.note = note;
  return model;
}

/** Parses and validates one fact file, given as text or as its bytes (then decoded strictly as UTF-8). */
export function parseFactBase(file: string, input: string | Uint8Array): ParsedFactBase {
  const r = new YamlReader(file, input, 'fact file');
  if (!r.readable()) return { base: undefined, problems: r.problems };
  const root = r.parse();
  if (root === undefined) return { base: undefined, problems: r.problems };
  const top = r.fields(root, TOP_KEYS, 'the fact base');
  if (!top) return { base: undefined, problems: r.problems };
  const schemaNode = top.get('schema');
  const schema = scalarValue(schemaNode);
  if (schema !== SCHEMA_VERSION) r.at(schemaNode ?? root, `schema must be ${SCHEMA_VERSION}`);
  const asOf = r.string(top.get('asOf'), 'asOf');
  if (asOf !== undefined && !DATE_RE.test(asOf)) r.at(top.get('asOf'), 'asOf must be YYYY-MM-DD');
  const models: ModelFact[] = [];
  const modelsNode = top.get('models');
  if (!isSeq(modelsNode)) r.at(modelsNode ?? root, 'models must be a list');
  else {
    const ids = new Map<string, number>();
    const names = new Map<string, { model: string; line: number }>();
    for (const item of modelsNode.items) {
      const model = readModel(r, item as Node);
      if (!model) continue;
      const line = r.position(item as Node).line;
      if (ids.has(model.id)) {
        r.at(item as Node, `duplicate model id "${model.id}" (first at line ${ids.get(model.id)})`);
        continue;
      }
      ids.set(model.id, line);
      for (const alias of [model.name, ...model.aliases]) {
        const key = normalizeName(alias);
        const prior = names.get(key);
        if (prior && prior.model !== model.id) r.at(item as Node, `${model.name}: alias "${alias}" is ambiguous: it already names ${prior.model} (line ${prior.line})`);
        else names.set(key, { model: model.id, line });
      }
      models.push(model);
    }
  }
  const errors = r.problems.some((p) => p.severity === 'error');
  return { base: errors ? undefined : { schema: SCHEMA_VERSION, asOf: asOf ?? '', models }, problems: r.problems };
}

/** Merges fact files over a base: an entry with a known id extends or overrides that model. */
export function mergeFactBases(base: FactBase, extras: readonly FactBase[]): FactBase {
  const byId = new Map<string, ModelFact>(base.models.map((m) => [m.id, m]));
  let asOf = base.asOf;
  for (const extra of extras) {
    if (extra.asOf > asOf) asOf = extra.asOf;
    for (const m of extra.models) {
      const prior = byId.get(m.id);
      if (!prior) {
        byId.set(m.id, m);
        continue;
      }
      byId.set(m.id, {
        ...prior,
        ...m,
        aliases: [...new Set([...prior.aliases, ...m.aliases])],
        figures: m.figures.length ? m.figures : prior.figures,
      });
    }
  }
  // An alias a later file gives to another model now belongs to that model alone.
  const owner = new Map<string, string>();
  const models = [...byId.values()];
  for (const m of models) for (const a of [m.name, ...m.aliases]) owner.set(normalizeName(a), m.id);
  const cleaned = models.map((m) => ({ ...m, aliases: m.aliases.filter((a) => owner.get(normalizeName(a)) === m.id) }));
  return { schema: base.schema, asOf, models: cleaned };
}

/**
 * Models of different ids in different files that share a name (within a file it is an error): one
 * warning at each later model. Merging keeps both, and a draft's mention goes to the earlier one, so a
 * later file's name does not take over as its aliases do.
 */
export function nameClashes(base: FactBase, extras: readonly FactBase[]): FactProblem[] {
  const named = new Map<string, ModelFact>();
  const problems: FactProblem[] = [];
  // The file's own name: a message is not rewritten relative to the working folder as its position is.
  const where = (m: ModelFact): string => (m.origin ? `${m.origin.file.split(/[\\/]/).pop()}:${m.origin.line}` : 'the bundled base');
  for (const [i, source] of [base, ...extras].entries()) {
    const here = new Map<string, ModelFact>();
    for (const m of source.models) {
      const key = normalizeName(m.name);
      const prior = named.get(key);
      if (i > 0 && prior && prior.id !== m.id) {
        const at = m.origin ?? { file: '', line: 1, column: 1 };
        problems.push({ ...at, endLine: at.line, endColumn: at.column, severity: 'warning', message: `${m.name}: model "${m.id}" has the name of model "${prior.id}" (${where(prior)}); drafts naming it are read as "${prior.id}"` });
      }
      if (!prior && !here.has(key)) here.set(key, m);
    }
    for (const [key, m] of here) named.set(key, m);
  }
  return problems;
}
