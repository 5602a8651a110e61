import * as assert from 'node:assert/strict';
import { mergeSpeakers } from '../../../../src/core/corpus/people';
import { QuoteSearchIndex } from '../../../../src/core/corpus/quoteSearch';
import { seedSummaries } from './corpusFixtures';

describe('quote search', () => {
  const summaries = seedSummaries();
  const index = new QuoteSearchIndex(summaries, mergeSpeakers(summaries));

  it('ranks the quotes holding the exact phrase first', () => {
    const hits = index.search({ words: 'reward for their activities' });
    assert.ok(hits.length > 3, 'quotes with some of the words are found too');
    for (const h of hits.slice(0, 3)) assert.match(h.text, /reward for their activities/i);
    for (const h of hits.slice(3)) assert.doesNotMatch(h.text, /reward for their activities/i);
    assert.ok((hits[3]?.score ?? 0) < (hits[2]?.score ?? 0));
  });

  it('finds a person under any spelling of the name', () => {
    const bySergey = index.search({ speaker: 'Sergey Lavrov', limit: 100 });
    const bySergei = index.search({ speaker: 'sergei lavrov', limit: 100 });
    assert.equal(bySergey.length, 16);
    assert.deepEqual(bySergey, bySergei);
    assert.ok(bySergey.every((h) => h.person === 'Sergei Lavrov'));
  });

  it('narrows words to a speaker', () => {
    const hits = index.search({ words: 'civilians safety', speaker: 'Hetherington' });
    assert.deepEqual(hits.map((h) => h.path), ['004_7c365add9fe75bb6.txt']);
  });

  it('returns nothing for unknown words, an empty query or punctuation only', () => {
    assert.deepEqual(index.search({ words: 'zeppelin' }), []);
    assert.deepEqual(index.search({}), []);
    assert.deepEqual(index.search({ words: '“”!?' }), []);
  });

  it('folds case and diacritics in queries', () => {
    assert.deepEqual(
      index.search({ words: 'CAPITULATING' }).map((h) => h.start),
      index.search({ words: 'capitulating' }).map((h) => h.start),
    );
  });
});
