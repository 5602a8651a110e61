// Where a stored passage could be in the new text: exact copies, fuzzy matches (Myers' algorithm
// via approx-string-match) and, for passages edited beyond the fuzzy budget, the text between its
// prefix and its suffix. Every candidate carries its agreeing context and its errors; deciding
// between them is anchorEvidence.ts's job.

import search from 'approx-string-match';
import { agreeingContextLength } from './contextAgreement';
import { nearest } from './occurrences';
import type { OccurrenceIndex } from './occurrences';
import type { StoredAnchor } from './types';

/** Passages this short match too many places by chance to be matched fuzzily. */
const EXACT_ONLY_UP_TO = 8;
const FUZZY_ERROR_RATE = 0.12;
const FUZZY_MAX_ERRORS = 40;
/** Passages found between their prefix and suffix may differ this much from the stored text. */
const MAX_BRACKETED_ERROR_RATE = 0.35;
const MAX_BRACKETED_LENGTH = 2000;
/** Passages longer than this are found by probes of their first and last words (see longPassageMatches). */
const LONG_PASSAGE = 1000;
/** Shorter contexts are not used to move the edges of a fuzzy match. */
const MIN_SNAP_CONTEXT = 8;

export interface Candidate {
  readonly start: number;
  readonly end: number;
  /** Agreeing context characters (see contextAgreement.ts; tolerant of small edits for fuzzy matches). */
  readonly context: number;
  readonly errors: number;
}

/** Copies of a passage weighed at most, the nearest to its old place (see `nearest`). */
export const MAX_COPIES_WEIGHED = 200;

/** Unchanged copies of the passage; `truncated` when there were more than MAX_COPIES_WEIGHED. */
export function exactCandidates(text: string, anchor: StoredAnchor, occurrences: OccurrenceIndex, oldStart: number): { candidates: Candidate[]; truncated: boolean } {
  const all = occurrences.of(anchor.text);
  const places = nearest(all, oldStart, MAX_COPIES_WEIGHED);
  const candidates = places.map((at): Candidate => {
    const end = at + anchor.text.length;
    return { start: at, end, context: agreeingContextLength(text, at, end, anchor.prefix, anchor.suffix), errors: 0 };
  });
  return { candidates, truncated: places.length < all.length };
}

/**
 * Edited copies of the passage: near the old place first (cheap on long texts, and where a lightly
 * edited passage usually is), then anywhere. Exact copies are blanked out first, because Myers'
 * search reports only the matches with the fewest errors and an unchanged duplicate elsewhere
 * (a pull quote, a repeated headline) would hide the edited original.
 */
export function fuzzyCandidates(text: string, anchor: StoredAnchor, oldStart: number, exact: readonly Candidate[], wholeTextSearches: SearchBudget): Candidate[] {
  const length = anchor.text.length;
  if (length <= EXACT_ONLY_UP_TO) return [];
  // A passage made of one short unit repeated (a rule of "=" or dashes) looks the same at every
  // place of a run of that unit: a fuzzy match there tells nothing, and Myers' search would report
  // one at nearly every character, working out the start of each by a search of the passage's
  // length (400 rules of 1,000 characters took minutes). Its context says where it is.
  if (isRepetitive(anchor.text)) return bracketedByContext(text, anchor, oldStart);
  const budget = Math.min(FUZZY_MAX_ERRORS, Math.max(1, Math.floor(length * FUZZY_ERROR_RATE)));
  const searchIn = (from: number, to: number): { start: number; end: number; errors: number }[] =>
    length > LONG_PASSAGE
      ? longPassageMatches(text, anchor.text, from, to, budget, exact)
      : search(withCopiesBlanked(text, from, to, exact), anchor.text, budget).map((m) => ({ ...m, start: m.start + from, end: m.end + from }));

  const margin = length + 1000;
  const windowStart = Math.max(0, oldStart - margin);
  const windowEnd = Math.min(text.length, oldStart + length + margin);
  let matches = searchIn(windowStart, windowEnd);
  if (matches.length === 0) {
    // Bracketing by context near the old place is cheap; the whole text is searched last.
    const bracketed = bracketedByContext(text, anchor, oldStart);
    if (bracketed.length > 0 || (windowStart === 0 && windowEnd === text.length)) return bracketed;
    if (!wholeTextSearches.take(text.length * Math.ceil(Math.min(length, 2 * LONG_PASSAGE) / 32))) return [];
    matches = searchIn(0, text.length);
  }
  return dropOverlapping(matches).map((m) => snapToContext(text, m, anchor));
}

/**
 * How much searching of the whole text one re-anchoring may do, in characters times pattern words:
 * a text changed beyond recognition would otherwise cost a whole-text search per tag (tags × text).
 * Tags not searched for once it is spent are orphaned, which keeps them with their text.
 */
export class SearchBudget {
  constructor(private remaining: number) {}

  take(cost: number): boolean {
    if (cost > this.remaining) return false;
    this.remaining -= cost;
    return true;
  }
}

/**
 * A long passage (a whole section tagged) found by its first and last words, each looked for by
 * a few probes in case an edit touched one of them, and its errors counted in a band as wide as
 * the error budget: time linear in the passage, where Myers' search grows with its square.
 */
function longPassageMatches(text: string, passage: string, from: number, to: number, budget: number, exact: readonly Candidate[]): { start: number; end: number; errors: number }[] {
  const probe = 32;
  // Searched within the window only, so many long tags cost no more than their own lengths.
  const area = text.slice(from, Math.min(text.length, to + probe));
  let attempts = 16;
  for (let head = 0; head < 8 * probe && head + probe <= passage.length; head += probe) {
    const words = passage.slice(head, head + probe);
    for (let at = area.indexOf(words); at >= 0 && attempts > 0; at = area.indexOf(words, at + 1)) {
      const start = Math.max(0, from + at - head);
      if (exact.some((copy) => copy.start === start)) continue;
      attempts--;
      const end = tailEnd(text, passage, start, budget);
      if (end === undefined) continue;
      const errors = bandedEditDistance(text.slice(start, end), passage, budget);
      if (errors <= budget) return [{ start, end, errors }];
    }
  }
  return [];
}

/** Where the passage begun at `start` ends, by probes of its last words near where they should be. */
function tailEnd(text: string, passage: string, start: number, budget: number): number | undefined {
  const probe = 32;
  for (let back = probe; back <= 8 * probe && back <= passage.length; back += probe) {
    const tail = passage.slice(passage.length - back, passage.length - back + probe);
    const from = Math.max(0, start + passage.length - back - budget);
    const at = text.slice(from, from + 2 * budget + probe).indexOf(tail);
    if (at >= 0) return from + at + back;
  }
  return undefined;
}

/** Levenshtein distance when at most `limit`, else limit + 1, in O(length × limit). */
function bandedEditDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const width = 2 * limit + 1;
  const outside = limit + 1;
  // row[k] holds the distance of a[0, i) to b[0, i - limit + k).
  let previous = Array.from({ length: width }, (_, k) => (k - limit >= 0 ? k - limit : outside));
  for (let i = 1; i <= a.length; i++) {
    const current = new Array<number>(width).fill(outside);
    let best = outside;
    for (let k = 0; k < width; k++) {
      const j = i - limit + k;
      if (j < 0 || j > b.length) continue;
      if (j === 0) {
        current[k] = i;
      } else {
        const substitution = (previous[k] ?? outside) + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1);
        const deletion = (previous[k + 1] ?? outside) + 1;
        const insertion = (current[k - 1] ?? outside) + 1;
        current[k] = Math.min(substitution, deletion, insertion, outside);
      }
      best = Math.min(best, current[k] ?? outside);
    }
    if (best > limit) return outside;
    previous = current;
  }
  return Math.min(outside, previous[b.length - a.length + limit] ?? outside);
}

/** text[from, to) with the exact copies in it replaced by NUL characters of the same length. */
function withCopiesBlanked(text: string, from: number, to: number, copies: readonly Candidate[]): string {
  const parts: string[] = [];
  let at = from;
  for (const copy of copies) {
    if (copy.end <= at || copy.start >= to) continue;
    parts.push(text.slice(at, Math.max(at, copy.start)));
    const blankEnd = Math.min(copy.end, to);
    parts.push('\u0000'.repeat(blankEnd - Math.max(at, copy.start)));
    at = blankEnd;
  }
  parts.push(text.slice(at, to));
  return parts.join('');
}

/**
 * A passage edited beyond the fuzzy budget (a clause rewritten inside a sentence) is still found
 * when its prefix and suffix are both there, about a passage's length apart: the text between
 * them is taken, with its real edit distance as errors.
 */
function bracketedByContext(text: string, anchor: StoredAnchor, expectedStart: number): Candidate[] {
  const length = anchor.text.length;
  if (anchor.prefix.length < 16 || anchor.suffix.length < 16 || length > MAX_BRACKETED_LENGTH) return [];
  const windowStart = Math.max(0, expectedStart - length - 400);
  const prefix = bestMatch(text.slice(windowStart, Math.min(text.length, expectedStart + length + 400)), anchor.prefix);
  if (prefix === undefined) return [];
  const start = windowStart + prefix.end;
  const suffixFrom = start + Math.floor(length / 2);
  const suffix = bestMatch(text.slice(suffixFrom, start + Math.ceil(length * 1.5) + anchor.suffix.length), anchor.suffix);
  if (suffix === undefined) return [];
  const end = suffixFrom + suffix.start;
  const errors = editDistance(text.slice(start, end), anchor.text);
  if (errors > MAX_BRACKETED_ERROR_RATE * length) return [];
  return [{ start, end, errors, context: anchor.prefix.length - prefix.errors + anchor.suffix.length - suffix.errors }];
}

/** Distinct four-character pieces of a passage made of one short unit repeated, at most (a unit of up to about as many characters). */
const SHORT_UNIT_PIECES = 16;

/**
 * Whether `passage` is one short unit over and over ("=====", "- - - -", "ha ha ha …"), long enough
 * for the cost of matching it fuzzily at every place of a run of that unit to matter: its
 * four-character pieces are few. (A passage beyond LONG_PASSAGE is matched by probes anyway.)
 */
function isRepetitive(passage: string): boolean {
  if (passage.length <= 4 * SHORT_UNIT_PIECES || passage.length > LONG_PASSAGE) return false;
  const pieces = new Set<string>();
  for (let at = 0; at + 4 <= passage.length; at++) {
    pieces.add(passage.slice(at, at + 4));
    if (pieces.size > SHORT_UNIT_PIECES) return false;
  }
  return true;
}

/** Levenshtein distance, two rows at a time (typed and reused: a passage of 2,000 characters makes four million cells). */
function editDistance(a: string, b: string): number {
  let previous = new Uint32Array(b.length + 1);
  let current = new Uint32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    const code = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (code === b.charCodeAt(j - 1) ? 0 : 1);
      current[j] = Math.min(substitution, (previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length] ?? 0;
}

/**
 * Myers' search reports runs of neighbouring end positions for one place; keep one per place: the
 * matches with the fewest errors first, each from its start on, kept when it overlaps none kept
 * before (in that order). The kept places never overlap, so in order of start their ends rise too:
 * each match is weighed against the one kept place that could overlap it, found by a cursor that
 * only moves forward among the matches of one error count (a text of look-alikes gives a match at
 * nearly every character, and weighing each against every place kept grew with their product).
 */
export function dropOverlapping<T extends { start: number; end: number; errors: number }>(matches: readonly T[]): T[] {
  const sorted = [...matches].sort((a, b) => a.errors - b.errors || a.start - b.start);
  const kept: T[] = [];
  // The places kept from fewer errors, by start.
  let byStart: T[] = [];
  for (let from = 0; from < sorted.length; ) {
    const errors = sorted[from]?.errors;
    let to = from;
    while (to < sorted.length && sorted[to]?.errors === errors) to++;
    const accepted: T[] = [];
    let cursor = 0;
    for (let i = from; i < to; i++) {
      const match = sorted[i];
      if (match === undefined) continue;
      while (cursor < byStart.length && (byStart[cursor]?.end ?? 0) <= match.start) cursor++;
      const earlier = byStart[cursor];
      const last = accepted[accepted.length - 1];
      if (earlier !== undefined && earlier.start < match.end) continue;
      if (last !== undefined && match.start < last.end && last.start < match.end) continue;
      accepted.push(match);
    }
    for (const m of accepted) kept.push(m);
    byStart = mergedByStart(byStart, accepted);
    from = to;
  }
  return kept;
}

/** Two lists ordered by start, as one. */
function mergedByStart<T extends { start: number }>(a: readonly T[], b: readonly T[]): T[] {
  const out: T[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i];
    const y = b[j];
    if (y === undefined || (x !== undefined && x.start <= y.start)) {
      if (x !== undefined) out.push(x);
      i++;
    } else {
      out.push(y);
      j++;
    }
  }
  return out;
}

/**
 * A fuzzy match with its context agreement, its edges moved to where the stored prefix ends and
 * the suffix begins when those are found nearby: Myers' search trims an edited edge (a word
 * inserted at the start of a quotation) that a person would count as part of the passage.
 */
function snapToContext(text: string, match: { start: number; end: number; errors: number }, anchor: StoredAnchor): Candidate {
  const length = anchor.text.length;
  const slack = Math.min(32, Math.max(8, Math.floor(length / 2)));
  const beforeFrom = Math.max(0, match.start - anchor.prefix.length - slack);
  const afterFrom = Math.max(0, match.end - slack);
  const prefixMatch = bestMatch(text.slice(beforeFrom, Math.min(text.length, match.start + slack)), anchor.prefix);
  const suffixMatch = bestMatch(text.slice(afterFrom, match.end + anchor.suffix.length + slack), anchor.suffix);
  let start = match.start;
  let end = match.end;
  // Only a context found nearly intact, and long enough not to occur by chance (a lone space at
  // the end of the text would match the first space after the match), says where the passage
  // begins or ends.
  if (prefixMatch !== undefined && anchor.prefix.length >= MIN_SNAP_CONTEXT && prefixMatch.errors <= anchor.prefix.length / 10) start = beforeFrom + prefixMatch.end;
  if (suffixMatch !== undefined && anchor.suffix.length >= MIN_SNAP_CONTEXT && suffixMatch.errors <= anchor.suffix.length / 10) end = afterFrom + suffixMatch.start;
  if (end - start < length / 2 || end - start > 2 * length) ({ start, end } = match);
  const context = (prefixMatch === undefined ? 0 : anchor.prefix.length - prefixMatch.errors) + (suffixMatch === undefined ? 0 : anchor.suffix.length - suffixMatch.errors);
  return { start, end, context, errors: match.errors };
}

/** The closest approximate occurrence of a context string (up to a quarter of it wrong). */
function bestMatch(around: string, pattern: string): { start: number; end: number; errors: number } | undefined {
  if (pattern.length === 0) return undefined;
  return search(around, pattern, Math.floor(pattern.length / 4))[0];
}
