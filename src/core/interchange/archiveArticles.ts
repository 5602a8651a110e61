// Which article of an archive export a tag lies in, for the exchange formats that name it (CSV
// columns, JSON lines fields): the article's id (`name#N`, see articleIds) and its metadata.
import { articleId } from '../archive/articleIds';
import type { SeparatorPattern } from '../archive/separatorPattern';
import { splitArchive } from '../archive/splitArchive';
import type { ArchiveFields } from '../archive/types';
import { articleIndexOf } from '../archive/articleSpans';
import type { ExportedText, ExportTag } from './exportTags';
import type { ExportArchiveArticle, ExportArticle } from './types';

/** The articles of `text` when it is an export of several, else undefined (an ordinary article). */
export function archiveExportArticles(text: string, separator?: SeparatorPattern): ExportArchiveArticle[] | undefined {
  const split = splitArchive(text, separator ? { separator } : {});
  if (split.layout === null) return undefined;
  return split.articles.map((a) => ({ start: a.start, end: a.end, fields: a.fields }));
}

/** The metadata columns of the CSV export, in order (as ArchiveFields names them). */
export const ARCHIVE_FIELD_COLUMNS = ['source', 'date', 'byline', 'headline', 'section'] as const;

export interface TagArticle {
  /** `name#N`, or the file's name for an ordinary article (and for a tag outside every article of an export). */
  readonly id: string;
  readonly fields: ArchiveFields;
}

/** The article holding a tag that starts at `start` (UTF-16 into the text as read, BOM included). */
export function tagArticle(article: ExportArticle, start: number): TagArticle {
  const articles = article.articles;
  const index = articles ? articleIndexOf(articles, start) : undefined;
  const found = index === undefined ? undefined : articles?.[index];
  return found && index !== undefined ? { id: articleId(article.name, index), fields: found.fields } : { id: article.name, fields: {} };
}

/** One article of an archive export as the formats that give one task per article write it. */
export interface ArticleSlice {
  /** UTF-16 offsets into the exported text (without BOM). */
  readonly start: number;
  readonly end: number;
  /** Where the article starts in the exported text, in code points: what the tags' offsets count from. */
  readonly offset: number;
  readonly id: string;
  readonly number: number;
  readonly fields: ArchiveFields;
  /** Tags that lie within the article. */
  readonly inside: ExportTag[];
  /** Tags that start in it (or, between articles, after it) and run past its end. */
  readonly outside: ExportTag[];
}

/** The articles of an export with the tags that lie in each; each tag is in exactly one article's lists. */
export function articleSlices(article: ExportArticle, exported: ExportedText): ArticleSlice[] {
  const parts = article.articles ?? [];
  const bom = article.text.length - exported.text.length;
  const utf16 = (offset: number): number => Math.min(exported.text.length, Math.max(0, offset - bom));
  const slices = parts.map((part, i): ArticleSlice => {
    const start = utf16(part.start);
    return { start, end: utf16(part.end), offset: exported.index.toCodePoints(start), id: articleId(article.name, i), number: i + 1, fields: part.fields, inside: [], outside: [] };
  });
  for (const tag of exported.placed) {
    const slice = slices[articleIndexOf(parts, tag.annotation.start) ?? lastStartingBefore(parts, tag.annotation.start)];
    if (!slice) continue;
    if (tag.start >= slice.start && tag.end <= slice.end) slice.inside.push(tag);
    else slice.outside.push(tag);
  }
  return slices;
}

/** The last article starting at or before `offset` (or the first). */
function lastStartingBefore(parts: readonly { readonly start: number }[], offset: number): number {
  let low = 0;
  let high = parts.length - 1;
  let found = 0;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    if ((parts[mid]?.start ?? 0) <= offset) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}
