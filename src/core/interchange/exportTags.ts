// What every exporter needs of an article: the text as exported (without BOM, line breaks as in
// the file) and each tag's place in it in both units.

import type { Annotation } from '../annotations/model/types';
import { textForHashing } from '../annotations/anchoring/capture';
import { CodePointIndex } from './codePoints';
import type { ExportArticle } from './types';

export interface ExportTag {
  readonly annotation: Annotation;
  /** UTF-16 offsets into `ExportedText.text`. */
  readonly start: number;
  readonly end: number;
  /** Code point offsets into `ExportedText.text`. */
  readonly startCodePoint: number;
  readonly endCodePoint: number;
  /** The tagged words as they stand in the exported text (line breaks as in the file). */
  readonly covered: string;
}

export interface ExportedText {
  readonly text: string;
  readonly index: CodePointIndex;
  /** Tags with a place (active), in text order. */
  readonly placed: readonly ExportTag[];
  readonly orphaned: readonly Annotation[];
  readonly rejected: readonly Annotation[];
}

export function exportedText(article: ExportArticle): ExportedText {
  const text = textForHashing(article.text);
  const bom = article.text.length - text.length;
  const index = new CodePointIndex(text);
  const sorted = [...article.set.annotations].sort((a, b) => a.start - b.start || a.end - b.end || a.id.localeCompare(b.id));
  const placed = sorted
    .filter((a) => a.status === 'active')
    .map((annotation): ExportTag => {
      const start = Math.max(0, annotation.start - bom);
      const end = Math.max(start, annotation.end - bom);
      return { annotation, start, end, startCodePoint: index.toCodePoints(start), endCodePoint: index.toCodePoints(end), covered: text.slice(start, end) };
    });
  return {
    text,
    index,
    placed,
    orphaned: sorted.filter((a) => a.status === 'orphaned'),
    rejected: sorted.filter((a) => a.status === 'rejected'),
  };
}

/** `folder/article.txt` → `folder/article` (the stem other files of the same article are named from). */
export function articleStem(name: string): string {
  return name.replace(/\.txt$/i, '');
}
