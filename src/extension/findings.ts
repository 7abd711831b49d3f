// Keeps each document's check result (the core's typed findings) keyed by URI and version, so
// hovers and code actions look findings up instead of reading diagnostic text.
import * as vscode from 'vscode';
import type { CheckResult, Finding, Span } from '../core';
import type { FactSetup } from './workspaceFacts';

/** Version recorded for files checked from disk (workspace check): never equals an open document's. */
export const UNOPENED_VERSION = -1;

export interface CheckedDocument {
  uri: vscode.Uri;
  version: number;
  result: CheckResult;
  setup: FactSetup;
}

export class FindingStore implements vscode.Disposable {
  private readonly byUri = new Map<string, CheckedDocument>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  set(checked: CheckedDocument): void {
    this.byUri.set(checked.uri.toString(), checked);
    this.changed.fire(checked.uri);
  }

  delete(uri: vscode.Uri): void {
    if (this.byUri.delete(uri.toString())) this.changed.fire(uri);
  }

  clear(): void {
    const uris = [...this.byUri.values()].map((c) => c.uri);
    this.byUri.clear();
    for (const u of uris) this.changed.fire(u);
  }

  /** The result for exactly this version of the document, or undefined when it is out of date. */
  get(uri: vscode.Uri, version: number): CheckedDocument | undefined {
    const c = this.byUri.get(uri.toString());
    return c && c.version === version ? c : undefined;
  }

  /** The latest result, whatever its version (for counts). */
  latest(uri: vscode.Uri): CheckedDocument | undefined {
    return this.byUri.get(uri.toString());
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** Findings whose span touches the offsets [start, end]. */
export function findingsIn(findings: readonly Finding[], start: number, end: number): Finding[] {
  return findings.filter((f) => f.start <= end && f.end >= start);
}

export function contains(span: Span, offset: number): boolean {
  return offset >= span.start && offset <= span.end;
}
