// Applies text edits computed for one document version, refusing them when the document changed since.
import * as vscode from 'vscode';
import type { TextEdit } from '../core';

export const APPLY_EDITS_COMMAND = 'factlint.applyEdits';

/** Arguments of the apply-edits command, as code actions carry them. */
export type ApplyEditsArgs = [uri: string, version: number, edits: TextEdit[]];

export async function applyEditsAtVersion(uriText: string, version: number, edits: readonly TextEdit[]): Promise<boolean> {
  const uri = vscode.Uri.parse(uriText);
  const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()) ?? (await vscode.workspace.openTextDocument(uri));
  if (document.version !== version) {
    void vscode.window.showWarningMessage(vscode.l10n.t('factlint: {0} changed since it was checked, so the fix was not applied. Try again once the new check is done.', vscode.workspace.asRelativePath(uri)));
    return false;
  }
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  const edit = new vscode.WorkspaceEdit();
  let last = -1;
  for (const e of sorted) {
    if (e.start < last) continue; // overlapping edits are dropped, never merged
    edit.replace(uri, new vscode.Range(document.positionAt(e.start), document.positionAt(e.end)), e.text);
    last = e.end;
  }
  return vscode.workspace.applyEdit(edit);
}

export function registerApplyEdits(): vscode.Disposable {
  return vscode.commands.registerCommand(APPLY_EDITS_COMMAND, (...args: ApplyEditsArgs) => applyEditsAtVersion(...args));
}
