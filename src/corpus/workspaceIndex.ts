import * as vscode from 'vscode';
import { Disposable, Registrations, toDisposable } from '../base/dispose';
import { readArticleFileSettings } from '../base/config';
import { ConfigKeys } from '../base/constants';
import type { AnalysisCache } from '../detections/analysisCache';
import { findArticleFiles, isArticleDocument } from '../articles/language';
import type { Analysis } from '../core/analysis/types';
import { SIDECAR_SUFFIX } from '../core/annotations/sidecar/types';

export interface IndexedArticle {
  readonly uri: vscode.Uri;
  readonly text: string;
  /** As shown: rejected detections left out. */
  readonly analysis: Analysis;
}

/** The most articles the Sources view reads from disk. */
const MAX_ARTICLES = 5000;

/**
 * The analysed articles of the workspace: open documents (their live text) and, once the
 * Sources view asked for them, the article files on disk (those `articles.include` and
 * `articles.exclude` select). Files are re-read when they or their sidecar change.
 */
export class WorkspaceIndex extends Disposable {
  private readonly fromDisk = new Map<string, IndexedArticle>();
  private scan: Promise<void> | undefined;
  private readonly emitter = this.register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.emitter.event;
  private changeTimer: ReturnType<typeof setTimeout> | undefined;
  private watchers = this.register(new Registrations());

  constructor(private readonly cache: AnalysisCache) {
    super();
    this.watchArticles();
    const sidecars = this.register(vscode.workspace.createFileSystemWatcher(`**/*${SIDECAR_SUFFIX}`));
    const forgetText = (uri: vscode.Uri): void => this.forget(uri.with({ path: uri.path.slice(0, -SIDECAR_SUFFIX.length) }));
    this.register(sidecars.onDidCreate(forgetText));
    this.register(sidecars.onDidChange(forgetText));
    this.register(sidecars.onDidDelete(forgetText));
    this.register(vscode.workspace.onDidSaveTextDocument((doc) => this.forget(doc.uri)));
    this.register(cache.onDidChangeShown(() => this.scheduleChange()));
    this.register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!e.affectsConfiguration(`${ConfigKeys.section}.articles`)) return;
        this.watchArticles();
        this.refresh();
      }),
    );
    this.register(toDisposable(() => this.changeTimer && clearTimeout(this.changeTimer)));
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

  /** One watcher per included glob of each folder, so files outside `articles.include` are not watched. */
  private watchArticles(): void {
    this.watchers.dispose();
    this.watchers = this.register(new Registrations());
    const changed = (uri: vscode.Uri): void => this.forget(uri);
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      for (const glob of readArticleFileSettings(folder.uri).include) {
        const watcher = this.watchers.add(vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, glob)));
        this.watchers.add(watcher.onDidCreate(changed));
        this.watchers.add(watcher.onDidChange(changed));
        this.watchers.add(watcher.onDidDelete(changed));
      }
    }
  }

  private forget(uri: vscode.Uri): void {
    this.fromDisk.delete(uri.toString());
    // The next read re-scans; files still indexed are not read again.
    this.scan = undefined;
    this.scheduleChange();
  }

  private async readAll(token?: vscode.CancellationToken): Promise<void> {
    const uris = await findArticleFiles(MAX_ARTICLES, token);
    const decoder = new TextDecoder('utf-8');
    for (const uri of uris) {
      if (token?.isCancellationRequested) return;
      if (this.fromDisk.has(uri.toString())) continue;
      try {
        const text = decoder.decode(await vscode.workspace.fs.readFile(uri));
        this.fromDisk.set(uri.toString(), { uri, text, analysis: await this.cache.fromDisk(uri, text) });
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
}
