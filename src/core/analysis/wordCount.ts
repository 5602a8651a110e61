// The one word counter of the detection engine: words of a string and how many of them are function
// words, in one pass without building a list of words (boilerplate signals, unattributed quotes).
import { asciiLowerCode, isLetterCode, isLetterOrNumberCode } from './text';
import { STOP_WORDS } from './lexicon';

/** Longer words are never function words: their case need not be folded. */
const MAX_STOP_WORD_LENGTH = [...STOP_WORDS].reduce((max, w) => Math.max(max, w.length), 0);
const ASTRAL_LETTER = /^\p{L}$/u;
const ASTRAL_LETTER_OR_NUMBER = /^[\p{L}\p{N}]$/u;
const PLAIN_STOP_WORDS = [...STOP_WORDS].every((w) => /^[a-z]+$/.test(w));

/**
 * A word of ASCII letters and digits is looked up by two numbers rolled from its characters as they
 * are read, five bits each (a letter 1–26 in either case, a digit 27): the last six characters in
 * one, the six before in the other. No field of a character is 0, so words of at most twelve
 * characters make distinct pairs whatever their case, and a longer word fills all twelve fields,
 * which no function word of at most eleven letters does. No string is built, and the look-up has
 * no branch whose outcome depends on the word.
 */
const KEY_MASK = 0x3fffffff;
const KEY_VALUE = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const l = c | 32;
  KEY_VALUE[c] = l >= 97 && l <= 122 ? l - 96 : c >= 48 && c <= 57 ? 27 : 0;
}
/** Whether the pair of numbers tells every function word: all are letters a–z, none longer than eleven. */
const KEYED_STOP_WORDS = PLAIN_STOP_WORDS && MAX_STOP_WORD_LENGTH <= 11;

function wordKeys(word: string): [number, number] {
  let lo = 0;
  let hi = 0;
  for (let k = 0; k < word.length; k++) {
    hi = ((hi << 5) | (lo >>> 25)) & KEY_MASK;
    lo = ((lo << 5) | (KEY_VALUE[word.charCodeAt(k)] ?? 0)) & KEY_MASK;
  }
  return [lo, hi];
}

/**
 * The function words by their pairs, in a table where no two share a slot (its multiplier is
 * searched for once, as the module loads): a look-up is one slot read, with no probing. A slot
 * holds the pair side by side; an empty one holds -1, which no number of a pair is.
 */
const STOP_SLOT_BITS = 11;
const STOP_TABLE = new Int32Array(2 << STOP_SLOT_BITS).fill(-1);
function stopSlot(lo: number, hi: number, multiplier: number): number {
  return (Math.imul(lo ^ Math.imul(hi, 0x85ebca6b), multiplier) >>> (32 - STOP_SLOT_BITS)) << 1;
}
/**
 * The multiplier of the function words' table: the first of a fixed sequence of odd numbers (from
 * 0x9e3779b1) that gives every function word a slot of its own. The search starts at the one that
 * does for the present list (the 290th), so that loading the engine tries one; a changed list
 * goes on searching from it.
 */
const STOP_MULTIPLIER_FOUND = 0x6baa5ad7;
const STOP_MULTIPLIER = ((): number => {
  const pairs = [...STOP_WORDS].map(wordKeys);
  let m = STOP_MULTIPLIER_FOUND;
  for (let tries = 0; tries < 100_000; tries++, m = (Math.imul(m, 0x2c1b3c6d) + 0x297a2d39) | 1) {
    if (new Set(pairs.map(([lo, hi]) => stopSlot(lo, hi, m))).size === pairs.length) return m;
  }
  throw new Error('the function words fit no table without collisions');
})();
for (const w of STOP_WORDS) {
  const [lo, hi] = wordKeys(w);
  const slot = stopSlot(lo, hi, STOP_MULTIPLIER);
  STOP_TABLE[slot] = lo;
  STOP_TABLE[slot + 1] = hi;
}

/** 1 when the pair is a function word's, else 0. */
function stopPairHit(lo: number, hi: number): number {
  const slot = stopSlot(lo, hi, STOP_MULTIPLIER);
  // 0 when both numbers are equal; `d | -d` has the sign bit for every other `d`.
  const d = ((STOP_TABLE[slot] ?? -1) ^ lo) | ((STOP_TABLE[slot + 1] ?? -1) ^ hi);
  return ((d | -d) >>> 31) ^ 1;
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
/** The line may hold a link: "p:" or "s:" (as in "https:"), `@`, "www." or a dot before an ASCII letter (as in ".com"). */
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
  /**
   * A bit for each character that is no letter or digit of a word (see markOf), so that a search
   * for a mark the line does not hold ("©", "(c) ") is not made: `1 << (code & 31)`, bits shared.
   */
  marks: number;
}

/** The flag each ASCII character sets. */
const ASCII_FLAGS = new Uint8Array(128);
ASCII_FLAGS[34] = HAS_QUOTE_MARK;
ASCII_FLAGS[35] = HAS_HANDLE_MARK;
ASCII_FLAGS[64] = HAS_HANDLE_MARK | HAS_LINK_MARK;

/**
 * Whether the dot or colon at `i` may belong to a link: "www." or a dot before an ASCII letter, a
 * colon after "p" or "s" in either case ("http:", "https:"). A colon elsewhere ("Source: Reuters")
 * is no sign of one: the link patterns want a colon only there.
 */
function markOfLink(s: string, i: number, c: number): boolean {
  // Range checks before each read: a dot or colon may end or open the line.
  const before = i > 0 ? s.charCodeAt(i - 1) | 32 : 0;
  if (c === 58) return before === 112 || before === 115;
  const next = i + 1 < s.length ? s.charCodeAt(i + 1) | 32 : 0;
  return (next >= 97 && next <= 122) || before === 119;
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

/** The one answer of `lineSignals`, overwritten by each call: no object is built per line. */
const SIGNALS: LineSignals = { words: 0, stops: 0, signature: 0, units: 0, flags: 0, marks: 0 };

/**
 * Words of a line and how many are function words, without building a list of them. A word is a
 * run of letters and digits, with one apostrophe followed by letters ("don't", "Syria’s").
 */
export function countWords(s: string): { words: number; stops: number } {
  const { words, stops } = lineSignals(s);
  return { words, stops };
}

/**
 * The words of a line (as `countWords`), its signature and flags, in one pass. The answer is
 * shared and overwritten by the next call: read it at once.
 *
 * Read for every line of every page, so each character is read once and ASCII, most of any line,
 * takes the shortest path: one read of KEY_VALUE tells a word's character from the rest and gives
 * its field in the word's pair of numbers (see KEY_MASK), and a run of ASCII letters and digits is
 * rolled into the signature and the pair in a loop of its own.
 */
export function lineSignals(s: string): Readonly<LineSignals> {
  let words = 0;
  let stops = 0;
  let hash = 0;
  let units = 0;
  let flags = 0;
  let marks = 0;
  const n = s.length;
  let i = 0;
  while (i < n) {
    let c = s.charCodeAt(i);
    let w = 1;
    // An ASCII character's field in a word's pair of numbers: 0 for all but letters and digits.
    let v = 0;
    if (c < 128) {
      v = KEY_VALUE[c] ?? 0;
      if (v === 0) {
        flags |= ASCII_FLAGS[c] ?? 0;
        marks |= 1 << (c & 31);
        if ((c === 46 || c === 58) && markOfLink(s, i, c)) flags |= HAS_LINK_MARK;
        i++;
        continue;
      }
    } else {
      w = letterAt(s, i, true);
      if (w === 0) {
        flags |= otherFlags(c);
        marks |= 1 << (c & 31);
        i++;
        continue;
      }
    }
    const start = i;
    let lo = 0;
    let hi = 0;
    // Whether the word holds a letter or digit beyond ASCII: it is then looked up lower-cased.
    let other = 0;
    for (;;) {
      if (c < 128) {
        // A run of ASCII letters and digits, the most of any word, in a loop of its own.
        for (;;) {
          // `| 32` lower-cases a letter and leaves a digit as it is: no test on the case.
          hash = (Math.imul(hash, 31) + (c | 32)) | 0;
          hi = ((hi << 5) | (lo >>> 25)) & KEY_MASK;
          lo = ((lo << 5) | v) & KEY_MASK;
          units++;
          i++;
          if (i >= n) break;
          c = s.charCodeAt(i);
          v = c < 128 ? (KEY_VALUE[c] ?? 0) : 0;
          if (v === 0) break;
        }
        if (i >= n || c < 128) break;
        w = letterAt(s, i, true);
        if (w === 0) break;
      }
      units++;
      hash = (Math.imul(hash, 31) + OTHER_LETTER) | 0;
      flags |= otherFlags(c);
      other = 1;
      i += w;
      if (i >= n) break;
      c = s.charCodeAt(i);
      if (c < 128) {
        v = KEY_VALUE[c] ?? 0;
        if (v === 0) break;
      } else {
        w = letterAt(s, i, true);
        if (w === 0) break;
      }
    }
    words++;
    if (i < n && (c === 39 || c === 0x2019) && (w = letterAt(s, i + 1, false)) > 0) {
      i++;
      // The letters after the apostrophe count in the signature as any others.
      for (;;) {
        c = s.charCodeAt(i);
        units++;
        hash = (Math.imul(hash, 31) + signatureUnit(c)) | 0;
        flags |= otherFlags(c);
        i += w;
        if (i >= n || (w = letterAt(s, i, false)) === 0) break;
      }
      // With an apostrophe, no function word of letters a–z.
      if (!PLAIN_STOP_WORDS && isStopWordLowerCased(s, start, i)) stops++;
    } else if (other === 0 && KEYED_STOP_WORDS) stops += stopPairHit(lo, hi);
    // Lower-casing may turn a letter beyond ASCII into one of a–z (the Kelvin sign).
    else if (isStopWordLowerCased(s, start, i)) stops++;
  }
  SIGNALS.words = words;
  SIGNALS.stops = stops;
  SIGNALS.signature = hash;
  SIGNALS.units = units;
  SIGNALS.flags = flags;
  SIGNALS.marks = marks;
  return SIGNALS;
}

/**
 * The bit of `LineSignals.marks` that the character `code` sets wherever it stands in a line, or -1
 * for one that may be read as part of a word and set none: letters and digits, apostrophes (inside
 * "don't"), surrogates.
 */
export function markOf(code: number): number {
  if (code === 39 || code === 0x2019 || (code >= 0xd800 && code <= 0xdfff) || isLetterOrNumberCode(code)) return -1;
  return 1 << (code & 31);
}

function isStopWordLowerCased(s: string, start: number, end: number): boolean {
  return end - start <= MAX_STOP_WORD_LENGTH && STOP_WORDS.has(s.slice(start, end).toLowerCase());
}

/**
 * The signature (as `lineSignals` makes it) of each run of the letters and digits of `s` from its
 * start: entry m is the signature of the first m of them, so that a line whose letters start those
 * of `s` is known by one comparison. A plain array, grown as the letters are read: made for a few
 * lines of each page, for which a typed array costs more to make than to fill.
 */
export function signaturePrefixes(s: string): number[] {
  const prefixes = [0];
  let hash = 0;
  for (let i = 0; i < s.length; ) {
    const c = s.charCodeAt(i);
    // ASCII letters and digits, most of any line, without a call.
    const w = c < 128 ? ((KEY_VALUE[c] ?? 0) === 0 ? 0 : 1) : letterAt(s, i, true);
    if (w === 0) {
      i++;
      continue;
    }
    hash = (Math.imul(hash, 31) + signatureUnit(c)) | 0;
    prefixes.push(hash);
    i += w;
  }
  return prefixes;
}
