import { applyEdits, type TextEdit } from '../../core/annotations/anchoring/editTracking';
import { offsetChanges } from '../../base/textChanges';
import { sortByPosition, type FileState } from './fileState';
import type { ArticleDocument, ContentChange } from './workspace';
import { sidecarCore } from '../../base/lazyBundles';

/**
 * Finds every passage of `state` again in `text` by its words (the text was replaced as a whole, or
 * changed while the annotations waited unsaved for their closed article).
 */
export function findAgain<U>(state: FileState<U>, text: string): void {
  // Tags placed not surely join those already waiting for a person to check them.
  state.annotations = sortByPosition(sidecarCore().reanchorEntries(text, state.annotations, state.review));
  state.rejections = sortByPosition(sidecarCore().reanchorEntries(text, state.rejections));
  for (const a of state.annotations) if (a.status !== 'active') state.review.delete(a.id);
  // The states undo restores are found again by their words, when one is restored.
  state.history = state.history.map((h) => (h.reanchor ? h : { ...h, reanchor: true }));
}

/**
 * Moves the passages of `state` with an edit of its document. Returns false when nothing was
 * followed (no change, or a read-only sidecar whose passages are not tracked).
 */
export function followEdits<U>(state: FileState<U>, doc: ArticleDocument<U>, changes: readonly ContentChange[]): boolean {
  if (changes.length === 0 || state.problem !== undefined) return false;
  const first = changes[0];
  // Only a single change from offset 0 can be a whole replacement: only then is the text read.
  const wholeReplaced = changes.length === 1 && first !== undefined && first.rangeOffset === 0 && first.rangeLength > 0 && first.text.length === doc.getText().length;
  if (wholeReplaced) {
    // The text was replaced as a whole (reloaded after a change on disk): find every passage again.
    findAgain(state, doc.getText());
  } else {
    const edits: TextEdit[] = offsetChanges(changes);
    state.annotations = applyEdits(state.annotations, edits);
    state.rejections = applyEdits(state.rejections, edits);
    // The states undo restores must fit the text too, or undo would put tags back on other words.
    // The one it restores next moves with each edit, as the tags do; the older ones are found again
    // by their words if they are ever restored (moving fifty states of thousands of tags on each
    // keystroke would make typing wait).
    const { history } = state;
    const last = history.length - 1;
    const top = history[last];
    if (top && !top.reanchor) history[last] = { annotations: applyEdits(top.annotations, edits), rejections: applyEdits(top.rejections, edits), reanchor: false };
    // Each older state is marked once; after that a keystroke only looks at it.
    for (let i = 0; i < last; i++) {
      const h = history[i];
      if (h && !h.reanchor) history[i] = { ...h, reanchor: true };
    }
    // Reading the whole text on each keystroke is only worth it when there is an orphan to look for.
    if ([...state.annotations, ...state.rejections].some((a) => a.status === 'orphaned')) {
      const text = doc.getText();
      state.annotations = sidecarCore().reattachOrphans(text, state.annotations);
      state.rejections = sidecarCore().reattachOrphans(text, state.rejections);
    }
  }
  state.positionsChanged = true;
  return true;
}
