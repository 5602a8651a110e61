// Two annotators of one article side by side, and a curator's decision on where they disagree.
// Adopting one version never deletes the other: the adopted tag records who curated it
// (`attributes.curatedBy`), the other is marked `rejected` with the same record, and both stay in
// the sidecar. A disagreement whose remaining tags all carry `curatedBy` is settled and no longer
// listed.

import type { Annotation } from '../annotations/model/types';
import { listDisagreements } from './disagreements';
import type { Disagreement } from './disagreements';
import { pairAgreement } from './spanAgreement';
import type { PairAgreement } from './spanAgreement';

/** The attribute that records the curator of a tag adopted or rejected in a comparison. */
export const CURATED_BY = 'curatedBy';

export interface AnnotatorComparison {
  readonly firstAuthor: string;
  readonly secondAuthor: string;
  /** Each annotator's active tags. */
  readonly first: readonly Annotation[];
  readonly second: readonly Annotation[];
  /** The disagreements not settled yet, in text order. */
  readonly disagreements: readonly Disagreement<Annotation>[];
  /** Agreement over the article (exact and overlap F1, αu). */
  readonly agreement: PairAgreement;
}

/** The authors of an article's active tags, most tags first. */
export function tagAuthors(annotations: readonly Annotation[]): string[] {
  const counts = new Map<string, number>();
  for (const a of annotations) if (a.status === 'active') counts.set(a.author, (counts.get(a.author) ?? 0) + 1);
  return [...counts.entries()].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0])).map(([author]) => author);
}

export function compareAnnotators(articleName: string, textLength: number, annotations: readonly Annotation[], firstAuthor: string, secondAuthor: string): AnnotatorComparison {
  // A tag covering no characters (a hand-edited sidecar) marks nothing to agree or disagree on.
  const by = (author: string): Annotation[] => annotations.filter((a) => a.status === 'active' && a.end > a.start && a.author === author);
  const first = by(firstAuthor);
  const second = by(secondAuthor);
  const disagreements = listDisagreements(first, second).filter((d) => !settled(d));
  const agreement = pairAgreement([{ name: articleName, length: textLength, first, second }]);
  return { firstAuthor, secondAuthor, first, second, disagreements, agreement };
}

function settled(d: Disagreement<Annotation>): boolean {
  return [d.first, d.second].every((tag) => tag === undefined || typeof tag.attributes[CURATED_BY] === 'string');
}

/**
 * The article's tags after `curator` adopted `side`'s version of `d`: that side's tag (if any)
 * records the curator, the other side's tag (if any) is rejected with the same record.
 */
export function adoptVersion(annotations: readonly Annotation[], d: Disagreement<Annotation>, side: 'first' | 'second', curator: string, now: string): Annotation[] {
  const adopted = side === 'first' ? d.first : d.second;
  const other = side === 'first' ? d.second : d.first;
  return annotations.map((a) => {
    if (a.id === adopted?.id) return { ...a, attributes: { ...a.attributes, [CURATED_BY]: curator }, modified: now };
    if (a.id === other?.id) return { ...a, status: 'rejected', attributes: { ...a.attributes, [CURATED_BY]: curator }, modified: now };
    return a;
  });
}
