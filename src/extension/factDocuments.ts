// Read-only virtual documents (scheme "factlint"): the bundled fact base and model fact cards.
import * as vscode from 'vscode';

export const FACT_SCHEME = 'factlint';
export const BUNDLED_URI = vscode.Uri.from({ scheme: FACT_SCHEME, path: '/bundled.yaml' });

export class FactDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly cards = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly extensionUri: vscode.Uri) {}

  /** Stores a card's Markdown and returns the read-only URI that shows it. */
  card(id: string, markdown: string): vscode.Uri {
    const uri = vscode.Uri.from({ scheme: FACT_SCHEME, path: `/models/${id}.md` });
    this.cards.set(uri.path, markdown);
    this.changed.fire(uri);
    return uri;
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    if (uri.path === BUNDLED_URI.path) {
      const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.extensionUri, 'dist', 'bundled.yaml'));
      return new TextDecoder('utf-8').decode(bytes);
    }
    return this.cards.get(uri.path) ?? '';
  }

  dispose(): void {
    this.changed.dispose();
  }
}

export function registerFactDocuments(docs: FactDocuments): vscode.Disposable {
  return vscode.Disposable.from(vscode.workspace.registerTextDocumentContentProvider(FACT_SCHEME, docs), docs);
}
