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
    // Breaks found by indexOf (a fast scan in the engine), once to count the lines and once to place them.
    const breaks = new LineBreaks(text, bom);
    let count = 1;
    while (breaks.next() >= 0) count++;
    this.starts = new Uint32Array(count);
    this.ends = new Uint32Array(count);
    const again = new LineBreaks(text, bom);
    let line = 0;
    let start = bom;
    for (let i = again.next(); i >= 0; i = again.next()) {
      this.starts[line] = start;
      this.ends[line++] = i;
      start = again.after;
    }
    this.starts[line] = start;
    this.ends[line] = text.length;
  }

  get count(): number {
    return this.starts.length;
  }

  /** Offsets of a line that does not exist are those of the text's end (told before any read past the table). */
  start(line: number): number {
    return line >= 0 && line < this.starts.length ? (this.starts[line] ?? this.text.length) : this.text.length;
  }

  end(line: number): number {
    return line >= 0 && line < this.ends.length ? (this.ends[line] ?? this.text.length) : this.text.length;
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
    // The step is taken with the read, so that a line's first character, mostly not a space,
    // already runs every operation of the loop (an indented line then costs the compiled code nothing new).
    for (let i = this.start(line); i < end; ) {
      const code = this.text.charCodeAt(i++);
      if (code !== 32 && code !== 9 && code !== 0xa0) return code;
    }
    return -1;
  }
}

/** The line breaks of a text in order: `\r\n`, `\n` or a lone `\r`, each once. */
class LineBreaks {
  private lf: number;
  private cr: number;
  /** Offset just past the break last returned. */
  after: number;

  constructor(
    private readonly text: string,
    from: number,
  ) {
    this.lf = text.indexOf('\n', from);
    this.cr = text.indexOf('\r', from);
    this.after = from;
  }

  /** Offset of the next break, -1 when there is none. */
  next(): number {
    const { text } = this;
    if (this.lf >= 0 && this.lf < this.after) this.lf = text.indexOf('\n', this.after);
    if (this.cr >= 0 && this.cr < this.after) this.cr = text.indexOf('\r', this.after);
    const at = this.lf < 0 ? this.cr : this.cr < 0 ? this.lf : Math.min(this.lf, this.cr);
    if (at < 0) return -1;
    this.after = text.charCodeAt(at) === 13 && text.charCodeAt(at + 1) === 10 ? at + 2 : at + 1;
    return at;
  }
}
