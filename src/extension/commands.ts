// Palette commands: fix all, look up a model, open the bundled fact base, reload fact bases,
// open a finding's source, and the activation time (for the benchmark).
import * as vscode from 'vscode';
import type { ModelFact } from '../core';
import { fixAllEdits } from './codeActions';
import { applyEditsAtVersion } from './edits';
import { factCardMarkdown } from './factCard';
import { BUNDLED_URI, type FactDocuments } from './factDocuments';
import type { ResultFor } from './hover';
import type { WorkspaceFacts } from './workspaceFacts';

export const COMMANDS = {
  fixAll: 'factlint.fixAll',
  lookupModel: 'factlint.lookupModel',
  openFactBase: 'factlint.openFactBase',
  reload: 'factlint.reload',
  openSource: 'factlint.openSource',
  activationTime: 'factlint.activationTime',
  showOutput: 'factlint.showOutput',
} as const;

export interface CommandDeps {
  facts: WorkspaceFacts;
  docs: FactDocuments;
  resultFor: ResultFor;
  log: vscode.OutputChannel;
  activationMs: () => number;
}

async function fixAll(deps: CommandDeps): Promise<boolean> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage(vscode.l10n.t('factlint: open a Markdown draft to fix.'));
    return false;
  }
  const checked = await deps.resultFor(editor.document);
  if (!checked) {
    void vscode.window.showInformationMessage(vscode.l10n.t('factlint does not check this document (see the factlint settings).'));
    return false;
  }
  const edits = fixAllEdits(checked.result.findings);
  if (!edits.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('factlint: nothing to fix automatically in this document.'));
    return false;
  }
  return applyEditsAtVersion(checked.uri.toString(), checked.version, edits);
}

/** Shows a model's card; with `name`, skips the quick pick. Returns the card's Markdown. */
async function lookupModel(deps: CommandDeps, name?: string): Promise<string | undefined> {
  const scope = vscode.window.activeTextEditor?.document.uri ?? vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.from({ scheme: 'untitled', path: 'factlint' });
  const { checker } = await deps.facts.setupFor(scope);
  let model: ModelFact | undefined;
  if (typeof name === 'string') {
    model = checker.lookup(name);
    if (!model) {
      void vscode.window.showWarningMessage(vscode.l10n.t('factlint: no model named {0} in the fact base.', name));
      return undefined;
    }
  } else {
    const items = [...checker.base.models]
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((m) => ({ label: m.name, description: m.vendor, detail: m.figures.map((f) => `${f.label} ${f.kind} (${f.status})`).join(', ') || vscode.l10n.t('no figure on record'), model: m }));
    const picked = await vscode.window.showQuickPick(items, {
      title: vscode.l10n.t('factlint: look up a model ({0} models, as of {1})', checker.base.models.length, checker.base.asOf),
      placeHolder: vscode.l10n.t('Model name, vendor or alias'),
      matchOnDescription: true,
      matchOnDetail: true,
    });
    model = picked?.model;
  }
  if (!model) return undefined;
  const markdown = factCardMarkdown(model, checker.base);
  const uri = deps.docs.card(model.id, markdown);
  try {
    await vscode.commands.executeCommand('markdown.showPreview', uri);
  } catch {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: true });
  }
  return markdown;
}

export function registerCommands(deps: CommandDeps): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(COMMANDS.fixAll, () => fixAll(deps)),
    vscode.commands.registerCommand(COMMANDS.lookupModel, (name?: string) => lookupModel(deps, name)),
    vscode.commands.registerCommand(COMMANDS.openFactBase, async () => {
      const doc = await vscode.workspace.openTextDocument(BUNDLED_URI);
      await vscode.window.showTextDocument(doc, { preview: true });
      return doc.uri.toString();
    }),
    vscode.commands.registerCommand(COMMANDS.reload, () => deps.facts.reload(vscode.l10n.t('reload command'))),
    vscode.commands.registerCommand(COMMANDS.openSource, (url: string) => vscode.env.openExternal(vscode.Uri.parse(url))),
    vscode.commands.registerCommand(COMMANDS.activationTime, () => deps.activationMs()),
    vscode.commands.registerCommand(COMMANDS.showOutput, () => deps.log.show(true)),
  );
}
