import * as assert from 'node:assert/strict';
import { serialiseSidecar } from '../../../../src/core/annotations/sidecar/serialise';
import { exportArticleFrom } from '../../../../src/core/interchange/exportArticle';
import { exportArticles } from '../../../../src/core/interchange/formats';
import { sampleTags, TEXT } from './testArticle';

const SHA = 'a'.repeat(64);

describe('building an article for export from its sidecar', () => {
  it('places the sidecar’s tags on the text', () => {
    const yaml = serialiseSidecar(undefined, { file: 'story.txt', sha256: SHA, annotations: sampleTags(), rejections: [] }, TEXT);
    const outcome = exportArticleFrom('world/story.txt', TEXT, SHA, yaml);
    assert.ok(outcome.ok);
    assert.equal(outcome.article.name, 'world/story.txt');
    assert.deepEqual(outcome.article.set.annotations.map((a) => TEXT.slice(a.start, a.end)), sampleTags().map((a) => TEXT.slice(a.start, a.end)));
    const csv = exportArticles('csv', [outcome.article], []).files[0]?.content ?? '';
    assert.ok(csv.includes('Ana Ruiz'));
  });

  it('an article without a sidecar (or an empty one) is exported with no tags', () => {
    for (const sidecar of [undefined, '', '  \n']) {
      const outcome = exportArticleFrom('story.txt', TEXT, SHA, sidecar);
      assert.ok(outcome.ok);
      assert.deepEqual(outcome.article.set.annotations, []);
      assert.equal(outcome.article.set.file, 'story.txt');
    }
  });

  it('a sidecar with problems gives them with their lines', () => {
    const outcome = exportArticleFrom('story.txt', TEXT, SHA, 'version: 1\nfile: story.txt\nannotations: [oops\n');
    assert.equal(outcome.ok, false);
    if (!outcome.ok) assert.ok((outcome.errors[0]?.line ?? 0) >= 1);
  });

  it('a sidecar written for another article is refused', () => {
    const yaml = serialiseSidecar(undefined, { file: 'other.txt', sha256: 'b'.repeat(64), annotations: sampleTags(), rejections: [] }, TEXT);
    assert.equal(exportArticleFrom('story.txt', TEXT, SHA, yaml).ok, false);
  });
});
