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

export function needsReview(result: AnchorResult): boolean {
  return result.method !== 'orphaned' && result.confidence < REVIEW_BELOW;
}

/** Re-anchors many passages in one text, sharing the text's preparation. */
export function reanchorAll(documentText: string, anchors: readonly StoredAnchor[]): AnchorResult[] {
  const normalized = normalizeText(documentText);
  const lines = new LineIndex(normalized.text);
  return anchors.map((anchor) => reanchorIn(normalized, lines, anchor));
}

export function reanchor(documentText: string, anchor: StoredAnchor): AnchorResult {
  const [result] = reanchorAll(documentText, [anchor]);
  if (result === undefined) throw new Error('reanchorAll returned no result');
  return result;
}

interface Candidate {
  readonly start: number;
  readonly end: number;
  readonly context: number;
  readonly errors: number;
}

function reanchorIn(normalized: NormalizedText, lines: LineIndex, anchor: StoredAnchor): AnchorResult {
  const text = normalized.text;
  const oldStart = lines.offsetAt(anchor.start);
  const found = anchor.text.length === 0 ? undefined : findBest(text, anchor, oldStart);
  if (found === undefined || found.confidence < ORPHAN_BELOW) {
    const at = normalized.toOriginal(Math.min(oldStart, text.length));
    return { method: 'orphaned', start: at, end: at, confidence: 0 };
  }
  return { ...found, start: normalized.toOriginal(found.start), end: normalized.toOriginal(found.end) };
}

function findBest(text: string, anchor: StoredAnchor, oldStart: number): AnchorResult | undefined {
  const exact = findExact(text, anchor, oldStart);
  if (exact !== undefined && exact.confidence >= REVIEW_BELOW) return exact;
  const fuzzy = findFuzzy(text, anchor, oldStart);
  if (fuzzy === undefined) return exact;
  return exact === undefined || fuzzy.confidence > exact.confidence ? fuzzy : exact;
}

function findExact(text: string, anchor: StoredAnchor, oldStart: number): AnchorResult | undefined {
  const candidates: Candidate[] = [];
  for (let at = text.indexOf(anchor.text); at >= 0; at = text.indexOf(anchor.text, at + 1)) {
    const end = at + anchor.text.length;
    candidates.push({ start: at, end, context: agreeingContextLength(text, at, end, anchor.prefix, anchor.suffix), errors: 0 });
  }
  const ranked = rank(candidates, oldStart);
  const best = ranked[0];
  if (best === undefined) return undefined;
  const atOldPlace = best.start === oldStart;
  let confidence = evidence(best, anchor.text.length, ranked[1]);
  // Same line and character and same words: only a coincidence for the shortest passages.
  if (atOldPlace && (best.context >= 4 || anchor.text.length > EXACT_ONLY_UP_TO)) confidence = Math.max(confidence, 0.9);
  return { method: atOldPlace ? 'position' : 'exact', start: best.start, end: best.end, confidence };
}

function findFuzzy(text: string, anchor: StoredAnchor, oldStart: number): AnchorResult | undefined {
  const length = anchor.text.length;
  if (length <= EXACT_ONLY_UP_TO) return undefined;
  const budget = Math.min(FUZZY_MAX_ERRORS, Math.max(1, Math.floor(length * FUZZY_ERROR_RATE)));
  // Near the old place first: cheap on long texts, and where a lightly edited passage usually is.
  const margin = 2 * length + 2000;
  const windowStart = Math.max(0, oldStart - margin);
  const windowEnd = Math.min(text.length, oldStart + length + margin);
  let matches = search(text.slice(windowStart, windowEnd), anchor.text, budget).map((m) => ({ ...m, start: m.start + windowStart, end: m.end + windowStart }));
  if (matches.length === 0 && (windowStart > 0 || windowEnd < text.length)) matches = search(text, anchor.text, budget);
  if (matches.length === 0) return undefined;

  const candidates = dropOverlapping(matches).map((m) => ({ ...m, context: fuzzyContextLength(text, m.start, m.end, anchor) }));
  const ranked = rank(candidates, oldStart);
  const best = ranked[0];
  if (best === undefined) return undefined;
  const similarity = 1 - (2 * best.errors) / length;
  return { method: 'fuzzy', start: best.start, end: best.end, confidence: Math.max(0, evidence(best, length, ranked[1]) * similarity) };
}

/** Best first: most agreeing context, then fewest errors, then nearest the old place. */
function rank(candidates: readonly Candidate[], oldStart: number): Candidate[] {
  return [...candidates].sort((a, b) => b.context - a.context || a.errors - b.errors || Math.abs(a.start - oldStart) - Math.abs(b.start - oldStart));
}

/** How sure the best candidate is right: enough agreeing characters, and a clear lead over the runner-up. */
function evidence(best: Candidate, passageLength: number, runnerUp: Candidate | undefined): number {
  const support = Math.min(1, (Math.min(passageLength, 32) + best.context) / CONVINCING_EVIDENCE);
  if (runnerUp === undefined) return support;
  const lead = Math.min(1, (best.context - runnerUp.context) / CONVINCING_MARGIN);
  return support * lead;
}

/** Myers' search reports runs of neighbouring end positions for one place; keep one per place. */
function dropOverlapping<T extends { start: number; end: number; errors: number }>(matches: readonly T[]): T[] {
  const kept: T[] = [];
  for (const match of [...matches].sort((a, b) => a.errors - b.errors || a.start - b.start)) {
    if (!kept.some((k) => match.start < k.end && k.start < match.end)) kept.push(match);
  }
  return kept;
}

/** Context agreement tolerant of a few edits: fuzzy boundaries may be off by a character or two. */
function fuzzyContextLength(text: string, start: number, end: number, anchor: StoredAnchor): number {
  const slack = 4;
  const score = (pattern: string, around: string): number => {
    if (pattern.length === 0) return 0;
    const allowed = Math.floor(pattern.length / 4);
    const best = search(around, pattern, allowed)[0];
    return best === undefined ? 0 : pattern.length - best.errors;
  };
  const before = text.slice(Math.max(0, start - anchor.prefix.length - slack), Math.min(text.length, start + slack));
  const after = text.slice(Math.max(0, end - slack), end + anchor.suffix.length + slack);
  return score(anchor.prefix, before) + score(anchor.suffix, after);
}
