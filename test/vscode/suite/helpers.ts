// Event-driven helpers for the extension-host tests: no fixed sleeps.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export function workspaceUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test host must open a workspace folder');
  return vscode.Uri.joinPath(folder.uri, name);
}

export async function openDraft(name: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(workspaceUri(name));
  await vscode.window.showTextDocument(doc);
  return doc;
}

/** Resolves with the diagnostics of `uri` once `pred` holds for them (waits on onDidChangeDiagnostics). */
export function waitForDiagnostics(uri: vscode.Uri, pred: (d: readonly vscode.Diagnostic[]) => boolean, timeoutMs = 20_000): Promise<readonly vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const now = vscode.languages.getDiagnostics(uri);
    if (pred(now)) return resolve(now);
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`diagnostics of ${uri.path} not as expected within ${timeoutMs} ms; have: ${JSON.stringify(vscode.languages.getDiagnostics(uri).map((d) => [d.range.start.line, d.range.start.character, d.message]))}`));
    }, timeoutMs);
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (!e.uris.some((u) => u.toString() === uri.toString())) return;
      const d = vscode.languages.getDiagnostics(uri);
      if (pred(d)) {
        clearTimeout(timer);
        sub.dispose();
        resolve(d);
      }
    });
  });
}

export const factlintOnly = (ds: readonly vscode.Diagnostic[]) => ds.filter((d) => d.source === 'factlint');

export function ruleOf(d: vscode.Diagnostic): string | undefined {
  return typeof d.code === 'object' ? String(d.code.value) : undefined;
}

/** Diagnostics whose range covers exactly `text` in the document. */
export const on = (doc: vscode.TextDocument, text: string) => (ds: readonly vscode.Diagnostic[]) => factlintOnly(ds).filter((d) => doc.getText(d.range) === text);

export function hoverText(hovers: vscode.Hover[] | undefined): string {
  return (hovers ?? []).flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : String(c)))).join('\n');
}

export async function hoverAt(doc: vscode.TextDocument, needle: string, occurrence = 0): Promise<string> {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = doc.getText().indexOf(needle, at + 1);
  assert.ok(at >= 0, `"${needle}" not in ${doc.uri.path}`);
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(at + 1));
  return hoverText(hovers);
}

export async function codeActions(doc: vscode.TextDocument, range: vscode.Range, kind?: string): Promise<vscode.CodeAction[]> {
  return (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, range, kind)) ?? [];
}

/** Runs a code action the way the editor does: its edit, then its command; returns the command's result. */
export async function apply(action: vscode.CodeAction): Promise<unknown> {
  if (action.edit) assert.ok(await vscode.workspace.applyEdit(action.edit), 'applyEdit failed');
  if (action.command) return vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
  return undefined;
}

/** Resolves when the document's text satisfies `pred` (waits on onDidChangeTextDocument). */
export function waitForText(doc: vscode.TextDocument, pred: (text: string) => boolean, timeoutMs = 10_000): Promise<void> {
  return new Promise((resolve, reject) => {
    if (pred(doc.getText())) return resolve();
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`text of ${doc.uri.path} not as expected within ${timeoutMs} ms: ${doc.getText()}`));
    }, timeoutMs);
    const sub = vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document !== doc || !pred(doc.getText())) return;
      clearTimeout(timer);
      sub.dispose();
      resolve();
    });
  });
}
