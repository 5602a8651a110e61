// Where two annotators of one article disagree, tag by tag, for a curator to settle: a span only
// one of them tagged, the same span with different labels, and spans that overlap without being
// the same. Tags that agree (same span, same label) are paired off first and not listed.

export interface ComparedTag {
  readonly id: string;
  readonly start: number;
  readonly end: number;
  readonly label: string;
}

export type DisagreementKind = 'onlyFirst' | 'onlySecond' | 'differentLabel' | 'overlap';

export interface Disagreement<T extends ComparedTag> {
  readonly kind: DisagreementKind;
  /** The first annotator's tag (absent for `onlySecond`). */
  readonly first?: T;
  /** The second annotator's tag (absent for `onlyFirst`). */
  readonly second?: T;
  /** The text both tags cover together. */
  readonly start: number;
  readonly end: number;
}

const spanKey = (t: ComparedTag): string => `${t.start}:${t.end}`;

/**
 * The disagreements between `first`'s and `second`'s tags, in text order. Each tag appears in at
 * most one disagreement: exact agreements are removed, then same-span pairs, then overlapping pairs
 * (largest shared part first), and what is left is tagged by one annotator only.
 */
export function listDisagreements<T extends ComparedTag>(first: readonly T[], second: readonly T[]): Disagreement<T>[] {
  const leftFirst = new Set(first);
  const leftSecond = new Set(second);
  pairOff(leftFirst, leftSecond, (a, b) => spanKey(a) === spanKey(b) && a.label === b.label);
  const found: Disagreement<T>[] = [];
  for (const [a, b] of pairOff(leftFirst, leftSecond, (x, y) => spanKey(x) === spanKey(y))) found.push(pair('differentLabel', a, b));
  for (const [a, b] of overlapping(leftFirst, leftSecond)) found.push(pair('overlap', a, b));
  for (const a of leftFirst) found.push({ kind: 'onlyFirst', first: a, start: a.start, end: a.end });
  for (const b of leftSecond) found.push({ kind: 'onlySecond', second: b, start: b.start, end: b.end });
  return found.sort((x, y) => x.start - y.start || x.end - y.end);
}

function pair<T extends ComparedTag>(kind: DisagreementKind, a: T, b: T): Disagreement<T> {
  return { kind, first: a, second: b, start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) };
}

/** Removes and returns pairs with equal spans that `same` accepts; one pass over a map by span. */
function pairOff<T extends ComparedTag>(first: Set<T>, second: Set<T>, same: (a: T, b: T) => boolean): [T, T][] {
  const bySpan = new Map<string, T[]>();
  for (const b of second) {
    const list = bySpan.get(spanKey(b));
    if (list === undefined) bySpan.set(spanKey(b), [b]);
    else list.push(b);
  }
  const pairs: [T, T][] = [];
  for (const a of [...first]) {
    const candidates = bySpan.get(spanKey(a)) ?? [];
    const index = candidates.findIndex((b) => same(a, b));
    const b = candidates[index];
    if (b === undefined) continue;
    candidates.splice(index, 1);
    first.delete(a);
    second.delete(b);
    pairs.push([a, b]);
  }
  return pairs;
}

/** Removes and returns overlapping pairs, one-to-one, the largest shared part first. */
function overlapping<T extends ComparedTag>(first: Set<T>, second: Set<T>): [T, T][] {
  const sortedSecond = [...second].sort((a, b) => a.start - b.start);
  const candidates: { a: T; b: T; shared: number }[] = [];
  for (const a of first) {
    for (const b of sortedSecond) {
      if (b.start >= a.end) break;
      const shared = Math.min(a.end, b.end) - Math.max(a.start, b.start);
      if (shared > 0) candidates.push({ a, b, shared });
    }
  }
  candidates.sort((x, y) => y.shared - x.shared || x.a.start - y.a.start || x.b.start - y.b.start);
  const pairs: [T, T][] = [];
  for (const { a, b } of candidates) {
    if (!first.has(a) || !second.has(b)) continue;
    first.delete(a);
    second.delete(b);
    pairs.push([a, b]);
  }
  return pairs;
}
