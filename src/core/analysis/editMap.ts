// The edits made to a text since an analysis of it, folded into one map from old offsets to new
// ones. Editors report edits one after the other, each in the coordinates of the text the
// previous one left; the map keeps them as disjoint replaced regions sorted by position, so a
// detection far from every edit moves by one lookup however many keystrokes came in between.

import type { Span } from './types';

/** One replacement: `[start, end)` of the text as it was just before, replaced by `text`. */
export interface TextChange {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** A replaced region: `[oldStart, oldEnd)` of the original text became `[newStart, newEnd)`. */
interface Region {
  readonly oldStart: number;
  readonly oldEnd: number;
  readonly newStart: number;
  readonly newEnd: number;
}

const growth = (r: Region): number => r.newEnd - r.newStart - (r.oldEnd - r.oldStart);

/** Past this many separate edited places the map keeps one region spanning them all: cost stays bounded. */
const MAX_REGIONS = 256;

export class EditMap {
  /** `shifts[i]`: how much the regions before index i grew the text. */
  private readonly shifts: number[];

  private constructor(private readonly regions: readonly Region[]) {
    this.shifts = [0];
    for (const r of regions) this.shifts.push((this.shifts[this.shifts.length - 1] ?? 0) + growth(r));
  }

  static readonly none = new EditMap([]);

  static of(changes: readonly TextChange[]): EditMap {
    return EditMap.none.then(changes);
  }

  get isEmpty(): boolean {
    return this.regions.length === 0;
  }

  /** This map followed by more changes (each in the coordinates the one before it left). */
  then(changes: readonly TextChange[]): EditMap {
    let regions = this.regions;
    for (const c of changes) {
      regions = applied(regions, c);
      if (regions.length > MAX_REGIONS) regions = [spanning(regions)];
    }
    return new EditMap(regions);
  }

  /** The replaced regions in old coordinates (what the edits replaced), sorted and disjoint. */
  replaced(): Span[] {
    return this.regions.map((r) => ({ start: r.oldStart, end: r.oldEnd }));
  }

  /** The replaced regions in new coordinates (what the edits wrote), sorted and disjoint. */
  dirty(): Span[] {
    return this.regions.map((r) => ({ start: r.newStart, end: r.newEnd }));
  }

  /**
   * Where an old span lies now, or undefined when an edit touched it (replaced part of it, or
   * inserted strictly inside it). A span only touching an edit at its edge moves with the text beside it.
   */
  span<T extends Span>(s: T): T | undefined {
    const by = this.shift(s);
    if (by === undefined) return undefined;
    return by === 0 ? s : { ...s, start: s.start + by, end: s.end + by };
  }

  /** How far an old span moved (see `span`), or undefined when an edit touched it: no allocation, for comparisons. */
  shift(s: Span): number | undefined {
    const i = this.firstEndingAfter(s.start);
    const r = this.regions[i];
    if (r && r.oldStart < s.end) return undefined;
    return this.shifts[i] ?? 0;
  }

  /**
   * An old offset in new coordinates. Text inserted exactly at the offset lies before it with
   * `after` and after it with `before`; an offset inside a replaced region maps to that region's
   * new end (`after`) or start (`before`).
   */
  point(offset: number, side: 'before' | 'after'): number {
    const i = this.firstEndingAfter(offset);
    const previous = this.regions[i - 1];
    if (side === 'before' && previous && previous.oldStart === offset && previous.oldEnd === offset) return previous.newStart;
    const r = this.regions[i];
    if (r && r.oldStart < offset) return side === 'after' ? r.newEnd : r.newStart;
    return offset + (this.shifts[i] ?? 0);
  }

  /** Index of the first region whose old end is past `offset`. */
  private firstEndingAfter(offset: number): number {
    let lo = 0;
    let hi = this.regions.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.regions[mid]?.oldEnd ?? 0) <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

function spanning(regions: readonly Region[]): Region {
  const first = regions[0];
  const last = regions[regions.length - 1];
  if (!first || !last) throw new Error('no regions to span');
  return { oldStart: first.oldStart, oldEnd: last.oldEnd, newStart: first.newStart, newEnd: last.newEnd };
}

/** The regions after one more change, given in new coordinates; regions it touches merge with it. */
function applied(regions: readonly Region[], c: TextChange): Region[] {
  const before: Region[] = [];
  const after: Region[] = [];
  const merged: Region[] = [];
  for (const r of regions) {
    if (r.newEnd < c.start) before.push(r);
    else if (r.newStart > c.end) after.push(r);
    else merged.push(r);
  }
  let shift = 0;
  for (const r of before) shift += growth(r);
  const first = merged[0];
  const last = merged[merged.length - 1];
  const newStart = first ? Math.min(first.newStart, c.start) : c.start;
  const oldStart = first && first.newStart <= c.start ? first.oldStart : c.start - shift;
  const regionEnd = last ? Math.max(last.newEnd, c.end) : c.end;
  let shiftToEnd = shift;
  for (const r of merged) shiftToEnd += growth(r);
  const oldEnd = last && last.newEnd >= c.end ? last.oldEnd : c.end - shiftToEnd;
  const delta = c.text.length - (c.end - c.start);
  const region: Region = { oldStart, oldEnd, newStart, newEnd: regionEnd + delta };
  return [...before, region, ...after.map((r) => ({ ...r, newStart: r.newStart + delta, newEnd: r.newEnd + delta }))];
}
