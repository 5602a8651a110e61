// Low-level text helpers shared by the detectors: lines, word tokens and character classes.
// Everything works on UTF-16 offsets into the original string, so spans map directly onto editor offsets.
import { clusterBoundaryFrom, extendsCluster } from './graphemes';

export interface Line {
  readonly index: number;
  /** Offset of the first character of the line. */
  readonly start: number;
  /** Offset just past the last character, the line break (LF, CRLF or CR) excluded. */
  readonly end: number;
  readonly text: string;
  readonly blank: boolean;
}

export interface Token {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** `word` for letters/digits (with inner apostrophes, hyphens and abbreviation dots), `punct` otherwise. */
  readonly type: 'word' | 'punct';
  /**
   * `text.toLowerCase()`, made once: the rules look words up in lower case many times. Most words
   * are lower case already and share the very string of `text` (no copy, and its hash is computed once).
   */
  readonly lower: string;
}

const LETTER = /\p{L}/u;
const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;
const SPACE = /\s/u;
const NUMBER = /\p{N}/u;

// Character classes of UTF-16 code units, looked up in a table filled on first use of each unit
// (a regular expression per character is the slowest part of a scan otherwise).
const KNOWN = 1;
const C_LETTER = 2;
const C_UPPER = 4;
const C_LOWER = 8;
const C_SPACE = 16;
const C_NUMBER = 32;
const CLASS_TABLE = new Uint8Array(65536);

function computeClass(code: number): number {
  const ch = String.fromCharCode(code);
  let c = KNOWN;
  if (LETTER.test(ch)) c |= C_LETTER;
  if (UPPER.test(ch)) c |= C_UPPER;
  if (LOWER.test(ch)) c |= C_LOWER;
  if (SPACE.test(ch) || code === 0xfeff) c |= C_SPACE;
  if (NUMBER.test(ch)) c |= C_NUMBER;
  CLASS_TABLE[code] = c;
  return c;
}

/** The class bits of one UTF-16 code unit (a lone surrogate has none). */
function classOf(code: number): number {
  if (!(code >= 0 && code < 65536)) return 0;
  const c = CLASS_TABLE[code] ?? 0;
  return c !== 0 ? c : computeClass(code);
}

function classOfChar(ch: string | undefined, bit: number, re: RegExp): boolean {
  if (ch === undefined) return false;
  if (ch.length !== 1) return re.test(ch);
  return (classOf(ch.charCodeAt(0)) & bit) !== 0;
}

export function isLetterCode(code: number): boolean {
  return (classOf(code) & C_LETTER) !== 0;
}

export function isLetterOrDigitCode(code: number): boolean {
  return (code >= 48 && code <= 57) || (classOf(code) & C_LETTER) !== 0;
}

/** `\p{L}` or `\p{N}` for a code unit of the Basic Multilingual Plane. */
export function isLetterOrNumberCode(code: number): boolean {
  return (classOf(code) & (C_LETTER | C_NUMBER)) !== 0;
}

/** An ASCII letter or digit: the plain words that fast paths read without the character tables. */
export function isAsciiLetterOrDigitCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
}

/** An ASCII digit 0–9 (`\d` of a pattern without the u flag's extras). */
export function isAsciiDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** An ASCII capital lower-cased; any other code unit as it is. */
export function asciiLowerCode(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

/**
 * The code point at `i` of `text[.., end)`: a surrogate pair as one, but a high surrogate whose low
 * half lies at or past `end` alone (a span cut inside a pair reads as a regular expression on its
 * slice would).
 */
export function codePointWithin(text: string, i: number, end: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < end) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
  }
  return c;
}

/** `\p{L}` of a code point (beyond the Basic Multilingual Plane by the regular expression). */
export function isLetterCodePoint(cp: number): boolean {
  return cp < 65536 ? isLetterCode(cp) : LETTER.test(String.fromCodePoint(cp));
}

/** `\p{Lu}` of a code point (beyond the Basic Multilingual Plane by the regular expression). */
export function isUpperCodePoint(cp: number): boolean {
  return cp < 65536 ? isUpperCode(cp) : UPPER.test(String.fromCodePoint(cp));
}

export function isSpaceCode(code: number): boolean {
  return (classOf(code) & C_SPACE) !== 0;
}

export function isLetter(ch: string | undefined): boolean {
  return classOfChar(ch, C_LETTER, LETTER);
}

export function isLetterOrDigit(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  if (ch.length !== 1) return LETTER.test(ch) || (ch >= '0' && ch <= '9');
  return isLetterOrDigitCode(ch.charCodeAt(0));
}

export function isUpperCode(code: number): boolean {
  return (classOf(code) & C_UPPER) !== 0;
}

export function isUpper(ch: string | undefined): boolean {
  return classOfChar(ch, C_UPPER, UPPER);
}

export function isLower(ch: string | undefined): boolean {
  return classOfChar(ch, C_LOWER, LOWER);
}

const LOWER_START = /^\p{Ll}/u;

/** The first code unit of a surrogate pair (or a lone one). */
export function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** `/^\p{Ll}/u.test(word)`, by the class table unless the word opens with a surrogate pair. */
export function startsLower(word: string): boolean {
  return startsLowerAt(word, 0, word.length);
}

/** `startsLower(text.slice(i, j))`, with the slice made only for a surrogate pair. */
function startsLowerAt(text: string, i: number, j: number): boolean {
  const code = text.charCodeAt(i);
  if (isHighSurrogate(code)) return LOWER_START.test(text.slice(i, j));
  return (classOf(code) & C_LOWER) !== 0;
}

export function isSpace(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  if (ch.length !== 1) return SPACE.test(ch) || ch === '\uFEFF';
  return isSpaceCode(ch.charCodeAt(0));
}

export function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

/**
 * Splits at every line break of any convention: LF, CRLF and a lone CR (old Mac files, some scrapers),
 * mixed freely; the break itself belongs to no line. One pass over the text.
 */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  // Line breaks are found by indexOf (a fast scan in the engine); a text without CR needs no CR search.
  let nextLf = text.indexOf('\n');
  let nextCr = text.indexOf('\r');
  let start = 0;
  for (;;) {
    if (nextLf >= 0 && nextLf < start) nextLf = text.indexOf('\n', start);
    if (nextCr >= 0 && nextCr < start) nextCr = text.indexOf('\r', start);
    const end = nextLf < 0 ? (nextCr < 0 ? text.length : nextCr) : nextCr < 0 ? nextLf : Math.min(nextLf, nextCr);
    lines.push({ index: lines.length, start, end, text: text.slice(start, end), blank: isBlank(text, start, end) });
    if (end >= text.length) break;
    start = text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? end + 2 : end + 1;
  }
  return lines;
}

/** Whether `text[start, end)` is only whitespace: stops at the first other character, mostly the first. */
export function isBlank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isSpaceCode(text.charCodeAt(i))) return false;
  return true;
}

function isWordJoiner(text: string, i: number): boolean {
  const ch = text.charCodeAt(i);
  // ' ’ - \u2011 &
  if (ch === 39 || ch === 0x2019 || ch === 45 || ch === 0x2011 || ch === 38) {
    return i >= 1 && i + 1 < text.length && isLetterOrDigitCode(text.charCodeAt(i - 1)) && isLetterOrDigitCode(text.charCodeAt(i + 1));
  }
  if (ch === 46) {
    // Abbreviations such as "U.S." or "Jr.": a dot between single letters keeps the token whole.
    // Each read is range-checked first: a read past either end would make the compiled code start over.
    if (i + 2 >= text.length || i < 1) return false;
    return isLetterCode(text.charCodeAt(i + 1)) && text.charCodeAt(i + 2) === 46 && isLetterCode(text.charCodeAt(i - 1)) && (i < 2 || !isLetterCode(text.charCodeAt(i - 2)));
  }
  return false;
}

/** ASCII letters and digits: the characters of most words, told without the class table. */
const ASCII_WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_WORD[c] = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 1 : 0;

/** Whether a word token starts with the code unit `code`: a letter or a digit. */
function startsWord(code: number): boolean {
  return code < 128 ? ASCII_WORD[code] === 1 : isLetterOrDigitCode(code);
}

/**
 * How the last word `wordEnd` read is lower-cased: SAME_LOWER (ASCII without a capital: the word
 * itself), FIRST_CAPITAL (ASCII whose only capital is its first letter: most capitalised words,
 * lower-cased by hand, as toLowerCase reads a slice of a text beyond Latin-1 by its slow path), or
 * TO_LOWER_CASE. Told as the word is read, not by a second read of it.
 */
let wordCase = 0;
const SAME_LOWER = 0;
const FIRST_CAPITAL = 1;
const TO_LOWER_CASE = 2;

/**
 * The end of the word token that starts at `i` (a letter or digit) and ends by `to`: letters and
 * digits, with the marks that join two parts (' ’ - & and an abbreviation's dot) and a letter's
 * combining accents; sets `wordCase`. A surrogate pair is one character: never cut inside it.
 */
function wordEnd(text: string, i: number, to: number): number {
  const code = text.charCodeAt(i);
  // Whether lower-casing may change the word: an ASCII capital or any character beyond ASCII.
  let cased = (code >= 65 && code <= 90) || code >= 128;
  let ascii = code < 128;
  let capitals = code >= 65 && code <= 90 ? 1 : 0;
  let j = i + 1;
  while (j < to) {
    const c = text.charCodeAt(j);
    // ASCII first (most of any word): a letter or digit, else only ' - & . may join two parts.
    if (c < 128) {
      if (ASCII_WORD[c] === 1) {
        if (c >= 65 && c <= 90) {
          cased = true;
          capitals++;
        }
        j++;
      } else if ((c === 39 || c === 45 || c === 38 || c === 46) && j + 1 < to && isWordJoiner(text, j)) j++;
      else break;
    } else if (isLetterOrDigitCode(c) || (j + 1 < to && isWordJoiner(text, j))) {
      cased = true;
      ascii = false;
      j++;
    }
    // A combining accent or joiner belongs to the letter before it: "José" with e + U+0301 is one word.
    else if (extendsCluster(text, j)) {
      cased = true;
      ascii = false;
      j = clusterBoundaryFrom(text, j, to);
    } else break;
  }
  // "U.S." keeps its final dot.
  if (j < to && text.charCodeAt(j) === 46 && j - i >= 3 && text.charCodeAt(j - 2) === 46) j++;
  wordCase = ascii && capitals === 1 && code >= 65 && code <= 90 ? FIRST_CAPITAL : cased ? TO_LOWER_CASE : SAME_LOWER;
  return j;
}

/** `word` (`text[i, …)`, the word `wordEnd` read last) in lower case. */
function lowerOfWord(text: string, i: number, word: string): string {
  if (wordCase === SAME_LOWER) return word;
  if (wordCase === FIRST_CAPITAL) return String.fromCharCode(text.charCodeAt(i) + 32) + word.slice(1);
  return word.toLowerCase();
}

/** Word and punctuation tokens of `text[from, to)`, whitespace dropped. Linear in the range. */
export function tokenize(text: string, from: number, to: number): Token[] {
  const tokens: Token[] = [];
  let i = from;
  while (i < to) {
    const code = text.charCodeAt(i);
    if (code === 32 || isSpaceCode(code)) {
      i++;
      continue;
    }
    if (startsWord(code)) {
      const j = wordEnd(text, i, to);
      const word = text.slice(i, j);
      tokens.push({ start: i, end: j, text: word, type: 'word', lower: lowerOfWord(text, i, word) });
      i = j;
      continue;
    }
    const width = markWidth(code, i, to);
    const mark = text.slice(i, i + width);
    tokens.push({ start: i, end: i + width, text: mark, type: 'punct', lower: code < 128 ? mark : mark.toLowerCase() });
    i += width;
  }
  return tokens;
}

/**
 * Adds to `found`, in lower case, each word token of `text[from, to)` (the tokens `tokenize` makes)
 * that is written in lower case, or (`capitalisedMidSentence`) capitalised right after a word or a
 * comma: the words of a whole article passing a test, read without a token made or kept.
 */
export function addWordsPassing(text: string, from: number, to: number, capitalisedMidSentence: boolean, found: Set<string>): void {
  // Whether the token before is a word or a comma (white space between changes nothing).
  let afterWordOrComma = false;
  for (let i = from; i < to; ) {
    const code = text.charCodeAt(i);
    if (!startsWord(code)) {
      if (code !== 32 && !isSpaceCode(code)) afterWordOrComma = code === 44;
      i += markWidth(code, i, to);
      continue;
    }
    const j = wordEnd(text, i, to);
    const capital = isUpperCode(code);
    if (capitalisedMidSentence ? capital && afterWordOrComma : !capital && startsLowerAt(text, i, j)) {
      found.add(lowerOfWord(text, i, text.slice(i, j)));
    }
    afterWordOrComma = true;
    i = j;
  }
}

/** The code units of the mark (or white space) at `i`, opening with `code`: a surrogate pair is one character, never cut. */
function markWidth(code: number, i: number, to: number): number {
  return isHighSurrogate(code) && i + 1 < to ? 2 : 1;
}

/** The index of the first of `tokens` (in text order) starting at or after `pos`, from `from` on: a binary search. */
export function tokenIndexAt(tokens: readonly Token[], pos: number, from = 0): number {
  let lo = from;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const t = tokens[mid];
    if (t !== undefined && t.start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Shrinks `[start, end)` past surrounding whitespace. */
export function trimSpan(text: string, start: number, end: number): [number, number] {
  let s = start;
  let e = end;
  // The next offset is computed before each test, so that a span with no space at its edges (most)
  // already runs every operation: one that has some meets compiled code that has run them.
  for (;;) {
    const next = s + 1;
    if (!(s < e && isSpace(text[s]))) break;
    s = next;
  }
  for (;;) {
    const last = e - 1;
    if (!(e > s && isSpace(text[last]))) break;
    e = last;
  }
  return [s, e];
}

export function isCapitalised(word: string): boolean {
  // On the code unit: no one-character string is made (an empty word has none and is not capitalised).
  return isUpperCode(word.charCodeAt(0));
}

export function normaliseForComparison(s: string): string {
  // One scan tells which of the replacements can change anything; most lines need none of them
  // (only the case is folded), and a line with apostrophes needs only the first.
  let single = false;
  let double = false;
  let spaces = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // Printable ASCII, most of any line, needs no class lookup; a space only when another follows.
    if (c > 32 && c < 127) continue;
    if (c === 32) {
      const next = s.charCodeAt(i + 1);
      if ((next > 32 && next < 127) || i + 1 === s.length) continue;
    }
    if (c === 0x2018 || c === 0x2019) single = true;
    else if (c === 0x201c || c === 0x201d || c === 0x201e || c === 0xab || c === 0xbb) double = true;
    else if (isSpaceCode(c) && (c !== 32 || isSpaceCode(s.charCodeAt(i + 1)))) spaces = true;
  }
  let out = s.toLowerCase();
  if (single) out = out.replace(/[\u2018\u2019]/g, "'");
  if (double) out = out.replace(/[\u201C\u201D\u201E\u00AB\u00BB]/g, '"');
  if (spaces) out = out.replace(/\s+/g, ' ');
  return out.trim();
}

/** Whether only whitespace stands between `from` and `to` (stops at the first other character). */
export function onlySpaceBetween(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isSpace(text[i])) return false;
  return true;
}
