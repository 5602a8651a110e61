// Factiva exports: each document closes with a "Document <id>" line (an accession number such as
// NYTF000020201231egc1000xx). A document opens with the headline, the author, the word count
// ("1,234 words"), the date, the source and its code, the language and a copyright line; the
// story follows.

import type { ArchiveArticle } from '../types';
import type { DocumentLines } from './document';
import { ArticleBuilder, COPYRIGHT_PATTERN, DATE_PATTERN, squeeze } from './document';

/** The id has letters and digits (a plain "Document 12" is not one); German exports say "Dokument". */
const MARKER_PATTERN = /^(?:AN\s+)?(?:Document|Dokument|Documento)\s+([A-Za-z0-9]{10,40})$/;
const WORDS_PATTERN = /^[\d.,\s]{1,12}\s*(?:words|Wörter|mots|palabras|parole)$/i;
const TIME_PATTERN = /^\d{1,2}:\d{2}(?:\s*[A-Z]{2,5})?$/;
const LANGUAGE_PATTERN =
  /^(?:English|German|Deutsch|French|Français|Spanish|Español|Italian|Italiano|Dutch|Nederlands|Portuguese|Português|Russian|Japanese|Chinese|Arabic|Polish|Swedish|Danish|Norwegian|Finnish|Turkish)$/i;
/** Lines searched for the word count from the document's start, and for fields after it. */
const HEADING_LINES = 12;
const FIELD_LINES = 8;

function markerId(doc: DocumentLines, line: number): string | undefined {
  if (!doc.startsWithOneOf(line, 'AD')) return undefined;
  const text = doc.matchable(line);
  if (text === undefined || text.length > 60) return undefined;
  const id = MARKER_PATTERN.exec(text)?.[1];
  return id !== undefined && /\d/.test(id) && /[A-Za-z]/.test(id) ? id : undefined;
}

export function readFactiva(doc: DocumentLines): ArchiveArticle[] | null {
  const markers: { line: number; id: string }[] = [];
  for (let line = 0; line < doc.lineCount; line++) {
    const id = markerId(doc, line);
    if (id !== undefined) markers.push({ line: line, id });
  }
  if (markers.length < 2) return null;
  const articles: ArchiveArticle[] = [];
  let from = 0;
  for (const [i, marker] of markers.entries()) {
    const article = readDocument(doc, i, from, marker.line, marker.id);
    if (!article) return null;
    articles.push(article);
    from = marker.line + 1;
  }
  return articles;
}

function readDocument(doc: DocumentLines, index: number, from: number, markerLine: number, id: string): ArchiveArticle | null {
  const heading = doc.nonBlankLines(from, markerLine - 1, HEADING_LINES);
  const wordsAt = heading.findIndex((line) => WORDS_PATTERN.test(doc.matchable(line) ?? ''));
  const firstLine = heading[0];
  const wordsLine = heading[wordsAt];
  // The word count is what makes a Factiva document; the headline comes before it.
  if (firstLine === undefined || wordsLine === undefined || wordsAt === 0) return null;
  const builder = new ArticleBuilder(doc);
  builder.meta(markerLine, 'id', id);
  builder.field('id', id);
  builder.setHeadline(firstLine, firstLine);
  const bylines = heading.slice(1, wordsAt);
  for (const line of bylines) builder.meta(line, 'byline');
  if (bylines.length > 0) builder.field('byline', squeeze(bylines.map((line) => doc.matchable(line) ?? '').join(' ')));
  builder.meta(wordsLine, 'words');
  builder.field('length', doc.matchable(wordsLine) ?? '');

  const headerEnd = readFields(doc, builder, doc.nonBlankLines(wordsLine + 1, markerLine - 1, FIELD_LINES));
  const body = doc.paragraphs((headerEnd ?? wordsLine) + 1, markerLine - 1);
  return builder.build(index, firstLine, markerLine, body, doc.end(headerEnd ?? wordsLine));
}

/** Date, time, source, source code, language, copyright; returns the last header line. */
function readFields(doc: DocumentLines, builder: ArticleBuilder, lines: readonly number[]): number | undefined {
  let last: number | undefined;
  let date = false;
  let source = false;
  for (const line of lines) {
    const text = doc.matchable(line) ?? '';
    let field: string;
    if (!date && DATE_PATTERN.test(text)) field = 'date';
    else if (TIME_PATTERN.test(text)) field = 'time';
    else if (LANGUAGE_PATTERN.test(text)) field = 'language';
    else if (COPYRIGHT_PATTERN.test(text)) field = 'copyright';
    else if (date && !source) field = 'source';
    else if (source && /^[A-Z0-9]{2,10}$/.test(text)) field = 'source-code';
    else break;
    date ||= field === 'date';
    source ||= field === 'source';
    builder.meta(line, field);
    if (field === 'date' || field === 'source' || field === 'language') builder.field(field, text);
    last = line;
    if (field === 'copyright') break;
  }
  return last;
}
