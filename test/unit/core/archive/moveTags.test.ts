import * as assert from 'node:assert/strict';
import { createAnnotation, createRejection } from '../../../../src/core/annotations/model/create';
import type { Annotation, AnnotationSet } from '../../../../src/core/annotations/model/types';
import { articleText } from '../../../../src/core/archive/articleText';
import { moveTags } from '../../../../src/core/archive/moveTags';
import { splitArchive } from '../../../../src/core/archive/splitArchive';
import { archiveFixture, offsetOf, withLineBreaks } from './archiveFixtures';

const NOW = '2026-11-30T05:00:00.000Z';

function tag(text: string, label: string, passage: string, from = 0, id?: string): Annotation {
  const start = offsetOf(text, passage, from);
  return createAnnotation(text, { label, start, end: start + passage.length, author: 'Jane Doe', now: NOW, ...(id ? { id } : {}) });
}

describe('moveTags: the tags of an export follow their articles', () => {
  for (const lineBreak of ['\n', '\r\n'] as const) {
    it(`moves each tag to its article at the same words, and lists the rest with a reason (${JSON.stringify(lineBreak)})`, () => {
      const text = withLineBreaks(`preamble line\n${archiveFixture('lexisnexis')}`, lineBreak);
      const split = splitArchive(text);
      const texts = split.articles.map((a) => articleText(text, a));
      const second = offsetOf(text, '2 of 3 DOCUMENTS');
      const quoteStart = offsetOf(text, 'This was not');
      const set: AnnotationSet = {
        file: 'export.txt',
        sha256: '',
        annotations: [
          tag(text, 'claim', 'a fine of 2.4 million pounds', 0, 'aaaaaaaaaaa1'),
          tag(text, 'headline', 'Fishing fleet returns early', 0, 'aaaaaaaaaaa2'),
          tag(text, 'person', 'Tom Eriksen', 0, 'aaaaaaaaaaa3'),
          { ...tag(text, 'claim', 'cheaper scheme of groynes.', 0, 'aaaaaaaaaaa4'), end: quoteStart + 5 },
          { ...tag(text, 'claim', 'Skippers', 0, 'aaaaaaaaaaa5'), status: 'orphaned' },
          tag(text, 'note', 'preamble', 0, 'aaaaaaaaaaa6'),
          tag(text, 'claim', 'We have waited long enough', 0, 'aaaaaaaaaaa7'),
        ],
        rejections: [createRejection(text, { id: 'bbbbbbbbbbb1', kind: 'quote', start: quoteStart - 1, end: offsetOf(text, 'nature,"', second) + 8, author: 'Jane Doe', now: NOW })],
      };
      const moved = moveTags(set, split.articles, texts);

      const placed = moved.perArticle.map((a, i) => [...a.annotations, ...a.rejections].map((t) => [t.id, texts[i]?.text.slice(t.start, t.end)]));
      assert.deepEqual(placed, [
        [['aaaaaaaaaaa7', 'We have waited long enough']],
        [
          ['aaaaaaaaaaa1', 'a fine of 2.4 million pounds'],
          ['bbbbbbbbbbb1', '"This was not an act of nature,"'],
        ],
        [['aaaaaaaaaaa2', 'Fishing fleet returns early']],
      ]);
      assert.deepEqual(
        moved.unplaced.map((u) => [u.tag.entry.id, u.reason]),
        [
          ['aaaaaaaaaaa3', 'metadata'],
          ['aaaaaaaaaaa4', 'crosses-articles'],
          ['aaaaaaaaaaa5', 'orphaned'],
          ['aaaaaaaaaaa6', 'outside-articles'],
        ],
      );
      const kept = moved.perArticle.reduce((n, a) => n + a.annotations.length + a.rejections.length, 0) + moved.unplaced.length;
      assert.equal(kept, set.annotations.length + set.rejections.length, 'no tag is dropped');
    });
  }

  it('keeps every other property of a moved tag', () => {
    const text = archiveFixture('factiva');
    const split = splitArchive(text);
    const texts = split.articles.map((a) => articleText(text, a));
    const original = { ...tag(text, 'claim', 'a fair settlement'), note: 'check', attributes: { checked: true } };
    const moved = moveTags({ file: 'f.txt', sha256: '', annotations: [original], rejections: [] }, split.articles, texts);
    const after = moved.perArticle[1]?.annotations[0];
    assert.ok(after);
    assert.deepEqual({ ...after, start: 0, end: 0 }, { ...original, start: 0, end: 0 });
  });
});
