// Low-level text helpers shared by the detectors: lines, word tokens and character classes.
// Everything works on UTF-16 offsets into the original string, so spans map directly onto editor offsets.

export interface Line {
  readonly index: number;
  /** Offset of the first character of the line. */
  readonly start: number;
  /** Offset just past the last character, a trailing `\r` excluded. */
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
}

const LETTER = /\p{L}/u;
const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;
const SPACE = /\s/u;

export function isLetter(ch: string | undefined): boolean {
  return ch !== undefined && LETTER.test(ch);
}

export function isLetterOrDigit(ch: string | undefined): boolean {
  return ch !== undefined && (LETTER.test(ch) || (ch >= '0' && ch <= '9'));
}

export function isUpper(ch: string | undefined): boolean {
  return ch !== undefined && UPPER.test(ch);
}

export function isLower(ch: string | undefined): boolean {
  return ch !== undefined && LOWER.test(ch);
}

export function isSpace(ch: string | undefined): boolean {
  return ch !== undefined && (SPACE.test(ch) || ch === '\uFEFF');
}

export function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

/** Splits on `\n`; a `\r` before it belongs to the line break, not to the line. */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  let index = 0;
  while (start <= text.length) {
    let nl = text.indexOf('\n', start);
    if (nl < 0) nl = text.length;
    let end = nl;
    if (end > start && text.charCodeAt(end - 1) === 13) end--;
    const lineText = text.slice(start, end);
    lines.push({ index, start, end, text: lineText, blank: lineText.trim().replace(/\uFEFF/g, '') === '' });
    index++;
    if (nl >= text.length) break;
    start = nl + 1;
  }
  return lines;
}

function isWordJoiner(text: string, i: number): boolean {
  const ch = text[i];
  if (ch === "'" || ch === '\u2019' || ch === '-' || ch === '\u2011' || ch === '&') {
    return isLetterOrDigit(text[i - 1]) && isLetterOrDigit(text[i + 1]);
  }
  if (ch === '.') {
    // Abbreviations such as "U.S." or "Jr.": a dot between single letters keeps the token whole.
    return isLetter(text[i + 1]) && text[i + 2] === '.' && isLetter(text[i - 1]) && !isLetter(text[i - 2]);
  }
  return false;
}

/** Word and punctuation tokens of `text[from, to)`, whitespace dropped. Linear in the range. */
export function tokenize(text: string, from: number, to: number): Token[] {
  const tokens: Token[] = [];
  let i = from;
  while (i < to) {
    const ch = text[i];
    if (isSpace(ch)) {
      i++;
      continue;
    }
    if (isLetterOrDigit(ch)) {
      let j = i + 1;
      while (j < to && (isLetterOrDigit(text[j]) || (j + 1 < to && isWordJoiner(text, j)))) j++;
      // "U.S." keeps its final dot.
      if (text[j] === '.' && j - i >= 3 && text[j - 2] === '.' && j < to) j++;
      // A surrogate pair is one character: never cut inside it.
      tokens.push({ start: i, end: j, text: text.slice(i, j), type: 'word' });
      i = j;
      continue;
    }
    const code = text.charCodeAt(i);
    const width = code >= 0xd800 && code <= 0xdbff && i + 1 < to ? 2 : 1;
    tokens.push({ start: i, end: i + width, text: text.slice(i, i + width), type: 'punct' });
    i += width;
  }
  return tokens;
}

/** Shrinks `[start, end)` past surrounding whitespace. */
export function trimSpan(text: string, start: number, end: number): [number, number] {
  let s = start;
  let e = end;
  while (s < e && isSpace(text[s])) s++;
  while (e > s && isSpace(text[e - 1])) e--;
  return [s, e];
}

export function isCapitalised(word: string): boolean {
  return isUpper(word[0]);
}

export function normaliseForComparison(s: string): string {
  return s
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201C\u201D\u201E\u00AB\u00BB]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Whether only whitespace stands between `from` and `to` (stops at the first other character). */
export function onlySpaceBetween(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isSpace(text[i])) return false;
  return true;
}
