import type { Annotation } from '../annotations/model/types';

/** The innermost active annotation under the offset. */
export function annotationAt(annotations: readonly Annotation[], offset: number): Annotation | undefined {
  return annotations
    .filter((a) => a.status === 'active' && a.start <= offset && offset <= a.end)
    .sort((a, b) => a.end - a.start - (b.end - b.start))[0];
}

/** The sentence around the offset, inside its line (a paragraph in these files). */
export function sentenceAt(text: string, offset: number): { start: number; end: number } | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let lineEnd = text.indexOf('\n', offset);
  if (lineEnd < 0) lineEnd = text.length;
  if (text[lineEnd - 1] === '\r') lineEnd--;
  const line = text.slice(lineStart, lineEnd);
  if (line.trim() === '') return undefined;
  const boundary = /[.!?…]+["'”’»)]*\s+(?=["'“‘«(]?\p{Lu}|\d)/gu;
  let start = 0;
  for (const m of line.matchAll(boundary)) {
    const end = (m.index ?? 0) + m[0].length;
    if (lineStart + end > offset) return trim(text, lineStart + start, lineStart + end);
    start = end;
  }
  return trim(text, lineStart + start, lineEnd);
}

function trim(text: string, start: number, end: number): { start: number; end: number } {
  while (start < end && /\s/.test(text[start] ?? '')) start++;
  while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
  return { start, end };
}
