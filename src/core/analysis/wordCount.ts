// The one word counter of the detection engine: words of a string and how many of them are function
// words, in one pass without building a list of words (boilerplate signals, unattributed quotes).
import { asciiLowerCode, isLetterCode, isLetterOrNumberCode } from './text';
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
/**
 * The keys of the function words of at most six letters, in a table of numbers read by open
 * addressing: looked up for most words of every line, where a Set's lookup costs more than the
 * rest of the word.
 */
const STOP_KEY_BITS = 11;
const STOP_KEY_TABLE = new Int32Array(1 << STOP_KEY_BITS);
function stopKeySlot(key: number): number {
  return Math.imul(key, 0x9e3779b1) >>> (32 - STOP_KEY_BITS);
}
for (const w of STOP_WORDS) {
  if (w.length > MAX_KEY_LETTERS) continue;
  // Keys of letters a–z are never 0, which marks an empty slot.
  const key = letterKey(w);
  let slot = stopKeySlot(key);
  while (STOP_KEY_TABLE[slot] !== 0 && STOP_KEY_TABLE[slot] !== key) slot = (slot + 1) & (STOP_KEY_TABLE.length - 1);
  STOP_KEY_TABLE[slot] = key;
}
if (STOP_WORDS.size * 2 > STOP_KEY_TABLE.length) throw new Error('the table of function words is too small');
function isStopKey(key: number): boolean {
  for (let slot = stopKeySlot(key); ; slot = (slot + 1) & (STOP_KEY_TABLE.length - 1)) {
    const k = STOP_KEY_TABLE[slot];
    if (k === key) return true;
    if (k === 0 || k === undefined) return false;
  }
}
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
  if (length <= MAX_KEY_LETTERS) return isStopKey(key);
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

/**
 * Code units of the letter (or, with `numbers`, letter or number) at `i`; 0 when there is none.
 * Offsets past the end are answered before any read: a read there would make the compiled code
 * start over (callers ask about the character after a word, which may be the end).
 */
function letterAt(s: string, i: number, numbers: boolean): number {
  if (i >= s.length) return 0;
  const c = s.charCodeAt(i);
  if (c < 128) {
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) return 1;
    return numbers && c >= 48 && c <= 57 ? 1 : 0;
  }
  if (c >= 0xd800 && c <= 0xdbff) {
    if (i + 1 >= s.length) return 0;
    const d = s.charCodeAt(i + 1);
    if (!(d >= 0xdc00 && d <= 0xdfff)) return 0;
    return (numbers ? ASTRAL_LETTER_OR_NUMBER : ASTRAL_LETTER).test(s.slice(i, i + 2)) ? 2 : 0;
  }
  return (numbers ? isLetterOrNumberCode(c) : isLetterCode(c)) ? 1 : 0;
}

/** Flags of `LineSignals`: the line holds a double quotation mark (", “ or ”). */
export const HAS_QUOTE_MARK = 1;
/** The line holds `@` or `#` (a handle or a hashtag may be there). */
export const HAS_HANDLE_MARK = 2;
/** The line may hold a link: a colon, `@`, "www." or a dot before an ASCII letter (as in ".com"). */
export const HAS_LINK_MARK = 8;
/** The line holds a character that lower-cases to ASCII (İ, the Kelvin sign): its signature must be read off its lower-case form. */
export const HAS_ASCII_FOLD = 4;

/** What one pass over a line tells (see `lineSignals`). */
export interface LineSignals {
  words: number;
  stops: number;
  /**
   * A hash of the line's letters and digits in order, ASCII letters case-folded and every other
   * letter or digit counted alike: lower-casing, quote marks and spaces do not change it, so lines
   * equal after `normaliseForComparison` share it (unless HAS_ASCII_FOLD is set).
   */
  signature: number;
  /** How many letters and digits the signature counts (a pair of surrogates counts once). */
  units: number;
  flags: number;
}

/** The flag each ASCII character sets. */
const ASCII_FLAGS = new Uint8Array(128);
ASCII_FLAGS[34] = HAS_QUOTE_MARK;
ASCII_FLAGS[35] = HAS_HANDLE_MARK;
ASCII_FLAGS[64] = HAS_HANDLE_MARK | HAS_LINK_MARK;
ASCII_FLAGS[58] = HAS_LINK_MARK;

/** Whether the dot at `i` may belong to a link: "www." or a dot before an ASCII letter. */
function dotOfLink(s: string, i: number): boolean {
  // Range checks before each read: a dot may end or open the line.
  const next = i + 1 < s.length ? s.charCodeAt(i + 1) | 32 : 0;
  return (next >= 97 && next <= 122) || (i > 0 && (s.charCodeAt(i - 1) | 32) === 119);
}
/** What the signature counts for a letter or digit outside ASCII. */
const OTHER_LETTER = 1;

/** What the signature counts for the letter or digit `c`: ASCII letters case-folded, every other alike. */
function signatureUnit(c: number): number {
  return c >= 128 ? OTHER_LETTER : asciiLowerCode(c);
}

/** The flags a character outside ASCII sets (curly double quotes, and the letters lower-casing to ASCII). */
function otherFlags(c: number): number {
  if (c === 0x201c || c === 0x201d) return HAS_QUOTE_MARK;
  return c === 0x130 || c === 0x212a ? HAS_ASCII_FOLD : 0;
}

/** 1 for the ASCII letters and digits (the characters of most words), 0 for the rest of ASCII. */
const ASCII_WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_WORD[c] = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) ? 1 : 0;

/** What a word holds besides ASCII letters (its shape, 0 for none), which tells how it is looked up. */
const WITH_DIGIT = 1;
const WITH_OTHER = 2;

/** The one answer of `lineSignals`, overwritten by each call: no object is built per line. */
const SIGNALS: LineSignals = { words: 0, stops: 0, signature: 0, units: 0, flags: 0 };

/**
 * Words of a line and how many are function words, without building a list of them. A word is a
 * run of letters and digits, with one apostrophe followed by letters ("don't", "Syria’s").
 */
export function countWords(s: string): { words: number; stops: number } {
  const { words, stops } = lineSignals(s);
  return { words, stops };
}

/** Whether the word `s[start, end)` is a function word; `shape` says what it holds besides ASCII letters, `key` is as isStopWord's. */
function isStopWordOfShape(s: string, start: number, end: number, shape: number, key: number): boolean {
  if (end - start > MAX_STOP_WORD_LENGTH) return false;
  if (!PLAIN_STOP_WORDS) return STOP_WORDS.has(s.slice(start, end).toLowerCase());
  if (shape === 0) return isStopWord(s, start, end, key);
  // Every function word is letters a–z, and lower-casing turns no digit into one: a word of ASCII
  // letters and digits is none. A letter outside ASCII may lower-case to one (the Kelvin sign).
  return shape === WITH_DIGIT ? false : STOP_WORDS.has(s.slice(start, end).toLowerCase());
}

/**
 * The words of a line (as `countWords`), its signature and flags, in one pass. The answer is
 * shared and overwritten by the next call: read it at once.
 *
 * Read for every line of every page, so each character is read once and ASCII, most of any line,
 * takes the shortest path: a table read tells a word's character from the rest, and the letters of
 * a word are folded into its signature and its key (the number isStopWord looks up) as they pass.
 */
export function lineSignals(s: string): Readonly<LineSignals> {
  let words = 0;
  let stops = 0;
  let hash = 0;
  let units = 0;
  let flags = 0;
  const n = s.length;
  let i = 0;
  while (i < n) {
    let c = s.charCodeAt(i);
    let w = 1;
    if (c < 128) {
      if (ASCII_WORD[c] === 0) {
        flags |= ASCII_FLAGS[c] ?? 0;
        if (c === 46 && dotOfLink(s, i)) flags |= HAS_LINK_MARK;
        i++;
        continue;
      }
    } else {
      w = letterAt(s, i, true);
      if (w === 0) {
        flags |= otherFlags(c);
        i++;
        continue;
      }
    }
    const start = i;
    // The first six letters as a number in base 32 (as letterKey), five bits each: read only when
    // the word is ASCII letters alone (`shape` 0), where `i - start` counts its letters.
    let key = 0;
    let shape = 0;
    for (;;) {
      units++;
      if (c < 128) {
        // `| 32` lower-cases an ASCII letter and leaves a digit as it is (digits have the bit).
        const l = c | 32;
        hash = (Math.imul(hash, 31) + l) | 0;
        if (l < 97) shape |= WITH_DIGIT;
        else if (i - start < MAX_KEY_LETTERS) key |= (l - 96) << (5 * (i - start));
        i++;
      } else {
        hash = (Math.imul(hash, 31) + OTHER_LETTER) | 0;
        flags |= otherFlags(c);
        shape |= WITH_OTHER;
        i += w;
      }
      if (i >= n) break;
      c = s.charCodeAt(i);
      if (c < 128) {
        if (ASCII_WORD[c] === 0) break;
        w = 1;
      } else {
        w = letterAt(s, i, true);
        if (w === 0) break;
      }
    }
    words++;
    if (i < n && (c === 39 || c === 0x2019) && (w = letterAt(s, i + 1, false)) > 0) {
      i++;
      // The letters after the apostrophe count in the signature as any others; a word with an
      // apostrophe is never a function word (all are letters a–z), unless the list says otherwise.
      for (;;) {
        c = s.charCodeAt(i);
        units++;
        hash = (Math.imul(hash, 31) + signatureUnit(c)) | 0;
        flags |= otherFlags(c);
        i += w;
        if (i >= n || (w = letterAt(s, i, false)) === 0) break;
      }
      if (!PLAIN_STOP_WORDS && isStopWordOfShape(s, start, i, WITH_OTHER, 0)) stops++;
      continue;
    }
    if (isStopWordOfShape(s, start, i, shape, key)) stops++;
  }
  SIGNALS.words = words;
  SIGNALS.stops = stops;
  SIGNALS.signature = hash;
  SIGNALS.units = units;
  SIGNALS.flags = flags;
  return SIGNALS;
}

/**
 * The signature (as `lineSignals` makes it) of each run of the letters and digits of `s` from its
 * start: entry m is the signature of the first m of them, so that a line whose letters start those
 * of `s` is known by one comparison.
 */
export function signaturePrefixes(s: string): Int32Array {
  // A string has no more letters and digits than code units: the entries are written in place and the rest left off.
  const prefixes = new Int32Array(s.length + 1);
  let hash = 0;
  let m = 0;
  for (let i = 0; i < s.length; ) {
    const c = s.charCodeAt(i);
    const w = letterAt(s, i, true);
    if (w === 0) {
      i++;
      continue;
    }
    hash = (Math.imul(hash, 31) + signatureUnit(c)) | 0;
    prefixes[++m] = hash;
    i += w;
  }
  return prefixes.subarray(0, m + 1);
}
