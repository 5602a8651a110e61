import { withReview } from '../../core/annotations/model/create';
import { sidecarCore } from '../../base/lazyBundles';
import { sortByPosition, type FileState } from './fileState';
import { reviewMarks } from './loading';
import { textSha256 } from './textHash';
import type { AnnotationWorkspace } from './workspace';

/** What became of a sidecar changed outside the editor while the store held annotations of its own. */
export type OutsideMerge = { readonly merged: true; readonly conflicts: number } | { readonly merged: false; readonly problem: string };

/**
 * Merges the sidecar as found on disk (`disk`, undefined when it was deleted) with the annotations of
 * `state`, which were made over the file as last read or written (`state.sidecarText`): the three-way
 * merge of git's merge driver, entries matched by id, so that what either side added, changed or
 * removed is kept and nothing is written over unseen. A tag changed differently on both sides keeps
 * ours with a `conflict:` key holding theirs, shown in the Problems panel with a quick fix.
 *
 * On success the state holds the merge, found in `text`; the file on disk becomes the base of the
 * next comparison, and the merged document the one the next write builds on. When the file on disk
 * cannot be read as a sidecar, nothing changes and the reason is returned: the annotations stay in
 * memory, unsaved, until it is fixed.
 */
export function mergeOutsideChange<U>(workspace: AnnotationWorkspace<U>, state: FileState<U>, text: string, disk: string | undefined): OutsideMerge {
  const core = sidecarCore();
  const sha256 = textSha256(text);
  const fileName = workspace.fileName(state.textUri);
  // Ours as the next write would record it: places still waiting for a check keep their mark.
  const annotations = state.annotations.map((a) => withReview(a, state.review.get(a.id)));
  const ours = core.serialiseSidecar(state.mergedText ?? state.sidecarText, { file: fileName, sha256, annotations, rejections: state.rejections }, text);
  // A sidecar deleted (or emptied) outside is one without tags: what it held was removed there.
  const theirs = disk === undefined || disk.trim() === '' || disk === '\uFEFF' ? core.serialiseSidecar(undefined, { file: fileName, sha256, annotations: [], rejections: [] }, text) : disk;
  const merge = core.mergeSidecars({ base: state.sidecarText ?? '', ours, theirs, article: { text, sha256 } });
  const parsed = merge.unreadable === undefined ? core.parseSidecarOf(merge.text, { fileName, sha256 }) : undefined;
  if (!parsed?.ok) {
    const failed = parsed ?? core.parseSidecar(disk ?? '');
    const first = failed.ok ? undefined : failed.errors[0];
    return { merged: false, problem: first ? `it was changed on disk and cannot be read (line ${first.line}: ${first.message})` : 'it was changed on disk and cannot be read' };
  }
  const loaded = core.loadAnnotations(parsed.sidecar, text, sha256);
  const review = reviewMarks(loaded);
  state.annotations = sortByPosition(loaded.set.annotations);
  state.rejections = sortByPosition(loaded.set.rejections);
  state.review = review;
  // Undo restores a state from before the merge, which would take the other side's tags away again.
  state.history = [];
  state.sidecarText = disk;
  // Written in the file's own style as found on disk (byte-order mark, line ends), not in ours.
  state.mergedText = disk === undefined ? merge.text : core.withFileStyle(core.detectFileStyle(merge.text).plainText, core.detectFileStyle(disk));
  return { merged: true, conflicts: merge.conflicts.length };
}
