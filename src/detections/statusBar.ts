import * as vscode from 'vscode';
import type { AnalysisCache } from './analysisCache';
import { isArticleDocument } from '../articles/language';
import { Disposable, toDisposable } from '../base/dispose';
import { Commands } from '../base/constants';
import { articleStatistics } from '../core/articles/statistics';
import type { Analysis } from '../core/analysis/types';
import { LARGE_DOCUMENT_CHARS, documentLength } from './largeDocuments';

/** What the status bar counts of a large document, from the analysis alone. */
interface QuickCounts {
  readonly quotes: number;
  readonly speakers: number;
  /** Characters of boilerplate. */
  readonly boilerplate: number;
}

/**
 * Counted once per analysis: the status bar is updated at each paint and each change of what is
 * known of an analysis, several times per keystroke, and a large export holds tens of thousands
 * of detections.
 */
const counted = new WeakMap<Analysis, QuickCounts>();

/** What the status bar shows of a large document, from the analysis alone. */
function quickStatistics(analysis: Analysis, length: number): { quotes: number; speakers: number; boilerplateShare: number } {
  let counts = counted.get(analysis);
  if (!counts) {
    const quoted = new Set<string | null>();
    for (const q of analysis.quotes) quoted.add(q.speakerId);
    let speakers = 0;
    for (const s of analysis.speakers) if (quoted.has(s.id)) speakers++;
    let boilerplate = 0;
    for (const n of analysis.noise) boilerplate += n.end - n.start;
    counts = { quotes: analysis.quotes.length, speakers, boilerplate };
    counted.set(analysis, counts);
  }
  return { quotes: counts.quotes, speakers: counts.speakers, boilerplateShare: length === 0 ? 0 : counts.boilerplate / length };
}

/** "N quotes · M speakers · K% boilerplate" for the active article; a click reveals the Sources view. */
export class ArticleStatusBar extends Disposable {
  private readonly item = this.register(vscode.window.createStatusBarItem('sourceAnnotator.articleStatus', vscode.StatusBarAlignment.Left, 50));
  private visible = false;

  constructor(
    private readonly cache: AnalysisCache,
    onDidPaint: vscode.Event<vscode.Uri>,
  ) {
    super();
    this.item.name = vscode.l10n.t('Source Annotator: article');
    this.item.command = Commands.showSources;
    const updateIfActive = (uri: vscode.Uri): void => {
      if (uri.toString() === vscode.window.activeTextEditor?.document.uri.toString()) this.update();
    };
    this.register(vscode.window.onDidChangeActiveTextEditor(() => this.update()));
    this.register(vscode.workspace.onDidOpenTextDocument(() => this.update()));
    // Repaints follow typing with a debounce and share the analysis: update with them.
    this.register(onDidPaint(updateIfActive));
    this.register(cache.onDidChangeShown(updateIfActive));
    // Like the first paint, the first figures (an analysis) come right after activation.
    const first = setTimeout(() => this.isDisposed || this.update(), 0);
    this.register(toDisposable(() => clearTimeout(first)));
  }

  /** The text shown, or undefined when hidden (tests read it through the API). */
  get text(): string | undefined {
    return this.visible ? this.item.text : undefined;
  }

  private update(): void {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || !isArticleDocument(doc)) {
      this.item.hide();
      this.visible = false;
      return;
    }
    const analysis = this.cache.get(doc);
    const length = documentLength(doc);
    // Word and character counts of a large document would hold the extension host for seconds: its share of boilerplate is by characters.
    const stats = length >= LARGE_DOCUMENT_CHARS ? quickStatistics(analysis, length) : articleStatistics(doc.getText(), analysis);
    const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
    const articles = analysis.articles?.length ?? 0;
    const split = articles > 0 ? `${plural(articles, vscode.l10n.t('article'), vscode.l10n.t('articles'))} · ` : '';
    // A large document is analysed in the background: until then the figures are of its visible part.
    const state = this.cache.state(doc);
    const analysing = state.failed !== undefined ? `$(warning) ${vscode.l10n.t('analysis failed')} · ` : state.complete ? '' : `$(sync~spin) ${vscode.l10n.t('analysing')} · `;
    this.item.text = `$(quote) ${analysing}${split}${plural(stats.quotes, vscode.l10n.t('quote'), vscode.l10n.t('quotes'))} · ${plural(stats.speakers, vscode.l10n.t('speaker'), vscode.l10n.t('speakers'))} · ${Math.round(stats.boilerplateShare * 100)}% ${vscode.l10n.t('boilerplate')}`;
    this.item.tooltip =
      state.failed !== undefined
        ? vscode.l10n.t(
            'Source Annotator: the analysis of this whole document failed ({0}). The detections shown are those of the part first shown and of the paragraphs edited since. {1}',
            state.failed,
            state.retriesOnEdit === true ? vscode.l10n.t('The next edit tries again.') : vscode.l10n.t('It failed twice in a row: saving the document tries again.'),
          )
        : articles > 0
        ? vscode.l10n.t('Source Annotator: detections in this archive export of {0} articles. Click to show the Sources view.', articles)
        : vscode.l10n.t('Source Annotator: detections in this article. Click to show the Sources view.');
    this.item.show();
    this.visible = true;
  }
}
