// Read-only documents holding a rule's explanation, shown through VS Code's Markdown preview.
import * as vscode from 'vscode';

export const EXPLAIN_SCHEME = 'copydesk-rule';

export function explainUri(ruleId: string): vscode.Uri {
  return vscode.Uri.from({ scheme: EXPLAIN_SCHEME, path: `/${ruleId}.md` });
}

export class ExplainContentProvider implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  set(uri: vscode.Uri, text: string): void {
    this.texts.set(uri.toString(), text);
    this.changed.fire(uri);
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }
}
