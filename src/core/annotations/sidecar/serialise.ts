// Writing a sidecar. Given the previous file text, the parsed document is updated in place (see
// yamlDocumentUpdate.ts), so hand-written comments and keys survive; the file's own style (line
// endings, byte order mark, indentation, `- ` at the key's column or indented) is kept, entries
// that did not change keep their exact text, and a save that changes nothing gives the previous
// bytes back, which keeps git diffs to the tags that really changed.

import { Document, isMap, isScalar, isSeq, parseDocument, Scalar, visit } from 'yaml';
import type { ToStringOptions, YAMLMap } from 'yaml';
import { anchorAt } from '../anchoring/capture';
import type { Annotation, AnnotationSet, Rejection } from '../model/types';
import { LineIndex, POSITION_UNITS } from '../anchoring/positions';
import { DATA_OPTIONS, parseYamlData } from '../schema/yamlData';
import { MAX_SIDECAR_CHARACTERS, SIDECAR_VERSION } from './types';
import { syncListById, updateMap } from './yamlDocumentUpdate';
import type { MapUpdateOptions, PlainObject } from './yamlDocumentUpdate';
import { detectFileStyle, withFileStyle } from './fileStyle';

const WRITE_OPTIONS: ToStringOptions = { lineWidth: 0, minContentWidth: 0 };
const LISTS = ['annotations', 'rejections'] as const;

const UPDATE_OPTIONS: MapUpdateOptions = {
  removeOthers: (path) => path.endsWith('.attributes'),
  flow: (path) => path.endsWith('.start') || path.endsWith('.end'),
};

/**
 * The sidecar text for `set`, positions computed against `documentText` (the text whose hash is
 * `set.sha256`). Anchor strings of entries that are not orphaned are re-read from the text, so
 * they always describe what the positions point at. A previous text that is blank (or absent) is
 * written afresh; one that is not a sidecar that could be rewritten safely (broken YAML, aliases,
 * too long, not a mapping) is returned unchanged, so a person's file is never overwritten by
 * accident: callers should not save over a sidecar that failed to load.
 */
export function serialiseSidecar(previousYamlText: string | undefined, set: AnnotationSet, documentText: string): string {
  if (previousYamlText === undefined || previousYamlText.trim() === '' || previousYamlText === '\uFEFF') return writeAfresh(set, documentText);
  const style = detectFileStyle(previousYamlText);
  const previousData = parseYamlData(style.plainText, 'A sidecar', MAX_SIDECAR_CHARACTERS);
  if (!previousData.ok || !isMap(previousData.document.contents)) return previousYamlText;
  const document = previousData.document;
  const before = entrySources(document, style.plainText);
  const unchangedJson = JSON.stringify(document.toJS());

  fillDocument(document, document.contents as YAMLMap, set, documentText);
  if (JSON.stringify(document.toJS()) === unchangedJson) return previousYamlText;
  const written = keepUnchangedEntries(document.toString({ ...WRITE_OPTIONS, indent: style.indent, indentSeq: style.indentSeq }), before);
  return withFileStyle(written, style);
}

function writeAfresh(set: AnnotationSet, documentText: string): string {
  const document = new Document({});
  fillDocument(document, document.contents as YAMLMap, set, documentText);
  return document.toString(WRITE_OPTIONS);
}

/**
 * A key `<<` (an attribute may be named so) is written quoted: plain, YAML 1.1 tools read it as a
 * merge key, and the sidecar reader refuses it as one.
 */
function quoteMergeLikeKeys(document: Document): void {
  visit(document, {
    Pair: (_key, pair) => {
      if (pair.key === '<<' || (isScalar(pair.key) && pair.key.value === '<<')) {
        const key = new Scalar('<<');
        key.type = Scalar.QUOTE_DOUBLE;
        pair.key = key;
      }
    },
  });
}

function fillDocument(document: Document, root: YAMLMap, set: AnnotationSet, documentText: string): void {
  const lines = new LineIndex(documentText);
  updateMap(document, root, { version: SIDECAR_VERSION, file: set.file, sha256: set.sha256, units: POSITION_UNITS }, UPDATE_OPTIONS);
  const inTextOrder = <T extends { start: number; end: number; id: string }>(entries: readonly T[]): T[] =>
    [...entries].sort((a, b) => a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  syncListById(document, root, 'annotations', inTextOrder(set.annotations).map((a) => annotationEntry(a, documentText, lines)), UPDATE_OPTIONS);
  if (set.rejections.length > 0 || root.has('rejections')) {
    syncListById(document, root, 'rejections', inTextOrder(set.rejections).map((r) => rejectionEntry(r, documentText, lines)), UPDATE_OPTIONS);
  }
  quoteMergeLikeKeys(document);
}

interface EntrySource {
  /** The entry's value as plain data, to tell whether it changed. */
  readonly json: string;
  /** Its text in the file, from its first key to the end of its last line. */
  readonly source: string;
}

/** Each list entry (by list and id) with its value and its exact text in `yamlText`. */
function entrySources(document: Document, yamlText: string): Map<string, EntrySource> {
  const sources = new Map<string, EntrySource>();
  forEachEntry(document, (key, item, start, end) => {
    sources.set(key, { json: JSON.stringify(item.toJS(document)), source: yamlText.slice(start, end) });
  });
  return sources;
}

function forEachEntry(document: Document, visit: (key: string, item: YAMLMap, start: number, end: number) => void): void {
  const root = document.contents;
  if (!isMap(root)) return;
  for (const list of LISTS) {
    const seq = root.get(list, true);
    if (!isSeq(seq) || seq.flow === true) continue;
    for (const item of seq.items) {
      if (!isMap(item) || item.flow === true || item.range == null) continue;
      const id = item.get('id', true);
      if (isScalar(id)) visit(`${list}/${String(id.value)}`, item, item.range[0], item.range[2]);
    }
  }
}

/**
 * The written text with every entry whose value did not change replaced by its text in the
 * previous file, so its quoting, escapes and comment spacing stay exactly as they were. Entries
 * sit at the same column in both (same indentation style), so their lines fit as they are.
 */
function keepUnchangedEntries(written: string, before: ReadonlyMap<string, EntrySource>): string {
  const reread = parseDocument(written, DATA_OPTIONS);
  const replacements: { start: number; end: number; source: string }[] = [];
  forEachEntry(reread, (key, item, start, end) => {
    const previous = before.get(key);
    if (previous === undefined || previous.json !== JSON.stringify(item.toJS(reread))) return;
    const source = previous.source.endsWith('\n') || end === written.length ? previous.source : `${previous.source}\n`;
    replacements.push({ start, end, source });
  });
  // Joined once: splicing the string entry by entry would copy the whole file per entry.
  const parts: string[] = [];
  let at = 0;
  for (const r of replacements.sort((a, b) => a.start - b.start)) {
    parts.push(written.slice(at, r.start), r.source);
    at = r.end;
  }
  parts.push(written.slice(at));
  return parts.join('');
}

function anchorEntry(entry: Annotation | Rejection, documentText: string, lines: LineIndex): PlainObject {
  const anchor = entry.status === 'orphaned' ? entry : anchorAt(documentText, entry.start, entry.end);
  return {
    start: { ...lines.positionAt(anchor.start) },
    end: { ...lines.positionAt(anchor.end) },
    text: anchor.text,
    prefix: anchor.prefix,
    suffix: anchor.suffix,
  };
}

function annotationEntry(annotation: Annotation, documentText: string, lines: LineIndex): PlainObject {
  return {
    id: annotation.id,
    label: annotation.label,
    ...anchorEntry(annotation, documentText, lines),
    note: annotation.note,
    attributes: { ...annotation.attributes },
    author: annotation.author,
    created: annotation.created,
    modified: annotation.modified,
    status: annotation.status,
    review: annotation.status === 'active' ? annotation.review : undefined,
  };
}

function rejectionEntry(rejection: Rejection, documentText: string, lines: LineIndex): PlainObject {
  return {
    id: rejection.id,
    kind: rejection.kind,
    ...anchorEntry(rejection, documentText, lines),
    author: rejection.author,
    created: rejection.created,
    status: rejection.status,
  };
}
