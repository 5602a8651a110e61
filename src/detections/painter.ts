import * as vscode from 'vscode';
import { offsetChanges } from '../base/textChanges';
import { Disposable, toDisposable } from '../base/dispose';
import type { AnalysisCache } from './analysisCache';
import { LARGE_DOCUMENT_CHARS, documentLength } from './largeDocuments';
import type { CorpusLookup } from './hover';
import { isArticleDocument } from '../articles/language';
import { affectsHighlights, readHighlightSettings, type HighlightSettings } from '../base/config';
import { Colors, ConfigKeys } from '../base/constants';
import type { Analysis, Span } from '../core/analysis/types';
import type { EditMap } from '../core/analysis/editMap';
import { engine } from '../base/lazyBundles';
import { CHUNKS, byChunk, changedChunks, evenBounds, mergedRuns, movedBounds, type ChunkSpans } from './chunks';
import { repaintDelay } from './pace';

/** What the highlights of one editor currently show, per kind (the API reports it to tests; ranges are made when first read). */
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
  /** What each editor was last painted from: asked again for the very same, only the flags shown change. */
  private readonly lastPaint = new WeakMap<vscode.TextEditor, LastPaint>();
  /** Decoration types of chunks 1… of large documents (chunk 0 paints with `types`), made on first need. */
  private chunkTypes: DecorationTypes[] = [];
  /** Per visible editor of a large document: what each chunk was last sent, and the edits since. */
  private readonly chunked = new Map<vscode.TextEditor, ChunkState>();
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
    this.register(
      vscode.window.onDidChangeVisibleTextEditors((editors) => {
        for (const editor of [...this.chunked.keys()]) if (!editors.includes(editor)) this.chunked.delete(editor);
        this.paintVisible();
      }),
    );
    this.register(
      vscode.workspace.onDidChangeTextDocument((e) => {
        // The editor moves the painted decorations with the text; the chunks learn how, to tell moved from changed.
        for (const [editor, chunk] of this.chunked) {
          if (editor.document === e.document) chunk.edits = chunk.edits.then(offsetChanges(e.contentChanges));
        }
        this.schedule(e.document);
      }),
    );
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
        this.chunkTypes.forEach(disposeTypes);
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
    this.chunkTypes.forEach(disposeTypes);
    this.chunkTypes = [];
    this.chunked.clear();
    this.shown.clear();
    this.paintVisible();
  }

  private schedule(doc: vscode.TextDocument): void {
    if (!vscode.window.visibleTextEditors.some((e) => e.document === doc)) return;
    const key = doc.uri.toString();
    const previous = this.pending.get(key);
    if (previous) clearTimeout(previous);
    this.pending.set(
      key,
      setTimeout(() => {
        this.pending.delete(key);
        for (const editor of vscode.window.visibleTextEditors) if (editor.document === doc) this.paint(editor);
        if (this.pending.size === 0) this.idleWaiters.splice(0).forEach((resolve) => resolve());
      }, repaintDelay(this.settings.debounceMs, this.cache.lastDuration(doc), doc.offsetAt(doc.lineAt(doc.lineCount - 1).range.end))),
    );
  }

  private paintVisible(): void {
    for (const editor of vscode.window.visibleTextEditors) this.paint(editor);
  }

  /** The detector's boilerplate lines and the lines recurring across the article's folder, in text order. */
  private boilerplateSpans(doc: vscode.TextDocument, analysis: Analysis, length: number, lines: readonly Span[]): readonly Span[] {
    let spans: readonly Span[] = analysis.noise;
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
    const repeated = this.corpus.repeatedLines(doc.uri);
    const last = this.lastPaint.get(editor);
    const shown = this.shown.get(key);
    if (analysis && shown && last?.analysis === analysis && last.version === doc.version && last.settings === this.settings && sameSpans(last.repeated, repeated)) {
      // The same detections of the same version (a full analysis that equals the quick one): only what is known of them changed.
      this.shown.set(key, shownOf(doc, last.spans, state));
      this.changeEmitter.fire(doc.uri);
      return;
    }
    const length = documentLength(doc);
    const boilerplate = analysis && this.settings.boilerplate ? this.boilerplateSpans(doc, analysis, length, repeated) : [];
    const painted: Painted = { analysis, repeated, spans: this.spansOf(analysis, boilerplate) };
    if (length >= LARGE_DOCUMENT_CHARS) {
      this.paintChunks(editor, painted, state, token);
      return;
    }
    this.leaveChunks(editor);
    const count = analysis ? analysis.quotes.length + analysis.cues.length + boilerplate.length : 0;
    if (analysis && count > VIEWPORT_FIRST_MIN_DETECTIONS && editor.visibleRanges.length > 0) {
      // Many detections: the visible lines first, so the eye sees them at once; the rest right after.
      this.apply(editor, this.rangesOf(doc, painted.spans, visibleWindow(editor)));
      setTimeout(() => {
        if (this.isDisposed || doc.isClosed || this.paints.get(key) !== token || doc.version !== state.version) return;
        this.finish(editor, this.rangesOf(doc, painted.spans, undefined), state, painted);
      }, 0);
      return;
    }
    this.finish(editor, this.rangesOf(doc, painted.spans, undefined), state, painted);
  }

  private finish(editor: vscode.TextEditor, ranges: PaintedRanges, state: PaintState, painted: Painted): void {
    this.apply(editor, ranges);
    this.painted(editor, painted, state);
  }

  /** Records what the editor now shows and tells who listens. */
  private painted(editor: vscode.TextEditor, painted: Painted, state: PaintState): void {
    const doc = editor.document;
    this.lastPaint.set(editor, { ...painted, version: doc.version, settings: this.settings });
    this.shown.set(doc.uri.toString(), shownOf(doc, painted.spans, state));
    this.changeEmitter.fire(doc.uri);
  }

  /** The detections to paint, per kind; speakers' mentions in text order. */
  private spansOf(analysis: Analysis | undefined, boilerplate: readonly Span[]): PaintedSpans {
    const s = this.settings;
    const speakers = analysis && s.speakers ? analysis.speakers.map((speaker, i) => ({ tint: i % Colors.speakerTints.length, mentions: speaker.mentions })) : [];
    return { quotes: analysis && s.quotes ? analysis.quotes : [], cues: analysis && s.cues ? analysis.cues : [], noise: boilerplate, speakers };
  }

  /**
   * A large document: each chunk's detections are sent only when they changed other than by
   * moving with the text (which the editor does itself); chunks in view first.
   */
  private paintChunks(editor: vscode.TextEditor, painted: Painted, state: PaintState, token: number): void {
    const doc = editor.document;
    let chunk = this.chunked.get(editor);
    if (!chunk || chunk.doc !== doc) {
      chunk = { doc, edits: engine().EditMap.none, bounds: evenBounds(documentLength(doc)), sent: [] };
      this.chunked.set(editor, chunk);
    }
    const bounds = movedBounds(chunk.bounds, chunk.edits);
    const next = byChunk(styleLists(painted.spans, this.types.speakers.length), bounds);
    const changed = changedChunks(chunk.sent, next, bounds, chunk.edits);
    // The editor has moved the unchanged chunks' decorations to exactly these spans: the next comparison starts from them.
    next.forEach((spans, c) => {
      if (!changed.includes(c)) chunk.sent[c] = spans;
    });
    chunk.bounds = bounds;
    chunk.edits = engine().EditMap.none;
    const view = editor.visibleRanges.length > 0 ? visibleWindow(editor) : undefined;
    const inView = (c: number): boolean => !!view && (bounds[c] ?? 0) <= view.end && view.start < (bounds[c + 1] ?? Infinity);
    const now = changed.filter((c) => changed.length === 1 || inView(c));
    const later = changed.filter((c) => !now.includes(c));
    for (const c of now) this.sendChunk(editor, chunk, c, next[c] ?? []);
    // Not sent yet: if a newer paint overtakes the rest, it sends them.
    for (const c of later) chunk.sent[c] = undefined;
    if (later.length === 0) {
      this.painted(editor, painted, state);
      return;
    }
    const key = doc.uri.toString();
    const current = (): boolean => !this.isDisposed && !doc.isClosed && this.paints.get(key) === token && doc.version === state.version && this.chunked.get(editor) === chunk;
    // Nearest the view first: scrolling a little finds them painted soonest.
    const distance = (c: number): number => (view ? Math.max(0, (bounds[c] ?? 0) - view.end, view.start - (bounds[c + 1] ?? Infinity)) : c);
    later.sort((a, b) => distance(a) - distance(b));
    this.trickle(editor, chunk, later, next, current)
      .then((done) => done && this.painted(editor, painted, state))
      .catch((e: unknown) => console.error('Source Annotator: painting the rest of a large document failed', e));
  }

  /**
   * Sends the chunks out of view one at a time, each once the editor's window has taken in what
   * was sent before. Sent at once, the tens of thousands of ranges of a large document keep that
   * window busy for seconds, and a keystroke made meanwhile waits behind them before the
   * extension even hears of it. False when a newer paint took over (it sends what is left).
   */
  private async trickle(editor: vscode.TextEditor, chunk: ChunkState, chunks: readonly number[], next: readonly ChunkSpans[], current: () => boolean): Promise<boolean> {
    for (const c of chunks) {
      await windowCaughtUp();
      if (!current()) return false;
      this.sendChunk(editor, chunk, c, next[c] ?? []);
    }
    return true;
  }

  private sendChunk(editor: vscode.TextEditor, chunk: ChunkState, c: number, spans: ChunkSpans): void {
    const doc = editor.document;
    styleTypes(this.typesOfChunk(c)).forEach((type, s) => editor.setDecorations(type, (spans[s] ?? []).map((span) => toRange(doc, span))));
    chunk.sent[c] = spans;
  }

  private typesOfChunk(c: number): DecorationTypes {
    if (c === 0) return this.types;
    while (this.chunkTypes.length < CHUNKS - 1) this.chunkTypes.push(createTypes());
    return this.chunkTypes[c - 1] ?? this.types;
  }

  /** The document is painted whole again (it became small): the other chunks' decorations go. */
  private leaveChunks(editor: vscode.TextEditor): void {
    if (!this.chunked.delete(editor)) return;
    for (const types of this.chunkTypes) styleTypes(types).forEach((type) => editor.setDecorations(type, []));
  }

  /** The ranges of every detection, or of those meeting `window` only. */
  private rangesOf(doc: vscode.TextDocument, spans: PaintedSpans, window: Span | undefined): PaintedRanges {
    const pick = (list: readonly Span[]): vscode.Range[] => (window ? within(list, window) : list).map((x) => toRange(doc, x));
    const bySpeaker: vscode.Range[][] = this.types.speakers.map(() => []);
    for (const speaker of spans.speakers) {
      const bucket = bySpeaker[speaker.tint];
      for (const r of pick(speaker.mentions)) bucket?.push(r);
    }
    return { quotes: pick(spans.quotes), cues: pick(spans.cues), noise: pick(spans.noise), bySpeaker };
  }

  private apply(editor: vscode.TextEditor, r: PaintedRanges): void {
    editor.setDecorations(this.types.quote, r.quotes);
    editor.setDecorations(this.types.cue, r.cues);
    editor.setDecorations(this.types.boilerplate, r.noise);
    this.types.speakers.forEach((t, i) => editor.setDecorations(t, r.bySpeaker[i] ?? []));
  }
}

interface PaintState {
  readonly version: number;
  readonly complete: boolean;
  readonly exact: boolean;
}

/** The detections painted, per kind (speakers' mentions with their tint). */
interface PaintedSpans {
  readonly quotes: readonly Span[];
  readonly cues: readonly Span[];
  readonly noise: readonly Span[];
  readonly speakers: readonly { readonly tint: number; readonly mentions: readonly Span[] }[];
}

interface Painted {
  readonly analysis: Analysis | undefined;
  readonly repeated: readonly Span[];
  readonly spans: PaintedSpans;
}

interface LastPaint extends Painted {
  readonly version: number;
  readonly settings: HighlightSettings;
}

interface ChunkState {
  readonly doc: vscode.TextDocument;
  /** The edits since the chunks were last sent. */
  edits: EditMap;
  bounds: number[];
  /** Per chunk, the spans per style last sent (undefined: to send). */
  sent: (ChunkSpans | undefined)[];
}

/** A context key set only to learn when the editor's window has handled everything sent before. */
const PAINT_FENCE_KEY = 'sourceAnnotator.paintFence';
let fences = 0;

/**
 * Resolves once the editor's window has handled what the extension sent before: messages to it
 * are handled in order, and setting a context key is answered by it.
 */
async function windowCaughtUp(): Promise<void> {
  try {
    await vscode.commands.executeCommand('setContext', PAINT_FENCE_KEY, ++fences);
  } catch {
    // Never a reason not to paint: the chunks then follow without waiting.
  }
}

/** The decoration types in style order: quote, cue, boilerplate, then each speaker tint. */
function styleTypes(t: DecorationTypes): vscode.TextEditorDecorationType[] {
  return [t.quote, t.cue, t.boilerplate, ...t.speakers];
}

/** The spans in style order (as `styleTypes`). */
function styleLists(spans: PaintedSpans, tints: number): (readonly Span[])[] {
  const bySpeaker = Array.from({ length: tints }, (): Span[] => []);
  for (const s of spans.speakers) for (const m of s.mentions) bySpeaker[s.tint]?.push(m);
  return [spans.quotes, spans.cues, spans.noise, ...bySpeaker];
}

/** What the API reports of a paint; its ranges are made when first read (tens of thousands in a large document). */
function shownOf(doc: vscode.TextDocument, spans: PaintedSpans, state: PaintState): ShownHighlights {
  const version = doc.version;
  const lazily = (list: () => readonly Span[]): (() => vscode.Range[]) => {
    let made: vscode.Range[] | undefined;
    return () => (made ??= list().map((s) => toRange(doc, s)));
  };
  const quotes = lazily(() => spans.quotes);
  const cues = lazily(() => spans.cues);
  const noise = lazily(() => spans.noise);
  const speakers = lazily(() => spans.speakers.flatMap((s) => s.mentions).sort((a, b) => a.start - b.start));
  return {
    version,
    complete: state.complete,
    exact: state.exact,
    get quotes() {
      return quotes();
    },
    get cues() {
      return cues();
    },
    get noise() {
      return noise();
    },
    get speakers() {
      return speakers();
    },
  };
}

function sameSpans(a: readonly Span[], b: readonly Span[]): boolean {
  if (a === b) return true;
  return a.length === b.length && a.every((s, i) => s.start === b[i]?.start && s.end === b[i]?.end);
}

interface PaintedRanges {
  readonly quotes: vscode.Range[];
  readonly cues: vscode.Range[];
  readonly noise: vscode.Range[];
  readonly bySpeaker: readonly vscode.Range[][];
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
