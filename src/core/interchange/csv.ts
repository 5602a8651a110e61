// A spreadsheet of every tag: one row each, UTF-8 with a header, quoted as RFC 4180 says (fields
// with commas, quotes or line breaks in double quotes, quotes doubled, CRLF between records), a
// text that a spreadsheet would run as a formula kept text by a leading ' (see text/csv.ts).
// Places are given both ways: line:character as the sidecar counts them (UTF-16), and offsets in
// code points and in UTF-16 code units. Orphaned and rejected tags are rows with their status.

import type { Annotation } from '../annotations/model/types';
import { LineIndex } from '../annotations/anchoring/positions';
import { csvField } from '../text/csv';
import { ARCHIVE_FIELD_COLUMNS, tagArticle } from './archiveArticles';
import { exportedText } from './exportTags';
import type { ExportArticle, ExportResult } from './types';

export const CSV_FILE = 'annotations.csv';

export const CSV_COLUMNS = [
  'file',
  'id',
  'label',
  'start',
  'end',
  'start_offset',
  'end_offset',
  'start_offset_utf16',
  'end_offset_utf16',
  'text',
  'note',
  'author',
  'created',
  'modified',
  'status',
  'attributes',
  // The article a tag lies in (`name#N` for one article of an archive export) and its metadata.
  'article',
  ...ARCHIVE_FIELD_COLUMNS,
] as const;


export function exportCsv(articles: readonly ExportArticle[]): ExportResult {
  const rows: string[][] = [[...CSV_COLUMNS]];
  for (const article of articles) {
    const exported = exportedText(article);
    const lines = new LineIndex(exported.text);
    const where = (utf16: number): string => {
      const p = lines.positionAt(utf16);
      return `${p.line}:${p.character}`;
    };
    for (const tag of exported.placed) {
      const place = [where(tag.start), where(tag.end), String(tag.startCodePoint), String(tag.endCodePoint), String(tag.start), String(tag.end)];
      rows.push([...row(article.name, tag.annotation, place, tag.covered), ...articleColumns(article, tag.annotation.start)]);
    }
    for (const a of [...exported.orphaned, ...exported.rejected]) {
      // A rejected tag still has its place; an orphaned one has none to give.
      const place = a.status === 'rejected' ? placeOf(article.text, a, exported.text, where, (u) => exported.index.toCodePoints(u)) : ['', '', '', '', '', ''];
      rows.push([...row(article.name, a, place, a.text), ...articleColumns(article, a.start)]);
    }
  }
  return { files: [{ path: CSV_FILE, content: rows.map((r) => `${r.map(csvField).join(',')}\r\n`).join('') }], skipped: 0 };
}

function placeOf(original: string, a: Annotation, text: string, where: (utf16: number) => string, codePoints: (utf16: number) => number): string[] {
  const bom = original.length - text.length;
  const start = Math.max(0, a.start - bom);
  const end = Math.max(start, a.end - bom);
  return [where(start), where(end), String(codePoints(start)), String(codePoints(end)), String(start), String(end)];
}

function articleColumns(article: ExportArticle, start: number): string[] {
  const { id, fields } = tagArticle(article, start);
  return [id, ...ARCHIVE_FIELD_COLUMNS.map((name) => fields[name] ?? '')];
}

function row(file: string, a: Annotation, place: readonly string[], text: string): string[] {
  const attributes = Object.keys(a.attributes).length > 0 ? JSON.stringify(a.attributes) : '';
  return [file, a.id, a.label, ...place, text, a.note ?? '', a.author, a.created, a.modified, a.status, attributes];
}
