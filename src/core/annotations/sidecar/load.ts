// Turning a parsed sidecar into annotations on the current text: a direct conversion when the
// text is the one the sidecar was written for, re-anchoring when it changed outside the editor.
// Even when the text is the one the sidecar names, a tag whose stored words and context are not
// those at its stored place (a hand edit, a merge that took one side's places and the other's
// words) is looked for by its words and context, as after a change: the place alone would put it
// on other words, or on another copy of its words.

import type { Annotation, AnnotationSet, Rejection } from '../model/types';
import { withReview } from '../model/create';
import { anchorAt } from '../anchoring/capture';
import { LineIndex } from '../anchoring/positions';
import type { AnchorMethod, AnchorResult } from '../anchoring/types';
import { needsReview, reanchorAll } from '../anchoring/reanchor';
import type { StoredSidecar } from './types';

export interface AnchorOutcome {
  readonly id: string;
  readonly method: AnchorMethod;
  readonly confidence: number;
  /** Found, but not surely: show it to a person to confirm. */
  readonly needsReview: boolean;
}

export interface LoadedAnnotations {
  readonly set: AnnotationSet;
  /** One per annotation and rejection, in the sidecar's order. */
  readonly outcomes: readonly AnchorOutcome[];
  /** The text differs from the one the sidecar describes: save the sidecar to record the new places. */
  readonly textChanged: boolean;
  /**
   * Ids of the entries (in the sidecar's order) whose stored words or context were not the text at
   * their stored place though the text is unchanged: each was looked for by its words instead.
   * Save the sidecar to record where they are.
   */
  readonly misplaced: readonly string[];
}

/**
 * @param documentText the text as the editor holds it (BOM, CRLF as they are)
 * @param documentSha256 hex SHA-256 of `textForHashing(documentText)` UTF-8 encoded, computed by the caller
 */
export function loadAnnotations(sidecar: StoredSidecar, documentText: string, documentSha256: string): LoadedAnnotations {
  const entries = [...sidecar.annotations, ...sidecar.rejections];
  const textChanged = sidecar.sha256 !== documentSha256;
  const results = textChanged ? reanchorAll(documentText, entries) : convertDirectly(documentText, entries);
  // Entries placed as after a change of the text: all of them, or those whose words were not at their place.
  const reread = new Set<number>();
  if (!textChanged) {
    entries.forEach((entry, i) => {
      const r = results[i];
      if (!r || r.method === 'orphaned') return;
      const there = anchorAt(documentText, r.start, r.end);
      // Stored context that disagrees may say another copy of the words was tagged; context never
      // stored (a hand-written or imported entry) says nothing against its words at their place.
      const contextDisagrees = (entry.prefix !== '' && there.prefix !== entry.prefix) || (entry.suffix !== '' && there.suffix !== entry.suffix);
      if (there.text !== entry.text || contextDisagrees) reread.add(i);
    });
    if (reread.size > 0) {
      const indices = [...reread];
      const found = reanchorAll(
        documentText,
        indices.map((i) => entries[i] as (typeof entries)[number]),
      );
      indices.forEach((at, k) => {
        const r = found[k];
        if (r) results[at] = r;
      });
    }
  }
  const misplaced = [...reread].map((i) => entries[i]?.id ?? '');

  const outcomes = entries.map((entry, index): AnchorOutcome => {
    const result = results[index] ?? { method: 'orphaned', start: 0, end: 0, confidence: 0 };
    // A place still unchecked from an earlier re-anchoring keeps waiting for a person.
    const stored = 'review' in entry && result.method !== 'orphaned' ? entry.review : undefined;
    const confidence = stored === undefined ? result.confidence : Math.min(stored, result.confidence);
    return { id: entry.id, method: result.method, confidence, needsReview: stored !== undefined || needsReview(result) };
  });
  const placed = <T extends { status: string }>(entry: T, index: number): T & { start: number; end: number } => {
    const result = results[index] ?? { method: 'orphaned', start: 0, end: 0, confidence: 0 };
    if (!textChanged && !reread.has(index)) return { ...entry, start: result.start, end: result.end };
    // An orphan comes back only when its passage is surely there again (e.g. a deletion undone).
    const wasOrphaned = entry.status === 'orphaned';
    const lost = result.method === 'orphaned' || (wasOrphaned && needsReview(result));
    if (lost) return { ...entry, start: result.start, end: result.start, status: 'orphaned' };
    return { ...entry, start: result.start, end: result.end, status: wasOrphaned ? 'active' : entry.status };
  };
  const reviewed = (annotation: Annotation, index: number): Annotation => {
    const outcome = outcomes[index];
    return withReview(annotation, outcome?.needsReview === true ? outcome.confidence : undefined);
  };
  const annotationCount = sidecar.annotations.length;
  return {
    textChanged,
    misplaced,
    outcomes,
    set: {
      file: sidecar.file,
      sha256: documentSha256,
      annotations: sidecar.annotations.map((a, i): Annotation => reviewed(placed(a, i), i)),
      rejections: sidecar.rejections.map((r, i): Rejection => placed(r, annotationCount + i)),
    },
  };
}

function convertDirectly(documentText: string, entries: readonly { start: { line: number; character: number }; end: { line: number; character: number }; status: string }[]): AnchorResult[] {
  const lines = new LineIndex(documentText);
  return entries.map((entry) => ({
    method: entry.status === 'orphaned' ? 'orphaned' : 'position',
    start: lines.offsetAt(entry.start),
    end: lines.offsetAt(entry.end),
    confidence: entry.status === 'orphaned' ? 0 : 1,
  }));
}
