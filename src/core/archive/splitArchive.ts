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

export interface SplitOptions {
  /** The user's separator (see compileSeparatorPattern); tried before the archives' layouts. */
  readonly separator?: SeparatorPattern;
}

const NOT_SPLIT: ArchiveSplit = { layout: null, articles: [] };

export function splitArchive(text: string, options: SplitOptions = {}): ArchiveSplit {
  const doc = new DocumentLines(new LineTable(text));
  const { separator } = options;
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
  let low = 0;
  let high = articles.length - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const article = articles[mid];
    if (!article) return undefined;
    if (offset < article.start) high = mid - 1;
    else if (offset > article.end) low = mid + 1;
    else return mid;
  }
  return undefined;
}
