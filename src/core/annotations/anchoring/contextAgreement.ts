// How well the surroundings of a candidate place agree with the context stored with a passage.
// Text copied, re-typed or scraped again keeps its words but not always its marks: a tab becomes
// a space, one space two, a line break a space, straight quotes curly ones, a hyphen a dash. Such
// marks agree with one another, so a passage whose neighbour was only re-typed keeps all of its
// context (read strictly, one changed mark right beside it would count as no context at all).

/** One mark of each family that re-typed text swaps freely: double quotes, single quotes and apostrophes, dashes. */
function family(code: number): number {
  if (code === 0x201c || code === 0x201d || code === 0x201e || code === 0x201f || code === 0x2033 || code === 0xab || code === 0xbb) return 34;
  if (code === 0x2018 || code === 0x2019 || code === 0x201a || code === 0x201b || code === 0x2032) return 39;
  if (code >= 0x2010 && code <= 0x2015) return 45;
  return code;
}

/** White space of any kind, line breaks included: a run of it agrees with any other run. */
function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000;
}

/** Characters agreeing from the passage's edge outwards: prefix compared backwards, suffix forwards. */
export function agreeingContextLength(text: string, start: number, end: number, prefix: string, suffix: string): number {
  const { before, after } = agreeingContextSides(text, start, end, prefix, suffix);
  return before + after;
}

/**
 * The agreeing context on each side, counted in characters of the stored context: a run of white
 * space agrees with a run of any length (and counts as long as the stored one), a mark with one of
 * its family; the count stops at the first other difference.
 */
export function agreeingContextSides(text: string, start: number, end: number, prefix: string, suffix: string): { before: number; after: number } {
  let before = 0;
  for (let i = start - 1, j = prefix.length - 1; i >= 0 && j >= 0; ) {
    const a = text.charCodeAt(i);
    const b = prefix.charCodeAt(j);
    if (isSpace(a) && isSpace(b)) {
      const runEnd = j;
      while (j >= 0 && isSpace(prefix.charCodeAt(j))) j--;
      while (i >= 0 && isSpace(text.charCodeAt(i))) i--;
      before += runEnd - j;
      continue;
    }
    if (a !== b && family(a) !== family(b)) break;
    before++;
    i--;
    j--;
  }
  let after = 0;
  for (let i = end, j = 0; i < text.length && j < suffix.length; ) {
    const a = text.charCodeAt(i);
    const b = suffix.charCodeAt(j);
    if (isSpace(a) && isSpace(b)) {
      const runStart = j;
      while (j < suffix.length && isSpace(suffix.charCodeAt(j))) j++;
      while (i < text.length && isSpace(text.charCodeAt(i))) i++;
      after += j - runStart;
      continue;
    }
    if (a !== b && family(a) !== family(b)) break;
    after++;
    i++;
    j++;
  }
  // A passage at the very start or end of the text has no context to compare: that agrees too.
  if (start === 0 && prefix.length === 0) before = 1;
  if (end === text.length && suffix.length === 0) after = 1;
  return { before, after };
}

/**
 * Context agreeing character for character (a mark with one of its family, white space only with
 * the same white space): what tolerance made agree is left out. Two copies of the same words are
 * told apart by it when a copy's context agrees only through white space of another shape (one
 * line break where the passage had a blank line, a paragraph where it had a space).
 */
export function strictContextLength(text: string, start: number, end: number, prefix: string, suffix: string): number {
  let n = 0;
  for (let i = start - 1, j = prefix.length - 1; i >= 0 && j >= 0; i--, j--) {
    const a = text.charCodeAt(i);
    const b = prefix.charCodeAt(j);
    if (a !== b && (isSpace(a) || family(a) !== family(b))) break;
    n++;
  }
  for (let i = end, j = 0; i < text.length && j < suffix.length; i++, j++) {
    const a = text.charCodeAt(i);
    const b = suffix.charCodeAt(j);
    if (a !== b && (isSpace(a) || family(a) !== family(b))) break;
    n++;
  }
  return n;
}
