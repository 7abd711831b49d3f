// "Check whole workspace": finds the drafts of every folder (ignore globs, size limit), checks
// them with progress and cancellation, and publishes diagnostics for unopened files too.
import * as vscode from 'vscode';
import { createPositionMap } from '../core';
import type { DocumentChecker } from './diagnostics';
import { toDiagnostics } from './diagnostics';
import { checkText } from './documentCheck';
import { UNOPENED_VERSION, type FindingStore } from './findings';
import { settingsFor } from './settings';
import type { WorkspaceFacts } from './workspaceFacts';

export const CHECK_WORKSPACE_COMMAND = 'factlint.checkWorkspace';

const EXTENSIONS: Record<string, string[]> = {
  markdown: ['md', 'markdown', 'mdown', 'mkd', 'mkdn', 'mdwn'],
  mdx: ['mdx'],
};

export function globFor(languages: readonly string[]): string {
  const exts = [...new Set(languages.flatMap((l) => EXTENSIONS[l] ?? [l]))];
  return exts.length === 1 ? `**/*.${exts[0]}` : `**/*.{${exts.join(',')}}`;
}

export interface WorkspaceCheckSummary {
  files: number;
  checked: number;
  skipped: number;
  findings: number;
  cancelled: boolean;
}

export function registerWorkspaceCheck(facts: WorkspaceFacts, store: FindingStore, collection: vscode.DiagnosticCollection, documents: DocumentChecker): vscode.Disposable {
  async function run(): Promise<WorkspaceCheckSummary> {
    const summary: WorkspaceCheckSummary = { files: 0, checked: 0, skipped: 0, findings: 0, cancelled: false };
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (!folders.length) {
      void vscode.window.showInformationMessage(vscode.l10n.t('factlint: open a folder to check a workspace.'));
      return summary;
    }
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('factlint: checking the workspace'), cancellable: true },
      async (progress, token) => {
        const uris: vscode.Uri[] = [];
        for (const folder of folders) {
          const settings = settingsFor(folder.uri);
          if (!settings.enable) continue;
          uris.push(...(await vscode.workspace.findFiles(new vscode.RelativePattern(folder, globFor(settings.languages)), undefined, undefined, token)));
        }
        summary.files = uris.length;
        for (const [i, uri] of uris.entries()) {
          if (token.isCancellationRequested) {
            summary.cancelled = true;
            break;
          }
          progress.report({ message: `${i + 1}/${uris.length} ${vscode.workspace.asRelativePath(uri)}`, increment: 100 / uris.length });
          const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
          if (open) {
            await documents.check(open);
            const c = store.get(uri, open.version);
            if (c) {
              summary.checked++;
              summary.findings += c.result.findings.length;
            } else summary.skipped++;
            continue;
          }
          const settings = settingsFor(uri);
          try {
            const stat = await vscode.workspace.fs.stat(uri);
            if (stat.size > settings.maxFileSize) {
              summary.skipped++;
              continue;
            }
            const text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
            const outcome = await checkText(facts, uri, text, UNOPENED_VERSION, undefined);
            // The file may have been opened meanwhile: its own check then owns its diagnostics.
            if ('skipped' in outcome || vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString())) {
              summary.skipped++;
              continue;
            }
            const at = createPositionMap(text);
            store.set(outcome.checked);
            collection.set(
              uri,
              toDiagnostics(uri, outcome.checked.result, (o) => {
                const p = at(o);
                return new vscode.Position(p.line - 1, p.column - 1);
              }),
            );
            summary.checked++;
            summary.findings += outcome.checked.result.findings.length;
          } catch {
            summary.skipped++;
          }
        }
      },
    );
    const message = vscode.l10n.t('factlint checked {0} of {1} files: {2} findings.', summary.checked, summary.files, summary.findings);
    void vscode.window.showInformationMessage(summary.cancelled ? `${message} ${vscode.l10n.t('(cancelled)')}` : message);
    return summary;
  }
  return vscode.commands.registerCommand(CHECK_WORKSPACE_COMMAND, run);
}
