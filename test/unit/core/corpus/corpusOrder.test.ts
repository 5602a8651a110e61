// The Statements view lists CorpusIndex.quoteGroups() as is (ids `statement:<rank>:…`): its order
// and reference wordings must not depend on the order in which worker threads returned the files.
import * as assert from 'node:assert/strict';
import { CorpusIndex } from '../../../../src/core/corpus/corpusIndex';
import { summariseText } from './corpusFixtures';

const TEXTS: Readonly<Record<string, string>> = {
  'site/a1.txt': 'Bridge\n\n"We will rebuild the old bridge before winter comes," said Maria Lopez.\n',
  'site/a2.txt': 'Bridge again\n\n"We will rebuild the old bridge before the winter comes," Maria Lopez said.\n',
  'site/b1.txt': 'Budget\n\n"The budget is balanced for the first time in ten years," said John Smith.\n',
  'site/b2.txt': 'Budget again\n\n"The budget is balanced for the first time in twelve years," John Smith said.\n',
};

function groupsWhenAdded(order: readonly string[]): string[][] {
  const index = new CorpusIndex();
  for (const path of order) index.set(summariseText(path, TEXTS[path] ?? '', 'site'));
  return index.quoteGroups().map((g) => g.versions.map((v) => `${v.path}:${v.relation}`));
}

describe('corpus order', () => {
  it('gives the same statements, in the same order, with the same reference, whatever order files were indexed in', () => {
    const one = groupsWhenAdded(['site/a1.txt', 'site/a2.txt', 'site/b1.txt', 'site/b2.txt']);
    const other = groupsWhenAdded(['site/b2.txt', 'site/b1.txt', 'site/a2.txt', 'site/a1.txt']);
    assert.equal(one.length, 2);
    assert.deepEqual(other, one);
  });
});
