// Finding stored passages again in a text that changed outside the editor (the sidecar's hash no
// longer matches). In order: the stored position if the passage is still there, the exact passage
// elsewhere (context decides between repeats, then closeness), a fuzzy match for passages long
// enough to be told apart, else orphaned. A place is only taken when the evidence (the passage's
// length plus agreeing context) outweighs the chance of a coincidence; doubtful places are
// returned with a low confidence or orphaned rather than silently landing on the wrong words.

import search from 'approx-string-match';
import { agreeingContextLength } from './contextAgreement';
import { normalizeText } from './normalizedText';
import type { NormalizedText } from './normalizedText';
import { LineIndex } from './positions';
import type { LineCharacter } from './positions';

export type AnchorMethod = 'position' | 'exact' | 'fuzzy' | 'orphaned';

export interface StoredAnchor {
  /** Where the passage was, in the text the sidecar was written for. */
  readonly start: LineCharacter;
  readonly end: LineCharacter;
  readonly text: string;
  readonly prefix: string;
  readonly suffix: string;
}

export interface AnchorResult {
  readonly method: AnchorMethod;
  /** Offsets into the document text as given (BOM and CRLF included); start === end when orphaned. */
  readonly start: number;
  readonly end: number;
  /** 0..1: 1 for a passage found where it was with its context, lower when the place is a guess. */
  readonly confidence: number;
}

/** Below this a found place is not trusted at all: the passage is orphaned. */
export const ORPHAN_BELOW = 0.35;
/** Below this a found place is kept but should be shown to a person for review. */
export const REVIEW_BELOW = 0.75;
/** The confidence of a place that may well be right but is a guess between copies. */
const IN_DOUBT = (ORPHAN_BELOW + REVIEW_BELOW) / 2;

/** Passages this short match too many places by chance to be matched fuzzily. */
const EXACT_ONLY_UP_TO = 8;
const FUZZY_ERROR_RATE = 0.12;
const FUZZY_MAX_ERRORS = 40;
/** Passages found between their prefix and suffix may differ this much from the stored text. */
const MAX_BRACKETED_ERROR_RATE = 0.35;
const MAX_BRACKETED_LENGTH = 2000;
/** Agreeing characters (passage + context) that make a coincidence unlikely. */
const CONVINCING_EVIDENCE = 40;
/** Context characters by which the best of several repeats must beat the next one. */
const CONVINCING_MARGIN = 16;
/** Context characters that being right at the old place is worth. */
const PROXIMITY_WEIGHT = 32;
/** Context characters that being on the expected line is worth. */
const SAME_LINE_WEIGHT = 16;

export function needsReview(result: AnchorResult): boolean {
  return result.method !== 'orphaned' && result.confidence < REVIEW_BELOW;
}

/**
 * Re-anchors many passages in one text, sharing the text's preparation. Passages found
 * unambiguously (unique, context intact) tell how far their part of the text moved; the others
 * are looked for near their old place moved by the same amount as their nearest such neighbour,
 * which keeps repeated words and duplicated lines from pulling a passage to the wrong copy.
 */
export function reanchorAll(documentText: string, anchors: readonly StoredAnchor[]): AnchorResult[] {
  const normalized = normalizeText(documentText);
  const lines = new LineIndex(normalized.text);
  const oldStarts = anchors.map((anchor) => lines.offsetAt(anchor.start));
  const shifts: Shift[] = [];
  anchors.forEach((anchor, index) => {
    const oldStart = oldStarts[index] ?? 0;
    const [only, ...more] = anchor.text.length >= 8 ? exactCandidates(normalized.text, anchor) : [];
    if (only !== undefined && more.length === 0 && only.context >= 0.75 * (anchor.prefix.length + anchor.suffix.length)) {
      shifts.push({ oldStart, shift: only.start - oldStart, lineShift: lines.positionAt(only.start).line - anchor.start.line });
    }
  });
  shifts.sort((a, b) => a.oldStart - b.oldStart);
  return anchors.map((anchor, index) => {
    const oldStart = oldStarts[index] ?? 0;
    return reanchorIn(normalized, lines, anchor, oldStart, expectedPlaces(shifts, oldStart, anchor.start.line));
  });
}

interface Shift {
  readonly oldStart: number;
  /** How far a surely found passage moved, in offsets and in lines. */
  readonly shift: number;
  readonly lineShift: number;
}

/** Where a passage probably is now: an offset and a line. */
interface Place {
  readonly offset: number;
  readonly line: number;
}

/**
 * Where a passage probably is now: its old place moved like its nearest sure neighbour before it
 * and after it (both kept when they disagree, e.g. next to a moved paragraph), or unmoved when no
 * passage was sure.
 */
function expectedPlaces(sortedShifts: readonly Shift[], oldStart: number, oldLine: number): Place[] {
  const after = sortedShifts.findIndex((s) => s.oldStart >= oldStart);
  const next = after >= 0 ? sortedShifts[after] : undefined;
  const previous = sortedShifts[(after >= 0 ? after : sortedShifts.length) - 1];
  const moves = [previous, next].filter((shift): shift is Shift => shift !== undefined);
  if (moves.length === 0) return [{ offset: oldStart, line: oldLine }];
  const places = moves.map((m) => ({ offset: oldStart + m.shift, line: oldLine + m.lineShift }));
  return places.filter((p, i) => places.findIndex((q) => q.offset === p.offset && q.line === p.line) === i);
}

/** One passage on its own (no neighbours to learn from): prefer `reanchorAll` for a whole sidecar. */
export function reanchor(documentText: string, anchor: StoredAnchor): AnchorResult {
  const [result] = reanchorAll(documentText, [anchor]);
  if (result === undefined) throw new Error('reanchorAll returned no result');
  return result;
}

interface Candidate {
  readonly start: number;
  readonly end: number;
  /** Agreeing context characters (see contextAgreement.ts; tolerant of small edits for fuzzy matches). */
  readonly context: number;
  readonly errors: number;
}

/** `oldStart`: the stored position read in the new text; `expected`: where the passage probably is now. */
function reanchorIn(normalized: NormalizedText, lines: LineIndex, anchor: StoredAnchor, oldStart: number, expected: readonly Place[]): AnchorResult {
  const text = normalized.text;
  const found = anchor.text.length === 0 ? undefined : findBest(text, lines, anchor, oldStart, expected);
  if (found === undefined || found.confidence < ORPHAN_BELOW) {
    const at = normalized.toOriginal(Math.min(oldStart, text.length));
    return { method: 'orphaned', start: at, end: at, confidence: 0 };
  }
  return { ...found, start: normalized.toOriginal(found.start), end: normalized.toOriginal(found.end) };
}

function findBest(text: string, lines: LineIndex, anchor: StoredAnchor, oldStart: number, expected: readonly Place[]): AnchorResult | undefined {
  const exact = exactCandidates(text, anchor);
  const fullContext = anchor.prefix.length + anchor.suffix.length;
  const exactBest = rank(exact, anchor, expected, lines)[0];
  // The passage unchanged with its context intact: no need to look for edited copies.
  const candidates =
    exactBest !== undefined && exactBest.context >= 0.75 * fullContext ? exact : [...exact, ...fuzzyCandidates(text, anchor, expected[0]?.offset ?? oldStart, exact)];
  const [best, ...others] = rank(candidates, anchor, expected, lines);
  if (best === undefined) return undefined;
  let confidence = confidenceOf(best, anchor, expected, lines, others);
  // The surroundings are still where the passage was expected, but the place found is not between
  // them: the passage was edited there, and a copy elsewhere (a pull quote, a repeated headline)
  // is only a guess.
  if (expected.some((place) => surroundingsElsewhere(text, anchor, place.offset, best))) {
    confidence = Math.min(confidence, IN_DOUBT);
  }
  const method = best.errors > 0 ? 'fuzzy' : best.start === oldStart ? 'position' : 'exact';
  return { method, start: best.start, end: best.end, confidence };
}

function surroundingsElsewhere(text: string, anchor: StoredAnchor, expectedStart: number, found: Candidate): boolean {
  const probe = 16;
  const tolerance = 4;
  const locate = (pattern: string, from: number, to: number): { start: number; end: number } | undefined => {
    if (pattern.length < 8) return undefined;
    const windowStart = Math.max(0, from);
    const match = search(text.slice(windowStart, Math.min(text.length, to)), pattern, Math.floor(pattern.length / 4))[0];
    return match === undefined ? undefined : { start: windowStart + match.start, end: windowStart + match.end };
  };
  const expectedEnd = expectedStart + anchor.text.length;
  const prefix = locate(anchor.prefix.slice(-probe), expectedStart - 3 * probe, expectedStart + probe);
  const suffix = locate(anchor.suffix.slice(0, probe), expectedEnd - probe, expectedEnd + 3 * probe);
  return (prefix !== undefined && Math.abs(found.start - prefix.end) > tolerance) || (suffix !== undefined && Math.abs(found.end - suffix.start) > tolerance);
}

function exactCandidates(text: string, anchor: StoredAnchor): Candidate[] {
  const candidates: Candidate[] = [];
  for (let at = text.indexOf(anchor.text); at >= 0; at = text.indexOf(anchor.text, at + 1)) {
    const end = at + anchor.text.length;
    candidates.push({ start: at, end, context: agreeingContextLength(text, at, end, anchor.prefix, anchor.suffix), errors: 0 });
  }
  return candidates;
}

/**
 * Edited copies of the passage: near the old place first (cheap on long texts, and where a lightly
 * edited passage usually is), then anywhere. Exact copies are blanked out first, because Myers'
 * search reports only the matches with the fewest errors and an unchanged duplicate elsewhere
 * (a pull quote, a repeated headline) would hide the edited original.
 */
function fuzzyCandidates(text: string, anchor: StoredAnchor, oldStart: number, exact: readonly Candidate[]): Candidate[] {
  const length = anchor.text.length;
  if (length <= EXACT_ONLY_UP_TO) return [];
  const budget = Math.min(FUZZY_MAX_ERRORS, Math.max(1, Math.floor(length * FUZZY_ERROR_RATE)));
  const searchIn = (from: number, to: number): { start: number; end: number; errors: number }[] =>
    search(withCopiesBlanked(text, from, to, exact), anchor.text, budget).map((m) => ({ ...m, start: m.start + from, end: m.end + from }));

  const margin = length + 1000;
  const windowStart = Math.max(0, oldStart - margin);
  const windowEnd = Math.min(text.length, oldStart + length + margin);
  let matches = searchIn(windowStart, windowEnd);
  if (matches.length === 0) {
    // Bracketing by context near the old place is cheap; the whole text is searched last.
    const bracketed = bracketedByContext(text, anchor, oldStart);
    if (bracketed.length > 0 || (windowStart === 0 && windowEnd === text.length)) return bracketed;
    matches = searchIn(0, text.length);
  }
  return dropOverlapping(matches).map((m) => snapToContext(text, m, anchor));
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

/** Levenshtein distance, two rows at a time. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1);
      current.push(Math.min(substitution, (previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * Agreeing context, closeness to where the passage is expected (in offsets, and being on the
 * expected line, which survives edits elsewhere on long lines) and few errors: the evidence
 * that a place is the passage's.
 */
function score(candidate: Candidate, anchor: StoredAnchor, expected: readonly Place[], lines: LineIndex): number {
  const line = lines.positionAt(candidate.start).line;
  const closeness = Math.max(
    ...expected.map((place) => {
      const distance = Math.abs(candidate.start - place.offset);
      return PROXIMITY_WEIGHT * Math.max(0, 1 - distance / (4 * anchor.text.length + 400)) + (line === place.line ? SAME_LINE_WEIGHT : 0);
    }),
  );
  return candidate.context + closeness - 2 * candidate.errors;
}

/** Best first. */
function rank(candidates: readonly Candidate[], anchor: StoredAnchor, expected: readonly Place[], lines: LineIndex): Candidate[] {
  const scored = candidates.map((candidate) => ({ candidate, score: score(candidate, anchor, expected, lines) }));
  return scored.sort((a, b) => b.score - a.score || a.candidate.start - b.candidate.start).map((s) => s.candidate);
}

/** How sure the candidate is right: enough agreeing characters, and a clear lead over the other places. */
function confidenceOf(best: Candidate, anchor: StoredAnchor, expected: readonly Place[], lines: LineIndex, others: readonly Candidate[]): number {
  const length = anchor.text.length;
  const similarity = 1 - best.errors / length;
  // A long passage identifies itself; a short one needs its context to say where it is.
  const support = Math.min(1, Math.max(0, Math.min(length, 64) / 2 + best.context) / CONVINCING_EVIDENCE);
  const bestScore = score(best, anchor, expected, lines);
  const runnerUp = Math.max(-Infinity, ...others.filter((o) => o !== best).map((o) => score(o, anchor, expected, lines)));
  const lead = runnerUp === -Infinity ? 1 : Math.min(1, Math.max(0, bestScore - runnerUp) / CONVINCING_MARGIN);
  const confidence = Math.max(0, support * lead * similarity);
  return copiesInDoubt(best, anchor, expected, others) ? Math.min(confidence, IN_DOUBT) : confidence;
}

/**
 * Another place agrees with most of the context too (a duplicated paragraph, a repeated
 * headline): unless this place has the full context and the other has not, or this place is
 * exactly where its neighbours moved and the other is not, the choice between copies is a guess.
 */
function copiesInDoubt(best: Candidate, anchor: StoredAnchor, expected: readonly Place[], others: readonly Candidate[]): boolean {
  const fullContext = anchor.prefix.length + anchor.suffix.length;
  const rival = others.filter((o) => o !== best).reduce<Candidate | undefined>((top, o) => (top === undefined || o.context > top.context ? o : top), undefined);
  if (rival === undefined || rival.context < 0.5 * fullContext) return false;
  const fullerContext = best.context >= fullContext && rival.context < fullContext;
  const exactlyExpected = (candidate: Candidate): boolean => expected.some((place) => Math.abs(place.offset - candidate.start) <= 2);
  return !fullerContext && !(exactlyExpected(best) && !exactlyExpected(rival));
}

/** Myers' search reports runs of neighbouring end positions for one place; keep one per place. */
function dropOverlapping<T extends { start: number; end: number; errors: number }>(matches: readonly T[]): T[] {
  const kept: T[] = [];
  for (const match of [...matches].sort((a, b) => a.errors - b.errors || a.start - b.start)) {
    if (!kept.some((k) => match.start < k.end && k.start < match.end)) kept.push(match);
  }
  return kept;
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
  // Only a context found nearly intact says reliably where the passage begins or ends.
  if (prefixMatch !== undefined && prefixMatch.errors <= anchor.prefix.length / 10) start = beforeFrom + prefixMatch.end;
  if (suffixMatch !== undefined && suffixMatch.errors <= anchor.suffix.length / 10) end = afterFrom + suffixMatch.start;
  if (end - start < length / 2 || end - start > 2 * length) ({ start, end } = match);
  const context = (prefixMatch === undefined ? 0 : anchor.prefix.length - prefixMatch.errors) + (suffixMatch === undefined ? 0 : anchor.suffix.length - suffixMatch.errors);
  return { start, end, context, errors: match.errors };
}

/** The closest approximate occurrence of a context string (up to a quarter of it wrong). */
function bestMatch(around: string, pattern: string): { start: number; end: number; errors: number } | undefined {
  if (pattern.length === 0) return undefined;
  return search(around, pattern, Math.floor(pattern.length / 4))[0];
}
