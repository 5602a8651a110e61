// The lines of a text as offsets, found in two passes over the characters and kept in typed
// arrays (an export can have millions of lines). A line ends at `\r\n`, `\n` or a lone `\r` (as in
// VS Code), so CR-only, CRLF and LF files give the same lines; a leading BOM is not part of line
// 0's content.

/**
 * Marker and field lines are short; longer lines are never matched against a pattern, which keeps
 * every regular expression's cost bounded per line whatever the input.
 */
export const MAX_MATCHED_LINE_LENGTH = 1000;

export class LineTable {
  /** Start of each line; `ends[i]` is exclusive, before the line break. */
  private readonly starts: Uint32Array;
  private readonly ends: Uint32Array;

  constructor(readonly text: string) {
    const bom = text.startsWith('\uFEFF') ? 1 : 0;
    let count = 1;
    for (let i = bom; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === 10 || (code === 13 && text.charCodeAt(i + 1) !== 10)) count++;
    }
    this.starts = new Uint32Array(count);
    this.ends = new Uint32Array(count);
    let line = 0;
    let start = bom;
    for (let i = bom; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code !== 10 && code !== 13) continue;
      this.starts[line] = start;
      this.ends[line++] = i;
      if (code === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
    this.starts[line] = start;
    this.ends[line] = text.length;
  }

  get count(): number {
    return this.starts.length;
  }

  /** Offsets of a line that does not exist are those of the text's end. */
  start(line: number): number {
    return this.starts[line] ?? this.text.length;
  }

  end(line: number): number {
    return this.ends[line] ?? this.text.length;
  }

  /** The line's text when short enough to match patterns against, else `undefined`. */
  matchable(line: number): string | undefined {
    const start = this.start(line);
    const end = this.end(line);
    return end - start <= MAX_MATCHED_LINE_LENGTH ? this.text.slice(start, end) : undefined;
  }

  /** Blank: only spaces and tabs (or empty). Scans at most until the first other character. */
  blank(line: number): boolean {
    return this.firstCharacter(line) < 0;
  }

  /**
   * The UTF-16 code of the line's first character that is not a space or tab, -1 on a blank line.
   * Lets the marker scans skip most lines without building a string for them.
   */
  firstCharacter(line: number): number {
    const end = this.end(line);
    for (let i = this.start(line); i < end; i++) {
      const code = this.text.charCodeAt(i);
      if (code !== 32 && code !== 9 && code !== 0xa0) return code;
    }
    return -1;
  }
}
