// Label Studio task JSON: one array of tasks, one task per article with the text in `data.text`,
// and one annotation per author whose `result` regions carry `value.start/end/text/labels` in code
// points (Label Studio counts as Python does). The note goes where Label Studio keeps a region's
// note (`meta.text`), the region id is the tag id, the author is the annotation's `created_username`.

import type { Annotation } from '../annotations/model/types';
import { exportedText } from './exportTags';
import type { ExportTag } from './exportTags';
import { attributeRecord, isObject, optional, stringOrUndefined } from './jsonValues';
import type { ExportArticle, ExportResult, ImportedDocument, ImportedTag, ImportProblem, InputFile, ParsedImport } from './types';

export const LABEL_STUDIO_FILE = 'label-studio.json';

export function exportLabelStudio(articles: readonly ExportArticle[]): ExportResult {
  let skipped = 0;
  const tasks = articles.map((article, i) => {
    const exported = exportedText(article);
    skipped += exported.orphaned.length + exported.rejected.length;
    const byAuthor = new Map<string, ExportTag[]>();
    for (const tag of exported.placed) {
      const list = byAuthor.get(tag.annotation.author);
      if (list === undefined) byAuthor.set(tag.annotation.author, [tag]);
      else list.push(tag);
    }
    const annotations = [...byAuthor].map(([author, tags]) => ({
      created_username: author,
      created_at: earliest(tags.map((t) => t.annotation.created)),
      updated_at: latest(tags.map((t) => t.annotation.modified)),
      result: tags.map((tag) => region(tag)),
    }));
    return { id: i + 1, data: { text: exported.text, file: article.name }, annotations };
  });
  return { files: [{ path: LABEL_STUDIO_FILE, content: `${JSON.stringify(tasks, null, 2)}\n` }], skipped };
}

function region(tag: ExportTag): Record<string, unknown> {
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
    value: { start: tag.startCodePoint, end: tag.endCodePoint, text: tag.covered, labels: [a.label] },
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
      const tags = [...listOf(task['annotations']), ...listOf(task['predictions'])].flatMap((annotation) => tagsOf(annotation));
      documents.push({ ...(name === undefined ? {} : { name }), text, tags });
    });
  }
  return { documents, problems };
}

function listOf(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.filter(isObject) : [];
}

function tagsOf(annotation: Record<string, unknown>): ImportedTag[] {
  const username = stringOrUndefined(annotation['created_username'])?.replace(/,\s*\d+$/, '').trim();
  const regions = listOf(annotation['result']);
  // Label Studio may keep a region's note as a separate `textarea` result with the same id.
  const notes = new Map<string, string>();
  for (const r of regions) {
    const value = isObject(r['value']) ? r['value'] : {};
    const texts = value['text'];
    if (r['type'] === 'textarea' && typeof r['id'] === 'string' && Array.isArray(texts)) notes.set(r['id'], texts.filter((t) => typeof t === 'string').join('\n'));
  }
  return regions.flatMap((r): ImportedTag[] => {
    const value = isObject(r['value']) ? r['value'] : {};
    const labels = Array.isArray(value['labels']) ? value['labels'] : [];
    if (typeof value['start'] !== 'number' || typeof value['end'] !== 'number' || labels.length === 0) return [];
    const meta = isObject(r['meta']) ? r['meta'] : {};
    const metaText = Array.isArray(meta['text']) ? meta['text'].filter((t) => typeof t === 'string').join('\n') : undefined;
    const id = stringOrUndefined(r['id']);
    const note = metaText ?? (id === undefined ? undefined : notes.get(id));
    const start = value['start'];
    const end = value['end'];
    return labels.filter((l): l is string => typeof l === 'string').map((label) => ({
      unit: 'codePoints',
      start,
      end,
      label,
      ...optional({ text: stringOrUndefined(value['text']), note, id, author: username === '' ? undefined : username, created: stringOrUndefined(annotation['created_at']), modified: stringOrUndefined(annotation['updated_at']) }),
      ...(isObject(meta['attributes']) ? { attributes: attributeRecord(meta['attributes']) } : {}),
    }));
  });
}
