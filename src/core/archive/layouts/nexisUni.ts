// Nexis Uni exports: each document ends with an "End of Document" line. A document starts with the
// headline, the source and the date, a copyright line, capitalised fields (`Section:`, `Length:`,
// `Byline:`, `Dateline:`), a line "Body", the story, then "Classification" and more fields
// (`Language:`, `Publication-Type:`, `Subject:`, `Load-Date:`).

import type { ArchiveArticle } from '../types';
import type { DocumentLines, Paragraph } from './document';
import { ArticleBuilder, COPYRIGHT_PATTERN, DATE_PATTERN, trailerLength } from './document';
import { FIELD_NAMES, readFieldParagraph, recordField } from './fields';

const END_MARKER = 'End of Document';

function isField(doc: DocumentLines, line: number): boolean {
  const field = doc.field(line);
  if (field === undefined) return false;
  const [label] = field;
  const capitalised = label === 'URL' || label.split('-').every((part) => /^[A-Z][a-z]+$/.test(part));
  return capitalised && FIELD_NAMES.has(label.toLowerCase());
}

/** A line of its own that says where the header or the body ends. */
function isSectionLine(doc: DocumentLines, line: number, word: 'Body' | 'Classification'): boolean {
  return doc.matchable(line) === word;
}

export function readNexisUni(doc: DocumentLines): ArchiveArticle[] | null {
  const markers: number[] = [];
  for (let line = 0; line < doc.lineCount; line++) if (doc.startsWithOneOf(line, 'E') && doc.matchable(line) === END_MARKER) markers.push(line);
  // One "End of Document" may be an article quoting the phrase; an export has one per document.
  if (markers.length < 2) return null;
  const articles: ArchiveArticle[] = [];
  let from = 0;
  for (const [i, marker] of markers.entries()) {
    const article = readDocument(doc, i, from, marker);
    if (!article) return null;
    articles.push(article);
    from = marker + 1;
  }
  return articles;
}

function readDocument(doc: DocumentLines, index: number, from: number, markerLine: number): ArchiveArticle | null {
  const paragraphs = doc.paragraphs(from, markerLine - 1);
  const first = paragraphs[0];
  if (!first) return null;
  const builder = new ArticleBuilder(doc);
  builder.meta(markerLine, 'marker');

  const headerEnd = findHeaderEnd(doc, paragraphs, first.first, markerLine);
  if (headerEnd === undefined) return null;
  readHeader(doc, builder, first.first, headerEnd);
  const body = paragraphs.filter((p) => p.first > headerEnd);
  const classification = body.findIndex((p) => isSectionLine(doc, p.first, 'Classification'));
  const trailerMeta = (line: number): boolean => isField(doc, line) || COPYRIGHT_PATTERN.test(doc.matchable(line) ?? '');
  const bodyTo = classification >= 0 ? classification : body.length - trailerLength(body, 0, trailerMeta);
  for (const p of body.slice(bodyTo)) readTrailerParagraph(doc, builder, p);
  return builder.build(index, first.first, markerLine, body.slice(0, bodyTo), doc.end(headerEnd));
}

/**
 * The last line of the header: the line "Body" when there is one (lines may follow each other
 * without blank lines in exports converted from Word); else the last of the field paragraphs that
 * follow the heading. Undefined when the document has neither: not a Nexis Uni document.
 */
function findHeaderEnd(doc: DocumentLines, paragraphs: readonly Paragraph[], first: number, markerLine: number): number | undefined {
  for (let line = first; line < markerLine; line++) if (isSectionLine(doc, line, 'Body')) return line;
  let k = paragraphs.findIndex((p) => isField(doc, p.first));
  if (k < 0) return undefined;
  while (k + 1 < paragraphs.length && isField(doc, paragraphs[k + 1]?.first ?? -1)) k++;
  return paragraphs[k]?.last;
}

function readTrailerParagraph(doc: DocumentLines, builder: ArticleBuilder, paragraph: Paragraph): void {
  if (isSectionLine(doc, paragraph.first, 'Classification')) {
    builder.meta(paragraph.first, 'classification');
    if (paragraph.last > paragraph.first) readFieldParagraph(doc, builder, { first: paragraph.first + 1, last: paragraph.last });
    return;
  }
  readFieldParagraph(doc, builder, paragraph);
}

/**
 * Line by line: the headline first, then the source and the date; fields with the lines that
 * continue them; copyright and anything else are header.
 */
function readHeader(doc: DocumentLines, builder: ArticleBuilder, first: number, last: number): void {
  builder.setHeadline(first, first);
  let sourceSeen = false;
  let dateSeen = false;
  let continuing: string | undefined;
  for (let line = first + 1; line <= last; line++) {
    if (doc.blank(line)) {
      continuing = undefined;
      continue;
    }
    const text = doc.matchable(line) ?? '';
    const field = isField(doc, line) ? doc.field(line) : undefined;
    if (field) {
      continuing = field[0].toLowerCase();
      builder.meta(line, continuing, field[1]);
      recordField(builder, continuing, field[1]);
    } else if (isSectionLine(doc, line, 'Body')) {
      builder.meta(line, 'body');
    } else if (continuing !== undefined) {
      builder.meta(line, continuing);
    } else if (COPYRIGHT_PATTERN.test(text)) {
      builder.meta(line, 'copyright');
    } else if (!sourceSeen) {
      sourceSeen = true;
      builder.meta(line, 'source');
      builder.field('source', text);
    } else if (!dateSeen && DATE_PATTERN.test(text)) {
      dateSeen = true;
      builder.meta(line, 'date');
      builder.field('date', text);
    } else {
      builder.meta(line, 'header');
    }
  }
}
