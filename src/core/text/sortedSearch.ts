// Binary search over sorted offsets (line starts, chunk bounds), shared by every caller that maps
// an offset to the stretch holding it.

/** Index of the last entry of ascending `sorted` at or before `value`; 0 when none is (or `sorted` is empty). */
export function lastAtOrBefore(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((sorted[mid] ?? 0) <= value) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Two lists each sorted by `order`, merged as a stable sort of `first` followed by `second` would
 * order them (on a tie the item of `first` comes first): one walk.
 */
export function mergeSorted<T>(first: readonly T[], second: readonly T[], order: (a: T, b: T) => number): T[] {
  const out: T[] = [];
  let i = 0;
  let j = 0;
  while (i < first.length && j < second.length) {
    const a = first[i] as T;
    const b = second[j] as T;
    if (order(a, b) <= 0) {
      out.push(a);
      i++;
    } else {
      out.push(b);
      j++;
    }
  }
  while (i < first.length) out.push(first[i++] as T);
  while (j < second.length) out.push(second[j++] as T);
  return out;
}
