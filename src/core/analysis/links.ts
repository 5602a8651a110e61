// The links and e-mail addresses of a line, as the boilerplate signals count them: how many of its
// characters the link pattern matches.
import { isSpaceCode } from './text';
import { topLevelAlternatives } from './patternSource';

export const URL_RE = /\bhttps?:\/\/\S+|\bwww\.\S+|\b[\w-]{1,63}(\.[\w-]{1,63}){0,6}\.(com|org|net|ly|tv|io|co|uk|info|me|gov|edu|ru|de|fr)(\/\S*)?\b|[^\s@]{1,64}@[^\s@.]{1,63}\.\w{1,24}/giu;
/**
 * URL_RE without its last alternative, the e-mail address, for a line without "@": there that
 * alternative matches nowhere, so the matches are the same, and the search does not read up to 64
 * characters from every position of the line looking for an "@". Made from URL_RE's own source.
 */
export const URL_RE_WITHOUT_ADDRESS = new RegExp(topLevelAlternatives(URL_RE.source).slice(0, -1).join('|'), URL_RE.flags);

/**
 * The characters of `s` that `urls` (URL_RE, or URL_RE_WITHOUT_ADDRESS for a line without "@")
 * matches, as the sum of the lengths of its matches over the whole line.
 *
 * No match holds white space (`\s`), and every match holds an "@", or a dot or colon with a
 * character after it ("://", "www.x", ".com"): the pattern is run only on the runs of other
 * characters that hold one, each on its own. That finds the same matches: a search from the start
 * of such a run meets the line's white space (or its end) at the run's edges, and both read alike to
 * `\b`, `\S` and `[^\s@]`. The pattern then reads the few words that look like links instead of every
 * word of the line, at each of which it tries its domain alternative. Linear in the line: each
 * character is read once here and by one run of the pattern.
 */
export function linkCharacters(s: string, urls: RegExp): number {
  let total = 0;
  let from = 0;
  let holds = false;
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (isSpaceCode(c)) {
      if (holds) total += matchedLength(s.slice(from, i), urls);
      from = i + 1;
      holds = false;
    } else if (c === 64 || ((c === 46 || c === 58) && i + 1 < n && !isSpaceCode(s.charCodeAt(i + 1)))) holds = true;
  }
  if (holds) total += matchedLength(from === 0 ? s : s.slice(from), urls);
  return total;
}

function matchedLength(run: string, urls: RegExp): number {
  let total = 0;
  for (const m of run.matchAll(urls)) total += m[0].length;
  return total;
}
