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

/** Passages this short match too many places by chance to be matched fuzzily. */
const EXACT_ONLY_UP_TO = 8;
const FUZZY_ERROR_RATE = 0.12;
const FUZZY_MAX_ERRORS = 40;
/** Agreeing characters (passage + context) that make a coincidence unlikely. */
const CONVINCING_EVIDENCE = 40;
/** Context characters by which the best of several repeats must beat the next one. */
const CONVINCING_MARGIN = 12;
/** Context characters that being right at the old place is worth. */
const PROXIMITY_WEIGHT = 32;

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
  const shifts: { oldStart: number; shift: number }[] = [];
  anchors.forEach((anchor, index) => {
    const oldStart = oldStarts[index] ?? 0;
    const [only, ...more] = anchor.text.length >= 8 ? exactCandidates(normalized.text, anchor) : [];
    if (only !== undefined && more.length === 0 && only.context >= 0.75 * (anchor.prefix.length + anchor.suffix.length)) {
      shifts.push({ oldStart, shift: only.start - oldStart });
    }
  });
  return anchors.map((anchor, index) => {
    const oldStart = oldStarts[index] ?? 0;
    return reanchorIn(normalized, anchor, oldStart, oldStart + nearestShift(shifts, oldStart));
  });
}

function nearestShift(shifts: readonly { oldStart: number; shift: number }[], oldStart: number): number {
  let nearest: { oldStart: number; shift: number } | undefined;
  for (const candidate of shifts) {
    if (nearest === undefined || Math.abs(candidate.oldStart - oldStart) < Math.abs(nearest.oldStart - oldStart)) nearest = candidate;
  }
  return nearest?.shift ?? 0;
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

/** `oldStart`: the stored position read in the new text; `expectedStart`: where the passage probably is now. */
function reanchorIn(normalized: NormalizedText, anchor: StoredAnchor, oldStart: number, expectedStart: number): AnchorResult {
  const text = normalized.text;
  const found = anchor.text.length === 0 ? undefined : findBest(text, anchor, oldStart, expectedStart);
  if (found === undefined || found.confidence < ORPHAN_BELOW) {
    const at = normalized.toOriginal(Math.min(oldStart, text.length));
    return { method: 'orphaned', start: at, end: at, confidence: 0 };
  }
  return { ...found, start: normalized.toOriginal(found.start), end: normalized.toOriginal(found.end) };
}

function findBest(text: string, anchor: StoredAnchor, oldStart: number, expectedStart: number): AnchorResult | undefined {
  const exact = exactCandidates(text, anchor);
  const fullContext = anchor.prefix.length + anchor.suffix.length;
  const exactBest = rank(exact, anchor, expectedStart)[0];
  // The passage unchanged with its context intact: no need to look for edited copies.
  const candidates =
    exactBest !== undefined && exactBest.context >= 0.75 * fullContext ? exact : [...exact, ...fuzzyCandidates(text, anchor, expectedStart, exact)];
  const [best, ...others] = rank(candidates, anchor, expectedStart);
  if (best === undefined) return undefined;
  let confidence = confidenceOf(best, anchor, expectedStart, others);
  // The surroundings are still where the passage was, but the passage is not: it was edited
  // there, and a copy found elsewhere (a pull quote, a repeated headline) is only a guess.
  if (Math.abs(best.start - expectedStart) > anchor.text.length + 64 && surroundingsStillAt(text, anchor, expectedStart)) {
    confidence = Math.min(confidence, (ORPHAN_BELOW + REVIEW_BELOW) / 2);
  }
  const method = best.errors > 0 ? 'fuzzy' : best.start === oldStart ? 'position' : 'exact';
  return { method, start: best.start, end: best.end, confidence };
}

function surroundingsStillAt(text: string, anchor: StoredAnchor, oldStart: number): boolean {
  const probe = 16;
  const nearlyThere = (pattern: string, from: number, to: number): boolean =>
    pattern.length >= 8 && search(text.slice(Math.max(0, from), Math.min(text.length, to)), pattern, Math.floor(pattern.length / 8)).length > 0;
  const prefixEnd = anchor.prefix.slice(-probe);
  const suffixStart = anchor.suffix.slice(0, probe);
  const oldEnd = oldStart + anchor.text.length;
  return nearlyThere(prefixEnd, oldStart - 3 * probe, oldStart + probe) || nearlyThere(suffixStart, oldEnd - probe, oldEnd + 3 * probe);
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
  let searchable = text;
  for (const copy of exact) searchable = searchable.slice(0, copy.start) + '\u0000'.repeat(copy.end - copy.start) + searchable.slice(copy.end);

  const margin = length + 1000;
  const windowStart = Math.max(0, oldStart - margin);
  const windowEnd = Math.min(text.length, oldStart + length + margin);
  let matches = search(searchable.slice(windowStart, windowEnd), anchor.text, budget).map((m) => ({ ...m, start: m.start + windowStart, end: m.end + windowStart }));
  if (matches.length === 0 && (windowStart > 0 || windowEnd < text.length)) matches = search(searchable, anchor.text, budget);
  return dropOverlapping(matches).map((m) => snapToContext(text, m, anchor));
}

/** Agreeing context, closeness to the old place and few errors: the evidence that a place is the passage's. */
function score(candidate: Candidate, anchor: StoredAnchor, oldStart: number): number {
  const distance = Math.abs(candidate.start - oldStart);
  const closeness = PROXIMITY_WEIGHT * Math.max(0, 1 - distance / (4 * anchor.text.length + 400));
  return candidate.context + closeness - 2 * candidate.errors;
}

/** Best first. */
function rank(candidates: readonly Candidate[], anchor: StoredAnchor, oldStart: number): Candidate[] {
  return [...candidates].sort(
    (a, b) => score(b, anchor, oldStart) - score(a, anchor, oldStart) || Math.abs(a.start - oldStart) - Math.abs(b.start - oldStart),
  );
}

/** How sure the candidate is right: enough agreeing characters, and a clear lead over the other places. */
function confidenceOf(best: Candidate, anchor: StoredAnchor, oldStart: number, others: readonly Candidate[]): number {
  const length = anchor.text.length;
  const similarity = 1 - (2 * best.errors) / length;
  const support = Math.min(1, Math.max(0, Math.min(length, 32) + best.context - 2 * best.errors) / CONVINCING_EVIDENCE);
  const bestScore = score(best, anchor, oldStart);
  const runnerUp = Math.max(-Infinity, ...others.filter((o) => o !== best).map((o) => score(o, anchor, oldStart)));
  const lead = runnerUp === -Infinity ? 1 : Math.min(1, Math.max(0, bestScore - runnerUp) / CONVINCING_MARGIN);
  return Math.max(0, support * lead * similarity);
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
  if (prefixMatch !== undefined) start = beforeFrom + prefixMatch.end;
  if (suffixMatch !== undefined) end = afterFrom + suffixMatch.start;
  if (end - start < length / 2 || end - start > 2 * length) ({ start, end } = match);
  const context = (prefixMatch === undefined ? 0 : anchor.prefix.length - prefixMatch.errors) + (suffixMatch === undefined ? 0 : anchor.suffix.length - suffixMatch.errors);
  return { start, end, context, errors: match.errors };
}

/** The closest approximate occurrence of a context string (up to a quarter of it wrong). */
function bestMatch(around: string, pattern: string): { start: number; end: number; errors: number } | undefined {
  if (pattern.length === 0) return undefined;
  return search(around, pattern, Math.floor(pattern.length / 4))[0];
}
