import * as vscode from 'vscode';
import type { AnalysisCache } from './analysisCache';
import { isArticleDocument } from '../articles/language';
import { Commands } from '../base/constants';
import { articleInfo } from '../articles/commands';

/** "N quotes · M speakers · K% boilerplate" for the active article; a click reveals the Sources view. */
export class ArticleStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('sourceAnnotator.articleStatus', vscode.StatusBarAlignment.Left, 50);
  private readonly disposables: vscode.Disposable[] = [];
  private visible = false;

  constructor(
    private readonly cache: AnalysisCache,
    onDidPaint: vscode.Event<vscode.Uri>,
  ) {
    this.item.name = vscode.l10n.t('Source Annotator: article');
    this.item.command = Commands.showSources;
    this.disposables.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.workspace.onDidOpenTextDocument(() => this.update()),
      // Repaints follow typing with a debounce and share the analysis: update with them.
      onDidPaint((uri) => {
        if (uri.toString() === vscode.window.activeTextEditor?.document.uri.toString()) this.update();
      }),
    );
    this.update();
  }

  /** The text shown, or undefined when hidden (tests read it through the API). */
  get text(): string | undefined {
    return this.visible ? this.item.text : undefined;
  }

  update(): void {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || !isArticleDocument(doc)) {
      this.item.hide();
      this.visible = false;
      return;
    }
    const info = articleInfo(doc, this.cache);
    const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
    this.item.text = `$(quote) ${plural(info.quotes, vscode.l10n.t('quote'), vscode.l10n.t('quotes'))} · ${plural(info.speakers, vscode.l10n.t('speaker'), vscode.l10n.t('speakers'))} · ${Math.round(info.boilerplateShare * 100)}% ${vscode.l10n.t('boilerplate')}`;
    this.item.tooltip = vscode.l10n.t('Source Annotator: detections in this article. Click to show the Sources view.');
    this.item.show();
    this.visible = true;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
