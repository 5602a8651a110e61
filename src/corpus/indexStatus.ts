import * as path from 'node:path';
import * as vscode from 'vscode';
import { Disposable } from '../base/dispose';
import { Commands, ContextKeys } from '../base/constants';
import { showInfo } from '../base/notify';
import { labelExcerpt } from '../core/text/excerpt';
import type { IndexProgress, WorkspaceIndex } from './workspaceIndex';

/**
 * The indexing count in the status bar while the workspace is indexed (a click stops it); once a
 * run ended, how many article files could not be indexed, if any (a click lists them with why).
 */
export class IndexStatus extends Disposable {
  private readonly item = this.register(vscode.window.createStatusBarItem('sourceAnnotator.indexing', vscode.StatusBarAlignment.Left, 0));
  private visible = false;
  private indexing = false;

  constructor(private readonly index: WorkspaceIndex) {
    super();
    this.item.name = vscode.l10n.t('Source Annotator Indexing');
    this.register(index.onDidProgress((p) => this.show(p)));
    this.register(index.onDidChangeNotIndexed(() => this.show(index.progress)));
  }

  /** What the item shows now, or undefined when hidden. */
  get text(): string | undefined {
    return this.visible ? this.item.text : undefined;
  }

  private show(progress: IndexProgress | undefined): void {
    this.setIndexing(progress !== undefined);
    if (progress) {
      this.item.text = `$(sync~spin) ${vscode.l10n.t('Indexing {0}/{1}', progress.done.toLocaleString(), progress.total.toLocaleString())}`;
      this.item.tooltip = vscode.l10n.t('Indexing the article files of the workspace on worker threads. Click to stop.');
      this.item.command = Commands.cancelIndexing;
      this.item.backgroundColor = undefined;
      this.setVisible(true);
      return;
    }
    const failed = this.index.notIndexed().size;
    if (failed === 0) {
      this.setVisible(false);
      return;
    }
    this.item.text = `$(warning) ${failed === 1 ? vscode.l10n.t('1 file not indexed') : vscode.l10n.t('{0} files not indexed', failed.toLocaleString())}`;
    this.item.tooltip = vscode.l10n.t('Article files the corpus index could not read or analyse: their quotes and speakers are missing from the Speakers and Statements views and from searches. Click to see which and why.');
    this.item.command = Commands.showNotIndexed;
    this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
    this.setVisible(true);
  }

  private setVisible(visible: boolean): void {
    this.visible = visible;
    if (visible) this.item.show();
    else this.item.hide();
  }

  private setIndexing(indexing: boolean): void {
    if (this.indexing === indexing) return;
    this.indexing = indexing;
    void vscode.commands.executeCommand('setContext', ContextKeys.indexing, indexing);
  }
}

export interface NotIndexedItem extends vscode.QuickPickItem {
  readonly uri: vscode.Uri;
}

/** One entry per file not indexed: its name, its folder, and why. */
export function notIndexedItems(index: WorkspaceIndex): NotIndexedItem[] {
  return [...index.notIndexed().values()]
    .map(({ uri, reason }) => ({
      uri,
      label: labelExcerpt(path.posix.basename(uri.path)),
      description: labelExcerpt(vscode.workspace.asRelativePath(vscode.Uri.joinPath(uri, '..'))),
      detail: labelExcerpt(reason),
    }))
    .sort((a, b) => a.uri.toString().localeCompare(b.uri.toString()));
}

/** Lists the files not indexed; the one picked is shown in the Explorer. Returns the items listed. */
export function showNotIndexed(index: WorkspaceIndex): NotIndexedItem[] {
  const items = notIndexedItems(index);
  if (items.length === 0) {
    void showInfo(vscode.l10n.t('Every article file of the workspace is indexed.'));
    return items;
  }
  void vscode.window
    .showQuickPick(items, { title: vscode.l10n.t('Article Files Not Indexed'), placeHolder: vscode.l10n.t('Pick one to show it in the Explorer'), matchOnDescription: true, matchOnDetail: true })
    .then((picked) => picked && vscode.commands.executeCommand('revealInExplorer', picked.uri));
  return items;
}
