import * as vscode from 'vscode';
import { Disposable, Emitter, type DisposableLike } from '../base/dispose';
import { analyze } from '../core/analysis/analyze';
import type { Analysis } from '../core/analysis/types';
import { withoutRejected } from '../core/detections/rejections';
import { ArchiveSeparatorSetting, affectsArchiveSeparator } from './archiveSeparator';

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

  constructor(private readonly rejections: RejectionSource) {
    super();
    this.register(vscode.workspace.onDidCloseTextDocument((doc) => this.entries.delete(doc.uri.toString())));
    this.register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!affectsArchiveSeparator(e)) return;
        this.entries.clear();
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

  /** The detections of the document as the editor shows them. */
  get(doc: vscode.TextDocument): Analysis {
    const key = doc.uri.toString();
    let entry = this.entries.get(key);
    if (!entry || entry.version !== doc.version) {
      const started = Date.now();
      const analysis = analyze(doc.getText(), this.separators.optionsFor(doc.uri));
      entry = { version: doc.version, analysis, millis: Date.now() - started };
      this.entries.set(key, entry);
    }
    if (entry.shown?.generation !== this.generation) {
      entry.shown = { generation: this.generation, analysis: withoutRejected(entry.analysis, this.rejections.rejectedIn(doc.uri)) };
    }
    return entry.shown.analysis;
  }

  /** The detections of an article file that is not open, as they would be shown. */
  async fromDisk(uri: vscode.Uri, text: string): Promise<Analysis> {
    return withoutRejected(analyze(text, this.separators.optionsFor(uri)), await this.rejections.rejectedOnDisk(uri, text));
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
