// How well the surroundings of a candidate place agree with the context stored with a passage.

/** Characters agreeing from the passage's edge outwards: prefix compared backwards, suffix forwards. */
export function agreeingContextLength(text: string, start: number, end: number, prefix: string, suffix: string): number {
  const { before, after } = agreeingContextSides(text, start, end, prefix, suffix);
  return before + after;
}

/** The agreeing context on each side, counted as in `agreeingContextLength`. */
export function agreeingContextSides(text: string, start: number, end: number, prefix: string, suffix: string): { before: number; after: number } {
  let before = 0;
  while (before < prefix.length && start - before - 1 >= 0 && text.charCodeAt(start - before - 1) === prefix.charCodeAt(prefix.length - before - 1)) {
    before++;
  }
  let after = 0;
  while (after < suffix.length && end + after < text.length && text.charCodeAt(end + after) === suffix.charCodeAt(after)) {
    after++;
  }
  // A passage at the very start or end of the text has no context to compare: that agrees too.
  if (start === 0 && prefix.length === 0) before = 1;
  if (end === text.length && suffix.length === 0) after = 1;
  return { before, after };
}
