import * as vscode from 'vscode';
import { isArticleDocument } from '../articles/language';
import { anchorAt } from '../core/annotations/anchoring/capture';
import { applyEdits, type TextEdit } from '../core/annotations/anchoring/editTracking';
import { loadAnnotations } from '../core/annotations/sidecar/load';
import type { Annotation, Rejection } from '../core/annotations/model/types';
import { positionAt } from '../core/annotations/anchoring/positions';
import { reanchorAll, REVIEW_BELOW, type StoredAnchor } from '../core/annotations/anchoring/reanchor';
import { parseSidecar } from '../core/annotations/sidecar/parse';
import { serialiseSidecar } from '../core/annotations/sidecar/serialise';
import { SIDECAR_SUFFIX } from '../core/annotations/sidecar/types';
import { fileName, readTextIfExists, sidecarUri, textSha256, writeAtomically } from './sidecarFiles';

/** Everything known about the annotations of one text file. */
export interface FileAnnotations {
  readonly textUri: vscode.Uri;
  readonly sidecarUri: vscode.Uri;
  readonly annotations: readonly Annotation[];
  readonly rejections: readonly Rejection[];
  /** Why the annotations are read-only (the sidecar is malformed or too new), or undefined. */
  readonly problem: string | undefined;
  /** The last write failed; the annotations are kept in memory and written when possible. */
  readonly unsaved: boolean;
}

interface Snapshot {
  readonly annotations: readonly Annotation[];
  readonly rejections: readonly Rejection[];
}

interface FileState extends Snapshot {
  readonly textUri: vscode.Uri;
  readonly sidecarUri: vscode.Uri;
  /** The sidecar as last read or written: rewrites keep its comments, and our own writes are recognised. */
  sidecarText: string | undefined;
  problem: string | undefined;
  annotations: readonly Annotation[];
  rejections: readonly Rejection[];
  history: Snapshot[];
  writes: Promise<void>;
  writeFailed: boolean;
  retryTimer: ReturnType<typeof setTimeout> | undefined;
  /** Positions changed by typing: the sidecar is rewritten when the text is saved. */
  positionsChanged: boolean;
  /** The last contents this store wrote, to tell its own writes from outside changes in watcher events. */
  ownWrites: string[];
}

const HISTORY_LIMIT = 50;
const RETRY_MS = 10_000;

/**
 * Keeps each open article's annotations in memory, anchored to the live text, and in step with
 * its sidecar: loads and re-anchors it, follows typing, writes changes atomically (one write at a
 * time per file), reloads on outside changes, never overwrites a sidecar it could not read.
 */
export class AnnotationStore implements vscode.Disposable {
  private readonly states = new Map<string, FileState>();
  private readonly loading = new Map<string, Promise<FileState | undefined>>();
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  /** Fires with the text file's URI whenever its annotations change (or fail to load). */
  readonly onDidChange = this.emitter.event;
  readonly diagnostics = vscode.languages.createDiagnosticCollection('source-annotator-sidecar');
  private readonly disposables: vscode.Disposable[] = [];
  private readonly reportedProblems = new Set<string>();

  constructor() {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/*${SIDECAR_SUFFIX}`);
    const onSidecarEvent = (uri: vscode.Uri): void => void this.onSidecarChangedOnDisk(uri);
    this.disposables.push(
      this.emitter,
      this.diagnostics,
      watcher,
      watcher.onDidChange(onSidecarEvent),
      watcher.onDidCreate(onSidecarEvent),
      watcher.onDidDelete(onSidecarEvent),
      vscode.workspace.onDidOpenTextDocument((doc) => void this.load(doc)),
      vscode.workspace.onDidCloseTextDocument((doc) => this.forget(doc.uri)),
      vscode.workspace.onDidChangeTextDocument((e) => this.onTextChanged(e)),
      // Written while the text is saved, so both are on disk when the save completes.
      vscode.workspace.onWillSaveTextDocument((e) => {
        const state = this.states.get(e.document.uri.toString());
        if (state && this.needsWriteOnSave(state)) e.waitUntil(this.save(state, e.document));
      }),
      // A save participant that edited the text after us moved positions again.
      vscode.workspace.onDidSaveTextDocument((doc) => this.onTextSaved(doc)),
      vscode.workspace.onWillRenameFiles((e) => e.waitUntil(this.sidecarRenames(e.files))),
      vscode.workspace.onDidDeleteFiles((e) => void this.onTextDeleted(e.files)),
    );
    for (const doc of vscode.workspace.textDocuments) void this.load(doc);
  }

  /** The annotations of an open article, or undefined before they are loaded. */
  get(uri: vscode.Uri): FileAnnotations | undefined {
    const state = this.states.get(uri.toString());
    return state ? this.view(state) : undefined;
  }

  all(): FileAnnotations[] {
    return [...this.states.values()].map((s) => this.view(s));
  }

  /** Loads (once) the annotations of an open article document. */
  async load(doc: vscode.TextDocument): Promise<FileAnnotations | undefined> {
    if (!isArticleDocument(doc) || doc.uri.path.endsWith(SIDECAR_SUFFIX)) return undefined;
    const key = doc.uri.toString();
    const known = this.states.get(key);
    if (known) return this.view(known);
    let pending = this.loading.get(key);
    if (!pending) {
      pending = this.readState(doc).finally(() => this.loading.delete(key));
      this.loading.set(key, pending);
    }
    const state = await pending;
    return state ? this.view(state) : undefined;
  }

  /** Replaces the annotations of a file through `change`, records the old ones for undo, and saves. */
  async update(doc: vscode.TextDocument, change: (current: Snapshot) => Snapshot): Promise<FileAnnotations> {
    await this.load(doc);
    const state = this.states.get(doc.uri.toString());
    if (!state) throw new Error(vscode.l10n.t('{0} is not an article.', vscode.workspace.asRelativePath(doc.uri)));
    if (state.problem !== undefined) throw new Error(vscode.l10n.t('The annotations of {0} are read-only until its sidecar is fixed: {1}', fileName(doc.uri), state.problem));
    const next = change({ annotations: state.annotations, rejections: state.rejections });
    state.history.push({ annotations: state.annotations, rejections: state.rejections });
    if (state.history.length > HISTORY_LIMIT) state.history.shift();
    state.annotations = sortByPosition(next.annotations);
    state.rejections = sortByPosition(next.rejections);
    this.emitter.fire(doc.uri);
    await this.save(state, doc);
    return this.view(state);
  }

  /** Restores the annotations before the last change; false when there is nothing to undo. */
  async undo(doc: vscode.TextDocument): Promise<boolean> {
    const state = this.states.get(doc.uri.toString());
    const previous = state?.history.pop();
    if (!state || !previous || state.problem !== undefined) return false;
    state.annotations = previous.annotations;
    state.rejections = previous.rejections;
    this.emitter.fire(doc.uri);
    await this.save(state, doc);
    return true;
  }

  /** Resolves when every write started so far has finished (or failed). */
  async flush(): Promise<void> {
    await Promise.all([...this.states.values()].map((s) => s.writes));
  }

  private view(state: FileState): FileAnnotations {
    return {
      textUri: state.textUri,
      sidecarUri: state.sidecarUri,
      annotations: state.annotations,
      rejections: state.rejections,
      problem: state.problem,
      unsaved: state.writeFailed,
    };
  }

  private async readState(doc: vscode.TextDocument): Promise<FileState | undefined> {
    const uri = sidecarUri(doc.uri);
    let sidecarText: string | undefined;
    try {
      sidecarText = await readTextIfExists(uri);
    } catch (err) {
      return this.install(doc, this.brokenState(doc, uri, undefined, vscode.l10n.t('cannot be read ({0})', message(err))));
    }
    return this.install(doc, this.stateFromSidecar(doc, uri, sidecarText));
  }

  private install(doc: vscode.TextDocument, state: FileState): FileState | undefined {
    // The document may have closed while the sidecar was read.
    if (!vscode.workspace.textDocuments.includes(doc)) return undefined;
    this.states.set(doc.uri.toString(), state);
    this.emitter.fire(doc.uri);
    return state;
  }

  private stateFromSidecar(doc: vscode.TextDocument, uri: vscode.Uri, sidecarText: string | undefined): FileState {
    this.diagnostics.delete(uri);
    const fresh = (annotations: readonly Annotation[], rejections: readonly Rejection[]): FileState => newState(doc.uri, uri, sidecarText, undefined, annotations, rejections);
    if (sidecarText === undefined || sidecarText.trim() === '') return fresh([], []);
    const parsed = parseSidecar(sidecarText);
    if (!parsed.ok) {
      this.diagnostics.set(
        uri,
        parsed.errors.map((e) => {
          const at = new vscode.Position(Math.max(0, e.line - 1), Math.max(0, e.column - 1));
          const d = new vscode.Diagnostic(new vscode.Range(at, at.translate(0, 1)), e.message, vscode.DiagnosticSeverity.Error);
          d.source = 'Source Annotator';
          return d;
        }),
      );
      const first = parsed.errors[0];
      const where = first ? vscode.l10n.t('line {0}: {1}', first.line, first.message) : '';
      const problem = parsed.newerVersion && first ? first.message.replace(/\.$/, '') : vscode.l10n.t('not a valid sidecar ({0})', where);
      return this.brokenState(doc, uri, sidecarText, problem);
    }
    const loaded = loadAnnotations(parsed.sidecar, doc.getText(), textSha256(doc.getText()));
    this.reportedProblems.delete(uri.toString());
    return fresh(sortByPosition(loaded.set.annotations), sortByPosition(loaded.set.rejections));
  }

  private brokenState(doc: vscode.TextDocument, uri: vscode.Uri, sidecarText: string | undefined, problem: string): FileState {
    // One notification per broken content; the Problems panel keeps the details.
    const key = `${uri.toString()}\n${sidecarText ?? ''}`;
    if (!this.reportedProblems.has(key)) {
      this.reportedProblems.add(key);
      void vscode.window.showErrorMessage(vscode.l10n.t('Source Annotator: {0}: {1}. Its annotations are read-only and the file is left untouched until it is fixed.', vscode.workspace.asRelativePath(uri), problem));
    }
    return newState(doc.uri, uri, sidecarText, problem, [], []);
  }

  private forget(uri: vscode.Uri): void {
    const state = this.states.get(uri.toString());
    if (!state) return;
    if (state.retryTimer) clearTimeout(state.retryTimer);
    // Unsaved annotations stay in memory (and keep retrying) rather than being dropped.
    if (state.writeFailed) return;
    this.states.delete(uri.toString());
  }

  private onTextChanged(e: vscode.TextDocumentChangeEvent): void {
    const state = this.states.get(e.document.uri.toString());
    if (!state || e.contentChanges.length === 0 || state.problem !== undefined) return;
    const doc = e.document;
    const length = doc.offsetAt(doc.lineAt(doc.lineCount - 1).range.end);
    const first = e.contentChanges[0];
    const wholeReplaced = e.contentChanges.length === 1 && first !== undefined && first.rangeOffset === 0 && first.rangeLength > 0 && first.text.length === length;
    if (wholeReplaced) {
      // The text was replaced as a whole (reloaded after a change on disk): find every passage again.
      const text = doc.getText();
      state.annotations = this.reanchor(text, state.annotations);
      state.rejections = this.reanchor(text, state.rejections);
    } else {
      const edits: TextEdit[] = e.contentChanges.map((c) => ({ start: c.rangeOffset, end: c.rangeOffset + c.rangeLength, text: c.text }));
      state.annotations = applyEdits(state.annotations, edits);
      state.rejections = applyEdits(state.rejections, edits);
      // Reading the whole text on each keystroke is only worth it when there is an orphan to look for.
      if ([...state.annotations, ...state.rejections].some((a) => a.status === 'orphaned')) {
        const text = doc.getText();
        state.annotations = this.reattachOrphans(text, state.annotations);
        state.rejections = this.reattachOrphans(text, state.rejections);
      }
    }
    state.positionsChanged = true;
    this.emitter.fire(e.document.uri);
    // A document reloaded from disk is not dirty: record the new places at once.
    if (!e.document.isDirty) void this.save(state, e.document);
  }

  /** Passages orphaned by typing come back when their exact text and context reappear (undo, paste). */
  private reattachOrphans<T extends Annotation | Rejection>(text: string, entries: readonly T[]): T[] {
    if (!entries.some((a) => a.status === 'orphaned')) return [...entries];
    const orphans = entries.filter((a) => a.status === 'orphaned');
    const found = reanchorAll(text, orphans.map((a) => toStoredAnchor(text, a)));
    const back = new Map<T, { start: number; end: number }>();
    orphans.forEach((a, i) => {
      const r = found[i];
      if (r && r.method === 'exact' && r.confidence >= REVIEW_BELOW) back.set(a, r);
    });
    return entries.map((a) => {
      const place = back.get(a);
      return place ? { ...a, start: place.start, end: place.end, status: 'active' } : a;
    });
  }

  private reanchor<T extends Annotation | Rejection>(text: string, entries: readonly T[]): T[] {
    const found = reanchorAll(text, entries.map((a) => toStoredAnchor(text, a)));
    return entries.map((a, i) => {
      const r = found[i];
      if (!r || r.method === 'orphaned') return { ...a, start: r?.start ?? 0, end: r?.start ?? 0, status: 'orphaned' };
      return { ...a, start: r.start, end: r.end, status: a.status === 'orphaned' ? 'active' : a.status };
    });
  }

  private onTextSaved(doc: vscode.TextDocument): void {
    const state = this.states.get(doc.uri.toString());
    if (state && this.needsWriteOnSave(state)) void this.save(state, doc);
  }

  private needsWriteOnSave(state: FileState): boolean {
    return state.problem === undefined && (state.positionsChanged || state.writeFailed);
  }

  private save(state: FileState, doc: vscode.TextDocument): Promise<void> {
    state.writes = state.writes.then(() => this.write(state, doc));
    return state.writes;
  }

  private async write(state: FileState, doc: vscode.TextDocument): Promise<void> {
    if (state.problem !== undefined) return;
    if (state.sidecarText === undefined && state.annotations.length === 0 && state.rejections.length === 0) {
      state.positionsChanged = false;
      return;
    }
    const text = doc.getText();
    // The stored words and context are those of the text the positions refer to now.
    state.annotations = state.annotations.map((a) => (a.status === 'orphaned' ? a : refreshAnchor(text, a)));
    state.rejections = state.rejections.map((r) => (r.status === 'orphaned' ? r : refreshAnchor(text, r)));
    const content = serialiseSidecar(state.sidecarText, { file: fileName(state.textUri), sha256: textSha256(text), annotations: state.annotations, rejections: state.rejections }, text);
    try {
      if (content !== state.sidecarText) {
        state.ownWrites = [...state.ownWrites.slice(-4), content];
        await writeAtomically(state.sidecarUri, content);
      }
      state.sidecarText = content;
      state.positionsChanged = false;
      if (state.writeFailed) {
        state.writeFailed = false;
        void vscode.window.showInformationMessage(vscode.l10n.t('Source Annotator: the annotations of {0} are saved now.', fileName(state.textUri)));
        this.emitter.fire(state.textUri);
      }
    } catch (err) {
      if (!state.writeFailed) {
        state.writeFailed = true;
        void vscode.window.showErrorMessage(
          vscode.l10n.t('Source Annotator: could not save {0} ({1}). The previous file is intact; your annotations are kept and will be saved when possible.', vscode.workspace.asRelativePath(state.sidecarUri), message(err)),
        );
        this.emitter.fire(state.textUri);
      }
      if (state.retryTimer) clearTimeout(state.retryTimer);
      state.retryTimer = setTimeout(() => {
        state.retryTimer = undefined;
        const live = vscode.workspace.textDocuments.find((d) => d.uri.toString() === state.textUri.toString());
        if (live && state.writeFailed) void this.save(state, live);
      }, RETRY_MS);
    }
  }

  private async onSidecarChangedOnDisk(uri: vscode.Uri): Promise<void> {
    const textUri = uri.with({ path: uri.path.slice(0, -SIDECAR_SUFFIX.length) });
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === textUri.toString());
    if (!doc) return;
    const state = this.states.get(textUri.toString());
    // Let our own writes land first, so the file is compared with what we wrote last.
    await state?.writes;
    let text: string | undefined;
    try {
      text = await readTextIfExists(uri);
    } catch {
      return;
    }
    const current = this.states.get(textUri.toString());
    if (current !== state) return;
    // Our own write, seen again through the watcher.
    if (state && (text === state.sidecarText || (text !== undefined && state.ownWrites.includes(text)))) return;
    const next = this.stateFromSidecar(doc, uri, text);
    if (state?.retryTimer) clearTimeout(state.retryTimer);
    this.states.set(textUri.toString(), next);
    this.emitter.fire(textUri);
  }

  private async sidecarRenames(files: readonly { oldUri: vscode.Uri; newUri: vscode.Uri }[]): Promise<vscode.WorkspaceEdit> {
    const edit = new vscode.WorkspaceEdit();
    for (const { oldUri, newUri } of files) {
      if (oldUri.path.endsWith(SIDECAR_SUFFIX)) continue;
      const from = sidecarUri(oldUri);
      try {
        const stat = await vscode.workspace.fs.stat(oldUri);
        if (stat.type !== vscode.FileType.File) continue;
        await vscode.workspace.fs.stat(from);
      } catch {
        continue;
      }
      await this.states.get(oldUri.toString())?.writes;
      edit.renameFile(from, sidecarUri(newUri), { overwrite: false, ignoreIfExists: false });
    }
    return edit;
  }

  private async onTextDeleted(files: readonly vscode.Uri[]): Promise<void> {
    for (const uri of files) {
      if (uri.path.endsWith(SIDECAR_SUFFIX)) continue;
      try {
        await vscode.workspace.fs.stat(sidecarUri(uri));
      } catch {
        continue;
      }
      void vscode.window.showInformationMessage(
        vscode.l10n.t('{0} was deleted; its annotations are kept in {1}.', fileName(uri), vscode.workspace.asRelativePath(sidecarUri(uri))),
      );
    }
  }

  dispose(): void {
    for (const s of this.states.values()) if (s.retryTimer) clearTimeout(s.retryTimer);
    for (const d of this.disposables) d.dispose();
  }
}

function newState(textUri: vscode.Uri, sidecar: vscode.Uri, sidecarText: string | undefined, problem: string | undefined, annotations: readonly Annotation[], rejections: readonly Rejection[]): FileState {
  return {
    textUri,
    sidecarUri: sidecar,
    sidecarText,
    problem,
    annotations,
    rejections,
    history: [],
    writes: Promise.resolve(),
    writeFailed: false,
    retryTimer: undefined,
    positionsChanged: false,
    ownWrites: [],
  };
}

/** The entry with its text, prefix and suffix read again at its current place; the same object if unchanged. */
function refreshAnchor<T extends Annotation | Rejection>(text: string, entry: T): T {
  const anchor = anchorAt(text, entry.start, entry.end);
  if (anchor.text === entry.text && anchor.prefix === entry.prefix && anchor.suffix === entry.suffix) return entry;
  return { ...entry, ...anchor };
}

function toStoredAnchor(text: string, a: Annotation | Rejection): StoredAnchor {
  const start = Math.min(a.start, text.length);
  return { start: positionAt(text, start), end: positionAt(text, Math.min(Math.max(a.end, start), text.length)), text: a.text, prefix: a.prefix, suffix: a.suffix };
}

function sortByPosition<T extends { start: number; end: number }>(entries: readonly T[]): T[] {
  return [...entries].sort((a, b) => a.start - b.start || a.end - b.end);
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
