import * as vscode from 'vscode';
import type { AnalysisCache } from '../analysisCache';
import { isArticleDocument } from '../articles';
import { Commands } from '../constants';
import { articleInfo } from './articleCommands';

/** "N quotes · M speakers · K% boilerplate" for the active article; a click reveals the Sources view. */
export class ArticleStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('sourceAnnotator.articleStatus', vscode.StatusBarAlignment.Left, 50);
  private readonly disposables: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly cache: AnalysisCache) {
    this.item.name = vscode.l10n.t('Source Annotator: article');
    this.item.command = Commands.showSources;
    this.disposables.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.workspace.onDidOpenTextDocument(() => this.update()),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === vscode.window.activeTextEditor?.document) this.scheduleUpdate();
      }),
    );
    this.update();
  }

  /** The text shown, or undefined when hidden (tests read it through the API). */
  get text(): string | undefined {
    return this.visible ? this.item.text : undefined;
  }

  private visible = false;

  private scheduleUpdate(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.update(), 300);
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
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}
