// The lines of a text as offsets, found in one pass. A line ends at `\r\n`, `\n` or a lone `\r`
// (as in VS Code), so CR-only, CRLF and LF files give the same lines; a leading BOM is not part of
// line 0's content.

export interface TextLine {
  /** 0-based. */
  readonly index: number;
  readonly start: number;
  /** Exclusive, before the line break. */
  readonly end: number;
}

/**
 * Marker and field lines are short; longer lines are never matched against a pattern, which keeps
 * every regular expression's cost bounded per line whatever the input.
 */
export const MAX_MATCHED_LINE_LENGTH = 1000;

export function splitLines(text: string): TextLine[] {
  const lines: TextLine[] = [];
  let start = text.startsWith('\uFEFF') ? 1 : 0;
  for (let i = start; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code !== 10 && code !== 13) continue;
    lines.push({ index: lines.length, start, end: i });
    if (code === 13 && text.charCodeAt(i + 1) === 10) i++;
    start = i + 1;
  }
  lines.push({ index: lines.length, start, end: text.length });
  return lines;
}

/** The line's text when short enough to match patterns against, else `undefined`. */
export function matchableText(text: string, line: TextLine): string | undefined {
  return line.end - line.start <= MAX_MATCHED_LINE_LENGTH ? text.slice(line.start, line.end) : undefined;
}

/** Blank: only spaces and tabs (or empty). Scans at most until the first other character. */
export function isBlank(text: string, line: TextLine): boolean {
  for (let i = line.start; i < line.end; i++) {
    const code = text.charCodeAt(i);
    if (code !== 32 && code !== 9 && code !== 0xa0) return false;
  }
  return true;
}
