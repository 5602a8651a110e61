// Normalised words and hashes shared by the corpus combiners: the same statement or line written
// with other quotation marks, apostrophes, dashes, case or diacritics must compare equal.

/** Letters that do not decompose under NFD but have a plain Latin reading. */
const SPECIAL_LETTERS: Readonly<Record<string, string>> = {
  ı: 'i', ł: 'l', ø: 'o', ß: 'ss', æ: 'ae', œ: 'oe', đ: 'd', ð: 'd', þ: 'th', ħ: 'h',
};

/**
 * Characters that show nothing: soft hyphens (`&shy;`, kept by scrapers inside long words), zero-width
 * spaces and joiners, word joiners, byte-order marks. The same words with or without them are the same words.
 */
export const INVISIBLE_CHARACTERS = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;

/**
 * Lower case, diacritics removed (Erdoğan → erdogan, Müller → muller), typographic apostrophes made
 * plain, invisible characters (INVISIBLE_CHARACTERS) left out.
 */
export function fold(text: string): string {
  // Plain ASCII (most lines of English news) has nothing to decompose: lower case is enough.
  if (/^[\u0000-\u007f]*$/.test(text)) return text.toLowerCase();
  const lower = text.replace(INVISIBLE_CHARACTERS, '').toLowerCase().normalize('NFD').replace(/\p{M}+/gu, '');
  return lower.replace(/[ıłøßæœđðþħ]/g, (c) => SPECIAL_LETTERS[c] ?? c).replace(/[’‘ʼ`´]/g, "'");
}

/** The words of a text, folded, without punctuation ("It’s" → "it's", "U.N." → "u.n"). */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const m of fold(text).matchAll(/[\p{L}\p{N}]+(?:['.\-][\p{L}\p{N}]+)*/gu)) out.push(m[0]);
  return out;
}

/**
 * A 52-bit hash of a string (two independent 26-bit FNV-1a halves), exact in a JSON number.
 * Collisions among ten million lines are about one in a thousand corpora.
 */
export function hash52(text: string): number {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 13);
  }
  return ((a >>> 6) & 0x3ffffff) * 0x4000000 + ((b >>> 6) & 0x3ffffff);
}

/** Control and bidirectional formatting characters of article text shown as \u{…} escapes on a terminal. */
export function escapeControls(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u{${c.charCodeAt(0).toString(16)}}`);
}
