import * as vscode from 'vscode';
import type { AnalysisCache } from '../detections/analysisCache';
import { findArticleFiles, isArticleDocument } from '../articles/language';
import { analyze } from '../core/analysis/analyze';
import type { Analysis } from '../core/analysis/types';

export interface IndexedArticle {
  readonly uri: vscode.Uri;
  readonly text: string;
  readonly analysis: Analysis;
}

/** The most articles the Sources view reads from disk; beyond this the view says so. */
const MAX_ARTICLES = 5000;

/**
 * The analysed articles of the workspace: open documents (their live text) and, once the
 * Sources view asked for them, the article files on disk. Files are re-read when they change.
 */
export class WorkspaceIndex implements vscode.Disposable {
  private readonly fromDisk = new Map<string, IndexedArticle>();
  private scan: Promise<void> | undefined;
  private truncated = false;
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;
  private readonly disposables: vscode.Disposable[] = [];
  private changeTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly cache: AnalysisCache) {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.txt');
    const forget = (uri: vscode.Uri): void => {
      this.fromDisk.delete(uri.toString());
      // The next read re-scans; files still indexed are not read again.
      this.scan = undefined;
      this.scheduleChange();
    };
    this.disposables.push(
      this.emitter,
      watcher,
      watcher.onDidCreate(() => {
        this.scan = undefined;
        this.scheduleChange();
      }),
      watcher.onDidChange(forget),
      watcher.onDidDelete(forget),
      vscode.workspace.onDidSaveTextDocument((doc) => forget(doc.uri)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('sourceAnnotator.articles')) this.refresh();
      }),
    );
  }

  /** True when the workspace held more article files than the index reads. */
  get isTruncated(): boolean {
    return this.truncated;
  }

  refresh(): void {
    this.fromDisk.clear();
    this.scan = undefined;
    this.scheduleChange();
  }

  /** Every article of the workspace, analysed; reads the files on first use. */
  async all(token?: vscode.CancellationToken): Promise<IndexedArticle[]> {
    this.scan ??= this.readAll(token);
    await this.scan;
    return this.known();
  }

  /** The articles analysed so far, open documents first, without touching the disk. */
  known(): IndexedArticle[] {
    const result = new Map<string, IndexedArticle>();
    for (const doc of vscode.workspace.textDocuments) {
      if (!isArticleDocument(doc)) continue;
      result.set(doc.uri.toString(), { uri: doc.uri, text: doc.getText(), analysis: this.cache.get(doc) });
    }
    for (const [key, article] of this.fromDisk) if (!result.has(key)) result.set(key, article);
    return [...result.values()].sort((a, b) => a.uri.path.localeCompare(b.uri.path));
  }

  private async readAll(token?: vscode.CancellationToken): Promise<void> {
    const uris = await findArticleFiles(MAX_ARTICLES + 1, token);
    this.truncated = uris.length > MAX_ARTICLES;
    const decoder = new TextDecoder('utf-8');
    for (const uri of uris.slice(0, MAX_ARTICLES)) {
      if (token?.isCancellationRequested) return;
      if (this.fromDisk.has(uri.toString())) continue;
      try {
        const text = decoder.decode(await vscode.workspace.fs.readFile(uri));
        this.fromDisk.set(uri.toString(), { uri, text, analysis: analyze(text) });
      } catch {
        // A file that vanished or cannot be read is simply not listed.
      }
    }
  }

  private scheduleChange(): void {
    if (this.changeTimer) clearTimeout(this.changeTimer);
    this.changeTimer = setTimeout(() => {
      this.changeTimer = undefined;
      this.emitter.fire();
    }, 300);
  }

  dispose(): void {
    if (this.changeTimer) clearTimeout(this.changeTimer);
    for (const d of this.disposables) d.dispose();
  }
}
