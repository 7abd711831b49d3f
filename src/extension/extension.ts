// Activation only wires the features together; the fact base loads on the first check.
import * as vscode from 'vscode';
import { registerCodeActions } from './codeActions';
import { registerCommands } from './commands';
import { registerDiagnostics } from './diagnostics';
import { registerApplyEdits } from './edits';
import { FactDocuments, registerFactDocuments } from './factDocuments';
import { FindingStore } from './findings';
import { registerHover, type ResultFor } from './hover';
import { registerStatus } from './status';
import { registerWorkspaceCheck } from './workspaceCheck';
import { WorkspaceFacts } from './workspaceFacts';

export function activate(context: vscode.ExtensionContext): void {
  const started = performance.now();
  let activationMs = 0;
  const log = vscode.window.createOutputChannel('factlint');
  const facts = new WorkspaceFacts(context.extensionUri, log);
  const store = new FindingStore();
  const collection = vscode.languages.createDiagnosticCollection('factlint');
  const docs = new FactDocuments(context.extensionUri);
  const documents = registerDiagnostics(facts, store, collection, log);
  const resultFor: ResultFor = async (document) => {
    const current = store.get(document.uri, document.version);
    if (current) return current;
    await documents.check(document);
    return store.get(document.uri, document.version);
  };
  context.subscriptions.push(
    log,
    facts,
    store,
    collection,
    documents,
    registerFactDocuments(docs),
    registerApplyEdits(),
    registerHover(resultFor),
    registerCodeActions(store),
    registerCommands({ facts, docs, resultFor, log, activationMs: () => activationMs }),
    registerWorkspaceCheck(facts, store, collection, documents),
    registerStatus(facts, store),
  );
  activationMs = Math.round((performance.now() - started) * 100) / 100;
  log.appendLine(`factlint activated in ${activationMs} ms`);
}

export function deactivate(): void {}
