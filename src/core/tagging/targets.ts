import type { Annotation } from '../annotations/model/types';
import type { Analysis } from '../analysis/types';

/** A detection the tagging commands can accept or reject: kind, place, and what it knows. */
export interface Detection {
  readonly kind: 'quote' | 'speaker' | 'cue' | 'noise';
  readonly start: number;
  readonly end: number;
  /** The label an accepted detection becomes, and its attributes. */
  readonly label: string;
  readonly attributes: Readonly<Record<string, string>>;
}

export function detectionsOf(analysis: Analysis, kind?: Detection['kind']): Detection[] {
  const out: Detection[] = [];
  const name = (id: string | null): string | undefined => analysis.speakers.find((s) => s.id === id)?.name;
  if (!kind || kind === 'quote') {
    for (const q of analysis.quotes) {
      const speaker = name(q.speakerId);
      out.push({ kind: 'quote', start: q.start, end: q.end, label: 'quote', attributes: speaker ? { speaker } : {} });
    }
  }
  if (!kind || kind === 'speaker') {
    for (const s of analysis.speakers) for (const m of s.mentions) out.push({ kind: 'speaker', start: m.start, end: m.end, label: 'speaker', attributes: { name: s.name } });
  }
  if (!kind || kind === 'cue') {
    for (const c of analysis.cues) out.push({ kind: 'cue', start: c.start, end: c.end, label: 'cue', attributes: {} });
  }
  if (!kind || kind === 'noise') {
    for (const n of analysis.noise) out.push({ kind: 'noise', start: n.start, end: n.end, label: 'noise', attributes: { kind: n.kind } });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** The innermost detection under the offset: a speaker mention or cue before the quote around it. */
export function detectionAt(analysis: Analysis, offset: number): Detection | undefined {
  const under = detectionsOf(analysis).filter((d) => d.start <= offset && (offset < d.end || (d.kind === 'noise' && offset === d.end)));
  return under.sort((a, b) => a.end - a.start - (b.end - b.start))[0];
}

/** The innermost active annotation under the offset. */
export function annotationAt(annotations: readonly Annotation[], offset: number): Annotation | undefined {
  return annotations
    .filter((a) => a.status === 'active' && a.start <= offset && offset <= a.end)
    .sort((a, b) => a.end - a.start - (b.end - b.start))[0];
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
  const boundary = /(?<![.!?…])[.!?…]+["'”’»)]*\s+(?=["'“‘«(]?\p{Lu}|\d)/gu;
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
