// compound-sizes: one version's sizes given to a compound name that names another version lacking some ("Llama 3/2（7B/13B/70B）").
import type { BlockReading } from './blockCheck';
import { isCompound, readVersions, versionName } from './compoundNames';
import { toParsedFigure } from './figures';
import { sizeListAt, type SizeList } from './sizeLists';
import { judgeFigure } from './verdict';
import type { FactFigure, Finding, ModelFact, ModelMention } from './types';

/** What the rule needs of the fact base (blockRules' RuleFacts). */
interface Facts {
  models: Map<string, ModelFact>;
  lookup: (name: string) => ModelFact | undefined;
}

/** A version the list's sizes are not all of: which of them it lacks (by index into the list). */
interface LackingVersion {
  model: ModelFact;
  lacks: boolean[];
  sizes: FactFigure[];
}

/** What a finding on one listed size carries: the first version lacking it, its source, the typed data. */
interface SizeHit {
  model: ModelFact;
  matched: FactFigure;
  sourceUrl: string | undefined;
  data: NonNullable<Finding['compoundSizes']>;
}

/** How a compound's size list reads against its versions: per listed size, the finding it gets (none: every version has it). */
interface ListVerdict {
  hits: (SizeHit | undefined)[];
  message: string;
}

const NONE: Finding[] = [];

/**
 * The block's compound-sizes findings, in block-relative offsets: for each compound name ("Llama 3/2") right
 * before a list of sizes ("（7B/13B/70B）"), where every listed size is a size of one version and another version
 * lacks some, a finding on each size that version lacks. A list covering each version's sizes ("Llama 2/3
 * (7B/8B/13B/70B)") is the writer listing both; a version the fact base does not know, or whose size was never
 * disclosed, leaves the list alone.
 */
export function compoundSizeFindings(reading: BlockReading, facts: Facts): Finding[] {
  const figures = reading.figures;
  if (figures.length === 0) return NONE;
  const masked = reading.prose.masked;
  let out: Finding[] | undefined;
  // A draft may repeat a few compounds and lists many times, in turn: each is judged once per block.
  let judged: Map<string, ListVerdict | null> | undefined;
  for (const m of reading.mentions) {
    if (!mayBeCompound(masked, m) || !isCompound(masked, m)) continue;
    const { versions, end } = readVersions(masked, m);
    const list = versions.length ? sizeListAt(masked, end, figures) : undefined;
    if (!list) continue;
    const written = masked.slice(m.start, end);
    const key = `${m.modelId}\u0000${written}\u0000${list.figures.map((f) => f.text).join('\u0000')}\u0000${list.reading.hedged}\u0000${list.reading.statedKind}`;
    judged ??= new Map();
    let verdict = judged.get(key);
    if (verdict === undefined) judged.set(key, (verdict = judgeList(written, m, versions, list, facts) ?? null));
    if (!verdict) continue;
    for (let i = 0; i < list.figures.length; i++) {
      const hit = verdict.hits[i];
      if (!hit) continue;
      const raw = list.figures[i]!;
      const f: Finding = { ruleId: 'compound-sizes', severity: 'warning', message: verdict.message, start: raw.start, end: raw.end, modelId: hit.model.id, model: hit.model.name, text: raw.text, matched: hit.matched, compoundSizes: hit.data };
      if (hit.sourceUrl) f.sourceUrl = hit.sourceUrl;
      (out ??= []).push(f);
    }
  }
  return out ?? NONE;
}

/** A cheap look at the character after a name (spaces skipped) before the compound's regex: "/", "&", "and" or "和". */
function mayBeCompound(masked: string, m: ModelMention): boolean {
  let i = m.end;
  while (i < m.end + 3 && (masked.charCodeAt(i) === 0x20 || masked.charCodeAt(i) === 0xa0)) i++;
  const c = masked.charCodeAt(i);
  return c === 0x2f || c === 0x26 || c === 0x61 || c === 0x41 || c === 0x548c;
}

/**
 * The list's verdict: each version named must be a model the fact base sizes, and each listed size a size of it
 * or plainly none of its sizes: a figure of another kind (an active count), a superseded or rumoured one, or one the
 * fact base cannot verify leaves the list alone.
 */
function judgeList(written: string, m: ModelMention, versions: string[], list: SizeList, facts: Facts): ListVerdict | undefined {
  const named = namedVersions(m, versions, facts);
  if (!named) return undefined;
  const parsed = list.figures.map((raw) => toParsedFigure(raw, list.reading));
  const owners: ModelFact[] = [];
  let matched: FactFigure[] | undefined;
  const lacking: LackingVersion[] = [];
  for (const model of named) {
    const verdicts = parsed.map((f) => judgeFigure(model, f, false));
    if (verdicts.some((v) => v.verdict !== 'matches' && v.verdict !== 'contradicted-figure')) return undefined;
    const lacks = verdicts.map((v) => v.verdict !== 'matches');
    if (!lacks.includes(true)) {
      owners.push(model);
      matched ??= verdicts.map((v) => v.matched!);
    } else lacking.push({ model, lacks, sizes: sizesOf(model) });
  }
  if (!matched || lacking.length === 0) return undefined;
  const sizesOfOwners = owners.map((o) => o.name);
  const hits = list.figures.map((_, i): SizeHit | undefined => {
    const lack = lacking.filter((l) => l.lacks[i]);
    if (lack.length === 0) return undefined;
    const data = { compound: written, sizesOf: sizesOfOwners, lacking: lack.map((l) => ({ model: l.model.name, sizes: l.sizes.map((f) => f.label) })) };
    return { model: lack[0]!.model, matched: matched[i]!, sourceUrl: sourceOf(lack[0]!), data };
  });
  return { hits, message: listMessage(written, list, owners, lacking) };
}

/** The models a compound names, its mention's first; undefined when one is unknown, undisclosed, unsized or named twice. */
function namedVersions(m: ModelMention, versions: string[], facts: Facts): ModelFact[] | undefined {
  const first = facts.models.get(m.modelId);
  if (!first) return undefined;
  const out = [first];
  for (const v of versions) {
    const name = versionName(first.name, v);
    const model = name !== undefined ? facts.lookup(name) : undefined;
    if (!model || out.includes(model)) return undefined;
    out.push(model);
  }
  return out.every((model) => model.disclosed && sizesOf(model).length > 0) ? out : undefined;
}

/** The sizes a model comes in: its official sizes (totals, or any for a dense model), smallest first, each once. */
function sizesOf(model: ModelFact): FactFigure[] {
  const official = model.figures.filter((f) => f.status === 'official' && (f.kind === 'total' || model.architecture === 'dense'));
  const out: FactFigure[] = [];
  for (const f of official.sort((a, b) => a.value - b.value)) if (!out.some((o) => o.value === f.value)) out.push(f);
  return out;
}

/** Where the fact base has a lacking version's sizes from (every version named has sizes on record). */
function sourceOf(version: LackingVersion): string | undefined {
  return version.sizes[0]?.source;
}

/** "Llama 3/2 (7B/13B/70B): 7B and 13B are Llama 2 sizes; Llama 3 comes in 8B, 70B and 400B (source …)". */
function listMessage(written: string, list: SizeList, owners: ModelFact[], lacking: LackingVersion[]): string {
  const lacked = list.figures.filter((_, i) => lacking.some((l) => l.lacks[i])).map((f) => f.text);
  const whose = andList(owners.map((o) => o.name));
  const are = lacked.length === 1 ? `is a ${whose} size` : `are ${whose} sizes`;
  const comes = lacking.map((l, i) => `${l.model.name}${i === 0 ? ' comes' : ''} in ${andList(l.sizes.map((s) => s.label))} (source ${sourceOf(l) ?? 'none recorded'})`);
  return `${written} (${list.figures.map((f) => f.text).join('/')}): ${andList(lacked)} ${are}; ${comes.join(', ')}`;
}

/** "7B", "7B and 13B", "8B, 70B and 400B". */
function andList(items: string[]): string {
  return items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
