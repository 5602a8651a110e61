// Line/character positions as stored in sidecars: lines 1-based (as people and error messages
// count them), characters 0-based UTF-16 code units (as VS Code and JavaScript count them).
// A line ends at `\r\n`, `\n` or a lone `\r`, as in VS Code. A leading BOM is not counted on
// line 1, so the same sidecar fits the file whether or not the reader kept the BOM.

import { hasByteOrderMark } from './normalizedText';

export interface LineCharacter {
  /** 1-based line number. */
  readonly line: number;
  /** 0-based UTF-16 code unit index within the line. */
  readonly character: number;
}

export const POSITION_UNITS = 'line:character, 1-based lines, 0-based UTF-16 characters, BOM not counted';

/** Precomputed line starts of one text, for many conversions in a row. */
export class LineIndex {
  private readonly lineStarts: number[];
  private readonly bom: number;

  constructor(private readonly text: string) {
    this.bom = hasByteOrderMark(text) ? 1 : 0;
    this.lineStarts = [this.bom];
    for (let i = this.bom; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === 13 && text.charCodeAt(i + 1) === 10) i++;
      if (code === 10 || code === 13) this.lineStarts.push(i + 1);
    }
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** Offsets outside the text are clamped; an offset inside a CRLF counts as the end of its line. */
  positionAt(offset: number): LineCharacter {
    // A stored place that is not a number (a hand-edited sidecar) reads as the start of the text.
    const clamped = Math.max(this.bom, Math.min(Number.isNaN(offset) ? 0 : offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >>> 1;
      if ((this.lineStarts[mid] ?? Infinity) <= clamped) low = mid;
      else high = mid - 1;
    }
    const lineStart = this.lineStarts[low] ?? this.bom;
    return { line: low + 1, character: Math.min(clamped, this.lineEnd(low)) - lineStart };
  }

  /** Lines and characters beyond the text are clamped to the nearest valid offset. */
  offsetAt(stored: LineCharacter): number {
    // A line or character that is not a number (a hand-edited sidecar) reads as 0, so that every
    // tag still gets a place in the text, orphaned at worst.
    const position = { line: Number.isNaN(stored.line) ? 0 : stored.line, character: Number.isNaN(stored.character) ? 0 : stored.character };
    const lineIndex = Math.max(0, Math.min(position.line - 1, this.lineStarts.length - 1));
    const lineStart = this.lineStarts[lineIndex] ?? this.bom;
    if (position.line < 1) return lineStart;
    if (position.line > this.lineStarts.length) return this.text.length;
    return Math.min(lineStart + Math.max(0, position.character), this.lineEnd(lineIndex));
  }

  /** Offset of the line break (or text end) closing the 0-based line. */
  private lineEnd(lineIndex: number): number {
    const next = this.lineStarts[lineIndex + 1];
    if (next === undefined) return this.text.length;
    const breakLength = this.text.charCodeAt(next - 1) === 10 && this.text.charCodeAt(next - 2) === 13 ? 2 : 1;
    return next - breakLength;
  }
}

export function positionAt(text: string, offset: number): LineCharacter {
  return new LineIndex(text).positionAt(offset);
}

export function offsetAt(text: string, position: LineCharacter): number {
  return new LineIndex(text).offsetAt(position);
}
