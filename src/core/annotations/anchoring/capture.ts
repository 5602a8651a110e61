// Building the anchor strings of a passage from the document text.

import type { TextAnchor } from '../model/types';
import { normalizeLineBreaks } from './normalizedText';

/** Characters of context kept on each side: enough to tell repeated phrases apart, short enough to read. */
export const CONTEXT_LENGTH = 32;

/** The anchor of [start, end) in `documentText` (offsets into the text as given, BOM and CRLF included). */
export function anchorAt(documentText: string, start: number, end: number): TextAnchor {
  const from = Math.max(0, Math.min(start, end, documentText.length));
  const to = Math.max(from, Math.min(end, documentText.length));
  return {
    start: from,
    end: to,
    text: normalizeLineBreaks(documentText.slice(from, to)),
    prefix: keepWholeCharacters(normalizeLineBreaks(documentText.slice(Math.max(0, from - CONTEXT_LENGTH), from)), 'start'),
    suffix: keepWholeCharacters(normalizeLineBreaks(documentText.slice(to, to + CONTEXT_LENGTH)), 'end'),
  };
}

/** Drops a surrogate half (or stray line-break half) cut off at the outer edge of the context. */
function keepWholeCharacters(context: string, cutEdge: 'start' | 'end'): string {
  if (cutEdge === 'start') {
    const first = context.charCodeAt(0);
    return first >= 0xdc00 && first <= 0xdfff ? context.slice(1) : context;
  }
  const last = context.charCodeAt(context.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? context.slice(0, -1) : context;
}

/** The text a sidecar's `sha256` is computed over: the document text without a BOM, UTF-8 encoded by the caller. */
export function textForHashing(documentText: string): string {
  return documentText.startsWith('\uFEFF') ? documentText.slice(1) : documentText;
}
