// Label Studio task JSON: one array of tasks, one task per article with the text in `data.text`
// (each article of an archive export its own task, see exportLabelStudio),
// and one annotation per author whose `result` regions carry `value.start/end/text/labels` in code
// points (Label Studio counts as Python does). The note goes where Label Studio keeps a region's
// note (`meta.text`), the region id is the tag id, the author is the annotation's `created_username`.

import type { Annotation } from '../annotations/model/types';
import { derivedAnnotationId } from '../annotations/model/ids';
import { CodePointIndex } from './codePoints';
import { articleSlices } from './archiveArticles';
import { exportedText } from './exportTags';
import type { ExportTag } from './exportTags';
import { attributeRecord, isObject, isOffset, optional, spanPlacing, stringOrUndefined } from './jsonValues';
import type { ExportArticle, ExportResult, ImportedDocument, ImportedTag, ImportProblem, InputFile, ParsedImport } from './types';

export const LABEL_STUDIO_FILE = 'label-studio.json';

/**
 * One task per article. An archive export gives one task per article of it: the article's text
 * alone, regions counted from its start, its metadata in `data` with `file_offset` (where it starts
 * in the file, in code points) so that an import puts the tags back in the file. A tag running past
 * its article has no place in a task: it is left out and counted, like orphaned ones.
 */
export function exportLabelStudio(articles: readonly ExportArticle[]): ExportResult {
  let skipped = 0;
  let across = 0;
  const tasks: object[] = [];
  for (const article of articles) {
    const exported = exportedText(article);
    skipped += exported.orphaned.length + exported.rejected.length;
    if (!article.articles) {
      tasks.push(task(tasks.length + 1, { text: exported.text, file: article.name }, exported.placed, 0));
      continue;
    }
    for (const slice of articleSlices(article, exported)) {
      skipped += slice.outside.length;
      across += slice.outside.length;
      const data = { text: exported.text.slice(slice.start, slice.end), file: article.name, article: slice.id, number: slice.number, file_offset: slice.offset, ...slice.fields };
      tasks.push(task(tasks.length + 1, data, slice.inside, slice.offset));
    }
  }
  return { files: [{ path: LABEL_STUDIO_FILE, content: `${JSON.stringify(tasks, null, 2)}\n` }], skipped, ...(across > 0 ? { across } : {}) };
}

/** `offset`: where the task's text starts in the exported text, in code points. */
function task(id: number, data: object, tags: readonly ExportTag[], offset: number): object {
  const byAuthor = new Map<string, ExportTag[]>();
  for (const tag of tags) {
    const list = byAuthor.get(tag.annotation.author);
    if (list === undefined) byAuthor.set(tag.annotation.author, [tag]);
    else list.push(tag);
  }
  const annotations = [...byAuthor].map(([author, authored]) => ({
    created_username: author,
    created_at: earliest(authored.map((t) => t.annotation.created)),
    updated_at: latest(authored.map((t) => t.annotation.modified)),
    result: authored.map((tag) => region(tag, offset)),
  }));
  return { id, data, annotations };
}

function region(tag: ExportTag, offset: number): Record<string, unknown> {
  const a: Annotation = tag.annotation;
  const meta: Record<string, unknown> = {};
  if (a.note !== undefined && a.note !== '') meta['text'] = [a.note];
  if (Object.keys(a.attributes).length > 0) meta['attributes'] = { ...a.attributes };
  return {
    id: a.id,
    from_name: 'label',
    to_name: 'text',
    type: 'labels',
    origin: 'manual',
    value: { start: tag.startCodePoint - offset, end: tag.endCodePoint - offset, text: tag.covered, labels: [a.label] },
    ...(Object.keys(meta).length > 0 ? { meta } : {}),
  };
}

function earliest(dates: readonly string[]): string {
  return dates.filter((d) => d !== '').sort()[0] ?? '';
}

function latest(dates: readonly string[]): string {
  return dates.filter((d) => d !== '').sort().at(-1) ?? '';
}

/** Reads exported task arrays (a single task object is accepted too); `annotations` and `predictions` are read. */
export function parseLabelStudio(files: readonly InputFile[]): ParsedImport {
  const problems: ImportProblem[] = [];
  const documents: ImportedDocument[] = [];
  for (const file of files) {
    let data: unknown;
    try {
      data = JSON.parse(file.content);
    } catch (e) {
      problems.push({ file: file.path, message: `not JSON: ${e instanceof Error ? e.message : String(e)}` });
      continue;
    }
    const tasks = Array.isArray(data) ? data : [data];
    tasks.forEach((task, i) => {
      const taskData = isObject(task) && isObject(task['data']) ? task['data'] : undefined;
      const text = stringOrUndefined(taskData?.['text']);
      if (!isObject(task) || text === undefined) {
        problems.push({ file: file.path, message: `task ${i + 1} has no data.text; skipped` });
        return;
      }
      const name = stringOrUndefined(taskData?.['file']);
      const report = (message: string): number => problems.push({ file: file.path, message: `task ${i + 1}, ${message}` });
      const points = [...text];
      const tags = [...listOf(task['annotations']), ...listOf(task['predictions'])].flatMap((annotation) => tagsOf(annotation, text, points, report));
      const offset = taskData?.['file_offset'];
      if (name !== undefined && isOffset(offset)) documents.push({ name, tags: inFile(tags, text, offset) });
      else documents.push({ ...(name === undefined ? {} : { name }), text, tags });
    });
  }
  return { documents, problems };
}

/**
 * The tags of one article of an archive export, placed in the file: offsets moved by where the
 * article starts, and the words a region does not state taken from the task's text so that the
 * offsets are still checked. Matched to the file by its name (the article's text is not the file's).
 */
function inFile(tags: readonly ImportedTag[], text: string, offset: number): ImportedTag[] {
  const points = [...text];
  return tags.map((tag) => {
    if (tag.start === undefined || tag.end === undefined) return tag;
    const words = tag.text ?? points.slice(tag.start, tag.end).join('');
    return { ...tag, start: tag.start + offset, end: tag.end + offset, ...(words === '' ? {} : { text: words }) };
  });
}

function listOf(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.filter(isObject) : [];
}

/**
 * The tags of one annotation's labelled regions. A region without a label, or with offsets that are
 * not whole numbers and no words, is skipped and reported; one with such offsets and its words is
 * placed by its words and reported. Regions of other kinds (a note's text area, choices) are not tags.
 */
function tagsOf(annotation: Record<string, unknown>, text: string, points: readonly string[], report: (message: string) => void): ImportedTag[] {
  /** The task text's code points, indexed when a region counts UTF-16 code units. */
  let utf16: CodePointIndex | undefined;
  const username = stringOrUndefined(annotation['created_username'])?.replace(/,\s*\d+$/, '').trim();
  const regions = listOf(annotation['result']);
  // Label Studio may keep a region's note as a separate `textarea` result with the same id.
  const notes = new Map<string, string>();
  for (const r of regions) {
    const value = isObject(r['value']) ? r['value'] : {};
    const texts = value['text'];
    if (r['type'] === 'textarea' && typeof r['id'] === 'string' && Array.isArray(texts)) notes.set(r['id'], texts.filter((t) => typeof t === 'string').join('\n'));
  }
  return regions.flatMap((r, k): ImportedTag[] => {
    const value = isObject(r['value']) ? r['value'] : {};
    const given = value['labels'];
    if (given === undefined && r['type'] !== 'labels') return [];
    const id = stringOrUndefined(r['id']);
    const what = `region ${id === undefined ? k + 1 : JSON.stringify(id)}`;
    // One label written as a string is read as a list of one.
    const listed: unknown[] = Array.isArray(given) ? given : given === undefined ? [] : [given];
    const labels = listed.filter((l): l is string => typeof l === 'string' && l !== '');
    if (labels.length < listed.length) report(`${what}: labels that are not text (${JSON.stringify(listed.filter((l) => typeof l !== 'string' || l === ''))}) are left out`);
    if (labels.length === 0) {
      report(`${what}: no label; skipped`);
      return [];
    }
    const words = stringOrUndefined(value['text']);
    // Label Studio before 2021 counted offsets in UTF-16 code units: where the region's words are
    // not at its offsets read as code points but are at them read as UTF-16, they are read so.
    let start: unknown = value['start'];
    let end: unknown = value['end'];
    if (isOffset(start) && isOffset(end) && words !== undefined && words !== '' && text.slice(start, end) === words && points.slice(start, end).join('') !== words) {
      const from = (utf16 ??= new CodePointIndex(text)).toCodePoints(start);
      start = from;
      end = from + [...words].length;
      report(`${what}: its offsets count UTF-16 code units (as Label Studio did before 2021), not characters; read so`);
    }
    const placing = spanPlacing(start, end, words, what, points.length);
    if ('skip' in placing) {
      report(placing.skip);
      return [];
    }
    if (placing.problem !== undefined) report(placing.problem);
    const meta = isObject(r['meta']) ? r['meta'] : {};
    const metaText = Array.isArray(meta['text']) ? meta['text'].filter((t) => typeof t === 'string').join('\n') : undefined;
    const note = metaText ?? (id === undefined ? undefined : notes.get(id));
    // A region of several labels is several tags: the region's id is the first one's, each other's is
    // made from it and its label (the same on every import of the file, so importing twice adds nothing).
    return labels.map((label, n) => ({
      unit: 'codePoints',
      ...placing.at,
      label,
      ...optional({ text: stringOrUndefined(value['text']), note, id: id === undefined || n === 0 ? id : derivedAnnotationId(`${id}\u0000${label}`), author: username === '' ? undefined : username, created: stringOrUndefined(annotation['created_at']), modified: stringOrUndefined(annotation['updated_at']) }),
      ...(isObject(meta['attributes']) ? { attributes: attributeRecord(meta['attributes']) } : {}),
    }));
  });
}
