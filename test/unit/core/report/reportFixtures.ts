// A corpus small enough to count by hand: two sites, three articles, one statement both sites'
// articles repeat, and sidecars made with the core for the tagging figures.
import { createHash } from 'node:crypto';
import { textForHashing } from '../../../../src/core/annotations/anchoring/capture';
import { createAnnotation, createRejection } from '../../../../src/core/annotations/model/create';
import type { Annotation } from '../../../../src/core/annotations/model/types';
import { serialiseSidecar } from '../../../../src/core/annotations/sidecar/serialise';
import type { ArticleSummary } from '../../../../src/core/corpus/summary';
import { summariseText } from '../corpus/corpusFixtures';

export const ARTICLES = {
  'siteA/a1.txt': 'Council news\n\n"We will rebuild the old bridge before winter comes," said Maria Lopez, the mayor of the town.\n\n"The budget is balanced for the first time in ten years," Lopez said.\n\nShare this article on social media\n',
  'siteA/a2.txt': 'Mayor speaks\n\n"We will rebuild the old bridge before winter comes," said Maria Lopez on Friday.\n\nShare this article on social media\n',
  'siteB/b1.txt': 'Weather today\n\n"We will rebuild the old bridge before the winter comes," Maria Lopez told reporters.\n\n"Expect heavy snow across the northern valleys tonight," said the National Weather Service.\n',
} as const;

export type FixturePath = keyof typeof ARTICLES;

export function fixtureSummaries(): ArticleSummary[] {
  return (Object.keys(ARTICLES) as FixturePath[]).map((p) => summariseText(p, ARTICLES[p], p.split('/')[0]));
}

export function sha256(text: string): string {
  return createHash('sha256').update(textForHashing(text), 'utf8').digest('hex');
}

const NOW = '2026-01-01T00:00:00Z';

export function tagAt(text: string, passage: string, label: string, author: string): Annotation {
  const start = text.indexOf(passage);
  if (start < 0) throw new Error(`no "${passage}"`);
  return createAnnotation(text, { label, start, end: start + passage.length, author, now: NOW });
}

export function sidecarFor(text: string, annotations: readonly Annotation[], rejectKinds: readonly { kind: string; passage: string }[] = []): string {
  const rejections = rejectKinds.map((r) => {
    const start = text.indexOf(r.passage);
    return createRejection(text, { kind: r.kind, start, end: start + r.passage.length, author: 'alice', now: NOW });
  });
  return serialiseSidecar(undefined, { file: 'x.txt', sha256: sha256(text), annotations, rejections }, text);
}
