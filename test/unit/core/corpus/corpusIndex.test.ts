import * as assert from 'node:assert/strict';
import { CorpusIndex } from '../../../../src/core/corpus/corpusIndex';
import { seedSummaries, summariseText } from './corpusFixtures';

describe('corpus index', () => {
  it('recombines people, quote groups and search after an article changes or goes', () => {
    const index = new CorpusIndex();
    for (const s of seedSummaries()) index.set(s);
    assert.equal(index.size, 5);
    const lavrov = () => index.people().people.find((p) => p.name === 'Sergei Lavrov');
    assert.equal(lavrov()?.quotes, 16);
    const groupsBefore = index.quoteGroups().length;
    assert.equal(index.quoteSearch().search({ speaker: 'Sergey Lavrov', limit: 100 }).length, 16);

    // 002 is rewritten without its quote of Sergey Lavrov.
    index.set(summariseText('002_2831f1d8eb210064.txt', 'Nothing quoted here any more.\n', 'seeds'));
    assert.equal(lavrov()?.quotes, 15);
    assert.deepEqual(
      lavrov()?.variants.map((v) => v.name),
      ['Sergei Lavrov'],
    );
    assert.equal(index.quoteSearch().search({ speaker: 'Sergey Lavrov', limit: 100 }).length, 15);

    index.delete('001_fafea784eeeba758.txt');
    assert.ok(index.quoteGroups().length < groupsBefore);
    assert.equal(index.get('001_fafea784eeeba758.txt'), undefined);
    index.delete('no such article');
    assert.equal(index.size, 4);
  });

  it('marks the repeated lines of an article and forgets them when the footer goes', () => {
    const index = new CorpusIndex();
    const footer = 'Copyright Example News Ltd, all rights reserved';
    for (const i of [0, 1, 2]) index.set(summariseText(`site/${i}.txt`, `Story number ${i} about something else entirely\n${footer}\n`, 'site'));
    assert.deepEqual(index.repeatedLinesOf('site/0.txt').map((m) => [m.kind, m.count]), [['repeated', 3]]);
    index.set(summariseText('site/2.txt', 'A new story without the footer line\n', 'site'));
    assert.deepEqual(index.repeatedLinesOf('site/0.txt'), []);
    assert.deepEqual(index.repeatedLines(), []);
  });
});
