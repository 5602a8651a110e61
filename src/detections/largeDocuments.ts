// Large open documents: never analysed whole on the extension host. The first answer is the
// visible part analysed alone; a full analysis runs on a worker thread; an edit splices the
// edited paragraphs (or article) into the last answer at once, and a full analysis follows once
// typing pauses. Until the full analysis arrives the last answer stays shown.
import type * as vscode from 'vscode';
import { offsetChanges } from '../base/textChanges';
import type { LiveAnalysis, LiveResult } from '../core/analysis/liveAnalysis';
import type { Analysis } from '../core/analysis/types';
import { isFailed, type BackgroundAnalyzer } from './backgroundAnalyzer';
import { engine } from '../base/lazyBundles';
import { fullAnalysisPause } from './pace';

/** Documents at least this many characters long (about 200 KB) are analysed off the extension host. */
export const LARGE_DOCUMENT_CHARS = 200_000;
/** Once large, a document stays so until it shrinks below half of it: no flip-flop at the edge. */
const SMALL_AGAIN_CHARS = LARGE_DOCUMENT_CHARS / 2;
/** The first answer covers the visible lines and this many characters around them. */
const VIEWPORT_MARGIN_CHARS = 4_000;
/** ... and never more than this, however many editors show the document. */
const MAX_VIEWPORT_CHARS = 60_000;

interface Waiter {
  readonly resolve: () => void;
  readonly reject: (e: Error) => void;
}

/** The full analysis of a large document failed (the engine threw, the worker ran out of memory): callers that need all of it are told why. */
export class AnalysisFailedError extends Error {}

/** After this many full analyses failed in a row, edits no longer start another (each may take a core for a minute): saving the document tries again. */
const MAX_FAILED_ANALYSES = 2;

interface Tracked {
  readonly live: LiveAnalysis;
  timer: ReturnType<typeof setTimeout> | undefined;
  /** Resolved when the analysis first covers the whole document. */
  readonly waiters: Waiter[];
  /** Resolved when a full analysis of the newest version arrives. */
  readonly exactWaiters: Waiter[];
  /** Why the last full analysis failed, if it did; an edit since then tries again (up to `MAX_FAILED_ANALYSES` in a row). */
  failure: string | undefined;
  /** Full analyses failed in a row. */
  failures: number;
  /** The version the document had when first analysed here. */
  readonly openedVersion: number;
  /**
   * Milliseconds the last full analysis after an edit took, from request to reply (the first one,
   * of the document as opened, says little: an export's worker then analyses every article, later
   * only the edited one); undefined before any.
   */
  fullMillis: number | undefined;
}

export interface LargeDocumentHost {
  readonly analyzer: BackgroundAnalyzer;
  separatorOf(uri: vscode.Uri): string | undefined;
  visibleRanges(doc: vscode.TextDocument): readonly vscode.Range[];
  /** A full analysis changed what is shown of the document. */
  changed(uri: vscode.Uri): void;
}

/** The length of a document without building its text. */
export function documentLength(doc: vscode.TextDocument): number {
  if (doc.lineCount === 0) return 0;
  return doc.offsetAt(doc.lineAt(doc.lineCount - 1).range.end);
}

/** How far past the viewport's bound its first and last lines may reach to be taken whole. */
const LINE_REACH_CHARS = VIEWPORT_MARGIN_CHARS;
const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13;

/** The viewport's start moved back to its line's start, or (a line reaching back further) to the space after `at`. */
export function viewportStart(text: string, at: number): number {
  if (at <= 0) return 0;
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  if (at - lineStart <= LINE_REACH_CHARS) return lineStart;
  for (let i = at; i < Math.min(text.length, at + LINE_REACH_CHARS); i++) if (isSpace(text.charCodeAt(i))) return i + 1;
  return at;
}

/** The viewport's end moved on to its line's end, or (a line reaching further) back to a space before `at`. */
export function viewportEnd(text: string, at: number): number {
  if (at >= text.length) return text.length;
  const newline = text.indexOf('\n', at);
  const lineEnd = newline < 0 ? text.length : newline;
  if (lineEnd - at <= LINE_REACH_CHARS) return lineEnd;
  for (let i = at; i > Math.max(0, at - LINE_REACH_CHARS); i--) if (isSpace(text.charCodeAt(i - 1))) return i - 1;
  return at;
}

export class LargeDocuments {
  private readonly tracked = new Map<string, Tracked>();

  constructor(private readonly host: LargeDocumentHost) {}

  /** Whether the document is (still) handled here. */
  handles(doc: vscode.TextDocument): boolean {
    const length = documentLength(doc);
    if (this.tracked.has(doc.uri.toString())) {
      if (length >= SMALL_AGAIN_CHARS) return true;
      this.forget(doc.uri);
      return false;
    }
    return length >= LARGE_DOCUMENT_CHARS;
  }

  /** The newest answer for the document: never a full analysis on this thread. */
  current(doc: vscode.TextDocument): LiveResult {
    const key = doc.uri.toString();
    let t = this.tracked.get(key);
    if (!t) {
      t = { live: new (engine().LiveAnalysis)(doc.version, engine().analyzeArticle), timer: undefined, waiters: [], exactWaiters: [], failure: undefined, failures: 0, openedVersion: doc.version, fullMillis: undefined };
      this.tracked.set(key, t);
      this.requestFull(doc, t);
    }
    // The text of a large document costs a copy: read only when there is something to analyse.
    const found = t.live.current(() => doc.getText());
    if (found) return found;
    const text = doc.getText();
    const partial = this.viewportAnalysis(doc, text);
    t.live.partial(doc.version, partial);
    return t.live.current(text) ?? { version: doc.version, analysis: partial, complete: false, exact: false };
  }

  /** Records an edit; the full analysis follows once typing pauses. */
  edited(e: vscode.TextDocumentChangeEvent): void {
    const t = this.tracked.get(e.document.uri.toString());
    if (!t || e.contentChanges.length === 0) return;
    t.live.edited(
      e.document.version,
      offsetChanges(e.contentChanges),
    );
    clearTimeout(t.timer);
    // Failed again and again (a text the worker cannot analyse): the quick answers spliced per edit
    // stay, and whoever needs the whole document is still told why.
    if (t.failures >= MAX_FAILED_ANALYSES) {
      t.timer = undefined;
      return;
    }
    t.failure = undefined;
    const doc = e.document;
    t.timer = setTimeout(() => {
      t.timer = undefined;
      if (!doc.isClosed && this.tracked.get(doc.uri.toString()) === t) this.requestFull(doc, t);
    }, fullAnalysisPause(t.fullMillis ?? 0));
  }

  /** Saving tries a full analysis again after it failed too often for edits to (see `MAX_FAILED_ANALYSES`). */
  saved(doc: vscode.TextDocument): void {
    const t = this.tracked.get(doc.uri.toString());
    if (!t || t.failures < MAX_FAILED_ANALYSES || doc.isClosed) return;
    t.failures = 0;
    t.failure = undefined;
    this.requestFull(doc, t);
    this.host.changed(doc.uri);
  }

  /** Whether an edit starts a new full analysis after a failure (false once they failed too often in a row: saving does). */
  retriesOnEdit(doc: vscode.TextDocument): boolean {
    return (this.tracked.get(doc.uri.toString())?.failures ?? 0) < MAX_FAILED_ANALYSES;
  }

  /**
   * Resolves once the document's analysis covers all of it (at once when it does, or when it is not
   * tracked); rejects with an `AnalysisFailedError` when its full analysis failed.
   */
  whenComplete(doc: vscode.TextDocument): Promise<void> {
    return this.wait(doc, (r) => r.complete, (t) => t.waiters);
  }

  /** Resolves once the document's analysis equals a full analysis of its version at that time (at once when not tracked); rejects as `whenComplete`. */
  whenExact(doc: vscode.TextDocument): Promise<void> {
    return this.wait(doc, (r) => r.exact, (t) => t.exactWaiters);
  }

  /** Why the full analysis of the document's current state failed, if it did (until the next edit). */
  failure(doc: vscode.TextDocument): string | undefined {
    const t = this.tracked.get(doc.uri.toString());
    return t?.failure !== undefined && !t.timer && !this.host.analyzer.isBusyWith(doc.uri.toString()) ? t.failure : undefined;
  }

  private wait(doc: vscode.TextDocument, done: (r: LiveResult) => boolean, waiters: (t: Tracked) => Waiter[]): Promise<void> {
    const t = this.tracked.get(doc.uri.toString());
    const found = t?.live.current(() => doc.getText());
    if (!t || (found && done(found))) return Promise.resolve();
    const failed = this.failure(doc);
    if (failed !== undefined) return Promise.reject(new AnalysisFailedError(failed));
    return new Promise((resolve, reject) => waiters(t).push({ resolve, reject }));
  }

  /** Whether a full analysis of the document is running or waiting. */
  isAnalysing(doc: vscode.TextDocument): boolean {
    return this.host.analyzer.isBusyWith(doc.uri.toString());
  }

  forget(uri: vscode.Uri): void {
    const key = uri.toString();
    const t = this.tracked.get(key);
    if (!t) return;
    clearTimeout(t.timer);
    t.waiters.splice(0).forEach((w) => w.resolve());
    t.exactWaiters.splice(0).forEach((w) => w.resolve());
    this.tracked.delete(key);
    this.host.analyzer.cancel(key);
  }

  /** Forgets every document: their next answers start again (a setting that changes analysis changed). */
  clear(): void {
    for (const key of [...this.tracked.keys()]) {
      const t = this.tracked.get(key);
      if (t) clearTimeout(t.timer);
      t?.waiters.splice(0).forEach((w) => w.resolve());
      t?.exactWaiters.splice(0).forEach((w) => w.resolve());
      this.host.analyzer.cancel(key);
    }
    this.tracked.clear();
  }

  /** `expecting`: let the worker leave the detections out when its articles are those of the quick answer shown for this version. */
  private requestFull(doc: vscode.TextDocument, t: Tracked, expecting = true): void {
    const key = doc.uri.toString();
    const version = doc.version;
    const text = doc.getText();
    const expected = expecting ? t.live.soundArticles(version, text) : undefined;
    const asked = Date.now();
    const afterEdit = version !== t.openedVersion;
    void this.host.analyzer.analyze(key, text, this.host.separatorOf(doc.uri), expected).then((arrived) => {
      // Re-check after the wait: the document may have closed or been forgotten meanwhile.
      if (!arrived || doc.isClosed || this.tracked.get(key) !== t) return;
      if (isFailed(arrived)) {
        t.failures++;
        // An edit since then asks again once typing pauses; otherwise whoever waits is told why.
        if (t.timer || this.host.analyzer.isBusyWith(key)) return;
        t.failure = arrived.failed;
        const error = new AnalysisFailedError(arrived.failed);
        t.waiters.splice(0).forEach((w) => w.reject(error));
        t.exactWaiters.splice(0).forEach((w) => w.reject(error));
        this.host.changed(doc.uri);
        return;
      }
      t.failures = 0;
      if (afterEdit) t.fullMillis = Date.now() - asked;
      if (!t.live.arrived(version, arrived, () => doc.getText())) {
        // The detections were left out but are needed after all (the quick answer of that version
        // was forgotten meanwhile): the newest version is analysed again, detections included.
        if (expected && !t.timer && !this.host.analyzer.isBusyWith(key)) this.requestFull(doc, t, false);
        return;
      }
      t.waiters.splice(0).forEach((w) => w.resolve());
      if (t.live.current(() => doc.getText())?.exact) t.exactWaiters.splice(0).forEach((w) => w.resolve());
      this.host.changed(doc.uri);
    });
  }

  /** The visible lines and some around them, analysed alone: something to show at once. */
  private viewportAnalysis(doc: vscode.TextDocument, text: string): Analysis {
    const ranges = this.host.visibleRanges(doc);
    const first = ranges[0];
    let start = first ? doc.offsetAt(first.start) : 0;
    let end = first ? doc.offsetAt(first.end) : 0;
    for (const r of ranges) {
      start = Math.min(start, doc.offsetAt(r.start));
      end = Math.max(end, doc.offsetAt(r.end));
    }
    start = Math.max(0, start - VIEWPORT_MARGIN_CHARS);
    end = Math.min(text.length, Math.max(end + VIEWPORT_MARGIN_CHARS, start + 2 * VIEWPORT_MARGIN_CHARS), start + MAX_VIEWPORT_CHARS);
    // Whole lines, where they are near: a cut line would be judged as a fragment. A line longer than
    // that (a text without line breaks) is cut at a space near the bound, never taken whole.
    start = viewportStart(text, start);
    end = viewportEnd(text, end);
    const part = engine().analyzeArticle(text.slice(start, end));
    const span = <T extends { start: number; end: number }>(s: T): T => ({ ...s, start: s.start + start, end: s.end + start });
    return {
      quotes: part.quotes.map((q) => ({ ...span(q), mention: q.mention ? span(q.mention) : null, cue: q.cue ? span(q.cue) : null })),
      speakers: part.speakers.map((s) => ({ ...s, mentions: s.mentions.map(span) })),
      cues: part.cues.map(span),
      noise: part.noise.map(span),
    };
  }
}
