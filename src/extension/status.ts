// The language status item: the fact base in use (models, as-of date) and the document's findings.
import * as vscode from 'vscode';
import { COMMANDS } from './commands';
import type { FindingStore } from './findings';
import { registerForLanguages } from './settings';
import type { WorkspaceFacts } from './workspaceFacts';

export function registerStatus(facts: WorkspaceFacts, store: FindingStore): vscode.Disposable {
  let item: vscode.LanguageStatusItem | undefined;

  function update(): void {
    if (!item) return;
    const document = vscode.window.activeTextEditor?.document;
    const setup = document ? facts.loadedFor(document.uri) : undefined;
    const checked = document ? store.get(document.uri, document.version) : undefined;
    const count = checked?.result.findings.length;
    item.text = count === undefined ? vscode.l10n.t('factlint') : count === 1 ? vscode.l10n.t('factlint: 1 finding') : vscode.l10n.t('factlint: {0} findings', count);
    const base = setup?.checker.base;
    item.detail = base
      ? vscode.l10n.t('fact base: {0} models, as of {1}{2}', base.models.length, base.asOf, setup.factFiles.length ? vscode.l10n.t(' (+{0} workspace files)', setup.factFiles.length) : '')
      : vscode.l10n.t('fact base not loaded yet');
    item.severity = setup?.degraded ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
  }

  const items = registerForLanguages((selector) => {
    item?.dispose();
    item = vscode.languages.createLanguageStatusItem('factlint.status', selector);
    item.name = vscode.l10n.t('factlint');
    item.command = { title: vscode.l10n.t('Look up a model'), command: COMMANDS.lookupModel };
    update();
    return item;
  });
  return vscode.Disposable.from(
    items,
    vscode.window.onDidChangeActiveTextEditor(update),
    store.onDidChange(update),
    facts.onDidChange(update),
  );
}
