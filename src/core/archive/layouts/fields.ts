// The labelled fields news archives put around an article, lower-case. LexisNexis writes them in
// upper case (`LOAD-DATE:`), Nexis Uni capitalised (`Load-Date:`); each layout checks the case.

import type { ArticleBuilder, DocumentLines, Paragraph } from './document';
import { COPYRIGHT_PATTERN } from './document';

export const FIELD_NAMES: ReadonlySet<string> = new Set([
  'acc-no',
  'body',
  'byline',
  'city',
  'column',
  'company',
  'correction',
  'correction-date',
  'country',
  'dateline',
  'distribution',
  'document-type',
  'edition',
  'geographic',
  'graphic',
  'highlight',
  'industry',
  'journal-code',
  'language',
  'length',
  'load-date',
  'notes',
  'organization',
  'person',
  'pg',
  'publication-type',
  'section',
  'series',
  'state',
  'subject',
  'ticker',
  'type',
  'url',
]);

/** A field line and the lines continuing its value up to the next blank line. */
export function readFieldParagraph(doc: DocumentLines, builder: ArticleBuilder, paragraph: Paragraph | undefined): void {
  if (!paragraph) return;
  let name = 'header';
  for (let line = paragraph.first; line <= paragraph.last; line++) {
    const field = doc.field(line);
    const text = doc.matchable(line) ?? '';
    if (field && FIELD_NAMES.has(field[0].toLowerCase())) {
      name = field[0].toLowerCase();
      builder.meta(line, name, field[1]);
      recordField(builder, name, field[1]);
    } else if (COPYRIGHT_PATTERN.test(text) && line === paragraph.first) {
      name = 'copyright';
      builder.meta(line, name);
    } else {
      builder.meta(line, name);
    }
  }
}

export function recordField(builder: ArticleBuilder, name: string, value: string): void {
  if (name === 'byline' || name === 'section' || name === 'length' || name === 'language') builder.field(name, value);
  else if (name === 'load-date') builder.field('loadDate', value);
}
