// Decides whether a document is checked (enable, language, ignore globs, size) and checks it
// with its folder's fact base and the merged rule severities.
import * as vscode from 'vscode';
import ignore from 'ignore';
import type { CheckSession, Checker, RuleId, SeveritySetting } from '../core';
import type { CheckedDocument } from './findings';
import { settingsFor } from './settings';
import type { FactSetup, WorkspaceFacts } from './workspaceFacts';

export type SkipReason = 'disabled' | 'language' | 'ignored' | 'tooLarge';

export type CheckOutcome = { checked: CheckedDocument } | { skipped: SkipReason; size?: number; limit?: number };

/** Rule severities: the folder's .factlint.yaml, then the `factlint.rules` setting on top. */
export function severitiesFor(setup: FactSetup, uri: vscode.Uri): Partial<Record<RuleId, SeveritySetting>> {
  return { ...setup.config.rules, ...settingsFor(uri).rules };
}

/** True when the `factlint.ignore` setting or the folder config's `ignore` matches the file. */
export function isIgnored(uri: vscode.Uri, setup: FactSetup | undefined): boolean {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (!folder) return false;
  const rel = uri.path.slice(folder.uri.path.replace(/\/$/, '').length + 1);
  // A ".." segment leads out of the folder; a file named "..old.md" does not.
  if (!rel || rel === '..' || rel.startsWith('../')) return false;
  const globs = [...settingsFor(uri).ignore, ...(setup?.config.ignore ?? [])];
  return globs.length > 0 && compiledIgnore(globs).ignores(rel);
}

/** The last globs compiled: a document is asked on every check, and the settings and config rarely change between. */
let lastIgnore: { key: string; globs: ReturnType<typeof ignore> } | undefined;

function compiledIgnore(globs: string[]): ReturnType<typeof ignore> {
  const key = globs.join('\n');
  if (lastIgnore?.key !== key) lastIgnore = { key, globs: ignore().add(globs) };
  return lastIgnore.globs;
}

export function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** One incremental session per open document, tied to the checker (fact base) it was made with. */
const sessions = new Map<string, { checker: Checker; session: CheckSession }>();

function sessionFor(checker: Checker, uri: vscode.Uri): CheckSession {
  const key = uri.toString();
  let entry = sessions.get(key);
  if (!entry || entry.checker !== checker) {
    entry = { checker, session: checker.session() };
    sessions.set(key, entry);
  }
  return entry.session;
}

/** Drops what a closed document's session kept. */
export function forgetSession(uri: vscode.Uri): void {
  sessions.delete(uri.toString());
}

/**
 * Checks text as the document at `uri` (an open document's or a file's from disk). Open documents
 * (`languageId` given) are checked incrementally: typing re-reads only the edited blocks.
 */
export async function checkText(
  facts: WorkspaceFacts,
  uri: vscode.Uri,
  text: string,
  version: number,
  languageId: string | undefined,
): Promise<CheckOutcome> {
  const settings = settingsFor(uri);
  if (!settings.enable) return { skipped: 'disabled' };
  if (languageId !== undefined && !settings.languages.includes(languageId)) return { skipped: 'language' };
  const size = byteLength(text);
  if (size > settings.maxFileSize) return { skipped: 'tooLarge', size, limit: settings.maxFileSize };
  const setup = await facts.setupFor(uri);
  if (isIgnored(uri, setup)) return { skipped: 'ignored' };
  const options = { severities: severitiesFor(setup, uri) };
  const result = languageId !== undefined ? sessionFor(setup.checker, uri).check(text, options) : setup.checker.check(text, options);
  return { checked: { uri, version, result, setup } };
}
