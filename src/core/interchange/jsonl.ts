// JSON lines as Prodigy and spaCy users read them: one article per line,
// `{"text", "meta", "spans": [{"start", "end", "label", …}]}` with code point offsets. An archive
// export gives one line per article of it (see archiveLines). Orphaned tags have no place to give:
// they travel in `meta.orphaned` with their words.

import type { Annotation } from '../annotations/model/types';
import { articleSlices } from './archiveArticles';
import type { ExportedText } from './exportTags';
import { exportedText } from './exportTags';
import { attributeRecord, isObject, isOffset, optional, spanPlacing, stringOrUndefined, wrongTypes } from './jsonValues';
import type { ExportArticle, ExportResult, ImportedDocument, ImportedTag, ImportProblem, InputFile, ParsedImport } from './types';

export const JSONL_FILE = 'annotations.jsonl';

function tagFields(a: Annotation): Record<string, unknown> {
  return {
    label: a.label,
    id: a.id,
    ...(a.note === undefined || a.note === '' ? {} : { note: a.note }),
    ...(a.author === '' ? {} : { author: a.author }),
    ...(a.created === '' ? {} : { created: a.created }),
    ...(a.modified === '' ? {} : { modified: a.modified }),
    ...(Object.keys(a.attributes).length > 0 ? { attributes: { ...a.attributes } } : {}),
  };
}

export function exportJsonl(articles: readonly ExportArticle[]): ExportResult {
  let skipped = 0;
  const lines = articles.flatMap((article) => {
    const exported = exportedText(article);
    skipped += exported.rejected.length;
    return article.articles ? archiveLines(article, exported) : [fileLine(article, exported)];
  });
  return { files: [{ path: JSONL_FILE, content: lines.map((l) => `${l}\n`).join('') }], skipped };
}

function orphanFields(a: Annotation): Record<string, unknown> {
  return { text: a.text, prefix: a.prefix, suffix: a.suffix, ...tagFields(a) };
}

/** An ordinary article: one line with its whole text. */
function fileLine(article: ExportArticle, exported: ExportedText): string {
  const spans = exported.placed.map((tag) => ({ start: tag.startCodePoint, end: tag.endCodePoint, text: tag.covered, ...tagFields(tag.annotation) }));
  const orphaned = exported.orphaned.map(orphanFields);
  const meta = { file: article.name, sha256: article.set.sha256, ...(orphaned.length > 0 ? { orphaned } : {}) };
  return JSON.stringify({ text: exported.text, meta, spans });
}

/**
 * An archive export: one line per article, as annotation tools expect one task per story. Its text
 * is the article alone, its spans count from the article's start, and its metadata (source, date,
 * headline…) are in `meta` with `file_offset`, where the article starts in the file, so that an
 * import puts the tags back in the file. A tag running past its article (or lying between two)
 * travels in `meta.outside` with its place in the file; the file's orphaned tags go with its first
 * article.
 */
function archiveLines(article: ExportArticle, exported: ExportedText): string[] {
  const orphaned = exported.orphaned.map(orphanFields);
  return articleSlices(article, exported).map((slice, i, all) => {
    const spans = slice.inside.map((tag) => ({ start: tag.startCodePoint - slice.offset, end: tag.endCodePoint - slice.offset, text: tag.covered, ...tagFields(tag.annotation) }));
    const outside = slice.outside.map((tag) => ({ file_start: tag.startCodePoint, file_end: tag.endCodePoint, text: tag.covered, ...tagFields(tag.annotation) }));
    const meta = {
      file: article.name,
      sha256: article.set.sha256,
      article: slice.id,
      number: slice.number,
      of: all.length,
      file_offset: slice.offset,
      ...slice.fields,
      ...(outside.length > 0 ? { outside } : {}),
      ...(i === 0 && orphaned.length > 0 ? { orphaned } : {}),
    };
    return JSON.stringify({ text: exported.text.slice(slice.start, slice.end), meta, spans });
  });
}

export function parseJsonl(files: readonly InputFile[]): ParsedImport {
  const problems: ImportProblem[] = [];
  const documents: ImportedDocument[] = [];
  for (const file of files) {
    file.content.split(/\r?\n/).forEach((line, i) => {
      if (line.trim() === '') return;
      let record: unknown;
      try {
        record = JSON.parse(line);
      } catch (e) {
        problems.push({ file: file.path, line: i + 1, message: `not JSON: ${e instanceof Error ? e.message : String(e)}` });
        return;
      }
      const text = isObject(record) ? stringOrUndefined(record['text']) : undefined;
      if (!isObject(record) || text === undefined) {
        problems.push({ file: file.path, line: i + 1, message: 'no "text"; skipped' });
        return;
      }
      documents.push(readRecord(record, text, (message) => problems.push({ file: file.path, line: i + 1, message })));
    });
  }
  return { documents, problems };
}

/**
 * The tags of one line. A span without a label, or with offsets that are not whole numbers and no
 * words, is skipped and reported; one with such offsets and its words is placed by its words and
 * reported: none is left out without a word in `report`.
 */
function readRecord(record: Record<string, unknown>, text: string, report: (message: string) => void): ImportedDocument {
  const meta = isObject(record['meta']) ? record['meta'] : {};
  const points = [...text];
  /**
   * The spans of `list` that can be read, `start`/`end` dropped where they are not offsets of the
   * line's text (`within`: its length; none for offsets into the file).
   */
  const usable = (list: unknown, where: string, startKey = 'start', endKey = 'end', within: number | null = points.length): Record<string, unknown>[] =>
    items(list, where, report).flatMap(({ span, what }) => {
      if (typeof span['label'] !== 'string') {
        report(`${what}: no label (a string); skipped`);
        return [];
      }
      const placing = spanPlacing(span[startKey], span[endKey], stringOrUndefined(span['text']), what, within ?? undefined);
      if ('skip' in placing) {
        report(placing.skip);
        return [];
      }
      if (placing.problem !== undefined) report(placing.problem);
      for (const m of wrongTypes(span, what, TAG_STRINGS, 'attributes')) report(m);
      return [{ ...span, start: placing.at?.start, end: placing.at?.end }];
    });
  const spans = usable(record['spans'], 'span');
  const orphaned = items(meta['orphaned'], 'orphaned span', report).flatMap(({ span, what }) => {
    if (typeof span['label'] === 'string') {
      for (const m of wrongTypes(span, what, TAG_STRINGS, 'attributes')) report(m);
      return [readTag(span, { orphaned: true })];
    }
    report(`${what}: no label (a string); skipped`);
    return [];
  });
  const name = stringOrUndefined(meta['file']);
  const offset = meta['file_offset'];
  if (name === undefined || !isOffset(offset)) {
    return { ...(name === undefined ? {} : { name }), text, tags: [...spans.map((s) => readTag(s, {})), ...orphaned] };
  }
  // One article of an archive export: its spans count from the article's start, which the file
  // gives; placed in the file by its name (the article's text alone is not the file's). Words a
  // span does not state are taken from the line's text, so the offsets are still checked.
  const inArticle = spans.map((s) => {
    if (!isOffset(s['start']) || !isOffset(s['end'])) return readTag(s, {});
    const words = points.slice(s['start'], s['end']).join('');
    return readTag(words === '' ? s : { text: words, ...s }, { shift: offset });
  });
  const outside = usable(meta['outside'], 'span outside its article', 'file_start', 'file_end', null).map((s) => readTag(s, {}));
  return { name, tags: [...inArticle, ...outside, ...orphaned] };
}

/** The objects of a list, each named for messages (`span 3`); anything else in it is reported. */
function items(value: unknown, kind: string, report: (message: string) => void): { span: Record<string, unknown>; what: string }[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    report(`${kind}s: not a list; skipped`);
    return [];
  }
  return value.flatMap((span: unknown, i) => {
    const what = `${kind} ${i + 1}`;
    if (isObject(span)) return [{ span, what }];
    report(`${what}: not an object; skipped`);
    return [];
  });
}

/** The fields of a span read as strings (see readTag). */
const TAG_STRINGS = ['text', 'prefix', 'suffix', 'id', 'note', 'author', 'created', 'modified'];

function readTag(span: Record<string, unknown>, how: { readonly orphaned?: boolean; readonly shift?: number }): ImportedTag {
  const str = stringOrUndefined;
  const shift = how.shift ?? 0;
  return {
    unit: 'codePoints',
    label: String(span['label']),
    ...(how.orphaned ? { status: 'orphaned' as const } : isOffset(span['start']) && isOffset(span['end']) ? { start: span['start'] + shift, end: span['end'] + shift } : {}),
    ...optional({ text: str(span['text']), prefix: str(span['prefix']), suffix: str(span['suffix']), id: str(span['id']), note: str(span['note']), author: str(span['author']), created: str(span['created']), modified: str(span['modified']) }),
    ...(isObject(span['attributes']) ? { attributes: attributeRecord(span['attributes']) } : {}),
  };
}
