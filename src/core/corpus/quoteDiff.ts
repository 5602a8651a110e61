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

function isInside(inner: readonly string[], outer: readonly string[]): boolean {
  return ` ${outer.join(' ')} `.includes(` ${inner.join(' ')} `);
}

export function diffVersion(reference: QuoteWords, version: QuoteWords): VersionDiff {
  const a = reference.norm;
  const b = version.norm;
  if (a.length === b.length && isInside(b, a)) return { relation: 'identical', changes: [] };
  if (b.length < a.length && isInside(b, a)) return { relation: 'contained', changes: [] };
  if (a.length < b.length && isInside(a, b)) return { relation: 'contains', changes: [] };
  const parts = diffArrays([...a], [...b], { maxEditLength: MAX_EDIT_LENGTH });
  if (!parts) return { relation: 'reworded', changes: [] };
  let first = parts.findIndex((p) => !p.added && !p.removed);
  let last = parts.length - 1;
  while (last >= 0 && (parts[last]?.added || parts[last]?.removed)) last--;
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
