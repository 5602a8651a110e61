// One article as an export takes it: its text and the tags of its sidecar placed on that text,
// or the sidecar's problems (with their lines) when it cannot be read, so it is reported and left out.

import { loadAnnotations } from '../annotations/sidecar/load';
import { parseSidecarOf } from '../annotations/sidecar/parse';
import type { SidecarError } from '../annotations/sidecar/types';
import type { ExportArticle } from './types';

export type ExportArticleOutcome = { readonly ok: true; readonly article: ExportArticle } | { readonly ok: false; readonly errors: readonly SidecarError[] };

/**
 * `name` is the article's path relative to the export root, `sha256` the hash of its text
 * (`textForHashing`), `sidecarText` undefined when it has no sidecar (exported with no tags).
 */
export function exportArticleFrom(name: string, text: string, sha256: string, sidecarText: string | undefined): ExportArticleOutcome {
  const fileName = name.slice(name.lastIndexOf('/') + 1);
  if (sidecarText === undefined || sidecarText.trim() === '') return { ok: true, article: { name, text, set: { file: fileName, sha256, annotations: [], rejections: [] } } };
  const parsed = parseSidecarOf(sidecarText, { fileName, sha256 });
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  return { ok: true, article: { name, text, set: loadAnnotations(parsed.sidecar, text, sha256).set } };
}
