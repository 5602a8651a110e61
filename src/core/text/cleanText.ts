import type { Span } from '../analysis/types';
import { lastAtOrBefore } from './sortedSearch';

/**
 * The article without its boilerplate lines: each one is removed with its line break,
 * and runs of blank lines left behind collapse to one, so paragraphs stay separated.
 * Line breaks keep their original style (LF, CRLF or a lone CR, as the analyzer reads them).
 */
export function cleanText(text: string, boilerplate: readonly Span[]): string {
  const lines = text.split(/(?<=\n|\r(?!\n))/);
  const kept: string[] = [];
  let offset = 0;
  let n = 0;
  for (const line of lines) {
    const start = offset;
    offset += line.length;
    const contentEnd = start + line.replace(/(?:\r\n|\n|\r)$/, '').length;
    while (n < boilerplate.length && (boilerplate[n]?.end ?? 0) <= start) n++;
    const span = boilerplate[n];
    const isBoilerplate = span !== undefined && contentEnd > start && span.start < contentEnd;
    if (!isBoilerplate) kept.push(line);
  }
  const out: string[] = [];
  for (const line of kept) {
    const blank = line.trim() === '';
    const previousBlank = out.length === 0 || (out[out.length - 1] ?? '').trim() === '';
    if (blank && previousBlank) continue;
    out.push(line);
  }
  while (out.length > 0 && (out[out.length - 1] ?? '').trim() === '') out.pop();
  const result = out.join('');
  const eol = text.includes('\r\n') ? '\r\n' : text.includes('\n') || !text.includes('\r') ? '\n' : '\r';
  return result.length > 0 && !/[\r\n]$/.test(result) ? result + eol : result;
}

/** Consecutive boilerplate lines (blank lines between them allowed) as blocks of line numbers. */
export function boilerplateBlocks(text: string, boilerplate: readonly Span[]): { startLine: number; endLine: number; start: number; end: number }[] {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // A lone CR is a line break too; CRLF counts once.
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) lineStarts.push(i + 1);
  }
  const lineOf = (offset: number): number => lastAtOrBefore(lineStarts, offset);
  const isBlankLine = (line: number): boolean => {
    const s = lineStarts[line] ?? text.length;
    const e = (lineStarts[line + 1] ?? text.length + 1) - 1;
    return text.slice(s, e).trim() === '';
  };
  const blocks: { startLine: number; endLine: number; start: number; end: number }[] = [];
  for (const span of boilerplate) {
    const first = lineOf(span.start);
    const last = lineOf(Math.max(span.start, span.end - 1));
    const prev = blocks[blocks.length - 1];
    let joinable = prev !== undefined;
    if (prev) for (let l = prev.endLine + 1; l < first; l++) if (!isBlankLine(l)) joinable = false;
    if (prev && joinable) {
      prev.endLine = last;
      prev.end = span.end;
    } else {
      blocks.push({ startLine: first, endLine: last, start: span.start, end: span.end });
    }
  }
  return blocks;
}
