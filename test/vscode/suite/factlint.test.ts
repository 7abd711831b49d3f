// Extension-host tests for factlint, run in a real VS Code (code-server via run-host.mjs, or
// @vscode/test-electron via run-electron.mjs) against the workspace fixtures/workspace/.
// Built into out/test/suite/index.js by test/vscode/build-suite.mjs.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitForDiagnostics } from './helpers';

const WRONG = '9.7T';
const RIGHT = '1.5T';

function draftUri(name = 'draft.md'): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test host must open a workspace folder');
  return vscode.Uri.joinPath(folder.uri, name);
}

const onText = (doc: vscode.TextDocument, text: string) => (ds: readonly vscode.Diagnostic[]) =>
  ds.filter((d) => doc.getText(d.range).includes(text));

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : String(c))))
    .join('\n');
}

suite('factlint in a real VS Code', () => {
  let doc: vscode.TextDocument;

  suiteSetup(async () => {
    doc = await vscode.workspace.openTextDocument(draftUri());
    await vscode.window.showTextDocument(doc);
  });

  test(`flags the superseded figure ${WRONG} with a warning`, async () => {
    const all = await waitForDiagnostics(doc.uri, (ds) => onText(doc, WRONG)(ds).length > 0);
    const [d] = onText(doc, WRONG)(all);
    assert.equal(d.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(d.message, /1\.5T/);
  });

  test(`hover explains the figure is superseded by ${RIGHT}`, async () => {
    const [d] = onText(doc, WRONG)(vscode.languages.getDiagnostics(doc.uri));
    assert.ok(d, `no diagnostic on ${WRONG}`);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, d.range.start.translate(0, 1));
    const text = `${d.message}\n${hoverText(hovers)}`;
    assert.match(text, /superseded/i);
    assert.ok(text.includes(RIGHT), `hover lacks ${RIGHT}: ${text}`);
  });

  test(`quick fix replaces ${WRONG} with ${RIGHT}`, async () => {
    const [d] = onText(doc, WRONG)(vscode.languages.getDiagnostics(doc.uri));
    assert.ok(d, `no diagnostic on ${WRONG}`);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      doc.uri,
      d.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const fix = actions.find((a) => /1\.5T/.test(a.title));
    assert.ok(fix, `no quick fix mentioning ${RIGHT}; got: ${actions.map((a) => a.title).join(' | ')}`);
    if (fix.edit) assert.ok(await vscode.workspace.applyEdit(fix.edit), 'applyEdit failed');
    if (fix.command) await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
    assert.ok(doc.getText().includes(`GPT-5.5 has ${RIGHT}`), doc.getText());
    assert.ok(!doc.getText().includes(WRONG));
    await waitForDiagnostics(doc.uri, (ds) => onText(doc, WRONG)(ds).length === 0 && !ds.some((x) => /9\.7T/.test(x.message)));
  });

  test('typing a wrong figure again brings the warning back', async () => {
    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, doc.lineAt(doc.lineCount - 1).range.end, `\nGPT-5.5 has ${WRONG} parameters.\n`);
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitForDiagnostics(doc.uri, (ds) => onText(doc, WRONG)(ds).length > 0);
  });
});
