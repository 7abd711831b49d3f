// Finds each workspace folder's .factlint.yaml and the fact files it (and factlint.facts) names,
// merges them over the bundled base, watches them, and shows their problems in the YAML files.
import * as vscode from 'vscode';
import {
  CONFIG_FILE_NAME,
  createChecker,
  mergeFactBases,
  nameClashes,
  type Checker,
  type FactBase,
  type FactProblem,
  type ProjectConfig,
} from '../core';
import { factFileReaders } from './factFileReaders';
import { settingsFor } from './settings';

export interface FactSetup {
  checker: Checker;
  /** The folder's .factlint.yaml (defaults when there is none or it is broken). */
  config: ProjectConfig;
  configUri?: vscode.Uri;
  folder?: vscode.WorkspaceFolder;
  /** Fact files merged over the bundled base. */
  factFiles: vscode.Uri[];
  /** True when a config or fact file had errors and was left out. */
  degraded: boolean;
}

const EMPTY_CONFIG: ProjectConfig = { facts: [], rules: {}, ignore: [] };

function isAbsolutePath(p: string): boolean {
  return p.startsWith('/') || /^[a-zA-Z]:[\\/]/.test(p) || p.startsWith('\\\\');
}

function resolveAgainst(base: vscode.Uri | undefined, p: string): vscode.Uri | undefined {
  if (/^[a-z][a-z0-9+.-]+:\/\//i.test(p)) return vscode.Uri.parse(p);
  if (isAbsolutePath(p)) return vscode.Uri.file(p);
  return base ? vscode.Uri.joinPath(base, p) : undefined;
}

/** A file's bytes: the YAML readers decode them strictly, as the CLI's do, and name the first that is no UTF-8. */
async function readBytes(uri: vscode.Uri): Promise<Uint8Array | undefined> {
  try {
    // A device or a pipe is not read: /dev/zero would never end, a FIFO nobody writes to never start.
    if (((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.File) === 0) return undefined;
    return await vscode.workspace.fs.readFile(uri);
  } catch {
    return undefined;
  }
}

/** 1-based position of the first occurrence of `needle` (the start of the file when absent). */
function spanOf(text: string, needle: string): Pick<FactProblem, 'line' | 'column' | 'endLine' | 'endColumn'> {
  const at = text.indexOf(needle);
  if (at < 0) return { line: 1, column: 1, endLine: 1, endColumn: 1 };
  const before = text.slice(0, at).split('\n');
  const line = before.length;
  const column = (before[before.length - 1] as string).length + 1;
  return { line, column, endLine: line, endColumn: column + needle.length };
}

export class WorkspaceFacts implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires after the fact bases were invalidated (files changed, settings changed, reload). */
  readonly onDidChange = this.changed.event;
  private readonly problems = vscode.languages.createDiagnosticCollection('factlint-facts');
  private readonly setups = new Map<string, Promise<FactSetup>>();
  private readonly settled = new Map<string, FactSetup>();
  private readonly watched = new Set<string>();
  private bundled: Promise<FactBase> | undefined;
  private bundledChecker: Checker | undefined;
  private generation = 0;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly log: vscode.OutputChannel,
  ) {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.{yaml,yml}');
    const onFile = (uri: vscode.Uri) => {
      if (uri.path.endsWith(`/${CONFIG_FILE_NAME}`) || this.watched.has(uri.toString())) this.reload(`${vscode.workspace.asRelativePath(uri)} changed`);
    };
    this.disposables.push(
      watcher,
      watcher.onDidChange(onFile),
      watcher.onDidCreate(onFile),
      watcher.onDidDelete(onFile),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('factlint.facts')) this.reload('factlint.facts changed');
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.reload('workspace folders changed')),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.reload('workspace trusted')),
      this.changed,
      this.problems,
    );
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  /** Forgets every loaded fact base; the next check loads them again. */
  reload(why: string): void {
    this.generation++;
    this.setups.clear();
    this.settled.clear();
    this.watched.clear();
    this.problems.clear();
    this.log.appendLine(`fact bases reloaded: ${why}`);
    this.changed.fire();
  }

  /** The bundled base, compiled to JSON at build time; read on the first check, not at activation. */
  bundledBase(): Promise<FactBase> {
    this.bundled ??= (async () => {
      const started = Date.now();
      const uri = vscode.Uri.joinPath(this.extensionUri, 'dist', 'facts.json');
      const base = JSON.parse(new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri))) as FactBase;
      this.log.appendLine(`bundled fact base loaded: ${base.models.length} models, as of ${base.asOf} (${Date.now() - started} ms)`);
      return base;
    })();
    return this.bundled;
  }

  /** The setup a document is checked with, if it was already loaded (for the status item). */
  loadedFor(uri: vscode.Uri): FactSetup | undefined {
    return this.settled.get(this.keyOf(uri));
  }

  private keyOf(uri: vscode.Uri): string {
    return vscode.workspace.getWorkspaceFolder(uri)?.uri.toString() ?? '';
  }

  /** The checker and config for a document: its folder's config and fact files over the bundled base. */
  setupFor(uri: vscode.Uri): Promise<FactSetup> {
    const key = this.keyOf(uri);
    let setup = this.setups.get(key);
    if (!setup) {
      const generation = this.generation;
      setup = this.load(vscode.workspace.getWorkspaceFolder(uri)).then((s) => {
        if (generation === this.generation) this.settled.set(key, s);
        return s;
      });
      this.setups.set(key, setup);
    }
    return setup;
  }

  private async load(folder: vscode.WorkspaceFolder | undefined): Promise<FactSetup> {
    const bundled = await this.bundledBase();
    if (!vscode.workspace.isTrusted) {
      this.bundledChecker ??= createChecker(bundled);
      return { checker: this.bundledChecker, config: EMPTY_CONFIG, factFiles: [], degraded: false, ...(folder ? { folder } : {}) };
    }
    const problems: FactProblem[] = [];
    let config = EMPTY_CONFIG;
    let configUri: vscode.Uri | undefined;
    let configText = '';
    let degraded = false;
    if (folder) {
      const candidate = vscode.Uri.joinPath(folder.uri, CONFIG_FILE_NAME);
      this.watched.add(candidate.toString());
      const bytes = await readBytes(candidate);
      if (bytes !== undefined) {
        configUri = candidate;
        configText = new TextDecoder('utf-8').decode(bytes);
        const parsed = factFileReaders().parseProjectConfig(candidate.toString(), bytes);
        problems.push(...parsed.problems);
        if (parsed.problems.some((p) => p.severity === 'error')) degraded = true;
        else config = parsed.config;
      }
    }
    const wanted: { uri: vscode.Uri; name: string; fromConfig: boolean }[] = [];
    for (const f of config.facts) {
      const u = resolveAgainst(folder?.uri, f);
      if (u) wanted.push({ uri: u, name: f, fromConfig: true });
    }
    for (const f of settingsFor(folder?.uri).facts) {
      const u = resolveAgainst(folder?.uri, f);
      if (u) wanted.push({ uri: u, name: f, fromConfig: false });
    }
    const extras: FactBase[] = [];
    const factFiles: vscode.Uri[] = [];
    for (const { uri, name, fromConfig } of wanted) {
      this.watched.add(uri.toString());
      const bytes = await readBytes(uri);
      if (bytes === undefined) {
        degraded = true;
        const message = vscode.l10n.t('cannot read fact file {0}', vscode.workspace.asRelativePath(uri));
        if (fromConfig && configUri) problems.push({ file: configUri.toString(), ...spanOf(configText, name), message, severity: 'error' });
        else this.log.appendLine(`factlint.facts: ${message}`);
        continue;
      }
      const parsed = factFileReaders().parseFactBase(uri.toString(), bytes);
      problems.push(...parsed.problems);
      if (parsed.base && !parsed.problems.some((p) => p.severity === 'error')) {
        extras.push(parsed.base);
        factFiles.push(uri);
      } else degraded = true;
    }
    if (extras.length) problems.push(...nameClashes(bundled, extras));
    this.showProblems(problems);
    let checker: Checker;
    if (extras.length === 0) checker = this.bundledChecker ??= createChecker(bundled);
    else checker = createChecker(mergeFactBases(bundled, extras));
    this.log.appendLine(`fact base for ${folder?.name ?? '(no folder)'}: ${checker.base.models.length} models${factFiles.length ? ` (+${factFiles.map((u) => vscode.workspace.asRelativePath(u)).join(', ')})` : ''}${degraded ? ', some files left out' : ''}`);
    return { checker, config, factFiles, degraded, ...(configUri ? { configUri } : {}), ...(folder ? { folder } : {}) };
  }

  private showProblems(problems: FactProblem[]): void {
    const byFile = new Map<string, vscode.Diagnostic[]>();
    for (const p of problems) {
      const range = new vscode.Range(p.line - 1, p.column - 1, p.endLine - 1, Math.max(p.endColumn - 1, p.line === p.endLine ? p.column : 0));
      const d = new vscode.Diagnostic(range, p.message, p.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning);
      d.source = 'factlint';
      const list = byFile.get(p.file) ?? [];
      list.push(d);
      byFile.set(p.file, list);
    }
    for (const [file, list] of byFile) this.problems.set(vscode.Uri.parse(file), list);
    const errors = problems.filter((p) => p.severity === 'error');
    if (errors.length === 0) return;
    const first = errors[0] as FactProblem;
    const where = `${vscode.workspace.asRelativePath(vscode.Uri.parse(first.file))}:${first.line}:${first.column}`;
    this.log.appendLine(`fact file problems: ${errors.map((p) => `${vscode.workspace.asRelativePath(vscode.Uri.parse(p.file))}:${p.line}:${p.column} ${p.message}`).join('; ')}`);
    const open = vscode.l10n.t('Open');
    void vscode.window
      .showErrorMessage(vscode.l10n.t('factlint: {0} problem(s) in fact files or .factlint.yaml (first at {1}: {2}). Those files are left out; checking continues with the bundled fact base.', errors.length, where, first.message), open)
      .then(async (choice) => {
        if (choice !== open) return;
        const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(first.file));
        const pos = new vscode.Position(first.line - 1, first.column - 1);
        await vscode.window.showTextDocument(doc, { selection: new vscode.Range(pos, pos) });
      });
  }
}
