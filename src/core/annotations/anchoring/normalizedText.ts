// Anchors (exact text, prefix, suffix) are stored with `\n` line breaks and without a byte order
// mark, so a sidecar written from a CRLF file still finds its passages after the file is converted
// to LF (and back), and so VS Code (which hides the BOM) and the command line (which may not) agree.

const BYTE_ORDER_MARK = '\uFEFF';

/** A text with BOM removed and every `\r\n` / lone `\r` turned into `\n`, mappable back to the original. */
export interface NormalizedText {
  readonly text: string;
  /** Maps an offset in `text` to the offset of the same boundary in the original text. */
  toOriginal(offset: number): number;
  /** Maps an offset in the original text to the nearest boundary in `text`. */
  fromOriginal(offset: number): number;
}

export function hasByteOrderMark(text: string): boolean {
  return text.startsWith(BYTE_ORDER_MARK);
}

/** The same string with `\r\n` and lone `\r` as `\n` and without a leading BOM. */
export function normalizeLineBreaks(text: string): string {
  const withoutBom = hasByteOrderMark(text) ? text.slice(1) : text;
  return withoutBom.replace(/\r\n?/g, '\n');
}

export function normalizeText(original: string): NormalizedText {
  const bom = hasByteOrderMark(original) ? 1 : 0;
  // Offsets (in the normalized text) of the `\n` whose `\r` was dropped: sorted ascending.
  const droppedBefore: number[] = [];
  let text = '';
  let chunkStart = bom;
  for (let i = bom; i < original.length; i++) {
    if (original.charCodeAt(i) !== 13) continue;
    text += original.slice(chunkStart, i);
    if (original.charCodeAt(i + 1) === 10) {
      droppedBefore.push(text.length);
      chunkStart = i + 1;
    } else {
      text += '\n';
      chunkStart = i + 1;
    }
  }
  text += original.slice(chunkStart);

  const countBelow = (limit: number): number => {
    let low = 0;
    let high = droppedBefore.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((droppedBefore[mid] ?? Infinity) < limit) low = mid + 1;
      else high = mid;
    }
    return low;
  };
  return {
    text,
    // A boundary just before a CRLF maps to before the `\r`, so a range ending at a line end
    // never swallows half of the line break.
    toOriginal: (offset) => bom + offset + countBelow(offset),
    fromOriginal: (offset) => {
      let low = 0;
      let high = text.length;
      while (low < high) {
        const mid = (low + high) >>> 1;
        if (bom + mid + countBelow(mid) < offset) low = mid + 1;
        else high = mid;
      }
      return low;
    },
  };
}
