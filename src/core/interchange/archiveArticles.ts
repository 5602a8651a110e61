// Which article of an archive export a tag lies in, for the exchange formats that name it (CSV
// columns, JSON lines fields): the article's id (`name#N`, see articleIds) and its metadata.
import { articleId } from '../archive/articleIds';
import type { SeparatorPattern } from '../archive/separatorPattern';
import { splitArchive } from '../archive/splitArchive';
import type { ArchiveFields } from '../archive/types';
import { articleIndexOf } from '../archive/articleSpans';
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
