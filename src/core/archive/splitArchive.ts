// Recognises an export holding many articles and finds each one. A wrong split is worse than
// none: only a clear layout splits (several consistent markers, and every document shaped as that
// archive writes it); anything else is one ordinary article. One pass over the lines per layout,
// with every pattern applied to one bounded line at a time, so the cost stays linear.

import type { ArchiveArticle, ArchiveLayout, ArchiveSplit } from './types';
import type { SeparatorPattern } from './separatorPattern';
import { LineTable } from './lines';
import { DocumentLines } from './layouts/document';
import { readLexisNexis } from './layouts/lexisNexis';
import { readNexisUni } from './layouts/nexisUni';
import { readFactiva } from './layouts/factiva';
import { readCustom } from './layouts/custom';
import { articleIndexOf } from './articleSpans';

export interface SplitOptions {
  /** The user's separator (see compileSeparatorPattern); tried before the archives' layouts. */
  readonly separator?: SeparatorPattern;
}

const NOT_SPLIT: ArchiveSplit = { layout: null, articles: [] };

/**
 * Every archive's document marker holds this word ("1 of 25 DOCUMENTS", "Dokument 1 von 25",
 * "Document NYTF000020…", "End of Document"), in any case, and every layout needs two markers: a
 * text holding the word fewer than twice is one article, told by a fast scan instead of a pass over
 * its lines per layout (most texts analysed are articles).
 */
function mayHoldMarkers(text: string): boolean {
  const word = /o[ck]ument/gi;
  return word.test(text) && word.test(text);
}

export function splitArchive(text: string, options: SplitOptions = {}): ArchiveSplit {
  const { separator } = options;
  if (!separator && !mayHoldMarkers(text)) return NOT_SPLIT;
  const doc = new DocumentLines(new LineTable(text));
  const readers: [ArchiveLayout, () => ArchiveArticle[] | null][] = [
    ['custom', () => (separator ? readCustom(doc, separator) : null)],
    ['lexisnexis', () => readLexisNexis(doc)],
    ['nexis-uni', () => readNexisUni(doc)],
    ['factiva', () => readFactiva(doc)],
  ];
  for (const [layout, read] of readers) {
    const articles = read();
    if (articles && articles.length >= 2) return { layout, articles };
  }
  return NOT_SPLIT;
}

/** The article holding `offset` (its whole document, metadata included), if any. */
export function articleAt(split: ArchiveSplit, offset: number): ArchiveArticle | undefined {
  const index = articleIndexAt(split.articles, offset);
  return index === undefined ? undefined : split.articles[index];
}

/** Index of the article whose span [start, end] holds `offset`; articles are in text order and disjoint. */
export function articleIndexAt(articles: readonly ArchiveArticle[], offset: number): number | undefined {
  return articleIndexOf(articles, offset, true);
}
