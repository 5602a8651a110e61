// Finding stored passages again in a text that changed outside the editor (the sidecar's hash no
// longer matches). Candidates (anchorCandidates.ts): the exact passage wherever it occurs, then,
// when no copy has its context intact, fuzzy matches and the text between its prefix and suffix.
// The best candidate (anchorEvidence.ts) is the one whose context agrees most and which lies
// where its neighbours moved; its confidence says how much better it is than the others. Doubtful
// places come back flagged for review or orphaned, never silently on the wrong words.

import { CONTEXT_LENGTH } from './capture';
import { exactCandidates, fuzzyCandidates, SearchBudget } from './candidates';
import type { Candidate } from './candidates';
import { agreeingContextLength, agreeingContextSides } from './contextAgreement';
import { OccurrenceIndex } from './occurrences';
import { closerCopyCharacterForCharacter, confidenceOf, IN_DOUBT, ORPHAN_BELOW, rank, REVIEW_BELOW, surroundingsElsewhere } from './evidence';
import type { Place } from './evidence';
import { normalizeText } from './normalizedText';
import { LineIndex } from './positions';
import type { AnchorResult, StoredAnchor } from './types';

// The public face of re-anchoring: callers need not know how the work is split up.
export { ORPHAN_BELOW, REVIEW_BELOW } from './evidence';
export type { AnchorMethod, AnchorResult, StoredAnchor } from './types';

/**
 * Whole-text searches for passages not found near their old place, in passes over the text (one
 * pass per 32 characters of passage): enough for dozens of lost tags, bounded for thousands.
 */
const WHOLE_TEXT_SEARCH_BUDGET = 200;

/**
 * Characters of stored context weighed on each side, those nearest the passage: as many as the
 * editor stores (CONTEXT_LENGTH), for which the tolerances below are set. A hand-edited sidecar or
 * an imported file (a W3C selector's prefix) may give thousands, and the fuzzy search for a context
 * grows with its length squared (a 32,000-character prefix took 0.6 s per tag), while the quarter
 * of it that may differ lets a long context match a look-alike paragraph near the old place.
 */
const CONTEXT_WEIGHED = CONTEXT_LENGTH;

/** Passages at least this long, unique and with their context intact, tell how the text moved. */
const SURE_LENGTH = 8;

export function needsReview(result: AnchorResult): boolean {
  return result.method !== 'orphaned' && result.confidence < REVIEW_BELOW;
}

interface Shift {
  readonly oldStart: number;
  /** How far a surely found passage moved, in offsets and in lines. */
  readonly shift: number;
  readonly lineShift: number;
}

/**
 * Re-anchors many passages in one text, sharing the text's preparation. Passages found
 * unambiguously (unique, context intact) tell how far their part of the text moved; the others
 * are looked for where their nearest such neighbours moved them, which keeps repeated words and
 * duplicated lines from pulling a passage to the wrong copy.
 * @param documentText the text as the editor holds it; offsets returned are into it (BOM, CRLF included)
 */
export function reanchorAll(documentText: string, storedAnchors: readonly StoredAnchor[]): AnchorResult[] {
  const anchors = storedAnchors.map((anchor) =>
    anchor.prefix.length <= CONTEXT_WEIGHED && anchor.suffix.length <= CONTEXT_WEIGHED ? anchor : { ...anchor, prefix: anchor.prefix.slice(-CONTEXT_WEIGHED), suffix: anchor.suffix.slice(0, CONTEXT_WEIGHED) },
  );
  const normalized = normalizeText(documentText);
  const text = normalized.text;
  const lines = new LineIndex(text);
  const occurrences = new OccurrenceIndex(text, anchors.map((anchor) => anchor.text));
  const prepared = anchors.map((anchor) => {
    const oldStart = lines.offsetAt(anchor.start);
    const { candidates: exact, truncated } = exactCandidates(text, anchor, occurrences, oldStart);
    return { anchor, oldStart, exact, truncated };
  });

  const shifts: Shift[] = [];
  for (const { anchor, oldStart, exact } of prepared) {
    const [only, ...more] = exact;
    const fullContext = anchor.prefix.length + anchor.suffix.length;
    // Moved far, a passage tells how the text moved only with nearly all its surroundings (see
    // movedFarWithoutAllItsContext): a look-alike sentence must not pull its neighbours along.
    const far = only !== undefined && Math.abs(only.start - oldStart) > anchor.text.length + FAR;
    if (anchor.text.length >= SURE_LENGTH && only !== undefined && more.length === 0 && only.context >= (far ? 0.9 : 0.75) * fullContext) {
      shifts.push({ oldStart, shift: only.start - oldStart, lineShift: lines.positionAt(only.start).line - anchor.start.line });
    }
  }
  shifts.sort((a, b) => a.oldStart - b.oldStart);
  const wholeTextSearches = new SearchBudget(WHOLE_TEXT_SEARCH_BUDGET * (text.length + 1000));

  const found = prepared.map(({ anchor, oldStart, exact, truncated }) => {
    const best = anchor.text.length === 0 ? undefined : findBest(text, lines, anchor, exact, oldStart, expectedPlaces(shifts, oldStart, anchor.start.line), wholeTextSearches);
    // Weighed among the nearest copies only: another copy further away may fit as well.
    return best !== undefined && truncated ? { ...best, confidence: Math.min(best.confidence, IN_DOUBT) } : best;
  });
  doubtSharedLandings(text, anchors, found);
  return found.map((best, i): AnchorResult => {
    if (best === undefined || best.confidence < ORPHAN_BELOW) {
      const at = normalized.toOriginal(Math.min(prepared[i]?.oldStart ?? 0, text.length));
      return { method: 'orphaned', start: at, end: at, confidence: 0 };
    }
    return { ...best, start: normalized.toOriginal(best.start), end: normalized.toOriginal(best.end) };
  });
}

/**
 * Passages that were in different places and now land on the same words: at most one of them is
 * right (a copy of repeated words was deleted, and the survivor could be either). The one whose
 * stored surroundings are there nearly intact, and clearly more so than the others', keeps its
 * place; the others, or all of them when none stands out, are flagged for review.
 */
function doubtSharedLandings(text: string, anchors: readonly StoredAnchor[], found: (AnchorResult | undefined)[]): void {
  const byPlace = new Map<string, number[]>();
  found.forEach((result, i) => {
    if (result === undefined || result.confidence < ORPHAN_BELOW) return;
    const key = `${result.start}:${result.end}`;
    const same = byPlace.get(key);
    if (same === undefined) byPlace.set(key, [i]);
    else same.push(i);
  });
  const storedAt = (anchor: StoredAnchor | undefined): string => (anchor === undefined ? '' : `${anchor.start.line}:${anchor.start.character}`);
  for (const indices of byPlace.values()) {
    if (new Set(indices.map((i) => storedAt(anchors[i]))).size < 2) continue;
    const shares = indices.map((i) => {
      const anchor = anchors[i];
      const result = found[i];
      if (anchor === undefined || result === undefined) return { i, share: 0 };
      const full = Math.max(1, anchor.prefix.length + anchor.suffix.length);
      return { i, share: agreeingContextLength(text, result.start, result.end, anchor.prefix, anchor.suffix) / full };
    });
    shares.sort((a, b) => b.share - a.share);
    const [first, second] = shares;
    const keeper = first !== undefined && first.share >= 0.75 && (second === undefined || second.share < first.share - 0.25) ? storedAt(anchors[first.i]) : undefined;
    for (const { i } of shares) {
      const result = found[i];
      if (result !== undefined && storedAt(anchors[i]) !== keeper) found[i] = { ...result, confidence: Math.min(result.confidence, IN_DOUBT) };
    }
  }
}

/** One passage on its own (no neighbours to learn from): prefer `reanchorAll` for a whole sidecar. */
export function reanchor(documentText: string, anchor: StoredAnchor): AnchorResult {
  const [result] = reanchorAll(documentText, [anchor]);
  if (result === undefined) throw new Error('reanchorAll returned no result');
  return result;
}

/**
 * Where a passage probably is now: its old place moved like its nearest sure neighbour before it
 * and after it (both kept when they disagree, e.g. next to a moved paragraph), or unmoved when no
 * passage was sure.
 */
function expectedPlaces(sortedShifts: readonly Shift[], oldStart: number, oldLine: number): Place[] {
  const after = firstAtOrAfter(sortedShifts, oldStart);
  const next = sortedShifts[after];
  const previous = sortedShifts[after - 1];
  const moves = [previous, next].filter((shift): shift is Shift => shift !== undefined);
  if (moves.length === 0) return [{ offset: oldStart, line: oldLine, fromNeighbours: false, bracketed: false }];
  const bracketed = previous !== undefined && next !== undefined && previous.shift === next.shift && previous.lineShift === next.lineShift;
  const places = moves.map((m) => ({ offset: oldStart + m.shift, line: oldLine + m.lineShift, fromNeighbours: true, bracketed }));
  return places.filter((p, i) => places.findIndex((q) => q.offset === p.offset && q.line === p.line) === i);
}

/** Distance from every expected place beyond which a place counts as elsewhere. */
const NEAR = 200;

/**
 * Found away from where the surrounding text says the passage is, and without most of its own
 * surroundings: its place was probably deleted and this is a similar passage elsewhere (the same
 * sentence with a figure changed, a summary repeating a phrase). A moved passage brings its
 * surroundings along, so it is not held up by this.
 */
function farWithoutItsContext(text: string, anchor: StoredAnchor, found: Candidate, expected: readonly Place[]): boolean {
  const near = expected.some((place) => Math.abs(place.offset - found.start) <= anchor.text.length + NEAR);
  if (near) return false;
  return agreeingContextLength(text, found.start, found.end, anchor.prefix, anchor.suffix) < 0.75 * (anchor.prefix.length + anchor.suffix.length);
}

/**
 * Different words (a fuzzy match) whose surroundings are mostly not the stored ones, character for
 * character: a typo fixed in place keeps its surroundings; a near-duplicate sentence (a figure
 * changed) that took the place of a deleted one keeps only some. Preferred over an unchanged copy
 * of the words, an edited place needs nearly all of its surroundings.
 */
function editedAmongNewSurroundings(text: string, anchor: StoredAnchor, found: Candidate, unchangedCopyExists: boolean): boolean {
  const fullContext = anchor.prefix.length + anchor.suffix.length;
  if (found.errors === 0 || fullContext === 0) return false;
  return agreeingContextLength(text, found.start, found.end, anchor.prefix, anchor.suffix) < (unchangedCopyExists ? 0.9 : 0.75) * fullContext;
}

/**
 * Different words (a fuzzy match) whose surroundings agree on one side only: a typo fixed in place
 * keeps the text on both sides of it, while a near-duplicate sentence (a figure changed) that
 * now stands after or before the tagged one's neighbours shares only that side. A side with no
 * stored context (the passage began or ended the text) agrees only at the edge of the text.
 */
function editedWithOneSideOnly(text: string, anchor: StoredAnchor, found: Candidate): boolean {
  if (found.errors === 0) return false;
  const { before, after } = agreeingContextSides(text, found.start, found.end, anchor.prefix, anchor.suffix);
  const agrees = (agreeing: number, stored: number): boolean => agreeing >= Math.max(1, stored);
  return !agrees(before, anchor.prefix.length) || !agrees(after, anchor.suffix.length);
}

/**
 * Found with less than half of its surroundings while the passage's first or last words occur
 * again close by: a long passage usually identifies itself, but among repeated sentences the
 * copy found may be another one, the tagged one having been edited beyond recognition.
 */
function thinContextAmongLookalikes(text: string, anchor: StoredAnchor, found: Candidate): boolean {
  const fullContext = anchor.prefix.length + anchor.suffix.length;
  if (fullContext === 0 || found.context >= 0.5 * fullContext) return false;
  const probe = Math.min(16, anchor.text.length);
  const reach = 4 * anchor.text.length + 400;
  const from = Math.max(0, found.start - reach);
  const around = text.slice(from, Math.min(text.length, found.end + reach));
  const elsewhere = (words: string, at: number): boolean => {
    for (let i = around.indexOf(words); i >= 0; i = around.indexOf(words, i + 1)) if (from + i !== at) return true;
    return false;
  };
  return elsewhere(anchor.text.slice(0, probe), found.start) || elsewhere(anchor.text.slice(-probe), found.end - probe);
}

/**
 * The same words found with less than half of their stored surroundings, where no sure neighbour
 * says the passage moved: the tagged words may have been deleted and these be another copy or
 * the same sentence typed again elsewhere. Found where its neighbours moved, it is the passage
 * with its surroundings edited.
 */
function unconfirmedWithoutSurroundings(anchor: StoredAnchor, found: Candidate, expected: readonly Place[]): boolean {
  const fullContext = anchor.prefix.length + anchor.suffix.length;
  if (fullContext === 0 || found.context >= 0.5 * fullContext) return false;
  return !expected.some((place) => place.fromNeighbours && Math.abs(place.offset - found.start) <= 2);
}

/**
 * Evidence, in characters of context, from a side whose stored context is empty because the passage
 * began or ended the text, where the place found begins or ends it too (white space aside): "" is
 * all the context there was, and it agrees. A tag over a whole one-sentence article is then found
 * again after a line break is added, as a tag with its surroundings is.
 */
function edgeEvidence(text: string, anchor: StoredAnchor, found: Candidate): number {
  let evidence = 0;
  if (anchor.prefix === '' && text.slice(0, found.start).trim() === '') evidence += CONTEXT_LENGTH;
  if (anchor.suffix === '' && text.slice(found.end).trim() === '') evidence += CONTEXT_LENGTH;
  return evidence;
}

/**
 * The very words at their stored place with one side of their surroundings whole: the text was
 * edited on the other side ("… ten percent next year." cut to "… ten percent."), the passage stayed.
 */
function unchangedInPlace(text: string, anchor: StoredAnchor, found: Candidate, oldStart: number): boolean {
  if (found.errors > 0 || found.start !== oldStart) return false;
  const { before, after } = agreeingContextSides(text, found.start, found.end, anchor.prefix, anchor.suffix);
  return (anchor.prefix.length > 0 && before >= anchor.prefix.length) || (anchor.suffix.length > 0 && after >= anchor.suffix.length);
}

/** Characters from the stored place beyond which a passage counts as moved far. */
const FAR = 2 * NEAR;

/**
 * Found far from its stored place without nearly all of its stored surroundings: its paragraph may
 * have moved, or been deleted while a look-alike sentence elsewhere shares the tagged words and part
 * of their surroundings ("… officials confirmed that the minister resigned on Friday after the vote"
 * deleted, "… the opposition claimed that the minister resigned on Friday after the vote" kept). The
 * tags of one such sentence move alike and vouch for one another, so only the passage's own
 * surroundings can tell; short of them, a person decides.
 */
function movedFarWithoutAllItsContext(text: string, anchor: StoredAnchor, found: Candidate, oldStart: number): boolean {
  const fullContext = anchor.prefix.length + anchor.suffix.length;
  if (fullContext === 0 || Math.abs(found.start - oldStart) <= anchor.text.length + FAR) return false;
  return agreeingContextLength(text, found.start, found.end, anchor.prefix, anchor.suffix) < 0.9 * fullContext;
}

/** Index of the first shift at or after `oldStart` (the length when none is), by binary search. */
function firstAtOrAfter(sortedShifts: readonly Shift[], oldStart: number): number {
  let low = 0;
  let high = sortedShifts.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((sortedShifts[mid]?.oldStart ?? Infinity) < oldStart) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Offsets here are into the normalized text; `oldStart` is the stored position read in it. */
function findBest(
  text: string,
  lines: LineIndex,
  anchor: StoredAnchor,
  exact: readonly Candidate[],
  oldStart: number,
  expected: readonly Place[],
  wholeTextSearches: SearchBudget,
): AnchorResult | undefined {
  const fullContext = anchor.prefix.length + anchor.suffix.length;
  const exactBest = rank(exact, anchor, expected, lines)[0];
  // The passage unchanged with its context intact, and no other copy of it: no need to look for
  // edited copies. Where it is repeated, an edited copy may be the one with the passage's place.
  // Only an edited copy with more of the context than the unchanged ones can be the tagged one.
  const intact = exactBest !== undefined && exactBest.context >= 0.75 * fullContext;
  // A fuzzy match whose edges snapped onto an unchanged copy is that copy, whose context counts
  // character for character (a fuzzy match's context tolerates small edits).
  const edited = (intact && exact.length === 1 ? [] : fuzzyCandidates(text, anchor, expected[0]?.offset ?? oldStart, exact, wholeTextSearches)).filter(
    (candidate) => !exact.some((copy) => copy.start === candidate.start && copy.end === candidate.end),
  );
  // An edited match overlapping an unchanged copy of the passage is that copy read with other
  // edges: the edit was beside the tagged words, which are there whole ("… ten percent next year."
  // cut to "… ten percent." is no reason to shorten the tag to "… ten").
  const rivals = exact.length === 0 ? edited : edited.filter((candidate) => !exact.some((copy) => candidate.start < copy.end && copy.start < candidate.end));
  const candidates = [...exact, ...(intact ? rivals.filter((candidate) => candidate.context > exactBest.context) : rivals)];
  const [best, ...others] = rank(candidates, anchor, expected, lines);
  if (best === undefined) return undefined;
  let confidence = confidenceOf(best, anchor, expected, lines, others, edgeEvidence(text, anchor, best));
  const doubtful =
    movedFarWithoutAllItsContext(text, anchor, best, oldStart) ||
    expected.some((place) => surroundingsElsewhere(text, anchor, place.offset, best)) ||
    farWithoutItsContext(text, anchor, best, expected) ||
    editedAmongNewSurroundings(text, anchor, best, exact.length > 0) ||
    editedWithOneSideOnly(text, anchor, best) ||
    thinContextAmongLookalikes(text, anchor, best) ||
    (unconfirmedWithoutSurroundings(anchor, best, expected) && !unchangedInPlace(text, anchor, best, oldStart)) ||
    closerCopyCharacterForCharacter(text, anchor, best, others);
  if (doubtful) {
    confidence = Math.min(confidence, IN_DOUBT);
  }
  const method = best.errors > 0 ? 'fuzzy' : best.start === oldStart ? 'position' : 'exact';
  return { method, start: best.start, end: best.end, confidence };
}
