// Writing a sidecar. Given the previous file text, the parsed document is updated in place (see
// yamlDocumentUpdate.ts), so hand-written comments and keys survive and an unchanged save gives
// identical bytes, which keeps git diffs to the tags that really changed.

import { Document, isMap, parseDocument } from 'yaml';
import type { ToStringOptions, YAMLMap } from 'yaml';
import { anchorAt } from '../anchoring/capture';
import type { Annotation, AnnotationSet, Rejection } from '../model/types';
import { LineIndex, POSITION_UNITS } from '../anchoring/positions';
import { SIDECAR_VERSION } from './types';
import { syncListById, updateMap } from './yamlDocumentUpdate';
import type { MapUpdateOptions, PlainObject } from './yamlDocumentUpdate';

const WRITE_OPTIONS: ToStringOptions = { lineWidth: 0, minContentWidth: 0 };

const UPDATE_OPTIONS: MapUpdateOptions = {
  removeOthers: (path) => path.endsWith('.attributes'),
  flow: (path) => path.endsWith('.start') || path.endsWith('.end'),
};

/**
 * The sidecar text for `set`, positions computed against `documentText` (the text whose hash is
 * `set.sha256`). Anchor strings of entries that are not orphaned are re-read from the text, so
 * they always describe what the positions point at. When `previousYamlText` does not parse as a
 * YAML mapping the file is written afresh: callers should not save over a sidecar that failed to
 * load, or the person's broken edit is lost.
 */
export function serialiseSidecar(previousYamlText: string | undefined, set: AnnotationSet, documentText: string): string {
  const lines = new LineIndex(documentText);
  const previous = previousYamlText === undefined ? undefined : parseDocument(previousYamlText);
  const document = previous !== undefined && previous.errors.length === 0 && isMap(previous.contents) ? previous : new Document({});
  const root = document.contents as YAMLMap;

  updateMap(document, root, { version: SIDECAR_VERSION, file: set.file, sha256: set.sha256, units: POSITION_UNITS }, UPDATE_OPTIONS);
  const inTextOrder = <T extends { start: number; end: number; id: string }>(entries: readonly T[]): T[] =>
    [...entries].sort((a, b) => a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  syncListById(document, root, 'annotations', inTextOrder(set.annotations).map((a) => annotationEntry(a, documentText, lines)), UPDATE_OPTIONS);
  if (set.rejections.length > 0 || root.has('rejections')) {
    syncListById(document, root, 'rejections', inTextOrder(set.rejections).map((r) => rejectionEntry(r, documentText, lines)), UPDATE_OPTIONS);
  }
  return document.toString(WRITE_OPTIONS);
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
