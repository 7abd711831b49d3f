// Publishes findings as diagnostics: on open, on save, debounced while typing; never for an old
// document version; cleared when the document closes.
import * as vscode from 'vscode';
import type { CheckResult, Finding, Severity } from '../core';
import { checkText, forgetSession } from './documentCheck';
import type { FindingStore } from './findings';
import { settingsFor } from './settings';
import type { WorkspaceFacts } from './workspaceFacts';

export const DIAGNOSTIC_SOURCE = 'factlint';
export const RULE_DOCS = 'https://github.com/factlint/factlint#rule-';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/** Schemes of read-only views whose text is not a draft being written. */
const SKIPPED_SCHEMES = new Set(['git', 'output', 'vscode-scm', 'factlint']);

export function toDiagnostic(uri: vscode.Uri, f: Finding, positionAt: (offset: number) => vscode.Position): vscode.Diagnostic {
  const d = new vscode.Diagnostic(new vscode.Range(positionAt(f.start), positionAt(f.end)), f.message, SEVERITY[f.severity]);
  d.source = DIAGNOSTIC_SOURCE;
  d.code = { value: f.ruleId, target: vscode.Uri.parse(RULE_DOCS + f.ruleId) };
  if (f.related?.length) {
    d.relatedInformation = f.related.map(
      (r) => new vscode.DiagnosticRelatedInformation(new vscode.Location(uri, new vscode.Range(positionAt(r.start), positionAt(r.end))), vscode.l10n.t('{0}: another figure for the same model', f.model)),
    );
  }
  return d;
}

export function toDiagnostics(uri: vscode.Uri, result: CheckResult, positionAt: (offset: number) => vscode.Position): vscode.Diagnostic[] {
  return result.findings.map((f) => toDiagnostic(uri, f, positionAt));
}

export interface DocumentChecker extends vscode.Disposable {
  /** Checks a document now; resolves once its diagnostics are published (or dropped as stale). */
  check(document: vscode.TextDocument): Promise<void>;
  /** Checks every open document again (settings or fact bases changed). */
  checkAll(): void;
}

export function registerDiagnostics(facts: WorkspaceFacts, store: FindingStore, collection: vscode.DiagnosticCollection, log: vscode.OutputChannel): DocumentChecker {
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const sequence = new Map<string, number>();
  const toldTooLarge = new Set<string>();

  const cancelTimer = (key: string) => {
    const t = timers.get(key);
    if (t !== undefined) clearTimeout(t);
    timers.delete(key);
  };

  async function check(document: vscode.TextDocument): Promise<void> {
    if (SKIPPED_SCHEMES.has(document.uri.scheme)) return;
    const key = document.uri.toString();
    cancelTimer(key);
    const seq = (sequence.get(key) ?? 0) + 1;
    sequence.set(key, seq);
    const version = document.version;
    let outcome;
    try {
      outcome = await checkText(facts, document.uri, document.getText(), version, document.languageId);
    } catch (e) {
      log.appendLine(`check failed for ${key}: ${(e as Error).stack ?? e}`);
      return;
    }
    // Publish only the newest check of the version the document still has.
    if (document.isClosed || document.version !== version || sequence.get(key) !== seq) return;
    if ('skipped' in outcome) {
      collection.delete(document.uri);
      store.delete(document.uri);
      if (outcome.skipped === 'tooLarge' && !toldTooLarge.has(key)) {
        toldTooLarge.add(key);
        void vscode.window.showInformationMessage(
          vscode.l10n.t('factlint skipped {0}: {1} bytes is more than factlint.maxFileSize ({2} bytes).', vscode.workspace.asRelativePath(document.uri), outcome.size ?? 0, outcome.limit ?? 0),
        );
      }
      return;
    }
    store.set(outcome.checked);
    collection.set(document.uri, toDiagnostics(document.uri, outcome.checked.result, (o) => document.positionAt(o)));
  }

  function schedule(document: vscode.TextDocument): void {
    const settings = settingsFor(document.uri);
    if (settings.run !== 'onType') return;
    const key = document.uri.toString();
    cancelTimer(key);
    timers.set(
      key,
      setTimeout(() => {
        timers.delete(key);
        void check(document);
      }, settings.delay),
    );
  }

  function checkAll(): void {
    for (const d of vscode.workspace.textDocuments) void check(d);
  }

  const disposables = [
    vscode.workspace.onDidOpenTextDocument((d) => void check(d)),
    vscode.workspace.onDidSaveTextDocument((d) => void check(d)),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length) schedule(e.document);
    }),
    vscode.workspace.onDidCloseTextDocument((d) => {
      const key = d.uri.toString();
      cancelTimer(key);
      sequence.delete(key);
      toldTooLarge.delete(key);
      collection.delete(d.uri);
      store.delete(d.uri);
      forgetSession(d.uri);
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('factlint') && !e.affectsConfiguration('factlint.facts')) checkAll();
    }),
    facts.onDidChange(() => checkAll()),
  ];
  // Documents already open when the extension activated.
  checkAll();

  return {
    check,
    checkAll,
    dispose() {
      for (const t of timers.values()) clearTimeout(t);
      for (const d of disposables) d.dispose();
    },
  };
}
