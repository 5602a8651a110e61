// Offsets counted in Unicode code points (brat, W3C, Label Studio, Prodigy: Python and the spec
// count that way) against the UTF-16 code units the sidecar and the editor use. They differ by one
// for every character outside the Basic Multilingual Plane (most emoji) before the offset.

/** Converts offsets of one text both ways in O(log n) each, after one linear pass. */
export class CodePointIndex {
  /** UTF-16 index of the high surrogate of every surrogate pair, ascending. */
  private readonly pairStarts: number[] = [];

  constructor(text: string) {
    for (let i = 0; i + 1 < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code < 0xd800 || code > 0xdbff) continue;
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        this.pairStarts.push(i);
        i++;
      }
    }
  }

  /** Code points before UTF-16 offset `utf16`; an offset inside a pair counts as after it. */
  toCodePoints(utf16: number): number {
    // Pairs wholly before the offset each took two code units for one code point.
    return utf16 - countBelow(this.pairStarts, utf16 - 1);
  }

  /** The UTF-16 offset of code point offset `codePoints`. */
  toUtf16(codePoints: number): number {
    // Pair k (0-based) starts at code point pairStarts[k] - k; every pair before the target adds one unit.
    let low = 0;
    let high = this.pairStarts.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((this.pairStarts[mid] ?? Infinity) - mid < codePoints) low = mid + 1;
      else high = mid;
    }
    return codePoints + low;
  }
}

/** How many values of the ascending `sorted` are below `limit`. */
function countBelow(sorted: readonly number[], limit: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((sorted[mid] ?? Infinity) < limit) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Number of code points in `text`. */
export function codePointLength(text: string): number {
  return new CodePointIndex(text).toCodePoints(text.length);
}
