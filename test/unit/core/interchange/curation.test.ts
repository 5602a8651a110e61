import * as assert from 'node:assert/strict';
import type { Annotation } from '../../../../src/core/annotations/model/types';
import { adoptVersion, compareAnnotators, CURATED_BY, tagAuthors } from '../../../../src/core/interchange/curation';
import { NOW, sampleTags, TEXT } from './testArticle';

// sampleTags: ana tagged a (quote), c (claim), d (note); Bo Li tagged b (speaker "Ana Ruiz").
function twoAnnotators(): Annotation[] {
  const [a, b, c, d] = sampleTags();
  if (!a || !b || !c || !d) throw new Error('sample tags');
  return [
    a,
    b,
    c,
    d,
    { ...a, id: '0000000000b1', author: 'Bo Li' }, // agrees with a
    { ...c, id: '0000000000b2', author: 'Bo Li', label: 'quote' }, // same span as c, other label
  ];
}

describe('comparing two annotators and curating', () => {
  it('names the authors of active tags, most tags first', () => {
    assert.deepEqual(tagAuthors(twoAnnotators()), ['ana', 'Bo Li']);
    assert.deepEqual(tagAuthors(twoAnnotators().map((t) => (t.author === 'Bo Li' ? { ...t, status: 'rejected' as const } : t))), ['ana']);
  });

  it('lists the disagreements and the agreement of the article', () => {
    const comparison = compareAnnotators('story.txt', TEXT.length, twoAnnotators(), 'ana', 'Bo Li');
    assert.deepEqual(comparison.disagreements.map((d) => [d.kind, d.first?.id, d.second?.id]), [
      ['onlySecond', undefined, '00000000000b'],
      ['differentLabel', '00000000000c', '0000000000b2'],
      ['onlyFirst', '00000000000d', undefined],
    ]);
    assert.equal(comparison.agreement.overall.exact.matched, 1);
    assert.equal(comparison.agreement.overall.exact.f1, 2 / (3 + 3));
    assert.ok(Number.isFinite(comparison.agreement.overall.alpha));
  });

  it('adopting one version records the curator, rejects the other and loses nothing', () => {
    const tags = twoAnnotators();
    const before = compareAnnotators('story.txt', TEXT.length, tags, 'ana', 'Bo Li');
    const label = before.disagreements.find((d) => d.kind === 'differentLabel');
    assert.ok(label);
    const after = adoptVersion(tags, label, 'second', 'Desk', NOW);
    assert.equal(after.length, tags.length, 'no tag is deleted');
    const adopted = after.find((t) => t.id === '0000000000b2');
    const rejected = after.find((t) => t.id === '00000000000c');
    assert.equal(adopted?.status, 'active');
    assert.equal(adopted?.attributes[CURATED_BY], 'Desk');
    assert.equal(rejected?.status, 'rejected');
    assert.equal(rejected?.attributes[CURATED_BY], 'Desk');
    assert.equal(rejected?.attributes['checked'], true, 'its own attributes stay');
    const next = compareAnnotators('story.txt', TEXT.length, after, 'ana', 'Bo Li');
    assert.equal(next.disagreements.length, before.disagreements.length - 1, 'the settled disagreement is no longer listed');
  });

  it('adopting the side that tagged nothing rejects the lone tag', () => {
    const tags = twoAnnotators();
    const only = compareAnnotators('story.txt', TEXT.length, tags, 'ana', 'Bo Li').disagreements.find((d) => d.kind === 'onlyFirst');
    assert.ok(only);
    const after = adoptVersion(tags, only, 'second', 'Desk', NOW);
    assert.equal(after.find((t) => t.id === '00000000000d')?.status, 'rejected');
    assert.equal(compareAnnotators('story.txt', TEXT.length, after, 'ana', 'Bo Li').disagreements.some((d) => d.first?.id === '00000000000d'), false);
  });
});
