import * as vscode from 'vscode';
import { Disposable, toDisposable } from '../base/dispose';
import type { AnalysisCache } from './analysisCache';
import type { CorpusLookup } from './hover';
import { isArticleDocument } from '../articles/language';
import { affectsHighlights, readHighlightSettings, type HighlightSettings } from '../base/config';
import { Colors, ConfigKeys } from '../base/constants';
import type { Analysis, Span } from '../core/analysis/types';

/** What the highlights of one editor currently show, per kind (the API reports it to tests). */
export interface ShownHighlights {
  readonly version: number;
  readonly quotes: readonly vscode.Range[];
  readonly speakers: readonly vscode.Range[];
  readonly cues: readonly vscode.Range[];
  readonly noise: readonly vscode.Range[];
}

interface DecorationTypes {
  readonly quote: vscode.TextEditorDecorationType;
  readonly cue: vscode.TextEditorDecorationType;
  readonly boilerplate: vscode.TextEditorDecorationType;
  readonly speakers: readonly vscode.TextEditorDecorationType[];
}

function createTypes(): DecorationTypes {
  const color = (id: string): vscode.ThemeColor => new vscode.ThemeColor(id);
  return {
    quote: vscode.window.createTextEditorDecorationType({
      backgroundColor: color(Colors.quoteBackground),
      borderColor: color(Colors.quoteBorder),
      borderStyle: 'none none dotted none',
      borderWidth: '0 0 1px 0',
      overviewRulerColor: color(Colors.quoteOverviewRuler),
      overviewRulerLane: vscode.OverviewRulerLane.Center,
      rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
    }),
    cue: vscode.window.createTextEditorDecorationType({
      color: color(Colors.cueForeground),
      fontStyle: 'italic',
      borderColor: color(Colors.cueBorder),
      borderStyle: 'none none dashed none',
      borderWidth: '0 0 1px 0',
    }),
    boilerplate: vscode.window.createTextEditorDecorationType({
      isWholeLine: true,
      opacity: '0.55',
      color: color(Colors.boilerplateForeground),
      backgroundColor: color(Colors.boilerplateBackground),
      overviewRulerColor: color(Colors.boilerplateOverviewRuler),
      overviewRulerLane: vscode.OverviewRulerLane.Right,
    }),
    speakers: Colors.speakerTints.map((tint, i) =>
      vscode.window.createTextEditorDecorationType({
        color: color(tint),
        fontWeight: '600',
        borderColor: color(Colors.speakerBorders[i] ?? tint),
        borderStyle: 'none none solid none',
        borderWidth: '0 0 2px 0',
      }),
    ),
  };
}

function disposeTypes(t: DecorationTypes): void {
  t.quote.dispose();
  t.cue.dispose();
  t.boilerplate.dispose();
  t.speakers.forEach((s) => s.dispose());
}

function toRange(doc: vscode.TextDocument, span: Span): vscode.Range {
  return new vscode.Range(doc.positionAt(span.start), doc.positionAt(span.end));
}

/**
 * Paints quotes, speaker mentions, cues and boilerplate lines into visible article editors.
 * Decoration types are created once and rebuilt only when settings change; typing is debounced.
 */
export class DetectionPainter extends Disposable {
  private types: DecorationTypes = createTypes();
  private settings: HighlightSettings = readHighlightSettings();
  private readonly shown = new Map<string, ShownHighlights>();
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly idleWaiters: (() => void)[] = [];
  private readonly changeEmitter = this.register(new vscode.EventEmitter<vscode.Uri>());
  /** Fires after the highlights of a document were repainted. */
  readonly onDidPaint = this.changeEmitter.event;

  constructor(
    private readonly cache: AnalysisCache,
    private readonly corpus: Pick<CorpusLookup, 'repeatedLines' | 'onDidChange'>,
  ) {
    super();
    // Lines learned as boilerplate from the corpus appear as the index fills.
    this.register(corpus.onDidChange(() => this.paintVisible()));
    this.register(vscode.window.onDidChangeVisibleTextEditors(() => this.paintVisible()));
    this.register(vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document)));
    this.register(vscode.workspace.onDidOpenTextDocument(() => this.paintVisible()));
    this.register(vscode.workspace.onDidCloseTextDocument((doc) => this.shown.delete(doc.uri.toString())));
    this.register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (affectsHighlights(e)) this.reloadSettings();
      }),
    );
    // Rejecting a detection changes what is shown without a new document version.
    this.register(cache.onDidChangeShown(() => this.paintVisible()));
    this.register(
      toDisposable(() => {
        this.pending.forEach((t) => clearTimeout(t));
        this.pending.clear();
        this.idleWaiters.splice(0).forEach((resolve) => resolve());
        disposeTypes(this.types);
      }),
    );
    this.paintVisible();
  }

  async toggle(): Promise<void> {
    const config = vscode.workspace.getConfiguration(ConfigKeys.section);
    const target = vscode.workspace.workspaceFolders ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
    await config.update(ConfigKeys.highlightsEnabled, !this.settings.enabled, target);
    // The configuration event repaints too; do it now so the command's effect is synchronous.
    this.reloadSettings();
  }

  /** What the editor of `uri` shows right now, or undefined when no visible editor shows it. */
  shownFor(uri: vscode.Uri): ShownHighlights | undefined {
    return this.shown.get(uri.toString());
  }

  /** Resolves once no repaint is pending. */
  whenIdle(): Promise<void> {
    if (this.pending.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private reloadSettings(): void {
    this.settings = readHighlightSettings();
    disposeTypes(this.types);
    this.types = createTypes();
    this.shown.clear();
    this.paintVisible();
  }

  private schedule(doc: vscode.TextDocument): void {
    if (!vscode.window.visibleTextEditors.some((e) => e.document === doc)) return;
    const key = doc.uri.toString();
    const previous = this.pending.get(key);
    if (previous) clearTimeout(previous);
    // A long article is re-analysed at most about every other analysis time, so typing keeps up.
    this.pending.set(
      key,
      setTimeout(() => {
        this.pending.delete(key);
        for (const editor of vscode.window.visibleTextEditors) if (editor.document === doc) this.paint(editor);
        if (this.pending.size === 0) this.idleWaiters.splice(0).forEach((resolve) => resolve());
      }, Math.max(this.settings.debounceMs, 2 * this.cache.lastDuration(doc))),
    );
  }

  private paintVisible(): void {
    for (const editor of vscode.window.visibleTextEditors) this.paint(editor);
  }

  /** The detector's boilerplate lines and the lines recurring across the article's folder, in text order. */
  private boilerplateRanges(doc: vscode.TextDocument, analysis: Analysis): vscode.Range[] {
    const starts = new Set(analysis.noise.map((n) => n.start));
    const length = doc.getText().length;
    const repeated = this.corpus.repeatedLines(doc.uri).filter((m) => !starts.has(m.start) && m.end <= length);
    const spans: Span[] = [...analysis.noise, ...repeated].sort((a, b) => a.start - b.start);
    return spans.map((n) => toRange(doc, n));
  }

  private paint(editor: vscode.TextEditor): void {
    const doc = editor.document;
    if (!isArticleDocument(doc)) return;
    const s = this.settings;
    const analysis: Analysis | undefined = s.enabled ? this.cache.get(doc) : undefined;
    const quotes = analysis && s.quotes ? analysis.quotes.map((q) => toRange(doc, q)) : [];
    const cues = analysis && s.cues ? analysis.cues.map((c) => toRange(doc, c)) : [];
    const boilerplate = analysis && s.boilerplate ? this.boilerplateRanges(doc, analysis) : [];
    const bySpeaker: vscode.Range[][] = this.types.speakers.map(() => []);
    const speakers: vscode.Range[] = [];
    if (analysis && s.speakers) {
      analysis.speakers.forEach((speaker, i) => {
        const bucket = bySpeaker[i % bySpeaker.length];
        for (const m of speaker.mentions) {
          const r = toRange(doc, m);
          bucket?.push(r);
          speakers.push(r);
        }
      });
    }
    editor.setDecorations(this.types.quote, quotes);
    editor.setDecorations(this.types.cue, cues);
    editor.setDecorations(this.types.boilerplate, boilerplate);
    this.types.speakers.forEach((t, i) => editor.setDecorations(t, bySpeaker[i] ?? []));
    speakers.sort((a, b) => a.start.compareTo(b.start));
    this.shown.set(doc.uri.toString(), { version: doc.version, quotes, speakers, cues, noise: boilerplate });
    this.changeEmitter.fire(doc.uri);
  }
}
