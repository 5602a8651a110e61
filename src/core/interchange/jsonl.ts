// JSON lines as Prodigy and spaCy users read them: one article per line,
// `{"text", "meta", "spans": [{"start", "end", "label", …}]}` with code point offsets. Orphaned
// tags have no place to give: they travel in `meta.orphaned` with their words.

import type { Annotation } from '../annotations/model/types';
import { articleId } from '../archive/articleIds';
import { tagArticle } from './archiveArticles';
import type { ExportedText } from './exportTags';
import { exportedText } from './exportTags';
import { attributeRecord, isObject, optional, stringOrUndefined } from './jsonValues';
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
  const lines = articles.map((article) => {
    const exported = exportedText(article);
    skipped += exported.rejected.length;
    const inArticle = (start: number): { article?: string } => (article.articles ? { article: tagArticle(article, start).id } : {});
    const spans = exported.placed.map((tag) => ({ start: tag.startCodePoint, end: tag.endCodePoint, text: tag.covered, ...tagFields(tag.annotation), ...inArticle(tag.annotation.start) }));
    const orphaned = exported.orphaned.map((a) => ({ text: a.text, prefix: a.prefix, suffix: a.suffix, ...tagFields(a) }));
    const meta = { file: article.name, sha256: article.set.sha256, ...archiveMeta(article, exported), ...(orphaned.length > 0 ? { orphaned } : {}) };
    return JSON.stringify({ text: exported.text, meta, spans });
  });
  return { files: [{ path: JSONL_FILE, content: lines.map((l) => `${l}\n`).join('') }], skipped };
}

/** The articles of an archive export, with their places in code points of the exported text. */
function archiveMeta(article: ExportArticle, exported: ExportedText): { articles?: object[] } {
  if (!article.articles) return {};
  const bom = article.text.length - exported.text.length;
  const at = (utf16: number): number => exported.index.toCodePoints(Math.max(0, utf16 - bom));
  return { articles: article.articles.map((a, i) => ({ article: articleId(article.name, i), number: i + 1, start: at(a.start), end: at(a.end), fields: a.fields })) };
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
      const meta = isObject(record['meta']) ? record['meta'] : {};
      const spans = Array.isArray(record['spans']) ? record['spans'].filter(isObject) : [];
      const orphaned = Array.isArray(meta['orphaned']) ? meta['orphaned'].filter(isObject) : [];
      const tags = [
        ...spans.filter((s) => typeof s['start'] === 'number' && typeof s['end'] === 'number' && typeof s['label'] === 'string').map((s) => readTag(s, false)),
        ...orphaned.filter((s) => typeof s['label'] === 'string').map((s) => readTag(s, true)),
      ];
      const name = stringOrUndefined(meta['file']);
      documents.push({ ...(name === undefined ? {} : { name }), text, tags });
    });
  }
  return { documents, problems };
}

function readTag(span: Record<string, unknown>, orphaned: boolean): ImportedTag {
  const str = stringOrUndefined;
  return {
    unit: 'codePoints',
    label: String(span['label']),
    ...(orphaned ? { status: 'orphaned' as const } : { start: Number(span['start']), end: Number(span['end']) }),
    ...optional({ text: str(span['text']), prefix: str(span['prefix']), suffix: str(span['suffix']), id: str(span['id']), note: str(span['note']), author: str(span['author']), created: str(span['created']), modified: str(span['modified']) }),
    ...(isObject(span['attributes']) ? { attributes: attributeRecord(span['attributes']) } : {}),
  };
}
