import * as vscode from 'vscode';
import { Disposable, toDisposable } from '../base/dispose';
import type { ReportTableId } from '../core/report/csv';
import type { ReportMessage } from '../core/report/messages';
import type { ReportData } from '../core/report/reportData';
import { fileOfArticle } from '../core/archive/articleIds';
import { escapeHtml } from '../core/report/html';
import type { ReportSource } from './reportSource';
import { reportMediaRoot, reportWebviewHtml, reportWebviewOptions } from './webviewHtml';
import { reportCore } from '../base/lazyBundles';
import { showError } from '../base/notify';

export const REPORT_VIEW_TYPE = 'sourceAnnotator.corpusReport';

/** Changes arriving within this time are shown once. */
const REFRESH_DELAY_MS = 500;

/** What tests may do with the open report: read it, and send it what its webview would. */
export interface ReportPanelHandle {
  readonly scope: vscode.Uri | undefined;
  /** The data shown, once the first computation finished. */
  data(): ReportData | undefined;
  /** Resolves when the report shows the current data. */
  whenRendered(): Promise<ReportData>;
  /** Routes a message exactly as one from the webview. */
  receive(message: unknown): Promise<void>;
  /** The Save as HTML action after its dialog: writes the file. */
  saveHtmlTo(target: vscode.Uri): Promise<void>;
  readonly panel: vscode.WebviewPanel;
}

/** One report panel: computes the data from its source, draws it, and answers its webview. */
export class ReportPanel extends Disposable implements ReportPanelHandle {
  private current: ReportData | undefined;
  private rendering: Promise<ReportData> | undefined;
  private generation = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private shown = false;
  /** The page shows a newer body than `html` holds (updated through a message). */
  private stale = false;
  private body = '<p class="note">Reading the articles…</p>';
  readonly panel: vscode.WebviewPanel;

  constructor(
    private readonly source: ReportSource,
    private readonly extensionUri: vscode.Uri,
    public scope: vscode.Uri | undefined,
    onDispose: () => void,
    /** A panel VS Code restored after a reload, to draw into instead of opening a new one. */
    restored?: vscode.WebviewPanel,
  ) {
    super();
    this.panel = restored ?? vscode.window.createWebviewPanel(REPORT_VIEW_TYPE, this.title(), vscode.ViewColumn.Active, reportWebviewOptions(extensionUri));
    if (restored) {
      restored.webview.options = reportWebviewOptions(extensionUri);
      restored.title = this.title();
    }
    this.register(this.panel);
    this.panel.iconPath = new vscode.ThemeIcon('graph');
    this.register(this.panel.webview.onDidReceiveMessage((m: unknown) => void this.receive(m)));
    this.register(this.panel.onDidChangeViewState(() => this.panel.visible && this.stale && this.setHtml()));
    this.register(this.panel.onDidDispose(() => {
      onDispose();
      this.dispose();
    }));
    this.register(source.onDidChange(() => this.scheduleRefresh()));
    this.register(toDisposable(() => this.timer && clearTimeout(this.timer)));
    this.panel.webview.html = reportWebviewHtml(this.panel.webview, extensionUri, this.title(), this.body, this.scope);
    this.refreshShowingErrors();
  }

  show(scope: vscode.Uri | undefined): void {
    const changed = scope?.toString() !== this.scope?.toString();
    this.scope = scope;
    this.panel.title = this.title();
    this.panel.reveal();
    if (changed) {
      this.shown = false;
      this.refreshShowingErrors();
    }
  }

  data(): ReportData | undefined {
    return this.current;
  }

  whenRendered(): Promise<ReportData> {
    return this.rendering ?? this.refresh();
  }

  async receive(raw: unknown): Promise<void> {
    const message = reportCore().parseReportMessage(raw);
    if (!message) return; // Not a message this page sends: ignored.
    await this.route(message);
  }

  async saveHtmlTo(target: vscode.Uri): Promise<void> {
    const data = this.current ?? (await this.whenRendered());
    const css = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(reportMediaRoot(this.extensionUri), 'report.css')));
    const folder = target.path.slice(0, target.path.lastIndexOf('/') + 1);
    const html = reportCore().reportDocument(data, this.title(), css, {
      hrefFor: (p) => relativeHref(folder, vscode.Uri.parse(p), target),
      displayPath: shownArticle,
    });
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(html));
  }

  private async route(message: ReportMessage): Promise<void> {
    switch (message.type) {
      case 'open':
        return this.open(message.path, message.start, message.end);
      case 'copyCsv':
        return this.copyCsv(message.table);
      case 'saveHtml':
        return this.saveHtml();
    }
  }

  /** Opens only articles the report lists: a page cannot make the extension open anything else. */
  private async open(path: string, start: number, end: number): Promise<void> {
    if (!this.current || !this.listedPaths.has(fileOfArticle(path))) return;
    // An article of an export (`…/export.txt#2`) opens its file, at the article's own offsets.
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(path).with({ fragment: '' }));
    const range = new vscode.Range(doc.positionAt(start), doc.positionAt(end));
    const column = this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Beside : vscode.ViewColumn.One;
    await vscode.window.showTextDocument(doc, { selection: range, viewColumn: column, preserveFocus: false });
  }

  private async copyCsv(table: ReportTableId): Promise<void> {
    if (!this.current) return;
    await vscode.env.clipboard.writeText(reportCore().reportCsv(this.current, table));
    vscode.window.setStatusBarMessage(vscode.l10n.t('Copied the table as CSV.'), 3000);
  }

  private async saveHtml(): Promise<void> {
    const base = this.scope ?? vscode.workspace.workspaceFolders?.[0]?.uri;
    const target = await vscode.window.showSaveDialog({
      ...(base ? { defaultUri: vscode.Uri.joinPath(base, 'corpus-report.html') } : {}),
      filters: { HTML: ['html'] },
      saveLabel: vscode.l10n.t('Save Report'),
    });
    if (!target) return;
    try {
      await this.saveHtmlTo(target);
    } catch (e) {
      void showError(vscode.l10n.t('The report could not be saved: {0}', e instanceof Error ? e.message : String(e)));
    }
  }

  private listedPaths = new Set<string>();

  private title(): string {
    return this.scope ? vscode.l10n.t('Corpus Report: {0}', vscode.workspace.asRelativePath(this.scope)) : vscode.l10n.t('Corpus Report');
  }

  private scheduleRefresh(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.refreshShowingErrors();
    }, REFRESH_DELAY_MS);
  }

  private refreshShowingErrors(): void {
    this.refresh().catch((e: unknown) => {
      if (this.isDisposed) return;
      this.body = `<p class="note">${escapeHtml(vscode.l10n.t('The report could not be computed: {0}', e instanceof Error ? e.message : String(e)))}</p>`;
      this.setHtml();
    });
  }

  private refresh(): Promise<ReportData> {
    const generation = ++this.generation;
    const run = this.compute(generation);
    this.rendering = run;
    return run;
  }

  private async compute(generation: number): Promise<ReportData> {
    const summaries = await this.source.summaries(this.scope);
    const tagging = await this.source.tagging(summaries.map((s) => s.path));
    const data = reportCore().buildReport(summaries, tagging);
    // A newer refresh started meanwhile: it draws, this result is only handed to whoever waited.
    if (this.isDisposed) return data;
    if (generation !== this.generation) return this.rendering ?? data;
    this.current = data;
    this.listedPaths = new Set(summaries.map((s) => s.path));
    this.body = reportCore().reportBody(data, this.title(), { mode: 'webview', displayPath: shownArticle });
    // A visible page is updated in place (it keeps focus and scroll); a hidden one cannot receive
    // messages, and VS Code rebuilds it from `html` when shown, so `html` must hold the new body.
    if (this.shown && this.panel.visible && (await this.panel.webview.postMessage({ type: 'render', html: this.body }))) this.stale = true;
    else this.setHtml();
    return data;
  }

  private setHtml(): void {
    this.panel.webview.html = reportWebviewHtml(this.panel.webview, this.extensionUri, this.title(), this.body, this.scope);
    this.shown = true;
    this.stale = false;
  }
}

/** An article as the report names it: its file relative to the workspace, and `#N` for one article of an export. */
function shownArticle(path: string): string {
  const uri = vscode.Uri.parse(path);
  return `${vscode.workspace.asRelativePath(uri.with({ fragment: '' }))}${uri.fragment === '' ? '' : `#${uri.fragment}`}`;
}

/** `article` as a link relative to the folder of `target` when both are files on one scheme, else its full URI. */
function relativeHref(folder: string, article: vscode.Uri, target: vscode.Uri): string {
  if (article.scheme !== target.scheme || article.authority !== target.authority) return article.toString();
  const from = folder.split('/').filter(Boolean);
  const to = article.path.split('/').filter(Boolean);
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  const up = from.slice(common).map(() => '..');
  return [...up, ...to.slice(common)].map((s) => (s === '..' ? s : encodeURIComponent(s))).join('/');
}
