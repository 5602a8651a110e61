// LexisNexis plain-text exports (the layout LexisNexisTools reads): "N of M DOCUMENTS" starts each
// document; then the source, the date (and an edition) as centred lines, the headline, upper-case
// fields (`BYLINE:`, `SECTION:`, `LENGTH:`, `DATELINE:`…), the body, and trailing fields
// (`LOAD-DATE:`, `LANGUAGE:`, `PUBLICATION-TYPE:`…) and a copyright line.

import type { ArchiveArticle } from '../types';
import type { DocumentLines, Paragraph } from './document';
import { ArticleBuilder, COPYRIGHT_PATTERN, DATE_PATTERN, trailerLength } from './document';
import { FIELD_NAMES, readFieldParagraph } from './fields';

/** "3 of 120 DOCUMENTS", and the German exports' "Dokument 3 von 120". */
const MARKER_PATTERN = /^(?:(\d{1,7})\s+of\s+(\d{1,7})\s+DOCUMENTS?|Dokument\s+(\d{1,7})\s+von\s+(\d{1,7}))$/i;

interface Marker {
  readonly line: number;
  readonly number: number;
  readonly total: number;
}

function findMarkers(doc: DocumentLines): Marker[] {
  const markers: Marker[] = [];
  for (let line = 0; line < doc.lineCount; line++) {
    if (!doc.startsWithOneOf(line, '0123456789Dd')) continue;
    const text = doc.matchable(line);
    if (text === undefined || text.length > 40) continue;
    const match = MARKER_PATTERN.exec(text);
    if (!match) continue;
    markers.push({ line: line, number: Number(match[1] ?? match[3]), total: Number(match[2] ?? match[4]) });
  }
  return markers;
}

/** Several markers numbered one after another out of one constant total: nothing else splits. */
function consistent(markers: readonly Marker[]): boolean {
  if (markers.length < 2) return false;
  const first = markers[0];
  if (!first) return false;
  return markers.every((m, i) => m.number === first.number + i && m.total === first.total && m.number <= m.total);
}

function isField(doc: DocumentLines, line: number): boolean {
  const field = doc.field(line);
  return field !== undefined && field[0] === field[0].toUpperCase() && FIELD_NAMES.has(field[0].toLowerCase());
}

export function readLexisNexis(doc: DocumentLines): ArchiveArticle[] | null {
  const markers = findMarkers(doc);
  if (!consistent(markers)) return null;
  const articles: ArchiveArticle[] = [];
  for (const [i, marker] of markers.entries()) {
    const lastLine = (markers[i + 1]?.line ?? doc.lineCount) - 1;
    const article = readDocument(doc, i, marker.line, lastLine);
    if (!article) return null;
    articles.push(article);
  }
  return articles;
}

function readDocument(doc: DocumentLines, index: number, markerLine: number, lastLine: number): ArchiveArticle | null {
  const builder = new ArticleBuilder(doc);
  builder.meta(markerLine, 'marker');
  const paragraphs = doc.paragraphs(markerLine + 1, lastLine);
  const firstField = paragraphs.findIndex((p) => isField(doc, p.first));
  if (firstField < 0) return null;
  readHeading(doc, builder, paragraphs.slice(0, firstField));

  let bodyFrom = firstField;
  while (bodyFrom < paragraphs.length && isField(doc, paragraphs[bodyFrom]?.first ?? -1)) {
    readFieldParagraph(doc, builder, paragraphs[bodyFrom]);
    bodyFrom++;
  }
  const trailerMeta = (line: number): boolean => isField(doc, line) || COPYRIGHT_PATTERN.test(doc.matchable(line) ?? '');
  const bodyTo = paragraphs.length - trailerLength(paragraphs, bodyFrom, trailerMeta);
  for (const p of paragraphs.slice(bodyTo)) readFieldParagraph(doc, builder, p);

  const lastHeader = paragraphs[bodyFrom - 1];
  const emptyAt = lastHeader ? doc.end(lastHeader.last) : doc.end(markerLine);
  const lastParagraph = paragraphs[paragraphs.length - 1];
  return builder.build(index, markerLine, lastParagraph?.last ?? markerLine, paragraphs.slice(bodyFrom, bodyTo), emptyAt);
}

/** Source, date and edition are centred (indented) lines; the headline is the text that is not. */
function readHeading(doc: DocumentLines, builder: ArticleBuilder, paragraphs: readonly Paragraph[]): void {
  let headlineFirst = -1;
  let headlineLast = -1;
  let sourceSeen = false;
  let dateSeen = false;
  for (const p of paragraphs) {
    for (let line = p.first; line <= p.last; line++) {
      const text = doc.matchable(line) ?? '';
      if (!sourceSeen) {
        sourceSeen = true;
        builder.meta(line, 'source');
        builder.field('source', text);
      } else if (!dateSeen && DATE_PATTERN.test(text)) {
        dateSeen = true;
        builder.meta(line, 'date');
        builder.field('date', text);
      } else if (headlineFirst < 0 && doc.indented(line)) {
        builder.meta(line, COPYRIGHT_PATTERN.test(text) ? 'copyright' : 'edition');
      } else {
        if (headlineFirst < 0) headlineFirst = line;
        headlineLast = line;
      }
    }
  }
  if (headlineFirst >= 0) builder.setHeadline(headlineFirst, headlineLast);
}
