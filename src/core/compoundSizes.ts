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

/** How a compound's size list reads against its versions: the versions it is the size set of, those lacking some sizes. */
interface ListVerdict {
  owners: ModelFact[];
  /** The figure each owner matched, per listed size (the first owner's). */
  matched: FactFigure[];
  lacking: LackingVersion[];
  message: string;
}

const NONE: Finding[] = [];
const RELIABLE = new Set(['official', 'derived']);

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
  // A draft may repeat one compound and list many times: each is judged once.
  let last: { key: string; verdict: ListVerdict | undefined } | undefined;
  for (const m of reading.mentions) {
    if (!mayBeCompound(masked, m) || !isCompound(masked, m)) continue;
    const { versions, end } = readVersions(masked, m);
    const list = versions.length ? sizeListAt(masked, end, figures) : undefined;
    if (!list) continue;
    const written = masked.slice(m.start, end);
    const key = `${m.modelId}\u0000${versions.join('\u0000')}\u0000${written}\u0000${list.figures.map((f) => f.text).join('\u0000')}\u0000${list.reading.hedged}\u0000${list.reading.statedKind}`;
    if (last?.key !== key) last = { key, verdict: judgeList(written, m, versions, list, facts) };
    const verdict = last.verdict;
    if (!verdict) continue;
    list.figures.forEach((raw, i) => {
      const lacking = verdict.lacking.filter((l) => l.lacks[i]);
      if (lacking.length === 0) return;
      const first = lacking[0]!.model;
      const source = sourceOf(lacking[0]!);
      const f: Finding = { ruleId: 'compound-sizes', severity: 'warning', message: verdict.message, start: raw.start, end: raw.end, modelId: first.id, model: first.name, text: raw.text, matched: verdict.matched[i]! };
      if (source) f.sourceUrl = source;
      f.compoundSizes = { compound: written, sizesOf: verdict.owners.map((o) => o.name), lacking: lacking.map((l) => ({ model: l.model.name, sizes: l.sizes.map((s) => s.label) })) };
      (out ??= []).push(f);
    });
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
 * or plainly none of its sizes (a figure of another kind, an estimate's miss or a rumour leaves the list alone).
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
  return { owners, matched, lacking, message: listMessage(written, list, owners, lacking) };
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

function sourceOf(version: LackingVersion): string | undefined {
  return (version.sizes[0] ?? version.model.figures.find((f) => RELIABLE.has(f.status)))?.source;
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
