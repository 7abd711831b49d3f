// Reads factlint's settings for a resource; every feature reads them afresh, so changes apply without reload.
import * as vscode from 'vscode';
import { RULE_IDS, SEVERITY_SETTINGS, type RuleId, type SeveritySetting } from '../core';

export type RunMode = 'onType' | 'onSave';

export interface Settings {
  enable: boolean;
  run: RunMode;
  delay: number;
  rules: Partial<Record<RuleId, SeveritySetting>>;
  facts: string[];
  languages: string[];
  ignore: string[];
  maxFileSize: number;
}

export const DEFAULT_MAX_FILE_SIZE = 1_000_000;

function rulesOf(value: unknown): Partial<Record<RuleId, SeveritySetting>> {
  const out: Partial<Record<RuleId, SeveritySetting>> = {};
  if (!value || typeof value !== 'object') return out;
  for (const [rule, severity] of Object.entries(value as Record<string, unknown>)) {
    if ((RULE_IDS as readonly string[]).includes(rule) && typeof severity === 'string' && (SEVERITY_SETTINGS as readonly string[]).includes(severity)) {
      out[rule as RuleId] = severity as SeveritySetting;
    }
  }
  return out;
}

function stringsOf(value: unknown, fallback: string[]): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : fallback;
}

/** The settings in effect for a document (resource-scoped settings may differ per folder). */
export function settingsFor(scope?: vscode.ConfigurationScope): Settings {
  const c = vscode.workspace.getConfiguration('factlint', scope);
  const delay = c.get<number>('delay', 150);
  const maxFileSize = c.get<number>('maxFileSize', DEFAULT_MAX_FILE_SIZE);
  return {
    enable: c.get<boolean>('enable', true),
    run: c.get<string>('run', 'onType') === 'onSave' ? 'onSave' : 'onType',
    delay: Number.isFinite(delay) && delay >= 0 ? delay : 150,
    rules: rulesOf(c.get('rules')),
    facts: stringsOf(c.get('facts'), []),
    languages: stringsOf(c.get('languages'), ['markdown']),
    ignore: stringsOf(c.get('ignore'), []),
    maxFileSize: Number.isFinite(maxFileSize) && maxFileSize > 0 ? maxFileSize : DEFAULT_MAX_FILE_SIZE,
  };
}

/** The document selector for the configured languages (window-wide: the first folder's value). */
export function languageSelector(): vscode.DocumentSelector {
  return settingsFor().languages.map((language) => ({ language }));
}

/**
 * Registers a language feature for the configured languages and registers it again whenever
 * `factlint.languages` changes.
 */
export function registerForLanguages(register: (selector: vscode.DocumentSelector) => vscode.Disposable): vscode.Disposable {
  let current = register(languageSelector());
  const listener = vscode.workspace.onDidChangeConfiguration((e) => {
    if (!e.affectsConfiguration('factlint.languages')) return;
    current.dispose();
    current = register(languageSelector());
  });
  return new vscode.Disposable(() => {
    listener.dispose();
    current.dispose();
  });
}
