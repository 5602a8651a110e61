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
