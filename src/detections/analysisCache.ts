import * as vscode from 'vscode';
import { analyze } from '../core/analysis/analyze';
import type { Analysis } from '../core/analysis/types';

interface Entry {
  readonly version: number;
  readonly analysis: Analysis;
  /** How long the analysis took, to pace updates while typing in very long articles. */
  readonly millis: number;
  /** The analysis without the detections a person rejected, for the current rejections. */
  shown?: { readonly generation: number; readonly analysis: Analysis };
}

/** Answers which detections of a document a person rejected, as `kind:start:end` keys. */
export type RejectedDetections = (uri: vscode.Uri) => ReadonlySet<string>;

export function detectionKey(kind: string, start: number, end: number): string {
  return `${kind}:${start}:${end}`;
}

/**
 * One analysis per document version, shared by decorations, hovers, symbols, folding,
 * navigation and views. What they get leaves out rejected detections. Entries are dropped when
 * their document closes.
 */
export class AnalysisCache implements vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  private readonly subscription: vscode.Disposable;
  private rejected: RejectedDetections = () => new Set();
  private generation = 0;

  constructor() {
    this.subscription = vscode.workspace.onDidCloseTextDocument((doc) => this.entries.delete(doc.uri.toString()));
  }

  /** Lets the annotation store hide rejected detections; call `rejectionsChanged` when they change. */
  setRejectedDetections(rejected: RejectedDetections): void {
    this.rejected = rejected;
    this.rejectionsChanged();
  }

  rejectionsChanged(): void {
    this.generation++;
  }

  /** The detections of the document as the editor shows them. */
  get(doc: vscode.TextDocument): Analysis {
    const key = doc.uri.toString();
    let entry = this.entries.get(key);
    if (!entry || entry.version !== doc.version) {
      const started = Date.now();
      const analysis = analyze(doc.getText());
      entry = { version: doc.version, analysis, millis: Date.now() - started };
      this.entries.set(key, entry);
    }
    if (entry.shown?.generation !== this.generation) {
      entry.shown = { generation: this.generation, analysis: withoutRejected(entry.analysis, this.rejected(doc.uri)) };
    }
    return entry.shown.analysis;
  }

  /** Milliseconds the last analysis of the document took (0 before the first). */
  lastDuration(doc: vscode.TextDocument): number {
    return this.entries.get(doc.uri.toString())?.millis ?? 0;
  }

  dispose(): void {
    this.subscription.dispose();
    this.entries.clear();
  }
}

function withoutRejected(analysis: Analysis, rejected: ReadonlySet<string>): Analysis {
  if (rejected.size === 0) return analysis;
  const kept = (kind: string) => (s: { start: number; end: number }): boolean => !rejected.has(detectionKey(kind, s.start, s.end));
  const speakers = analysis.speakers.map((s) => ({ ...s, mentions: s.mentions.filter(kept('speaker')) })).filter((s) => s.mentions.length > 0);
  const speakerIds = new Set(speakers.map((s) => s.id));
  return {
    quotes: analysis.quotes.filter(kept('quote')).map((q) => (q.speakerId !== null && !speakerIds.has(q.speakerId) ? { ...q, speakerId: null, mention: null } : q)),
    speakers,
    cues: analysis.cues.filter(kept('cue')),
    noise: analysis.noise.filter(kept('noise')),
  };
}
