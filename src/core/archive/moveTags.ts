// Moving the tags of an export onto its split articles: each tag goes to the article whose text
// holds it, shifted. A tag that cannot move (on a metadata line, across two articles, outside
// every article, or already orphaned) is returned as unplaced with the reason, never dropped.

import type { Annotation, AnnotationSet, Rejection } from '../annotations/model/types';
import type { ArchiveArticle } from './types';
import type { ArticleText } from './articleText';
import { mapRange } from './articleText';
import { articleIndexAt } from './splitArchive';

export type UnplacedReason = 'metadata' | 'crosses-articles' | 'outside-articles' | 'orphaned';

export type TagEntry = { readonly kind: 'annotation'; readonly entry: Annotation } | { readonly kind: 'rejection'; readonly entry: Rejection };

export interface UnplacedTag {
  readonly tag: TagEntry;
  readonly reason: UnplacedReason;
}

export interface ArticleTags {
  readonly annotations: readonly Annotation[];
  readonly rejections: readonly Rejection[];
}

export interface MovedTags {
  /** One per article, in the articles' order. */
  readonly perArticle: readonly ArticleTags[];
  readonly unplaced: readonly UnplacedTag[];
}

export const UNPLACED_REASONS: Readonly<Record<UnplacedReason, string>> = {
  metadata: 'it covers archive metadata (a field line or the space between headline and body)',
  'crosses-articles': 'it runs across two articles',
  'outside-articles': 'it lies outside every article (before the first, between two, or after the last)',
  orphaned: 'it is orphaned (its passage was not found in the text)',
};

/** @param texts the article texts, one per article, as built by `articleText` */
export function moveTags(set: AnnotationSet, articles: readonly ArchiveArticle[], texts: readonly ArticleText[]): MovedTags {
  const perArticle = articles.map(() => ({ annotations: [] as Annotation[], rejections: [] as Rejection[] }));
  const unplaced: UnplacedTag[] = [];
  const tags: TagEntry[] = [...set.annotations.map((entry) => ({ kind: 'annotation' as const, entry })), ...set.rejections.map((entry) => ({ kind: 'rejection' as const, entry }))];
  for (const tag of tags) {
    const { entry } = tag;
    if (entry.status === 'orphaned') {
      unplaced.push({ tag, reason: 'orphaned' });
      continue;
    }
    const index = articleIndexAt(articles, entry.start);
    const article = index === undefined ? undefined : articles[index];
    const target = index === undefined ? undefined : perArticle[index];
    const pieces = index === undefined ? undefined : texts[index]?.pieces;
    if (!article || !target || !pieces) {
      unplaced.push({ tag, reason: 'outside-articles' });
      continue;
    }
    const mapped = mapRange(pieces, entry.start, entry.end);
    if (!mapped) {
      unplaced.push({ tag, reason: entry.end > article.end ? 'crosses-articles' : 'metadata' });
      continue;
    }
    if (tag.kind === 'annotation') target.annotations.push({ ...tag.entry, ...mapped });
    else target.rejections.push({ ...tag.entry, ...mapped });
  }
  return { perArticle, unplaced };
}
