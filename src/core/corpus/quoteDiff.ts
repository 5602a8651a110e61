// How one version of a quote differs from the group's reference version: how far the two extend
// (one inside the other, overlapping), and the words that differ where they meet. The stretch
// both share runs from their first to their last common 4-word sequence; only that stretch is
// diffed, so the cost is the size of the differences, not of the extra text around them.
import { diffArrays } from 'diff';
import type { QuoteWords } from './quoteWords';
import { ngramHash } from './quoteWords';

/**
 * identical: same words; reworded: same extent, some words differ; contained / contains: the
 * version lies inside the reference / the reference inside the version; overlaps: each has words
 * the other lacks at its ends. `changes` lists the differing words in every case.
 */
export type QuoteRelation = 'identical' | 'contained' | 'contains' | 'overlaps' | 'reworded';

/** One place where the words differ: `removed` words of the reference stand as `added` in this version. */
export interface WordChange {
  readonly removed: string;
  readonly added: string;
}

export interface VersionDiff {
  readonly relation: QuoteRelation;
  readonly changes: readonly WordChange[];
}

export interface DiffSide {
  readonly words: QuoteWords;
  readonly hashes: Int32Array;
}

const GRAM = 4;
/** Bounds the diff of very different shared stretches (reported without details). */
const MAX_EDIT_LENGTH = 120;

/** First and last word position of each 4-word sequence of the reference, built once per group. */
export class ReferenceGrams {
  readonly first = new Map<number, number>();
  readonly last = new Map<number, number>();

  constructor(readonly side: DiffSide) {
    for (let i = 0; i + GRAM <= side.hashes.length; i++) {
      const h = ngramHash(side.hashes, i, GRAM);
      if (!this.first.has(h)) this.first.set(h, i);
      this.last.set(h, i);
    }
  }
}

function isInside(inner: readonly string[], outer: readonly string[]): boolean {
  return ` ${outer.join(' ')} `.includes(` ${inner.join(' ')} `);
}

/** Short quotes (fewer than 4 words) share no 4-word sequence: they are compared whole. */
function shortRelation(a: readonly string[], b: readonly string[]): VersionDiff {
  if (a.length === b.length && isInside(b, a)) return { relation: 'identical', changes: [] };
  if (b.length < a.length && isInside(b, a)) return { relation: 'contained', changes: [] };
  if (a.length < b.length && isInside(a, b)) return { relation: 'contains', changes: [] };
  return { relation: 'reworded', changes: [] };
}

function wordChanges(ref: DiffSide, ver: DiffSide, a0: number, a1: number, b0: number, b1: number): WordChange[] | null {
  const parts = diffArrays(ref.words.norm.slice(a0, a1), ver.words.norm.slice(b0, b1), { maxEditLength: MAX_EDIT_LENGTH });
  if (!parts) return null;
  const changes: WordChange[] = [];
  let ai = a0;
  let bi = b0;
  let removed: string[] = [];
  let added: string[] = [];
  for (const p of parts) {
    if (p.removed) removed = removed.concat(ref.words.raw.slice(ai, (ai += p.count)));
    else if (p.added) added = added.concat(ver.words.raw.slice(bi, (bi += p.count)));
    else {
      if (removed.length + added.length > 0) changes.push({ removed: removed.join(' '), added: added.join(' ') });
      removed = [];
      added = [];
      ai += p.count;
      bi += p.count;
    }
  }
  if (removed.length + added.length > 0) changes.push({ removed: removed.join(' '), added: added.join(' ') });
  return changes;
}

export function diffVersion(reference: ReferenceGrams, ver: DiffSide): VersionDiff {
  const ref = reference.side;
  let b0 = -1;
  let b1 = -1;
  for (let k = 0; k + GRAM <= ver.hashes.length && b0 < 0; k++) if (reference.first.has(ngramHash(ver.hashes, k, GRAM))) b0 = k;
  for (let k = ver.hashes.length - GRAM; k >= 0 && b1 < 0; k--) if (reference.last.has(ngramHash(ver.hashes, k, GRAM))) b1 = k;
  let a0 = b0 < 0 ? -1 : (reference.first.get(ngramHash(ver.hashes, b0, GRAM)) ?? -1);
  const a1 = b1 < 0 ? -1 : (reference.last.get(ngramHash(ver.hashes, b1, GRAM)) ?? -1);
  if (a0 < 0 || a1 < a0 || b1 < b0) return shortRelation(ref.words.norm, ver.words.norm);
  let aEnd = a1 + GRAM;
  let bEnd = b1 + GRAM;
  // Words at the same end of both, no more than a changed word and its 4-word sequence, are a change there, not context.
  if (a0 > 0 && b0 > 0 && Math.min(a0, b0) <= GRAM) a0 = b0 = 0;
  const aTail = ref.hashes.length - aEnd;
  const bTail = ver.hashes.length - bEnd;
  if (aTail > 0 && bTail > 0 && Math.min(aTail, bTail) <= GRAM) [aEnd, bEnd] = [ref.hashes.length, ver.hashes.length];
  const changes = wordChanges(ref, ver, a0, aEnd, b0, bEnd);
  const refOutside = a0 > 0 || aEnd < ref.hashes.length;
  const verOutside = b0 > 0 || bEnd < ver.hashes.length;
  const relation: QuoteRelation =
    refOutside && verOutside ? 'overlaps' : refOutside ? 'contained' : verOutside ? 'contains' : changes === null || changes.length > 0 ? 'reworded' : 'identical';
  return { relation, changes: changes ?? [] };
}
