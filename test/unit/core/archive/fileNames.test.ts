import * as assert from 'node:assert/strict';
import { articleFileNames, slugify } from '../../../../src/core/archive/fileNames';
import type { ArchiveArticle } from '../../../../src/core/archive/types';

function article(index: number, headline?: string): ArchiveArticle {
  return { index, start: 0, end: 0, bodyStart: 0, bodyEnd: 0, metadata: [], fields: headline === undefined ? {} : { headline } };
}

describe('file names of split articles', () => {
  const slugs: [string, string][] = [
    ['Council approves new sea wall', 'council-approves-new-sea-wall'],
    ['Zürich’s “Café” reopens — at last!', 'zurich-s-cafe-reopens-at-last'],
    ['   ', ''],
    ['Москва', ''],
    ['A very long headline that goes on and on about the state of municipal finance in the region', 'a-very-long-headline-that-goes-on-and-on-about'],
    ['Supercalifragilisticexpialidocious-and-some-more-letters-beyond-the-limit', 'supercalifragilisticexpialidocious-and-some-more'],
  ];
  for (const [headline, slug] of slugs) {
    it(`slug of ${JSON.stringify(headline.slice(0, 30))}`, () => assert.equal(slugify(headline), slug));
  }

  it('numbers articles with the export name and keeps names distinct, case-blind, across exports', () => {
    const taken = new Set<string>();
    assert.deepEqual(articleFileNames('week12', [article(0, 'Mayor opens library'), article(1), article(2, 'Москва')], taken), ['week12-01-mayor-opens-library', 'week12-02', 'week12-03']);
    assert.deepEqual(articleFileNames('WEEK12', [article(0, 'Mayor Opens Library'), article(1)], taken), ['WEEK12-01-mayor-opens-library-2', 'WEEK12-02-2']);
    const many = articleFileNames('big', Array.from({ length: 120 }, (_, i) => article(i)), new Set());
    assert.equal(many[0], 'big-001');
    assert.equal(new Set(many).size, 120);
  });
});
