import * as vscode from 'vscode';
import { Disposable } from '../base/dispose';
import { Commands, ContextKeys } from '../base/constants';
import type { IndexProgress, WorkspaceIndex } from './workspaceIndex';

/** The indexing count in the status bar while the workspace is indexed; a click stops it. */
export class IndexStatus extends Disposable {
  private readonly item = this.register(vscode.window.createStatusBarItem('sourceAnnotator.indexing', vscode.StatusBarAlignment.Left, 0));
  private visible = false;

  constructor(index: WorkspaceIndex) {
    super();
    this.item.name = vscode.l10n.t('Source Annotator Indexing');
    this.item.command = Commands.cancelIndexing;
    this.item.tooltip = vscode.l10n.t('Indexing the article files of the workspace on worker threads. Click to stop.');
    this.register(index.onDidProgress((p) => this.show(p)));
  }

  private show(progress: IndexProgress | undefined): void {
    if (!progress) {
      this.item.hide();
      this.setVisible(false);
      return;
    }
    this.item.text = `$(sync~spin) ${vscode.l10n.t('Indexing {0}/{1}', progress.done.toLocaleString(), progress.total.toLocaleString())}`;
    this.item.show();
    this.setVisible(true);
  }

  private setVisible(visible: boolean): void {
    if (this.visible === visible) return;
    this.visible = visible;
    void vscode.commands.executeCommand('setContext', ContextKeys.indexing, visible);
  }
}
