import { withReview } from '../../core/annotations/model/create';
import { errorMessage, type FileState } from './fileState';
import { mergeOutsideChange } from './outsideChanges';
import { sameFileText } from '../../core/text/sameFileText';
import { MAX_SIDECAR_CHARACTERS } from '../../core/annotations/sidecar/types';
import { ChangedMeanwhileError } from '../../base/atomicWrite';

/** Writes in a row that find the file changed between reading and replacing it, before the write counts as failed. */
const MAX_ATTEMPTS = 3;
import { textSha256 } from './textHash';
import type { AnnotationWorkspace, ArticleDocument, StoreReporter } from './workspace';
import { sidecarCore } from '../../base/lazyBundles';

/**
 * Writes sidecars: one write at a time per file, atomically, never over a sidecar that could not be
 * read, nor over one changed since it was read (the change is merged first). A failed write keeps
 * the annotations in memory and retries until it succeeds.
 */
export class SidecarWriter<U> {
  constructor(
    private readonly workspace: AnnotationWorkspace<U>,
    private readonly reporter: StoreReporter<U>,
    private readonly changed: (textUri: U) => void,
    private readonly retryMs: number,
  ) {}

  /** Queues a write of the state for the text of `doc`; resolves when it has finished or failed. */
  save(state: FileState<U>, doc: ArticleDocument<U>): Promise<void> {
    state.writesPending++;
    state.writes = state.writes.then(() => this.write(state, doc)).finally(() => state.writesPending--);
    return state.writes;
  }

  needsWriteOnSave(state: FileState<U>): boolean {
    return state.problem === undefined && (state.positionsChanged || state.writeFailed);
  }

  private async write(state: FileState<U>, doc: ArticleDocument<U>, attempt = 1): Promise<void> {
    if (state.problem !== undefined) return;
    // What the file holds now: changed outside since it was last read or written (a pull, another
    // program, a watcher event still on its way), it is merged with the annotations, never written over.
    let disk: string | undefined;
    try {
      disk = await this.workspace.readText(state.sidecarUri);
    } catch (err) {
      this.failed(state, err);
      return;
    }
    if (!sameFileText(disk, state.sidecarText)) {
      const outcome = mergeOutsideChange(this.workspace, state, doc.getText(), disk);
      if (!outcome.merged) {
        this.failed(state, new Error(outcome.problem));
        return;
      }
      this.changed(state.textUri);
      if (outcome.conflicts > 0) this.reporter.mergeConflicts(state.sidecarUri, outcome.conflicts);
    }
    if (state.sidecarText === undefined && state.annotations.length === 0 && state.rejections.length === 0) {
      state.positionsChanged = false;
      return;
    }
    const text = doc.getText();
    // The stored words and context are those of the text the positions refer to now.
    // The places still waiting for a person's check are recorded, so a rewrite never passes them as checked.
    state.annotations = state.annotations.map((a) => withReview(a.status === 'orphaned' ? a : sidecarCore().refreshAnchor(text, a), state.review.get(a.id)));
    state.rejections = state.rejections.map((r) => (r.status === 'orphaned' ? r : sidecarCore().refreshAnchor(text, r)));
    const set = { file: this.workspace.fileName(state.textUri), sha256: textSha256(text), annotations: state.annotations, rejections: state.rejections };
    const content = sidecarCore().serialiseSidecar(state.mergedText ?? state.sidecarText, set, text);
    if (content.length > MAX_SIDECAR_CHARACTERS) {
      // A file over the bound could not be read back: the tags would be read-only, the newest unsaved.
      this.failed(state, new Error(this.reporter.t('the tags would make it longer than a sidecar may be ({0} characters); remove some tags or shorten long notes', MAX_SIDECAR_CHARACTERS.toLocaleString('en'))));
      return;
    }
    try {
      if (content !== state.sidecarText) {
        state.lastWrite = content;
        // Written only over the file as just read: a change landing meanwhile fails the write, and the retry merges it.
        await this.workspace.writeAtomically(state.sidecarUri, content, { text: disk });
      }
      state.sidecarText = content;
      state.mergedText = undefined;
      state.positionsChanged = false;
      if (state.writeFailed) {
        state.writeFailed = false;
        this.reporter.writeRecovered(state.textUri);
        this.changed(state.textUri);
      }
    } catch (err) {
      // Another program changed the file between our read and our write: read it again and merge.
      if (err instanceof ChangedMeanwhileError && attempt < MAX_ATTEMPTS) return this.write(state, doc, attempt + 1);
      this.failed(state, err);
    }
  }

  private failed(state: FileState<U>, err: unknown): void {
    if (!state.writeFailed) {
      state.writeFailed = true;
      this.reporter.writeFailed(state.sidecarUri, errorMessage(err));
      this.changed(state.textUri);
    }
    if (state.retryTimer) clearTimeout(state.retryTimer);
    state.retryTimer = setTimeout(() => {
      state.retryTimer = undefined;
      const live = this.workspace.openDocument(state.textUri);
      if (live && state.writeFailed) void this.save(state, live);
    }, this.retryMs);
  }
}
