import * as assert from 'node:assert/strict';
import { QuoteGroupLookup } from '../../../../src/core/corpus/quoteElsewhere';
import { groupQuotes } from '../../../../src/core/corpus/quoteGroups';
import { seedSummaries, summariseText } from './corpusFixtures';

describe('where else a quote was quoted', () => {
  it('finds the quote of 004 in 001 (identical) and in 002 (inside a longer quote), compared with the quote of 004', () => {
    const summaries = seedSummaries();
    const s004 = summaries.find((s) => s.path.startsWith('004'));
    const quote = s004?.quotes.find((q) => q.text.startsWith('This is capitulating before terrorists'));
    assert.ok(s004 && quote);
    const others = new QuoteGroupLookup(groupQuotes(summaries)).elsewhere(s004.path, quote.start);
    const by = (prefix: string) => others.find((o) => o.version.path.startsWith(prefix));
    assert.equal(by('001')?.relation, 'identical');
    assert.deepEqual(by('001')?.changes, []);
    assert.ok(['contains', 'overlaps'].includes(by('002')?.relation ?? ''), `002: ${by('002')?.relation}`);
    assert.match(by('002')?.version.text ?? '', /^Russia would never agree/);
    assert.ok(!others.some((o) => o.version.path === s004.path));
  });

  it('names the words that differ in a reworded version', () => {
    const a = summariseText('a.txt', '“We will not accept any deal that leaves our people without water,” the minister said.');
    const b = summariseText('b.txt', '“We will never accept any deal that leaves our people without water,” the minister said.');
    const lookup = new QuoteGroupLookup(groupQuotes([a, b]));
    const [other] = lookup.elsewhere('a.txt', a.quotes[0]?.start ?? -1);
    assert.equal(other?.relation, 'reworded');
    assert.deepEqual(other?.changes, [{ removed: 'not', added: 'never' }]);
  });

  it('answers nothing for a quote found in no other article', () => {
    const a = summariseText('a.txt', '“Only this article says these particular words about the harbour,” she said.');
    assert.deepEqual(new QuoteGroupLookup(groupQuotes([a])).elsewhere('a.txt', a.quotes[0]?.start ?? -1), []);
  });
});
