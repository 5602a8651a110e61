// The words of a quote as written and folded, for matching (folded) and for showing changes (as written).
import { fold, INVISIBLE_CHARACTERS } from './words';

export interface QuoteWords {
  readonly raw: readonly string[];
  readonly norm: readonly string[];
}

const WORD = /[\p{L}\p{N}\p{M}]+(?:['’.\-][\p{L}\p{N}\p{M}]+)*/gu;

/** The words of a quote; characters that show nothing (a soft hyphen inside "govern\u00adment") split none. */
export function quoteWords(text: string): QuoteWords {
  const raw = text.replace(INVISIBLE_CHARACTERS, '').match(WORD) ?? [];
  // Most words are plain ASCII: lower case is all the folding they need, and far cheaper.
  const norm = raw.map((w) => (/^[A-Za-z0-9.\-']*$/.test(w) ? w.toLowerCase() : fold(w)));
  return { raw, norm };
}

/** A 32-bit hash per word (FNV-1a), computed once so that n-gram hashes are a few multiplications. */
export function wordHashes(words: readonly string[]): Int32Array {
  const out = new Int32Array(words.length);
  words.forEach((w, k) => {
    let h = 0x811c9dc5;
    for (let i = 0; i < w.length; i++) h = Math.imul(h ^ w.charCodeAt(i), 0x01000193);
    out[k] = h;
  });
  return out;
}

/** The hash of the n words from `from` (order matters); collisions only add candidates. */
export function ngramHash(hashes: Int32Array, from: number, n: number): number {
  let h = n;
  for (let k = from; k < from + n; k++) h = Math.imul(h ^ (hashes[k] ?? 0), 0x5bd1e995) ^ (h >>> 15);
  return h >>> 0;
}
