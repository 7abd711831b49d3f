// Renders the fact card of a model (hovers, lookup) and the verdict lines of figures, as Markdown.
import * as vscode from 'vscode';
import type { Claim, FactBase, FactFigure, Finding, ModelFact, RuleId } from '../core';

const t = vscode.l10n.t;

/** Escapes the Markdown that can occur inline in fact-base text (names, notes), so it shows literally. */
export function md(text: string): string {
  return text.replace(/[\\`*_[\]|<>]/g, '\\$&');
}

function link(url: string, label: string): string {
  return /^https?:\/\//.test(url) ? `[${md(label)}](${url})` : md(label);
}

function hostOf(url: string): string {
  try {
    return new URL(url).host || url;
  } catch {
    return url;
  }
}

export function figureLine(f: FactFigure): string {
  const parts = [`**${md(f.label)}** ${f.kind}`, `*${f.status}*`];
  if (f.stated) parts.push(md(f.stated));
  let line = `- ${parts.join(' · ')} — ${link(f.source, hostOf(f.source))}`;
  if (f.note) line += ` — ${md(f.note)}`;
  return line;
}

/** The card text: canonical name, vendor, release, figures with status and source, disclosure, as-of date. */
export function factCardMarkdown(model: ModelFact, base: FactBase): string {
  const lines: string[] = [];
  lines.push(`### ${md(model.name)}`);
  const meta = [t('Vendor: {0}', md(model.vendor))];
  if (model.family) meta.push(t('family {0}', md(model.family)));
  if (model.architecture !== 'unknown') meta.push(model.architecture === 'moe' ? t('mixture of experts') : t('dense'));
  lines.push(meta.join(' · '));
  lines.push('');
  if (model.released) {
    lines.push(t('Released: {0} ({1}){2}', md(model.released.date), model.released.what, model.released.note ? ` — ${md(model.released.note)}` : ''));
    lines.push('');
  }
  lines.push(model.disclosed ? t('Size disclosed by the vendor: **yes**') : t('Size disclosed by the vendor: **never** — every figure below is from third parties'));
  lines.push('');
  if (model.figures.length) {
    lines.push(t('Parameters:'));
    lines.push('');
    for (const f of model.figures) lines.push(figureLine(f));
  } else lines.push(t('Parameters: no figure on record'));
  if (model.note) {
    lines.push('');
    lines.push(`*${md(model.note)}*`);
  }
  if (model.aliases.length) {
    lines.push('');
    lines.push(t('Also written: {0}', model.aliases.map(md).join(', ')));
  }
  lines.push('');
  lines.push(t('factlint fact base, as of {0}', md(base.asOf)));
  return lines.join('\n');
}

function formatCount(n: number): string {
  for (const [unit, size] of [['T', 1e12], ['B', 1e9], ['M', 1e6], ['K', 1e3]] as const) {
    if (n >= size) return `${Number((n / size).toPrecision(4))}${unit}`;
  }
  return String(n);
}

/** How a figure the draft states compares with the fact base. */
export function claimMarkdown(claim: Claim, model: ModelFact): string {
  const written = md(claim.figure.text);
  const name = md(model.name);
  switch (claim.verdict) {
    case 'matches':
      return claim.matched
        ? t('{0}: **{1}** matches the fact base: {2} {3} figure ({4}).', name, written, md(claim.matched.label), claim.matched.kind, claim.matched.status)
        : t('{0}: **{1}** matches the fact base.', name, written);
    case 'unchecked':
      return claim.distanced
        ? t('{0}: **{1}** is reported at a distance (as a rumour, denial or superseded figure), so it is not checked.', name, written)
        : t('{0}: **{1}** ({2}) is not checked against the fact base.', name, written, formatCount(claim.figure.value));
    default:
      return t('{0}: **{1}** — {2}', name, written, claim.verdict);
  }
}

function ruleTitle(rule: RuleId): string {
  switch (rule) {
    case 'superseded-figure':
      return t('superseded figure');
    case 'contradicted-figure':
      return t('contradicted figure');
    case 'kind-mismatch':
      return t('total/active mix-up');
    case 'unverified-figure':
      return t('unverified figure');
    case 'release-date':
      return t('release date');
    case 'misspelled-name':
      return t('misspelled model name');
    case 'unknown-variant':
      return t('unknown variant');
    case 'availability-mismatch':
      return t('public weights called internal');
    case 'compound-sizes':
      return t('one version\'s sizes given to a compound name');
  }
}

function describeFigure(f: FactFigure): string {
  const extra = [f.note, f.stated].filter(Boolean).map((x) => md(String(x)));
  return `**${md(f.label)}** ${f.kind}, *${f.status}*${extra.length ? ` (${extra.join(', ')})` : ''} — ${link(f.source, hostOf(f.source))}`;
}

/**
 * The reason and the fix for a flagged figure, from the finding's typed data (the diagnostic
 * hover above it already shows the full message).
 */
export function findingMarkdown(f: Finding): string {
  const lines = [t('**factlint: {0}** — {1}', ruleTitle(f.ruleId), md(f.model)), ''];
  if (f.release) {
    const r = f.release.recorded;
    lines.push(t('The draft dates the release **{0}**; the fact base records **{1}** ({2}){3}', md(f.release.statedText), md(r.date), r.what, r.source ? ` — ${link(r.source, hostOf(r.source))}` : ''));
    return lines.join('\n');
  }
  if (f.suggestion !== undefined) {
    lines.push(t('**{0}** is no known model; did you mean **{1}**?', md(f.text), md(f.suggestion)));
    if (f.fix) lines.push('', t('Fix: replace **{0}** with **{1}** (quick fix, Ctrl+.)', md(f.text), md(f.fix.text)));
    return lines.join('\n');
  }
  if (f.availability) {
    const r = f.availability.recorded;
    const source = f.sourceUrl ? ` — ${link(f.sourceUrl, hostOf(f.sourceUrl))}` : '';
    lines.push(t('The draft calls **{0}** internal or unreleased (“{1}”); the fact base records its weights as released on **{2}**{3}', md(f.text), md(f.availability.cue), md(r.date), source));
    return lines.join('\n');
  }
  if (f.compoundSizes) {
    const c = f.compoundSizes;
    const source = f.sourceUrl ? ` — ${link(f.sourceUrl, hostOf(f.sourceUrl))}` : '';
    const lacking = c.lacking.map((l) => t('**{0}** comes in {1}', md(l.model), l.sizes.map(md).join(', '))).join('; ');
    lines.push(t('**{0}** after **{1}** is a size of **{2}**, but not of every version named: {3}{4}', md(f.text), md(c.compound), c.sizesOf.map(md).join(', '), lacking, source));
    return lines.join('\n');
  }
  if (f.variants) {
    lines.push(t('**{0}** is no model the fact base knows; known variants: {1}', md(f.text), f.variants.length ? f.variants.map(md).join(', ') : t('none')));
    return lines.join('\n');
  }
  // An estimate is worth a finding only against a figure the vendor states: say why it is not left alone.
  if (f.speculation) lines.push(t('The draft gives **{0}** as its own estimate ("{1}"); the vendor states this figure, so the estimate is checked against it.', md(f.text), md(f.speculation.cue)), '');
  lines.push(f.matched ? t('The draft says **{0}**: the fact base records {1}', md(f.text), describeFigure(f.matched)) : t('The draft says **{0}**: no recorded figure matches.', md(f.text)));
  if (f.expected) lines.push('', t('Current figure: {0}', describeFigure(f.expected)));
  if (f.fix) lines.push('', t('Fix: replace **{0}** with **{1}** (quick fix, Ctrl+.)', md(f.text), md(f.fix.text)));
  return lines.join('\n');
}
