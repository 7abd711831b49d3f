// Extension-host tests of editor safety (issue 8 §5): oversized files are not checked, and
// documents outside the workspace or on a virtual file system are checked with the bundled base
// only, as `capabilities.virtualWorkspaces` declares. Every wait is on an event, never a sleep.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { factlintOnly, hoverAt, on, openDraft, ruleOf, waitForDiagnostics } from './helpers';

/** A minimal in-memory file system: what a virtual workspace (no disk access) looks like to the extension. */
class MemoryFs implements vscode.FileSystemProvider {
  private readonly files = new Map<string, Uint8Array>();
  private readonly emitter = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.emitter.event;
  watch(): vscode.Disposable {
    return new vscode.Disposable(() => {});
  }
  stat(uri: vscode.Uri): vscode.FileStat {
    const data = this.files.get(uri.path);
    if (data) return { type: vscode.FileType.File, ctime: 0, mtime: 0, size: data.byteLength };
    if ([...this.files.keys()].some((p) => p.startsWith(`${uri.path.replace(/\/$/, '')}/`))) return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0 };
    throw vscode.FileSystemError.FileNotFound(uri);
  }
  readDirectory(): [string, vscode.FileType][] {
    return [];
  }
  createDirectory(): void {}
  readFile(uri: vscode.Uri): Uint8Array {
    const data = this.files.get(uri.path);
    if (!data) throw vscode.FileSystemError.FileNotFound(uri);
    return data;
  }
  writeFile(uri: vscode.Uri, content: Uint8Array): void {
    this.files.set(uri.path, content);
    this.emitter.fire([{ type: vscode.FileChangeType.Changed, uri }]);
  }
  delete(uri: vscode.Uri): void {
    this.files.delete(uri.path);
  }
  rename(): void {
    throw vscode.FileSystemError.NoPermissions('rename');
  }
}

suite('factlint editor safety', () => {
  test('a file above factlint.maxFileSize is not checked at all (no diagnostics, no hover) until the limit allows it', async () => {
    const doc = await openDraft('settings.md');
    const config = () => vscode.workspace.getConfiguration('factlint', doc.uri);
    await waitForDiagnostics(doc.uri, (ds) => on(doc, '9.7T')(ds).length === 1);
    assert.match(await hoverAt(doc, 'GPT-5.5'), /OpenAI/);
    try {
      await config().update('maxFileSize', 10, vscode.ConfigurationTarget.Workspace);
      await waitForDiagnostics(doc.uri, (ds) => factlintOnly(ds).length === 0);
      // Not checked: no result for this version, so not even a model name has a fact card.
      assert.equal(await hoverAt(doc, 'GPT-5.5'), '');
      assert.equal(await hoverAt(doc, '9.7T'), '');
    } finally {
      await config().update('maxFileSize', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitForDiagnostics(doc.uri, (ds) => on(doc, '9.7T')(ds).length === 1);
    assert.match(await hoverAt(doc, 'GPT-5.5'), /OpenAI/);
  });

  test('a file outside the workspace is checked with the bundled base, without the workspace fact files', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factlint-outside-'));
    try {
      const file = path.join(dir, 'outside.md');
      fs.writeFileSync(file, 'GPT-5.5 has 9.7T parameters. Quillon-7 has 40B parameters.\n');
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
      await vscode.window.showTextDocument(doc);
      const [d] = on(doc, '9.7T')(await waitForDiagnostics(doc.uri, (ds) => on(doc, '9.7T')(ds).length > 0));
      assert.equal(ruleOf(d), 'superseded-figure');
      // Quillon-7 exists only in the workspace's fact file, which does not apply out here.
      assert.deepEqual(on(doc, '40B')(vscode.languages.getDiagnostics(doc.uri)), []);
      assert.equal(await hoverAt(doc, 'Quillon-7'), '');
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('virtual documents (a file system provider, an untitled draft) are checked with the bundled base', async () => {
    const scheme = 'factlint-test-mem';
    const memory = new MemoryFs();
    const registration = vscode.workspace.registerFileSystemProvider(scheme, memory);
    try {
      const uri = vscode.Uri.from({ scheme, path: '/drafts/virtual.md' });
      memory.writeFile(uri, new TextEncoder().encode('GPT-5.5 has 9.7T parameters.\n'));
      const doc = await vscode.workspace.openTextDocument(uri);
      assert.equal(doc.languageId, 'markdown');
      await vscode.window.showTextDocument(doc);
      const [d] = on(doc, '9.7T')(await waitForDiagnostics(doc.uri, (ds) => on(doc, '9.7T')(ds).length > 0));
      assert.equal(ruleOf(d), 'superseded-figure');
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');

      const untitled = await vscode.workspace.openTextDocument({ language: 'markdown', content: 'GPT-5.5 has 9.7T parameters.\n' });
      await vscode.window.showTextDocument(untitled);
      assert.equal(untitled.uri.scheme, 'untitled');
      await waitForDiagnostics(untitled.uri, (ds) => on(untitled, '9.7T')(ds).length === 1);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    } finally {
      registration.dispose();
    }
  });
});
