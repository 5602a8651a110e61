import { Disposable, Emitter, toDisposable, type DisposableLike } from '../../base/dispose';
import type { Annotation, Rejection } from '../../core/annotations/model/types';
import { SIDECAR_SUFFIX } from '../../core/annotations/sidecar/types';
import { sidecarCore } from '../../base/lazyBundles';
import { findAgain, followEdits } from './editTracking';
import { sortByPosition, viewOf, type FileAnnotations, type FileState, type Snapshot } from './fileState';
import { sameFileText } from '../../core/text/sameFileText';
import { SidecarLoader } from './loading';
import { SidecarWriter } from './writing';
import type { AnnotationWorkspace, ArticleDocument, ContentChange, StoreReporter } from './workspace';

const HISTORY_LIMIT = 50;
const RETRY_MS = 10_000;

/** Thrown by `update` when a change cannot be made; its message is for the person. */
export class AnnotationChangeError extends Error {}

/**
 * Keeps each open article's annotations in memory, anchored to the live text, and in step with
 * its sidecar: loads and re-anchors it, follows typing, writes changes (one write at a time per
 * file), reloads on outside changes, never overwrites a sidecar it could not read. It reaches
 * files and documents only through an `AnnotationWorkspace`; VS Code's events are wired to its
 * methods elsewhere (storeEvents.ts).
 */
export class AnnotationStore<U> extends Disposable {
  private readonly states = new Map<string, FileState<U>>();
  private readonly loading = new Map<string, Promise<FileState<U> | undefined>>();
  /** Articles renamed through the editor (their sidecar moved along), by key of the new name: the former file name. */
  private readonly renamedFrom = new Map<string, string>();
  private readonly emitter = this.register(new Emitter<U>());
  /** Fires with the text file's URI whenever its annotations change (or fail to load). */
  readonly onDidChange = this.emitter.event;
  private readonly loader: SidecarLoader<U>;
  private readonly writer: SidecarWriter<U>;

  constructor(
    private readonly workspace: AnnotationWorkspace<U>,
    private readonly reporter: StoreReporter<U>,
    options: { readonly retryMs?: number } = {},
  ) {
    super();
    this.loader = new SidecarLoader(workspace, reporter);
    this.writer = new SidecarWriter(workspace, reporter, (uri) => this.emitter.fire(uri), options.retryMs ?? RETRY_MS);
    this.register(toDisposable(() => this.states.forEach((s) => s.retryTimer && clearTimeout(s.retryTimer))));
  }

  /** Takes ownership of something that lives as long as the store (its reporter, its event wiring). */
  own(item: DisposableLike): void {
    this.register(item);
  }

  /** The annotations of an open article, or undefined before they are loaded. */
  get(uri: U): FileAnnotations<U> | undefined {
    const state = this.states.get(this.workspace.key(uri));
    return state ? viewOf(state) : undefined;
  }

  all(): FileAnnotations<U>[] {
    return [...this.states.values()].map(viewOf);
  }

  /** Loads (once) the annotations of an open article document. */
  async load(doc: ArticleDocument<U>): Promise<FileAnnotations<U> | undefined> {
    if (!this.workspace.isArticle(doc) || this.workspace.fileName(doc.uri).endsWith(SIDECAR_SUFFIX)) return undefined;
    const key = this.workspace.key(doc.uri);
    const known = this.states.get(key);
    if (known) {
      if (known.detached) this.reattach(known, doc);
      return viewOf(known);
    }
    let pending = this.loading.get(key);
    if (!pending) {
      const former = this.renamedFrom.get(key);
      this.renamedFrom.delete(key);
      pending = this.loader
        .read(doc, former)
        .then((state) => {
          const installed = this.install(doc, state);
          // A sidecar found under the article's former name records the new one.
          if (installed?.positionsChanged === true) void this.writer.save(installed, doc);
          return installed;
        })
        .finally(() => this.loading.delete(key));
      this.loading.set(key, pending);
    }
    const state = await pending;
    return state ? viewOf(state) : undefined;
  }

  /** Replaces the annotations of a file through `change`, records the old ones for undo, and saves. */
  async update(doc: ArticleDocument<U>, change: (current: Snapshot) => Snapshot): Promise<FileAnnotations<U>> {
    await this.load(doc);
    const state = this.states.get(this.workspace.key(doc.uri));
    if (!state) throw new AnnotationChangeError(this.reporter.t('{0} is not an article.', this.workspace.relativePath(doc.uri)));
    if (state.problem !== undefined) {
      throw new AnnotationChangeError(this.reporter.t('The annotations of {0} are read-only until its sidecar is fixed: {1}', this.workspace.fileName(doc.uri), state.problem));
    }
    const next = change({ annotations: state.annotations, rejections: state.rejections });
    state.history.push({ annotations: state.annotations, rejections: state.rejections, reanchor: false });
    if (state.history.length > HISTORY_LIMIT) state.history.shift();
    const before = new Map(state.annotations.map((a) => [a.id, a]));
    state.annotations = sortByPosition(next.annotations);
    state.rejections = sortByPosition(next.rejections);
    // A tag a person moved, edited or removed has been looked at: it no longer waits for review.
    const now = new Map(state.annotations.map((a) => [a.id, a]));
    for (const id of [...state.review.keys()]) if (now.get(id) !== before.get(id)) state.review.delete(id);
    // A tag that arrives marked (an import that found its place, but not surely) waits for a person.
    for (const a of state.annotations) if (a.review !== undefined && a.status === 'active' && !before.has(a.id)) state.review.set(a.id, a.review);
    this.emitter.fire(doc.uri);
    await this.writer.save(state, doc);
    return viewOf(state);
  }

  /** A person checked the place of a tag found again not surely: it is right where it is. */
  confirmPlace(uri: U, id: string): boolean {
    const state = this.states.get(this.workspace.key(uri));
    if (!state?.review.delete(id)) return false;
    this.emitter.fire(uri);
    // The sidecar records the unchecked place: write it again without the mark.
    const doc = this.workspace.openDocument(uri);
    if (doc && state.annotations.some((a) => a.id === id && a.review !== undefined)) void this.writer.save(state, doc);
    return true;
  }

  /** Restores the annotations before the last change; false when there is nothing to undo. */
  async undo(doc: ArticleDocument<U>): Promise<boolean> {
    const state = this.states.get(this.workspace.key(doc.uri));
    const previous = state?.history.pop();
    if (!state || !previous || state.problem !== undefined) return false;
    // Their places followed typing since; after a reload of the text they are found again by their words.
    const text = doc.getText();
    const place = <T extends Annotation | Rejection>(entries: readonly T[]): readonly T[] =>
      previous.reanchor ? sidecarCore().reanchorEntries(text, entries, state.review) : entries.some((e) => e.status === 'orphaned') ? sidecarCore().reattachOrphans(text, entries) : entries;
    state.annotations = sortByPosition(place(previous.annotations));
    state.rejections = sortByPosition(place(previous.rejections));
    this.emitter.fire(doc.uri);
    await this.writer.save(state, doc);
    return true;
  }

  /** Resolves when every write started so far has finished (or failed). */
  async flush(): Promise<void> {
    await Promise.all([...this.states.values()].map((s) => s.writes));
  }

  /** Resolves when the writes started so far for the text file have finished. */
  async writesOf(textUri: U): Promise<void> {
    await this.states.get(this.workspace.key(textUri))?.writes;
  }

  /** The document closed: its annotations are dropped, unless they still wait to be written. */
  forget(uri: U): void {
    const state = this.states.get(this.workspace.key(uri));
    if (!state) return;
    if (state.retryTimer) clearTimeout(state.retryTimer);
    // Unsaved annotations stay in memory rather than being dropped; the text may change while it is
    // closed, so they are found in it again, and written, when it reopens. So do those whose write
    // is still on its way (it may fail): dropped once it succeeds.
    const key = this.workspace.key(uri);
    if (state.writeFailed || state.writesPending > 0) {
      state.detached = true;
      if (!state.writeFailed) void state.writes.then(() => this.dropIfSaved(key, state));
      return;
    }
    this.states.delete(key);
  }

  private dropIfSaved(key: string, state: FileState<U>): void {
    if (this.states.get(key) === state && state.detached && !state.writeFailed && state.writesPending === 0) this.states.delete(key);
  }

  /** Unsaved annotations kept while their article was closed meet it again: found in its text (which may have changed on disk meanwhile), then saved. */
  private reattach(state: FileState<U>, doc: ArticleDocument<U>): void {
    state.detached = false;
    findAgain(state, doc.getText());
    this.emitter.fire(doc.uri);
    void this.writer.save(state, doc);
  }

  /** The article at `oldUri` is being renamed to `newUri` through the editor, its sidecar moving along. */
  articleRenamed(oldUri: U, newUri: U): void {
    const [oldKey, newKey] = [this.workspace.key(oldUri), this.workspace.key(newUri)];
    // Renamed again before it was opened: its sidecar still names the first name.
    this.renamedFrom.set(newKey, this.renamedFrom.get(oldKey) ?? this.workspace.fileName(oldUri));
    this.renamedFrom.delete(oldKey);
    // Annotations not saved yet move with their article, to be found in it and written when it opens.
    const kept = this.states.get(oldKey);
    if (kept && (kept.writeFailed || kept.detached)) {
      if (kept.retryTimer) clearTimeout(kept.retryTimer);
      this.states.delete(oldKey);
      this.states.set(newKey, { ...kept, textUri: newUri, sidecarUri: this.workspace.sidecarOf(newUri), detached: true, writes: Promise.resolve(), writesPending: 0, retryTimer: undefined });
    }
  }

  /** The document's text changed (typing, or a reload after a change on disk). */
  textChanged(doc: ArticleDocument<U>, changes: readonly ContentChange[]): void {
    const state = this.states.get(this.workspace.key(doc.uri));
    if (!state || !followEdits(state, doc, changes)) return;
    this.emitter.fire(doc.uri);
    // A document reloaded from disk is not dirty: record the new places at once.
    if (!doc.isDirty) void this.writer.save(state, doc);
  }

  /** The write to wait for while the text is saved, so both are on disk when the save completes. */
  writeOnSave(doc: ArticleDocument<U>): Promise<void> | undefined {
    const state = this.states.get(this.workspace.key(doc.uri));
    return state && this.writer.needsWriteOnSave(state) ? this.writer.save(state, doc) : undefined;
  }

  /** A sidecar was created, changed or deleted on disk: reload it unless the change is our own write. */
  async sidecarChangedOnDisk(uri: U): Promise<void> {
    const textUri = this.workspace.textOf(uri);
    const doc = textUri === undefined ? undefined : this.workspace.openDocument(textUri);
    if (!doc) return;
    const key = this.workspace.key(doc.uri);
    const state = this.states.get(key);
    // Let our own writes land first, so the file is compared with what we wrote last.
    await state?.writes;
    let text: string | undefined;
    try {
      text = await this.workspace.readText(uri);
    } catch {
      return;
    }
    if (this.states.get(key) !== state) return;
    // Our own write (landed, or landing now); a file changed back to an earlier write of ours is an outside change.
    if (state && (sameFileText(text, state.sidecarText) || sameFileText(text, state.lastWrite))) return;
    // Annotations not saved yet are merged with the change (the writer does it), never replaced by it.
    if (state && state.problem === undefined && state.writeFailed && !state.detached) {
      await this.writer.save(state, doc);
      return;
    }
    const next = this.loader.fromText(doc, uri, text);
    if (state?.retryTimer) clearTimeout(state.retryTimer);
    this.states.set(key, next);
    this.emitter.fire(doc.uri);
  }

  private install(doc: ArticleDocument<U>, state: FileState<U>): FileState<U> | undefined {
    // The document may have closed while the sidecar was read.
    if (!this.workspace.isOpen(doc)) return undefined;
    this.states.set(this.workspace.key(doc.uri), state);
    this.emitter.fire(doc.uri);
    return state;
  }
}
