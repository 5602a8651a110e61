// The custom layout: every line the user's separator pattern matches starts a new document (the
// text before the first separator is a document too when it is not blank). The separator line is
// the document's metadata; the first line of the body is taken as its headline.

import type { ArchiveArticle } from '../types';
import type { SeparatorPattern } from '../separatorPattern';
import type { DocumentLines } from './document';
import { ArticleBuilder, squeeze } from './document';

export function readCustom(doc: DocumentLines, pattern: SeparatorPattern): ArchiveArticle[] | null {
  const separators: number[] = [];
  for (let line = 0; line < doc.lineCount; line++) {
    if (doc.blank(line)) continue;
    const text = doc.matchable(line);
    if (text !== undefined && pattern.test(text)) separators.push(line);
  }
  if (separators.length === 0) return null;
  const starts = separators[0] === 0 ? separators : [-1, ...separators];
  const articles: ArchiveArticle[] = [];
  for (const [i, start] of starts.entries()) {
    const last = (starts[i + 1] ?? doc.lineCount) - 1;
    const body = doc.paragraphs(start + 1, last);
    const firstBody = body[0];
    if (!firstBody) continue;
    const builder = new ArticleBuilder(doc);
    if (start >= 0) builder.meta(start, 'separator');
    const headline = doc.matchable(firstBody.first);
    if (headline !== undefined && squeeze(headline).length <= 300) builder.setHeadline(firstBody.first, firstBody.first);
    const lastBody = body[body.length - 1] ?? firstBody;
    articles.push(builder.build(articles.length, start >= 0 ? start : firstBody.first, lastBody.last, body, 0));
  }
  return articles.length >= 2 ? articles : null;
}
