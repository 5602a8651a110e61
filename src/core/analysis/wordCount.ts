// The one word counter of the detection engine: words of a string and how many of them are function
// words, in one pass without building a list of words (boilerplate signals, unattributed quotes).
import { isLetterCode, isLetterOrNumberCode } from './text';
import { STOP_WORDS } from './lexicon';

/** Longer words are never function words: their case need not be folded. */
const MAX_STOP_WORD_LENGTH = [...STOP_WORDS].reduce((max, w) => Math.max(max, w.length), 0);
const ASTRAL_LETTER = /^\p{L}$/u;
const ASTRAL_LETTER_OR_NUMBER = /^[\p{L}\p{N}]$/u;
/** A word of at most six letters a–z read as a number in base 32 (a small integer), so that no string is built to look it up. */
const MAX_KEY_LETTERS = 6;
function letterKey(word: string): number {
  let key = 0;
  for (let i = word.length - 1; i >= 0; i--) key = key * 32 + (word.charCodeAt(i) - 96);
  return key;
}
const PLAIN_STOP_WORDS = [...STOP_WORDS].every((w) => /^[a-z]+$/.test(w));
const STOP_KEYS = new Set([...STOP_WORDS].filter((w) => w.length <= MAX_KEY_LETTERS).map(letterKey));
/** Longer function words by the key of their first six letters. */
const LONG_STOP_WORDS = new Map<number, string[]>();
for (const w of STOP_WORDS) {
  if (w.length <= MAX_KEY_LETTERS) continue;
  const key = letterKey(w.slice(0, MAX_KEY_LETTERS));
  LONG_STOP_WORDS.set(key, [...(LONG_STOP_WORDS.get(key) ?? []), w]);
}

/** Whether `s[start, end)`, letters a–z in either case whose first six give `key`, is a function word. */
function isStopWord(s: string, start: number, end: number, key: number): boolean {
  const length = end - start;
  if (length <= MAX_KEY_LETTERS) return STOP_KEYS.has(key);
  const candidates = LONG_STOP_WORDS.get(key);
  if (!candidates) return false;
  for (const w of candidates) {
    if (w.length !== length) continue;
    let k = MAX_KEY_LETTERS;
    while (k < length && (s.charCodeAt(start + k) | 32) === w.charCodeAt(k)) k++;
    if (k === length) return true;
  }
  return false;
}

/** Code units of the letter (or, with `numbers`, letter or number) at `i`; 0 when there is none. */
function letterAt(s: string, i: number, numbers: boolean): number {
  const c = s.charCodeAt(i);
  if (c < 128) {
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) return 1;
    return numbers && c >= 48 && c <= 57 ? 1 : 0;
  }
  if (c >= 0xd800 && c <= 0xdbff) {
    const d = s.charCodeAt(i + 1);
    if (!(d >= 0xdc00 && d <= 0xdfff)) return 0;
    return (numbers ? ASTRAL_LETTER_OR_NUMBER : ASTRAL_LETTER).test(s.slice(i, i + 2)) ? 2 : 0;
  }
  return (numbers ? isLetterOrNumberCode(c) : isLetterCode(c)) ? 1 : 0;
}

/**
 * Words of a line and how many are function words, without building a list of them. A word is a
 * run of letters and digits, with one apostrophe followed by letters ("don't", "Syria’s").
 */
export function countWords(s: string): { words: number; stops: number } {
  let words = 0;
  let stops = 0;
  const n = s.length;
  let i = 0;
  while (i < n) {
    let c = s.charCodeAt(i);
    let w: number;
    if (c < 128) {
      const l = c | 32;
      if (!((l >= 97 && l <= 122) || (c >= 48 && c <= 57))) {
        i++;
        continue;
      }
      w = 1;
    } else {
      w = letterAt(s, i, true);
      if (w === 0) {
        i++;
        continue;
      }
    }
    const start = i;
    // While the word is letters a–z (either case) only: its key as a number in base 32.
    let plain = true;
    let key = 0;
    let scale = 1;
    for (;;) {
      if (plain) {
        const l = c | 32;
        if (w !== 1 || l < 97 || l > 122) plain = false;
        else if (i - start < MAX_KEY_LETTERS) {
          key += (l - 96) * scale;
          scale *= 32;
        }
      }
      i += w;
      if (i >= n) break;
      c = s.charCodeAt(i);
      if (c < 128) {
        const l = c | 32;
        if (!((l >= 97 && l <= 122) || (c >= 48 && c <= 57))) break;
        w = 1;
      } else {
        w = letterAt(s, i, true);
        if (w === 0) break;
      }
    }
    let apostrophe = false;
    if (i < n && (c === 39 || c === 0x2019) && (w = letterAt(s, i + 1, false)) > 0) {
      apostrophe = true;
      i += 1 + w;
      while (i < n && (w = letterAt(s, i, false)) > 0) i += w;
    }
    words++;
    if (i - start > MAX_STOP_WORD_LENGTH) continue;
    if (PLAIN_STOP_WORDS && (plain || apostrophe)) {
      // A function word has letters a–z only, never an apostrophe.
      if (!apostrophe && isStopWord(s, start, i, key)) stops++;
    } else if (STOP_WORDS.has(s.slice(start, i).toLowerCase())) stops++;
  }
  return { words, stops };
}

