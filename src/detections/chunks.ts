// A large document is painted in chunks: the text is cut into a fixed number of stretches, each
// painted with decoration types of its own. The editor moves every decoration with the edits
// itself, so after a keystroke only the stretches whose detections changed (other than moving
// with the text) are sent again, not the tens of thousands of ranges of the whole document.
// Pure: spans, offsets and an edit map in, chunk indices out (no vscode).

import type { EditMap } from '../core/analysis/editMap';
import type { Span } from '../core/analysis/types';
import { lastAtOrBefore } from '../core/text/sortedSearch';

/** Stretches a large document is painted in (each with one decoration type per style). */
export const CHUNKS = 16;

/** Spans per style (quote, cue, boilerplate, each speaker tint), of one chunk. */
export type ChunkSpans = readonly (readonly Span[])[];

/** `CHUNKS + 1` offsets: chunk c holds the spans starting in [bounds[c], bounds[c + 1]). Cut evenly by length. */
export function evenBounds(length: number): number[] {
  const bounds = [0];
  for (let c = 1; c < CHUNKS; c++) bounds.push(Math.round((c * length) / CHUNKS));
  bounds.push(Infinity);
  return bounds;
}

/** The bounds after `edits`: each moves with the text after it, so a chunk keeps its detections. */
export function movedBounds(bounds: readonly number[], edits: EditMap): number[] {
  return bounds.map((b, c) => (c === 0 || b === Infinity ? b : edits.point(b, 'after')));
}

/** Each style's spans split by chunk: `[chunk][style]`, each list in the order given. */
export function byChunk(styles: readonly (readonly Span[])[], bounds: readonly number[]): Span[][][] {
  const out: Span[][][] = Array.from({ length: bounds.length - 1 }, () => styles.map((): Span[] => []));
  styles.forEach((spans, s) => {
    for (const span of spans) out[chunkOf(bounds, span.start)]?.[s]?.push(span);
  });
  return out;
}

function chunkOf(bounds: readonly number[], offset: number): number {
  // The last bound is Infinity: no offset reaches it, so the chunk is one of the first CHUNKS.
  return lastAtOrBefore(bounds, offset);
}

/**
 * The chunks to send again: never sent, touched by an edit (the editor may stretch a decoration
 * typed at its edge where the analysis does not), or whose spans are not the sent ones moved by `edits`.
 */
export function changedChunks(sent: readonly (ChunkSpans | undefined)[], next: readonly ChunkSpans[], bounds: readonly number[], edits: EditMap): number[] {
  const dirty = edits.dirty();
  const out: number[] = [];
  next.forEach((spans, c) => {
    const before = sent[c];
    const from = bounds[c] ?? 0;
    const to = bounds[c + 1] ?? Infinity;
    const touched = dirty.some((d) => d.start <= to && from <= d.end);
    if (!before || touched || !spans.every((list, s) => sameMoved(before[s] ?? [], list, edits))) out.push(c);
  });
  return out;
}

function sameMoved(before: readonly Span[], now: readonly Span[], edits: EditMap): boolean {
  if (before.length !== now.length) return false;
  for (let i = 0; i < now.length; i++) {
    const old = before[i];
    const moved = old && edits.span(old);
    if (!moved || moved.start !== now[i]?.start || moved.end !== now[i]?.end) return false;
  }
  return true;
}
