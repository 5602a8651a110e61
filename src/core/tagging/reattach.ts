// What becomes of tagged passages when their text changes as a whole (reloaded from disk) or when
// typing brings back words that were deleted: the orphan / re-attach rule, in one place.

import { anchorAt } from '../annotations/anchoring/capture';
import { LineIndex } from '../annotations/anchoring/positions';
import { reanchorAll, REVIEW_BELOW, type StoredAnchor } from '../annotations/anchoring/reanchor';
import type { Annotation, Rejection } from '../annotations/model/types';

type Entry = Annotation | Rejection;

/** Each entry's place as a sidecar stores it, the text's lines indexed once for all of them (linear in text and entries). */
function toStoredAnchors(text: string, entries: readonly Entry[]): StoredAnchor[] {
  const index = new LineIndex(text);
  return entries.map((a) => {
    const start = Math.min(a.start, text.length);
    return { start: index.positionAt(start), end: index.positionAt(Math.min(Math.max(a.end, start), text.length)), text: a.text, prefix: a.prefix, suffix: a.suffix };
  });
}

/**
 * Finds every entry again in a text replaced as a whole. One not found becomes orphaned (an empty
 * span where it was); an orphan found again becomes active; other statuses are kept. Entries placed
 * but not surely (a person should check them) are added to `inDoubt` with their confidence.
 */
export function reanchorEntries<T extends Entry>(text: string, entries: readonly T[], inDoubt?: Map<string, number>): T[] {
  const found = reanchorAll(text, toStoredAnchors(text, entries));
  return entries.map((a, i) => {
    const r = found[i];
    if (!r || r.method === 'orphaned') return { ...a, start: r?.start ?? 0, end: r?.start ?? 0, status: 'orphaned' };
    if (r.confidence < REVIEW_BELOW) inDoubt?.set(a.id, r.confidence);
    return { ...a, start: r.start, end: r.end, status: a.status === 'orphaned' ? 'active' : a.status };
  });
}

/**
 * Orphans come back only when their exact words and context reappear (undo, paste) with a sure
 * confidence: found unchanged elsewhere, or right where they were orphaned (an undo puts them
 * back there); never a fuzzy match, for a guess would put a person's tag on words they did not
 * tag. Others are unchanged.
 */
export function reattachOrphans<T extends Entry>(text: string, entries: readonly T[]): T[] {
  const orphans = entries.filter((a) => a.status === 'orphaned');
  if (orphans.length === 0) return [...entries];
  const found = reanchorAll(text, toStoredAnchors(text, orphans));
  const back = new Map<T, { start: number; end: number }>();
  orphans.forEach((a, i) => {
    const r = found[i];
    if (r && (r.method === 'exact' || r.method === 'position') && r.confidence >= REVIEW_BELOW) back.set(a, r);
  });
  return entries.map((a) => {
    const place = back.get(a);
    return place ? { ...a, start: place.start, end: place.end, status: 'active' } : a;
  });
}

/** The entry with its text, prefix and suffix read again at its current place; the same object if unchanged. */
export function refreshAnchor<T extends Entry>(text: string, entry: T): T {
  const anchor = anchorAt(text, entry.start, entry.end);
  if (anchor.text === entry.text && anchor.prefix === entry.prefix && anchor.suffix === entry.suffix) return entry;
  return { ...entry, ...anchor };
}
