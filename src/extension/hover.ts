// Hovers: a fact card over a model name; over a figure, how it compares; over a flagged figure, the reason and the fix.
import * as vscode from 'vscode';
import type { Span } from '../core';
import { claimMarkdown, factCardMarkdown, findingMarkdown } from './factCard';
import { contains, type CheckedDocument } from './findings';
import { registerForLanguages } from './settings';

export type ResultFor = (document: vscode.TextDocument) => Promise<CheckedDocument | undefined>;

function rangeOf(document: vscode.TextDocument, span: Span): vscode.Range {
  return new vscode.Range(document.positionAt(span.start), document.positionAt(span.end));
}

function markdown(value: string): vscode.MarkdownString {
  const m = new vscode.MarkdownString(value);
  m.isTrusted = false;
  return m;
}

export function provideFactHover(checked: CheckedDocument, document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
  const offset = document.offsetAt(position);
  const { result, setup } = checked;
  const base = setup.checker.base;
  const finding = result.findings.find((f) => contains(f, offset));
  if (finding) {
    const model = setup.checker.model(finding.modelId);
    const parts = [markdown(findingMarkdown(finding))];
    if (model) parts.push(markdown(factCardMarkdown(model, base)));
    return new vscode.Hover(parts, rangeOf(document, finding));
  }
  const claim = result.claims.find((c) => contains(c.figure, offset));
  if (claim) {
    const model = setup.checker.model(claim.mention.modelId);
    if (model) return new vscode.Hover([markdown(claimMarkdown(claim, model)), markdown(factCardMarkdown(model, base))], rangeOf(document, claim.figure));
  }
  const mention = result.mentions.find((m) => contains(m, offset));
  if (mention) {
    const model = setup.checker.model(mention.modelId);
    if (model) return new vscode.Hover(markdown(factCardMarkdown(model, base)), rangeOf(document, mention));
  }
  return undefined;
}

export function registerHover(resultFor: ResultFor): vscode.Disposable {
  return registerForLanguages((selector) =>
    vscode.languages.registerHoverProvider(selector, {
      async provideHover(document, position) {
        const checked = await resultFor(document);
        if (!checked || checked.version !== document.version) return undefined;
        return provideFactHover(checked, document, position);
      },
    }),
  );
}
