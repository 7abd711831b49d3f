// Extension-host tests of the factlint extension's features (issue 5 §1), against the workspace
// test/vscode/fixtures/workspace/ (run-host.mjs and run-electron.mjs give the suite a copy).
// Every wait is on an event (diagnostics, text changes), never a fixed sleep.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { apply, codeActions, factlintOnly, hoverAt, on, openDraft, ruleOf, waitForDiagnostics, workspaceUri } from './helpers';

const SUPERSEDED = 'superseded-figure';

/** The bundled base and the workspace's valid extra fact file still check claims.md (after a broken fact file). */
async function assertClaimsStillChecked(): Promise<void> {
  const doc = await openDraft('claims.md');
  await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, new vscode.Position(0, 1));
  const ds = vscode.languages.getDiagnostics(doc.uri);
  assert.equal(on(doc, '9.7T')(ds).length, 1);
  assert.equal(on(doc, '40B')(ds).length, 1);
}

suite('factlint extension', () => {
  test('activation time is reported', async () => {
    const ms = await vscode.commands.executeCommand<number>('factlint.activationTime');
    assert.equal(typeof ms, 'number');
    assert.ok(ms >= 0 && ms < 5_000, `activation took ${ms} ms`);
    console.log(`[factlint-suite] factlint activated in ${ms} ms`);
  });

  test('diagnostic for "GPT-5.5 has 9.7T parameters": rule id, link, range, severity, message', async () => {
    const doc = await openDraft('claims.md');
    const [d, ...more] = on(doc, '9.7T')(await waitForDiagnostics(doc.uri, (ds) => on(doc, '9.7T')(ds).length > 0));
    assert.equal(more.length, 0);
    assert.equal(d.source, 'factlint');
    assert.equal(ruleOf(d), SUPERSEDED);
    assert.ok(typeof d.code === 'object');
    assert.equal(d.code.target.toString(true), `https://github.com/factlint/factlint#rule-${SUPERSEDED}`);
    assert.deepEqual([d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character], [0, 12, 0, 16]);
    assert.equal(d.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(d.message, /^GPT-5\.5: 9\.7T is the superseded figure .*the current figure is 1\.5T/);
  });

  test('no diagnostics for negated and distanced mentions', async () => {
    const doc = await openDraft('negated.md');
    // The hover runs the check for this version and publishes before it answers.
    const hover = await hoverAt(doc, '9.7 trillion');
    assert.match(hover, /not checked|matches/, hover);
    assert.deepEqual(factlintOnly(vscode.languages.getDiagnostics(doc.uri)).map((d) => d.message), []);
  });

  test('hover over a model name shows its fact card', async () => {
    const doc = await openDraft('claims.md');
    const card = await hoverAt(doc, 'GPT-5.5');
    for (const part of ['GPT-5.5', 'OpenAI', '2026-04-23', 'announcement', '9.7T', 'superseded', '1.5T', 'estimate', 'never', 'as of', 'https://www.chaobro.com/']) {
      assert.ok(card.includes(part), `card lacks "${part}":\n${card}`);
    }
  });

  test('hover over a flagged figure gives the reason and the fix', async () => {
    const doc = await openDraft('claims.md');
    const text = await hoverAt(doc, '9.7T');
    assert.match(text, /superseded figure/);
    assert.match(text, /Fix: replace \*\*9\.7T\*\* with \*\*1\.5T\*\*/);
  });

  test('hover over a matching figure says how it compares', async () => {
    const doc = await openDraft('negated.md');
    const text = await hoverAt(doc, '1.5 trillion');
    assert.match(text, /1\.5 trillion/);
    assert.match(text, /matches the fact base|not checked/);
  });

  test('a model from the workspace .factlint.yaml fact file is checked', async () => {
    const doc = await openDraft('claims.md');
    const [d] = on(doc, '40B')(await waitForDiagnostics(doc.uri, (ds) => on(doc, '40B')(ds).length > 0));
    assert.equal(ruleOf(d), 'contradicted-figure');
    assert.match(d.message, /Quillon-7: 40B .* 70B/);
    assert.match(await hoverAt(doc, 'Quillon-7'), /Example Labs/);
  });

  test('preferred quick fix "Replace with 1.5T" turns 9.7T into 1.5T', async () => {
    const doc = await openDraft('fix.md');
    const [d] = on(doc, '9.7T')(await waitForDiagnostics(doc.uri, (ds) => on(doc, '9.7T')(ds).length > 0));
    const actions = await codeActions(doc, d.range, vscode.CodeActionKind.QuickFix.value);
    const preferred = actions.filter((a) => a.isPreferred);
    assert.deepEqual(preferred.map((a) => a.title), ['Replace with 1.5T']);
    assert.ok(actions.some((a) => a.title === `Ignore ${SUPERSEDED} on this line`));
    assert.ok(actions.some((a) => a.title === 'Open source (www.chaobro.com)'));
    assert.equal(await apply(preferred[0] as vscode.CodeAction), true);
    assert.equal(doc.getText(), 'GPT-5.5 has 1.5T parameters.\n');
    await waitForDiagnostics(doc.uri, (ds) => factlintOnly(ds).length === 0);
  });

  test('fix all (source.fixAll.factlint) fixes every finding', async () => {
    const doc = await openDraft('fixall.md');
    await waitForDiagnostics(doc.uri, (ds) => factlintOnly(ds).length === 2);
    const actions = await codeActions(doc, new vscode.Range(0, 0, 0, 0), 'source.fixAll.factlint');
    assert.equal(actions.length, 1, actions.map((a) => a.title).join(' | '));
    assert.equal(actions[0]?.kind?.value, 'source.fixAll.factlint');
    assert.equal(await apply(actions[0] as vscode.CodeAction), true);
    assert.equal(doc.getText(), 'GPT-5.5 has 1.5T parameters.\n\nDeepSeek-V3 has 671B total parameters.\n');
    await waitForDiagnostics(doc.uri, (ds) => factlintOnly(ds).length === 0);
  });

  test('a fix computed for an older version is refused, never applied to changed text', async () => {
    const doc = await openDraft('stale.md');
    const [d] = on(doc, '9.7T')(await waitForDiagnostics(doc.uri, (ds) => on(doc, '9.7T')(ds).length > 0));
    const fix = (await codeActions(doc, d.range, vscode.CodeActionKind.QuickFix.value)).find((a) => a.isPreferred);
    assert.ok(fix);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, new vscode.Position(0, 0), 'Update: ');
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.equal(await apply(fix), false);
    assert.equal(doc.getText(), 'Update: GPT-5.5 has 9.7T parameters.\n');
    // the new version gets its own, correct fix
    const [d2] = on(doc, '9.7T')(await waitForDiagnostics(doc.uri, (ds) => on(doc, '9.7T')(ds).some((x) => x.range.start.character === 20)));
    const fresh = (await codeActions(doc, d2.range, vscode.CodeActionKind.QuickFix.value)).find((a) => a.isPreferred);
    assert.ok(fresh);
    assert.equal(await apply(fresh), true);
    assert.equal(doc.getText(), 'Update: GPT-5.5 has 1.5T parameters.\n');
  });

  test('"Ignore on this line" inserts the disable comment and the finding goes', async () => {
    const doc = await openDraft('ignore.md');
    const [d] = on(doc, '9.7T')(await waitForDiagnostics(doc.uri, (ds) => on(doc, '9.7T')(ds).length > 0));
    const ignore = (await codeActions(doc, d.range, vscode.CodeActionKind.QuickFix.value)).find((a) => a.title.startsWith('Ignore'));
    assert.ok(ignore);
    assert.equal(await apply(ignore), true);
    assert.equal(doc.getText(), `<!-- factlint-disable-next-line ${SUPERSEDED} -->\nGPT-5.5 has 9.7T parameters.\n`);
    await waitForDiagnostics(doc.uri, (ds) => factlintOnly(ds).length === 0);
  });

  test('typing a wrong figure brings a diagnostic (debounced on type)', async () => {
    const doc = await openDraft('fix.md');
    const editor = await vscode.window.showTextDocument(doc);
    await editor.edit((b) => b.insert(doc.lineAt(doc.lineCount - 1).range.end, 'Its successor aside, GPT-5.5 has 9.7T parameters.\n'));
    await waitForDiagnostics(doc.uri, (ds) => on(doc, '9.7T')(ds).length === 1);
  });

  test('settings: rule severity and "off" take effect without reload', async () => {
    const doc = await openDraft('settings.md');
    const config = () => vscode.workspace.getConfiguration('factlint', doc.uri);
    await waitForDiagnostics(doc.uri, (ds) => on(doc, '9.7T')(ds).some((d) => d.severity === vscode.DiagnosticSeverity.Warning));
    try {
      await config().update('rules', { [SUPERSEDED]: 'error' }, vscode.ConfigurationTarget.Workspace);
      await waitForDiagnostics(doc.uri, (ds) => on(doc, '9.7T')(ds).some((d) => d.severity === vscode.DiagnosticSeverity.Error));
      await config().update('rules', { [SUPERSEDED]: 'off' }, vscode.ConfigurationTarget.Workspace);
      await waitForDiagnostics(doc.uri, (ds) => factlintOnly(ds).length === 0);
    } finally {
      await config().update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitForDiagnostics(doc.uri, (ds) => on(doc, '9.7T')(ds).some((d) => d.severity === vscode.DiagnosticSeverity.Warning));
  });

  test('settings: ignore globs and maxFileSize skip a file without reload', async () => {
    const doc = await openDraft('settings.md');
    const config = () => vscode.workspace.getConfiguration('factlint', doc.uri);
    const flagged = (ds: readonly vscode.Diagnostic[]) => on(doc, '9.7T')(ds).length === 1;
    await waitForDiagnostics(doc.uri, flagged);
    for (const [key, value] of [['ignore', ['settings.md']], ['maxFileSize', 10]] as const) {
      try {
        await config().update(key, value, vscode.ConfigurationTarget.Workspace);
        await waitForDiagnostics(doc.uri, (ds) => factlintOnly(ds).length === 0);
      } finally {
        await config().update(key, undefined, vscode.ConfigurationTarget.Workspace);
      }
      await waitForDiagnostics(doc.uri, flagged);
    }
  });

  test('a malformed fact file gets a diagnostic at the exact position; the bundled base keeps working', async () => {
    const config = workspaceUri('.factlint.yaml');
    const broken = workspaceUri('facts/broken.factlint-facts.yaml');
    const original = await vscode.workspace.fs.readFile(config);
    const enc = new TextEncoder();
    await vscode.workspace.fs.writeFile(
      broken,
      enc.encode(
        'schema: 1\nasOf: 2026-11-25\nmodels:\n  - id: broken-model\n    name: Broken Model\n    vendor: Nobody\n    disclosed: false\n    figures:\n      - { value: 12B, kind: total, status: leaked, source: "https://example.com/a", stated: 2026-01 }\n',
      ),
    );
    try {
      await vscode.workspace.fs.writeFile(config, enc.encode('facts:\n  - facts/extra.factlint-facts.yaml\n  - facts/broken.factlint-facts.yaml\n'));
      const [p] = await waitForDiagnostics(broken, (ds) => factlintOnly(ds).length > 0);
      assert.ok(p);
      assert.equal(p.severity, vscode.DiagnosticSeverity.Error);
      assert.deepEqual([p.range.start.line, p.range.start.character], [8, 43]);
      assert.match(p.message, /status must be one of/);
      await assertClaimsStillChecked();
    } finally {
      await vscode.workspace.fs.writeFile(config, original);
    }
    await waitForDiagnostics(broken, (ds) => factlintOnly(ds).length === 0);
  });

  // A device never ends and a FIFO nobody writes to never starts: reading one would hang the reload.
  test('a fact file that is a named pipe is reported, not read; the bundled base keeps working', async function () {
    if (process.platform === 'win32') return this.skip();
    const config = workspaceUri('.factlint.yaml');
    const pipe = workspaceUri('facts/pipe.factlint-facts.yaml');
    const original = await vscode.workspace.fs.readFile(config);
    execFileSync('mkfifo', [pipe.fsPath]);
    try {
      await vscode.workspace.fs.writeFile(config, new TextEncoder().encode('facts:\n  - facts/extra.factlint-facts.yaml\n  - facts/pipe.factlint-facts.yaml\n'));
      const unread = (ds: readonly vscode.Diagnostic[]) => factlintOnly(ds).filter((d) => /cannot read fact file/.test(d.message));
      const [p] = unread(await waitForDiagnostics(config, (ds) => unread(ds).length > 0));
      assert.ok(p);
      assert.equal(p.severity, vscode.DiagnosticSeverity.Error);
      assert.deepEqual([p.range.start.line, p.range.start.character], [2, 4]);
      await assertClaimsStillChecked();
    } finally {
      await vscode.workspace.fs.writeFile(config, original);
      fs.rmSync(pipe.fsPath, { force: true });
    }
    await waitForDiagnostics(config, (ds) => factlintOnly(ds).length === 0);
  });

  test('check whole workspace reports an unopened file', async () => {
    const uri = workspaceUri('unopened.md');
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()), 'unopened.md must not be open');
    const summary = await vscode.commands.executeCommand<{ files: number; checked: number; findings: number }>('factlint.checkWorkspace');
    assert.ok(summary.checked >= 8, JSON.stringify(summary));
    const [d] = factlintOnly(vscode.languages.getDiagnostics(uri));
    assert.ok(d, 'no diagnostic for unopened.md');
    assert.equal(ruleOf(d), SUPERSEDED);
    assert.deepEqual([d.range.start.line, d.range.start.character, d.range.end.character], [0, 50, 54]);
  });

  test('look up a model and open the bundled fact base (read-only)', async () => {
    const card = await vscode.commands.executeCommand<string>('factlint.lookupModel', 'Spud');
    assert.match(card, /### GPT-5\.5/);
    const uri = await vscode.commands.executeCommand<string>('factlint.openFactBase');
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
    assert.match(doc.getText(), /id: gpt-5\.5/);
    assert.equal(doc.uri.scheme, 'factlint');
  });
  test('release-date, misspelled-name, unknown-variant, availability-mismatch, own estimates and compound-sizes: diagnostics, hover, and the name fix', async () => {
    const doc = await openDraft('slips.md');
    const ds = await waitForDiagnostics(doc.uri, (all) => factlintOnly(all).length >= 7);
    assert.deepEqual(
      factlintOnly(ds).map((d) => [ruleOf(d), doc.getText(d.range), d.severity]),
      [
        ['misspelled-name', 'Arya', vscode.DiagnosticSeverity.Warning],
        ['release-date', '70B', vscode.DiagnosticSeverity.Warning],
        ['unknown-variant', 'Phi-3.5-medium', vscode.DiagnosticSeverity.Warning],
        ['availability-mismatch', '90B', vscode.DiagnosticSeverity.Warning],
        ['contradicted-figure', '40B', vscode.DiagnosticSeverity.Warning],
        ['compound-sizes', '7B', vscode.DiagnosticSeverity.Warning],
        ['compound-sizes', '13B', vscode.DiagnosticSeverity.Warning],
      ],
    );
    assert.match(await hoverAt(doc, '70B'), /2024-01/);
    assert.match(await hoverAt(doc, 'Phi-3.5-medium'), /Phi-3\.5-mini/);
    const availability = await hoverAt(doc, '90B');
    assert.match(availability, /public weights called internal/);
    assert.match(availability, /internal or unreleased \(“internal”\); the fact base records its weights as released on \*\*2024-09-25\*\*/);
    const estimate = await hoverAt(doc, '40B');
    assert.match(estimate, /own estimate \("probably"\)/);
    assert.match(estimate, /37B/);
    // The 13B after "Llama 3/2" (the first 13B is Code Llama's).
    const compound = await hoverAt(doc, '13B', 1);
    assert.match(compound, /one version's sizes given to a compound name/);
    assert.match(compound, /\*\*13B\*\* after \*\*Llama 3\/2\*\* is a size of \*\*Llama 2\*\*, but not of every version named: \*\*Llama 3\*\* comes in 8B, 70B, 400B/);
    const [arya] = on(doc, 'Arya')(ds);
    const actions = await codeActions(doc, (arya as vscode.Diagnostic).range, vscode.CodeActionKind.QuickFix.value);
    const preferred = actions.filter((a) => a.isPreferred);
    assert.deepEqual(preferred.map((a) => a.title), ['Replace with Tiny Aya']);
    await apply(preferred[0] as vscode.CodeAction);
    assert.match(doc.getText(), /^Tiny Aya is a 3\.35B parameter model\.$/m);
    await waitForDiagnostics(doc.uri, (all) => on(doc, 'Arya')(all).length === 0 && factlintOnly(all).length === 6);
  });
});
