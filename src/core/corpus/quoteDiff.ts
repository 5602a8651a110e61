// How one version of a quote differs from the group's reference version, word by word.
import { diffArrays } from 'diff';
import type { QuoteWords } from './quoteWords';

export type QuoteRelation = 'identical' | 'contained' | 'contains' | 'overlaps' | 'reworded';

/** One place where the words differ: `removed` words of the reference stand as `added` in this version. */
export interface WordChange {
  readonly removed: string;
  readonly added: string;
}

export interface VersionDiff {
  readonly relation: QuoteRelation;
  /** Differences inside the stretch both versions share; words one version has before or after it are not changes. */
  readonly changes: readonly WordChange[];
}

/** Bounds the diff on long, very different quotes (they are reported as reworded without details). */
const MAX_EDIT_LENGTH = 400;
const MIN_ANCHOR_WORDS = 3;

function isInside(inner: readonly string[], outer: readonly string[]): boolean {
  return ` ${outer.join(' ')} `.includes(` ${inner.join(' ')} `);
}

function lastIndex<T>(xs: readonly T[], test: (x: T) => boolean): number {
  for (let i = xs.length - 1; i >= 0; i--) if (test(xs[i] as T)) return i;
  return -1;
}

export function diffVersion(reference: QuoteWords, version: QuoteWords): VersionDiff {
  const a = reference.norm;
  const b = version.norm;
  if (a.length === b.length && isInside(b, a)) return { relation: 'identical', changes: [] };
  if (b.length < a.length && isInside(b, a)) return { relation: 'contained', changes: [] };
  if (a.length < b.length && isInside(a, b)) return { relation: 'contains', changes: [] };
  const parts = diffArrays([...a], [...b], { maxEditLength: MAX_EDIT_LENGTH });
  if (!parts) return { relation: 'reworded', changes: [] };
  // The shared stretch starts and ends with a run of a few equal words: a lone "this is" matched
  // in the extra context of a longer quote is not where the versions meet.
  const anchor = (p: (typeof parts)[number]): boolean => !p.added && !p.removed && p.count >= MIN_ANCHOR_WORDS;
  const equal = (p: (typeof parts)[number]): boolean => !p.added && !p.removed;
  let first = parts.findIndex(anchor);
  if (first < 0) first = parts.findIndex(equal);
  let last = lastIndex(parts, anchor);
  if (last < 0) last = lastIndex(parts, equal);
  if (first < 0) first = parts.length;
  const changes: WordChange[] = [];
  let ai = 0;
  let bi = 0;
  let pending: { removed: string[]; added: string[] } | null = null;
  parts.forEach((p, i) => {
    const inner = i > first && i < last;
    if (p.removed) {
      if (inner) (pending ??= { removed: [], added: [] }).removed.push(...reference.raw.slice(ai, ai + p.count));
      ai += p.count;
    } else if (p.added) {
      if (inner) (pending ??= { removed: [], added: [] }).added.push(...version.raw.slice(bi, bi + p.count));
      bi += p.count;
    } else {
      if (pending) changes.push({ removed: pending.removed.join(' '), added: pending.added.join(' ') });
      pending = null;
      ai += p.count;
      bi += p.count;
    }
  });
  return { relation: changes.length > 0 || first >= parts.length ? 'reworded' : 'overlaps', changes };
}
