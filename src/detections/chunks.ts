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
    // Spans come sorted by start: one walk along the bounds (the last is Infinity, never reached).
    let c = 0;
    for (const span of spans) {
      if (c > 0 && span.start < (bounds[c] ?? 0)) c = lastAtOrBefore(bounds, span.start);
      while (span.start >= (bounds[c + 1] ?? Infinity)) c++;
      out[c]?.[s]?.push(span);
    }
  });
  return out;
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
    const by = old && edits.shift(old);
    if (old === undefined || by === undefined || old.start + by !== now[i]?.start || old.end + by !== now[i]?.end) return false;
  }
  return true;
}

/**
 * Consecutive spans (sorted by start) with only white space between them, as one span each: a
 * large document's runs of boilerplate lines are painted as one range each.
 */
export function mergedRuns(text: string, spans: readonly Span[]): Span[] {
  const out: Span[] = [];
  let run: { start: number; end: number } | undefined;
  for (const s of spans) {
    if (run && s.start >= run.end && onlySpaceBetween(text, run.end, s.start)) run.end = Math.max(run.end, s.end);
    else {
      if (run) out.push(run);
      run = { start: s.start, end: s.end };
    }
  }
  if (run) out.push(run);
  return out;
}

/**
 * Whether `text` holds only white space in [start, end): read in place, tens of thousands of times per
 * paint. (The engine's character classes are not loaded for this: the painter is in the bundle VS
 * Code loads at activation.)
 */
function onlySpaceBetween(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    // Line breaks, spaces and tabs are what lies between boilerplate lines; anything rarer is judged by \s.
    if (c === 10 || c === 13 || c === 32 || c === 9 || c === 11 || c === 12) continue;
    if (c < 128 || !/\s/.test(text[i] ?? '')) return false;
  }
  return true;
}
