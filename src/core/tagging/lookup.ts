import type { Annotation } from '../annotations/model/types';

/** The innermost active annotation under the offset. */
export function annotationAt(annotations: readonly Annotation[], offset: number): Annotation | undefined {
  return annotations
    .filter((a) => a.status === 'active' && a.start <= offset && offset <= a.end)
    .sort((a, b) => a.end - a.start - (b.end - b.start))[0];
}

const SENTENCE_MARKS = '.!?…';
const CLOSERS = '"\'”’»)';
const OPENERS = '"\'“‘«(';
const SPACE = /\s/u;
const UPPER = /^\p{Lu}$/u;

/**
 * Where the sentence break that starts with the run of marks at `i` ends: marks, closing quotes or
 * brackets, spaces, then a capital (perhaps after an opening quote) or a digit; -1 when there is none.
 * Each character is read once, so a line of a million dots costs a million steps.
 */
function sentenceBreakEnd(line: string, i: number): number {
  let j = i;
  while (j < line.length && SENTENCE_MARKS.includes(line[j] ?? '')) j++;
  while (j < line.length && CLOSERS.includes(line[j] ?? '')) j++;
  const spacesFrom = j;
  while (j < line.length && SPACE.test(line[j] ?? '')) j++;
  if (j === spacesFrom || j >= line.length) return -1;
  const next = line[j] ?? '';
  if (next >= '0' && next <= '9') return j;
  const k = OPENERS.includes(next) ? j + 1 : j;
  const cp = line.codePointAt(k);
  return cp !== undefined && UPPER.test(String.fromCodePoint(cp)) ? j : -1;
}

/** The sentence around the offset, inside its line (a paragraph in these files). */
export function sentenceAt(text: string, offset: number): { start: number; end: number } | undefined {
  // Lines end at LF, CRLF or a lone CR, as the analyzer reads them.
  let lineStart = offset;
  while (lineStart > 0 && text[lineStart - 1] !== '\n' && text[lineStart - 1] !== '\r') lineStart--;
  let lineEnd = offset;
  while (lineEnd < text.length && text[lineEnd] !== '\n' && text[lineEnd] !== '\r') lineEnd++;
  const line = text.slice(lineStart, lineEnd);
  if (line.trim() === '') return undefined;
  let start = 0;
  let i = 0;
  while (i < line.length) {
    if (!SENTENCE_MARKS.includes(line[i] ?? '')) {
      i++;
      continue;
    }
    const end = sentenceBreakEnd(line, i);
    if (end < 0) {
      while (i < line.length && SENTENCE_MARKS.includes(line[i] ?? '')) i++;
      continue;
    }
    if (lineStart + end > offset) return trim(text, lineStart + start, lineStart + end);
    start = end;
    i = end;
  }
  return trim(text, lineStart + start, lineEnd);
}

function trim(text: string, start: number, end: number): { start: number; end: number } {
  while (start < end && /\s/.test(text[start] ?? '')) start++;
  while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
  return { start, end };
}
