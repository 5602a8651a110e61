import * as vscode from 'vscode';
import { analyze } from './core/analysis/analyze';
import type { Analysis } from './core/analysis/types';

interface Entry {
  readonly version: number;
  readonly analysis: Analysis;
}

/**
 * One analysis per document version, shared by decorations, hovers, symbols, folding,
 * navigation and views. Entries are dropped when their document closes.
 */
export class AnalysisCache implements vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  private readonly subscription: vscode.Disposable;

  constructor() {
    this.subscription = vscode.workspace.onDidCloseTextDocument((doc) => this.entries.delete(doc.uri.toString()));
  }

  get(doc: vscode.TextDocument): Analysis {
    const key = doc.uri.toString();
    const hit = this.entries.get(key);
    if (hit && hit.version === doc.version) return hit.analysis;
    const analysis = analyze(doc.getText());
    this.entries.set(key, { version: doc.version, analysis });
    return analysis;
  }

  /** The cached analysis if it is current, without computing one. */
  peek(doc: vscode.TextDocument): Analysis | undefined {
    const hit = this.entries.get(doc.uri.toString());
    return hit && hit.version === doc.version ? hit.analysis : undefined;
  }

  dispose(): void {
    this.subscription.dispose();
    this.entries.clear();
  }
}
