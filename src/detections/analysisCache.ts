import * as vscode from 'vscode';
import { Disposable, Emitter, type DisposableLike } from '../base/dispose';
import type { Analysis } from '../core/analysis/types';
import { withoutRejected } from '../core/detections/rejections';
import { ArchiveSeparatorSetting, affectsArchiveSeparator } from './archiveSeparator';
import { BackgroundAnalyzer } from './backgroundAnalyzer';
import { AnalysisFailedError, LargeDocuments } from './largeDocuments';
import { engine } from '../base/lazyBundles';
import { showError } from '../base/notify';

const EMPTY: Analysis = { quotes: [], speakers: [], cues: [], noise: [] };

/** Which detections a person rejected; the tagging feature answers from the annotation store. */
export interface RejectionSource {
  /** The `detectionKey`s rejected in an open document. */
  rejectedIn(uri: vscode.Uri): ReadonlySet<string>;
  /** The `detectionKey`s rejected in a file that is not open, read from its sidecar on disk. */
  rejectedOnDisk(uri: vscode.Uri, text: string): Promise<ReadonlySet<string>>;
  /** Fires with the text file's URI when its rejections may have changed. */
  readonly onDidChange: (listener: (uri: vscode.Uri) => void) => DisposableLike;
}

interface Entry {
  readonly version: number;
  readonly analysis: Analysis;
  /** Covers the whole document (a large one's first answer covers its visible part only). */
  readonly complete: boolean;
  /** Equals a full analysis of this version (a large one's is quick after an edit, until the full one arrives). */
  readonly exact: boolean;
  /** How long the analysis took, to pace updates while typing in very long articles. */
  readonly millis: number;
  /** The analysis without the detections a person rejected, for the current rejections. */
  shown?: { readonly generation: number; readonly analysis: Analysis };
}

/**
 * Owns "what is shown": one analysis per document version, without the rejected detections,
 * shared by decorations, hovers, symbols, folding, navigation, commands and views. Entries are
 * dropped when their document closes.
 */
export class AnalysisCache extends Disposable {
  private readonly entries = new Map<string, Entry>();
  private generation = 0;
  private readonly separators = new ArchiveSeparatorSetting();
  private readonly shownChanged = this.register(new Emitter<vscode.Uri>());
  /** Fires when what is shown of a document changed without a new version (a rejection). */
  readonly onDidChangeShown = this.shownChanged.event;

  private readonly large: LargeDocuments;

  /** `workerScript`: dist/analysisWorker.js, which analyses large documents off the extension host. */
  constructor(
    private readonly rejections: RejectionSource,
    workerScript: string,
  ) {
    super();
    const analyzer = this.register(new BackgroundAnalyzer(workerScript, (message) => console.error(`Source Annotator: ${message}`)));
    this.large = new LargeDocuments({
      analyzer,
      separatorOf: (uri) => this.separators.optionsFor(uri).separator?.source,
      visibleRanges: (doc) => vscode.window.visibleTextEditors.filter((e) => e.document === doc).flatMap((e) => e.visibleRanges),
      changed: (uri) => this.shownChanged.fire(uri),
    });
    this.register({ dispose: () => this.large.clear() });
    this.register(
      vscode.workspace.onDidCloseTextDocument((doc) => {
        this.entries.delete(doc.uri.toString());
        this.large.forget(doc.uri);
      }),
    );
    // Registered before any consumer's listener: an edit is recorded before anyone asks for the new version.
    this.register(vscode.workspace.onDidChangeTextDocument((e) => this.large.edited(e)));
    this.register(vscode.workspace.onDidSaveTextDocument((doc) => this.large.saved(doc)));
    this.register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!affectsArchiveSeparator(e)) return;
        this.entries.clear();
        this.large.clear();
        for (const doc of vscode.workspace.textDocuments) this.shownChanged.fire(doc.uri);
      }),
    );
    this.register(
      rejections.onDidChange((uri) => {
        this.generation++;
        this.shownChanged.fire(uri);
      }),
    );
  }

  /**
   * The detections of the document as the editor shows them, at once. For a large document this is
   * the newest answer (see largeDocuments.ts): it may cover only the visible part until the full
   * analysis arrives; callers that need all of it await `complete(doc)`.
   */
  get(doc: vscode.TextDocument): Analysis {
    return this.entry(doc).shown?.analysis ?? EMPTY;
  }

  /**
   * The detections of the whole document, once its analysis covers all of it. Rejects with an
   * `AnalysisFailedError` when a large document's full analysis failed (see `shownOrComplete`).
   */
  async complete(doc: vscode.TextDocument): Promise<Analysis> {
    // Asking first starts the analysis of a document nobody has asked about yet.
    this.entry(doc);
    await this.large.whenComplete(doc);
    return this.get(doc);
  }

  /** The detections of the whole document as a full analysis of its current version gives them (a large one's arrive from the worker). */
  async exact(doc: vscode.TextDocument): Promise<Analysis> {
    this.entry(doc);
    await this.large.whenExact(doc);
    return this.get(doc);
  }

  /**
   * As `complete` (or `exact`), but when a large document's full analysis failed, what is shown of
   * it: a hover, the outline and folding show what they can.
   */
  async shownOrComplete(doc: vscode.TextDocument, exact = false): Promise<Analysis> {
    try {
      return await (exact ? this.exact(doc) : this.complete(doc));
    } catch (e) {
      if (e instanceof AnalysisFailedError) return this.get(doc);
      throw e;
    }
  }

  /** Whether the document is analysed off the extension host. */
  isLarge(doc: vscode.TextDocument): boolean {
    return this.large.handles(doc);
  }

  /** Whether what `get` answers covers the whole document, and equals a full analysis of this version. */
  state(doc: vscode.TextDocument): { readonly version: number; readonly complete: boolean; readonly exact: boolean; readonly background: boolean; readonly failed?: string; readonly retriesOnEdit?: boolean } {
    const entry = this.entry(doc);
    const failed = this.large.failure(doc);
    return {
      version: entry.version,
      complete: entry.complete,
      exact: entry.exact,
      background: this.large.isAnalysing(doc),
      ...(failed === undefined ? {} : { failed, retriesOnEdit: this.large.retriesOnEdit(doc) }),
    };
  }

  private entry(doc: vscode.TextDocument): Entry & { shown: NonNullable<Entry['shown']> } {
    const key = doc.uri.toString();
    let entry = this.entries.get(key);
    if (this.large.handles(doc)) {
      const started = Date.now();
      const live = this.large.current(doc);
      if (!entry || entry.analysis !== live.analysis) {
        entry = { version: live.version, analysis: live.analysis, complete: live.complete, exact: live.exact, millis: Date.now() - started };
        this.entries.set(key, entry);
      } else if (entry.version !== live.version || entry.complete !== live.complete || entry.exact !== live.exact) {
        // The same detections, now known to be complete or exact (a full analysis equal to the quick one): what is shown stays the same object.
        entry = { ...entry, version: live.version, complete: live.complete, exact: live.exact };
        this.entries.set(key, entry);
      }
    } else if (!entry || entry.version !== doc.version || !entry.exact) {
      const started = Date.now();
      const analysis = engine().analyze(doc.getText(), this.separators.optionsFor(doc.uri));
      entry = { version: doc.version, analysis, complete: true, exact: true, millis: Date.now() - started };
      this.entries.set(key, entry);
    }
    if (entry.shown?.generation !== this.generation) {
      entry.shown = { generation: this.generation, analysis: withoutRejected(entry.analysis, this.rejections.rejectedIn(doc.uri)) };
    }
    return entry as Entry & { shown: NonNullable<Entry['shown']> };
  }

  /** The detections of an article file that is not open, as they would be shown. */
  async fromDisk(uri: vscode.Uri, text: string): Promise<Analysis> {
    return withoutRejected(engine().analyze(text, this.separators.optionsFor(uri)), await this.rejections.rejectedOnDisk(uri, text));
  }

  /** Milliseconds the last analysis of the document took (0 before the first). */
  lastDuration(doc: vscode.TextDocument): number {
    return this.entries.get(doc.uri.toString())?.millis ?? 0;
  }

  override dispose(): void {
    super.dispose();
    this.entries.clear();
  }
}

/**
 * The detections of the whole document for a command that needs all of them (navigation, clean
 * text, article info); undefined, after saying why, when its full analysis failed.
 */
export async function wholeAnalysisOrSay(cache: AnalysisCache, doc: vscode.TextDocument): Promise<Analysis | undefined> {
  try {
    return await cache.complete(doc);
  } catch (e) {
    if (!(e instanceof AnalysisFailedError)) throw e;
    void showError(vscode.l10n.t('The analysis of {0} failed, so its detections are known only near what was shown: {1}', vscode.workspace.asRelativePath(doc.uri), e.message));
    return undefined;
  }
}
