// Code actions for findings: replace with the current figure (preferred), fix all (also as
// source.fixAll.factlint), ignore on this line, open the source. Each carries its document version.
import * as vscode from 'vscode';
import type { Finding, TextEdit } from '../core';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import { APPLY_EDITS_COMMAND, type ApplyEditsArgs } from './edits';
import { findingsIn, type FindingStore } from './findings';
import { registerForLanguages } from './settings';

function hostOf(url: string): string {
  try {
    return new URL(url).host || url;
  } catch {
    return url;
  }
}

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('factlint');
export const OPEN_SOURCE_COMMAND = 'factlint.openSource';

function applyCommand(title: string, document: vscode.TextDocument, edits: TextEdit[]): vscode.Command {
  const args: ApplyEditsArgs = [document.uri.toString(), document.version, edits];
  return { title, command: APPLY_EDITS_COMMAND, arguments: args };
}

function diagnosticsOf(f: Finding, document: vscode.TextDocument, context: vscode.CodeActionContext): vscode.Diagnostic[] {
  const range = new vscode.Range(document.positionAt(f.start), document.positionAt(f.end));
  return context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE && typeof d.code === 'object' && d.code.value === f.ruleId && d.range.isEqual(range));
}

/** The edit that turns a finding off for its line: a disable comment above a block's first line, else at the line's end. */
export function ignoreEdit(document: vscode.TextDocument, f: Finding): TextEdit {
  const line = document.positionAt(f.start).line;
  const text = document.lineAt(line).text;
  const startsBlock = line === 0 || document.lineAt(line - 1).isEmptyOrWhitespace;
  if (startsBlock) {
    const indent = /^\s*/.exec(text)?.[0] ?? '';
    const at = document.offsetAt(new vscode.Position(line, 0));
    return { start: at, end: at, text: `${indent}<!-- factlint-disable-next-line ${f.ruleId} -->\n` };
  }
  // Inside a paragraph a comment line would split it in two; an inline comment does not.
  const at = document.offsetAt(new vscode.Position(line, text.length));
  return { start: at, end: at, text: ` <!-- factlint-disable-line ${f.ruleId} -->` };
}

export function fixAllEdits(findings: readonly Finding[]): TextEdit[] {
  return findings.flatMap((f) => (f.fix ? [f.fix] : []));
}

export function provideFactCodeActions(store: FindingStore, document: vscode.TextDocument, range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
  const checked = store.get(document.uri, document.version);
  if (!checked) return [];
  const all = checked.result.findings;
  const actions: vscode.CodeAction[] = [];
  const only = context.only;
  const wants = (kind: vscode.CodeActionKind) => !only || only.contains(kind) || kind.contains(only);

  const fixes = fixAllEdits(all);
  if (only && FIX_ALL_KIND.intersects(only) && !vscode.CodeActionKind.QuickFix.intersects(only)) {
    if (fixes.length) {
      const a = new vscode.CodeAction(vscode.l10n.t('Fix all factlint problems in this document'), FIX_ALL_KIND);
      a.command = applyCommand(a.title, document, fixes);
      actions.push(a);
    }
    return actions;
  }
  if (!wants(vscode.CodeActionKind.QuickFix)) return actions;

  const here = findingsIn(all, document.offsetAt(range.start), document.offsetAt(range.end));
  for (const f of here) {
    const diagnostics = diagnosticsOf(f, document, context);
    if (f.fix) {
      const a = new vscode.CodeAction(vscode.l10n.t('Replace with {0}', f.fix.text), vscode.CodeActionKind.QuickFix);
      a.isPreferred = true;
      a.diagnostics = diagnostics;
      a.command = applyCommand(a.title, document, [f.fix]);
      actions.push(a);
    }
    const ignore = new vscode.CodeAction(vscode.l10n.t('Ignore {0} on this line', f.ruleId), vscode.CodeActionKind.QuickFix);
    ignore.diagnostics = diagnostics;
    ignore.command = applyCommand(ignore.title, document, [ignoreEdit(document, f)]);
    actions.push(ignore);
    if (f.sourceUrl) {
      const open = new vscode.CodeAction(vscode.l10n.t('Open source ({0})', hostOf(f.sourceUrl)), vscode.CodeActionKind.QuickFix);
      open.diagnostics = diagnostics;
      open.command = { title: open.title, command: OPEN_SOURCE_COMMAND, arguments: [f.sourceUrl] };
      actions.push(open);
    }
  }
  if (here.length && fixes.length > 1) {
    const a = new vscode.CodeAction(vscode.l10n.t('Fix all factlint problems in this document'), vscode.CodeActionKind.QuickFix);
    a.command = applyCommand(a.title, document, fixes);
    actions.push(a);
  }
  return actions;
}

export function registerCodeActions(store: FindingStore): vscode.Disposable {
  return registerForLanguages((selector) =>
    vscode.languages.registerCodeActionsProvider(
      selector,
      { provideCodeActions: (document, range, context) => provideFactCodeActions(store, document, range, context) },
      { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND] },
    ),
  );
}
