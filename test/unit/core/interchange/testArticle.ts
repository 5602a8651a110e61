// An article with characters outside the BMP before and inside tags, CRLF line breaks and a tag
// across a line break: what every exchange format must get right.

import { createAnnotation } from '../../../../src/core/annotations/model/create';
import type { Annotation, AnnotationSet } from '../../../../src/core/annotations/model/types';
import type { ExportArticle } from '../../../../src/core/interchange/types';

export const TEXT = 'Breaking 🚀 news\r\n\r\n“We will win 😀,” said Ana Ruiz.\r\nShe added: “The vote\r\nis final.”\r\nEnd 👍🏽 of story.\r\n';
export const NOW = '2026-11-20T10:00:00.000Z';

function at(words: string): { start: number; end: number } {
  const start = TEXT.indexOf(words);
  if (start < 0) throw new Error(`not in the article: ${words}`);
  return { start, end: start + words.length };
}

export function sampleTags(): Annotation[] {
  const tag = (id: string, label: string, words: string, extra: { note?: string; author?: string; attributes?: Record<string, string | boolean> } = {}): Annotation =>
    createAnnotation(TEXT, { id, label, ...at(words), author: extra.author ?? 'ana', now: NOW, ...(extra.note === undefined ? {} : { note: extra.note }), ...(extra.attributes === undefined ? {} : { attributes: extra.attributes }) });
  return [
    tag('00000000000a', 'quote', '“We will win 😀,”', { note: 'check, "verbatim"\nsecond line', attributes: { speaker: 'Ana Ruiz' } }),
    tag('00000000000b', 'speaker', 'Ana Ruiz', { author: 'Bo Li' }),
    tag('00000000000c', 'claim', 'The vote\r\nis final.', { attributes: { checked: true } }),
    tag('00000000000d', 'note', '👍🏽', { note: 'emoji with skin tone' }),
  ];
}

export function orphanedTag(): Annotation {
  return { ...createAnnotation(TEXT, { id: '00000000000e', label: 'claim', start: 0, end: 0, author: 'ana', now: NOW }), text: 'a deleted sentence', prefix: 'before ', suffix: ' after', status: 'orphaned' };
}

export function sampleSet(annotations: readonly Annotation[] = sampleTags()): AnnotationSet {
  return { file: 'story.txt', sha256: 'f'.repeat(64), annotations, rejections: [] };
}

export function sampleArticle(annotations?: readonly Annotation[]): ExportArticle {
  return { name: 'story.txt', text: TEXT, set: sampleSet(annotations) };
}

/** Code point offsets of `words` in the article, computed the slow obvious way. */
export function codePointsOf(words: string): { start: number; end: number } {
  const { start, end } = at(words);
  return { start: [...TEXT.slice(0, start)].length, end: [...TEXT.slice(0, end)].length };
}
