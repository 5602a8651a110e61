// How sure a candidate place is the passage's: agreeing context, closeness to where its neighbours
// say it should be, few errors, and a clear lead over other places. Duplicated passages (a pull
// quote, a repeated headline) are where wrong landings come from, so doubt between copies is
// reported as a low confidence instead of a confident guess.

import search from 'approx-string-match';
import type { Candidate } from './candidates';
import type { LineIndex } from './positions';
import type { StoredAnchor } from './types';
import { strictContextLength } from './contextAgreement';

/** Below this a found place is not trusted at all: the passage is orphaned. */
export const ORPHAN_BELOW = 0.35;
/** Below this a found place is kept but should be shown to a person for review. */
export const REVIEW_BELOW = 0.75;
/** The confidence of a place that may well be right but is a guess between copies. */
export const IN_DOUBT = (ORPHAN_BELOW + REVIEW_BELOW) / 2;
/** Agreeing characters (passage + context) that make a coincidence unlikely. */
const CONVINCING_EVIDENCE = 40;
/** Context characters by which the best of several repeats must beat the next one. */
const CONVINCING_MARGIN = 16;
/** Context characters that being right at the old place is worth. */
const PROXIMITY_WEIGHT = 32;
/** Context characters that being on the expected line is worth. */
const SAME_LINE_WEIGHT = 16;

/** Where a passage probably is now: an offset and a line. */
export interface Place {
  readonly offset: number;
  readonly line: number;
  /**
   * Where passages found for sure around it moved: the shift of the surrounding edit. False for
   * the stored position read in the changed text, which is only where the passage was before.
   */
  readonly fromNeighbours: boolean;
  /**
   * Sure passages before and after it moved alike: no text was added or removed between them, so
   * a copy of the passage found exactly here was not inserted here.
   */
  readonly bracketed: boolean;
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
export function rank(candidates: readonly Candidate[], anchor: StoredAnchor, expected: readonly Place[], lines: LineIndex): Candidate[] {
  const scored = candidates.map((candidate) => ({ candidate, score: score(candidate, anchor, expected, lines) }));
  return scored.sort((a, b) => b.score - a.score || a.candidate.start - b.candidate.start).map((s) => s.candidate);
}

/** How sure the candidate is right: enough agreeing characters, and a clear lead over the other places. */
/** `edgeEvidence`: characters of context the text's edges stand for (see reanchor's edgeEvidence). */
export function confidenceOf(best: Candidate, anchor: StoredAnchor, expected: readonly Place[], lines: LineIndex, others: readonly Candidate[], edgeEvidence = 0): number {
  const length = anchor.text.length;
  const similarity = 1 - best.errors / length;
  // A long passage identifies itself; a short one needs its context to say where it is.
  const support = Math.min(1, Math.max(0, Math.min(length, 64) / 2 + best.context + edgeEvidence) / CONVINCING_EVIDENCE);
  const bestScore = score(best, anchor, expected, lines);
  // A loop, not Math.max(...scores): a passage may occur hundreds of thousands of times.
  let runnerUp = -Infinity;
  for (const other of others) if (other !== best) runnerUp = Math.max(runnerUp, score(other, anchor, expected, lines));
  const lead = runnerUp === -Infinity ? 1 : Math.min(1, Math.max(0, bestScore - runnerUp) / CONVINCING_MARGIN);
  const confidence = Math.max(0, support * lead * similarity);
  return copiesInDoubt(best, anchor, expected, others) ? Math.min(confidence, IN_DOUBT) : confidence;
}

/**
 * The choice between places is a guess when another place agrees with the context better than
 * this one (only nearness chose this one), or about as well (a duplicated paragraph, a repeated
 * headline) unless this place has the full context and the other clearly not, or this place is
 * exactly where the surrounding text moved and the other is not. The stored position alone never
 * settles it: text added or removed above moves every copy, so the stored line and column may
 * well hold another copy of the same words. An edited passage whose surroundings are mostly
 * different is a guess too: it may be a near-duplicate sentence (a figure changed) elsewhere.
 */
function copiesInDoubt(best: Candidate, anchor: StoredAnchor, expected: readonly Place[], others: readonly Candidate[]): boolean {
  const fullContext = anchor.prefix.length + anchor.suffix.length;
  if (best.errors > 0 && fullContext > 0 && best.context < 0.5 * fullContext) return true;
  let rival: Candidate | undefined;
  for (const other of others) if (other !== best && (rival === undefined || other.context > rival.context)) rival = other;
  if (rival === undefined) return false;
  if (rival.context > best.context && rival.errors <= best.errors) return true;
  if (rival.context < 0.5 * fullContext) return false;
  // A copy whose context differs only a little further out may be the passage as well: the edit
  // can have made another copy look like this one (a sentence inserted between two repeats).
  const fullerContext = best.context >= fullContext && rival.context <= fullContext - CONVINCING_MARGIN;
  const exactlyExpected = (candidate: Candidate): boolean => expected.some((place) => place.fromNeighbours && Math.abs(place.offset - candidate.start) <= 2);
  // Where the surrounding text moved settles it only for a copy that also has most of its context:
  // a copy inserted right there (the same sentence pasted again) lands exactly there too.
  // A copy with surroundings as good as this one's may be the pasted one unless the neighbours on
  // both sides moved alike (nothing was added between them).
  const bracketedHere = expected.some((place) => place.bracketed && Math.abs(place.offset - best.start) <= 2);
  const settledByShift = exactlyExpected(best) && !exactlyExpected(rival) && best.context >= 0.75 * fullContext && (rival.context < best.context || bracketedHere);
  return !fullerContext && !settledByShift;
}

/**
 * Another copy of the same words agrees with the stored context better character for character,
 * while this one leads only through white space of another shape: a copy of the sentence inserted
 * just before the tagged one takes on its context that way (a blank line read as a line break). The
 * choice is then a guess. Linear: at most MAX_COPIES_WEIGHED copies, each read over its context.
 */
export function closerCopyCharacterForCharacter(text: string, anchor: StoredAnchor, best: Candidate, others: readonly Candidate[]): boolean {
  const strictOf = (c: Candidate): number => strictContextLength(text, c.start, c.end, anchor.prefix, anchor.suffix);
  const bestStrict = strictOf(best);
  if (bestStrict >= anchor.prefix.length + anchor.suffix.length) return false;
  return others.some((other) => other.errors <= best.errors && strictOf(other) > bestStrict);
}

/**
 * The stored surroundings are found where the passage was expected, but the candidate is not
 * between them: the passage was edited there, and a copy found elsewhere is only a guess.
 */
export function surroundingsElsewhere(text: string, anchor: StoredAnchor, expectedStart: number, found: Candidate): boolean {
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
