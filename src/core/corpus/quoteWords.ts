// The words of a quote as written and folded, for matching (folded) and for showing changes (as written).
import { fold } from './words';

export interface QuoteWords {
  readonly raw: readonly string[];
  readonly norm: readonly string[];
}

export function quoteWords(text: string): QuoteWords {
  const raw: string[] = [];
  const norm: string[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}\p{M}]+(?:['’.\-][\p{L}\p{N}\p{M}]+)*/gu)) {
    raw.push(m[0]);
    norm.push(fold(m[0]));
  }
  return { raw, norm };
}

/** A fast 32-bit hash of words[from..from+n) joined by spaces; collisions only add candidates. */
export function ngramHash(words: readonly string[], from: number, n: number): number {
  let h = 0x811c9dc5;
  for (let k = from; k < from + n; k++) {
    const w = words[k] ?? '';
    for (let i = 0; i < w.length; i++) h = Math.imul(h ^ w.charCodeAt(i), 0x01000193);
    h = Math.imul(h ^ 32, 0x01000193);
  }
  return h >>> 0;
}
