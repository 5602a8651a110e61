import * as vscode from 'vscode';
import { Disposable, toDisposable } from '../base/dispose';
import type { AnalysisCache } from './analysisCache';
import { LARGE_DOCUMENT_CHARS, documentLength } from './largeDocuments';
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
  /** The analysis painted covers the whole document (a large one is painted from its visible part first). */
  readonly complete: boolean;
  /** The analysis painted equals a full analysis of this version (a large one's is quick just after an edit). */
  readonly exact: boolean;
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
  /** A counter per document: a second painting step that a newer painting overtook is dropped. */
  private readonly paints = new Map<string, number>();
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
    // The first paint analyses the open articles: right after activation, not inside it, so
    // activating registers only and the editor is not held while the engine runs.
    const first = setTimeout(() => this.isDisposed || this.paintVisible(), 0);
    this.register(toDisposable(() => clearTimeout(first)));
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
  private boilerplateSpans(doc: vscode.TextDocument, analysis: Analysis, length: number): Span[] {
    const lines = this.corpus.repeatedLines(doc.uri);
    let spans: Span[] = [...analysis.noise];
    if (lines.length > 0) {
      const starts = new Set(analysis.noise.map((n) => n.start));
      const repeated = lines.filter((m) => !starts.has(m.start) && m.end <= length);
      if (repeated.length > 0) spans = [...spans, ...repeated].sort((a, b) => a.start - b.start);
    }
    // A large document's runs of boilerplate lines are painted as one whole-line range each: tens of
    // thousands of ranges would cost the extension host seconds to send at every repaint.
    return length >= LARGE_DOCUMENT_CHARS ? mergedRuns(doc.getText(), spans) : spans;
  }

  private paint(editor: vscode.TextEditor): void {
    const doc = editor.document;
    if (!isArticleDocument(doc)) return;
    const key = doc.uri.toString();
    const token = (this.paints.get(key) ?? 0) + 1;
    this.paints.set(key, token);
    const analysis: Analysis | undefined = this.settings.enabled ? this.cache.get(doc) : undefined;
    const state = this.cache.state(doc);
    const boilerplate = analysis && this.settings.boilerplate ? this.boilerplateSpans(doc, analysis, documentLength(doc)) : [];
    const count = analysis ? analysis.quotes.length + analysis.cues.length + boilerplate.length : 0;
    if (analysis && count > VIEWPORT_FIRST_MIN_DETECTIONS && editor.visibleRanges.length > 0) {
      // Many detections: the visible lines first, so the eye sees them at once; the rest right after.
      this.apply(editor, this.rangesOf(doc, analysis, boilerplate, visibleWindow(editor)));
      setTimeout(() => {
        if (this.isDisposed || doc.isClosed || this.paints.get(key) !== token || doc.version !== state.version) return;
        this.finish(editor, this.rangesOf(doc, analysis, boilerplate, undefined), state);
      }, 0);
      return;
    }
    this.finish(editor, this.rangesOf(doc, analysis, boilerplate, undefined), state);
  }

  private finish(editor: vscode.TextEditor, ranges: PaintedRanges, state: { version: number; complete: boolean; exact: boolean }): void {
    this.apply(editor, ranges);
    const doc = editor.document;
    this.shown.set(doc.uri.toString(), { version: doc.version, quotes: ranges.quotes, speakers: ranges.speakers, cues: ranges.cues, noise: ranges.noise, complete: state.complete, exact: state.exact });
    this.changeEmitter.fire(doc.uri);
  }

  /** The ranges of every detection, or of those meeting `window` only. */
  private rangesOf(doc: vscode.TextDocument, analysis: Analysis | undefined, boilerplate: readonly Span[], window: Span | undefined): PaintedRanges {
    const s = this.settings;
    const pick = <T extends Span>(spans: readonly T[]): readonly T[] => (window ? within(spans, window) : spans);
    const quotes = analysis && s.quotes ? pick(analysis.quotes).map((q) => toRange(doc, q)) : [];
    const cues = analysis && s.cues ? pick(analysis.cues).map((c) => toRange(doc, c)) : [];
    const noise = pick(boilerplate).map((n) => toRange(doc, n));
    const bySpeaker: vscode.Range[][] = this.types.speakers.map(() => []);
    const speakers: vscode.Range[] = [];
    if (analysis && s.speakers) {
      analysis.speakers.forEach((speaker, i) => {
        const bucket = bySpeaker[i % bySpeaker.length];
        for (const m of pick(speaker.mentions)) {
          const r = toRange(doc, m);
          bucket?.push(r);
          speakers.push(r);
        }
      });
    }
    speakers.sort((a, b) => a.start.compareTo(b.start));
    return { quotes, cues, noise, bySpeaker, speakers };
  }

  private apply(editor: vscode.TextEditor, r: PaintedRanges): void {
    editor.setDecorations(this.types.quote, r.quotes);
    editor.setDecorations(this.types.cue, r.cues);
    editor.setDecorations(this.types.boilerplate, r.noise);
    this.types.speakers.forEach((t, i) => editor.setDecorations(t, r.bySpeaker[i] ?? []));
  }
}

interface PaintedRanges {
  readonly quotes: vscode.Range[];
  readonly cues: vscode.Range[];
  readonly noise: vscode.Range[];
  readonly bySpeaker: readonly vscode.Range[][];
  readonly speakers: vscode.Range[];
}

/** Past this many detections an editor is painted in two steps, its visible lines first. */
const VIEWPORT_FIRST_MIN_DETECTIONS = 2_000;
/** Lines above and below the visible ones painted in the first step (a little scrolling stays painted). */
const VIEWPORT_MARGIN_LINES = 100;

function visibleWindow(editor: vscode.TextEditor): Span {
  const doc = editor.document;
  let first = doc.lineCount;
  let last = 0;
  for (const r of editor.visibleRanges) {
    first = Math.min(first, r.start.line);
    last = Math.max(last, r.end.line);
  }
  const from = Math.max(0, first - VIEWPORT_MARGIN_LINES);
  const to = Math.min(doc.lineCount - 1, last + VIEWPORT_MARGIN_LINES);
  return { start: doc.offsetAt(new vscode.Position(from, 0)), end: doc.offsetAt(doc.lineAt(to).range.end) };
}

/** Consecutive spans with only white space between them, as one span each. */
function mergedRuns(text: string, spans: readonly Span[]): Span[] {
  const out: Span[] = [];
  let run: { start: number; end: number } | undefined;
  for (const s of spans) {
    if (run && s.start >= run.end && /^\s*$/.test(text.slice(run.end, s.start))) run.end = Math.max(run.end, s.end);
    else {
      if (run) out.push(run);
      run = { start: s.start, end: s.end };
    }
  }
  if (run) out.push(run);
  return out;
}

/** The spans (sorted by start) that meet the window, found by binary search: the cost follows what is visible. */
function within<T extends Span>(spans: readonly T[], window: Span): T[] {
  let lo = 0;
  let hi = spans.length;
  // Spans do not nest, so their ends are sorted too: the first ending inside or after the window.
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((spans[mid]?.end ?? 0) < window.start) lo = mid + 1;
    else hi = mid;
  }
  const out: T[] = [];
  for (let i = lo; i < spans.length; i++) {
    const s = spans[i];
    if (!s || s.start > window.end) break;
    out.push(s);
  }
  return out;
}
