// A small article and tags on it, shared by the sidecar tests.

import { createAnnotation, createRejection } from '../../../../../src/core/annotations/model/create';
import type { AnnotationSet } from '../../../../../src/core/annotations/model/types';

export const ARTICLE = 'Lavrov in Geneva\n\n“The international community is required to block extremists,” Lavrov said.\n\nMore text follows 😀 here.\n';
export const HASH = 'a'.repeat(64);
export const NOW = '2024-05-01T09:30:00.000Z';

export function sampleSet(text = ARTICLE): AnnotationSet {
  const quoteStart = text.indexOf('The international');
  const quoteEnd = text.indexOf('extremists') + 'extremists'.length;
  const speaker = text.lastIndexOf('Lavrov');
  return {
    file: 'article.txt',
    sha256: HASH,
    annotations: [
      createAnnotation(text, { id: '00000000000b', label: 'speaker', start: speaker, end: speaker + 6, author: 'ana', now: NOW }),
      createAnnotation(text, {
        id: '00000000000a',
        label: 'quote',
        start: quoteStart,
        end: quoteEnd,
        author: 'ana',
        now: NOW,
        note: 'check the UN transcript',
        attributes: { speaker: 'Sergei Lavrov', verified: false },
      }),
    ],
    rejections: [createRejection(text, { id: '0000000000ff', kind: 'noise:other', start: text.indexOf('More'), end: text.indexOf('here.') + 5, author: 'ana', now: NOW })],
  };
}
