import * as assert from 'node:assert/strict';
import type { QuoteGroup } from '../../../../src/core/corpus/quoteGroups';
import { groupQuotes } from '../../../../src/core/corpus/quoteGroups';
import type { ArticleSummary } from '../../../../src/core/corpus/summary';
import { seedSummaries, summariseText } from './corpusFixtures';

/** An article quoting `quotes`, each in its own paragraph, through the real engine. */
function article(path: string, ...quotes: string[]): ArticleSummary {
  return summariseText(path, quotes.map((q, i) => `“${q}” the minister said in a speech number ${i + 1}.`).join('\n\n'));
}

function groupWith(groups: readonly QuoteGroup[], path: string, words: string): QuoteGroup | undefined {
  return groups.find((g) => g.versions.some((v) => v.path === path && v.text.includes(words)));
}

describe('the same quote across articles', () => {
  it('finds the seed quote of 004 in 001 (identical) and in 002 (inside a longer quote)', () => {
    const groups = groupQuotes(seedSummaries());
    const g = groupWith(groups, '004_7c365add9fe75bb6.txt', 'This is capitulating before terrorists');
    assert.ok(g, 'no group for the quote of 004');
    const long = g.versions.filter((v) => v.text.length > 40);
    assert.deepEqual(long.map((v) => v.path).sort(), ['001_fafea784eeeba758.txt', '002_2831f1d8eb210064.txt', '004_7c365add9fe75bb6.txt']);
    const in001 = long.find((v) => v.path.startsWith('001'));
    const in002 = long.find((v) => v.path.startsWith('002'));
    assert.equal(in001?.relation, 'identical');
    assert.match(in002?.text ?? '', /^Russia would never agree/);
    assert.equal(in002?.relation, 'overlaps');
    assert.equal(g.articles, 3);
  });

  it('keeps different translations of one statement in the seeds apart from each other', () => {
    const groups = groupQuotes(seedSummaries());
    assert.equal(groupWith(groups, '000_03cb73ca90429b2a.txt', 'The international community'), undefined);
  });

  it('reports the words that differ between near-duplicates', () => {
    const a = article('a.txt', 'We will never accept a ceasefire that rewards the terrorists who attacked our soldiers in the north');
    const b = article('b.txt', 'We will never accept a truce that rewards the terrorists who attacked our troops in the north');
    const c = article('c.txt', 'We will never accept a ceasefire that rewards the terrorists who attacked our soldiers in the north');
    const [g] = groupQuotes([a, b, c]);
    assert.ok(g);
    assert.equal(g.articles, 3);
    assert.equal(g.versions[0]?.path, 'a.txt', 'the wording most articles use comes first');
    const changed = g.versions.find((v) => v.path === 'b.txt');
    assert.equal(changed?.relation, 'reworded');
    assert.deepEqual(changed?.changes, [
      { removed: 'ceasefire', added: 'truce' },
      { removed: 'soldiers', added: 'troops' },
    ]);
    assert.equal(g.versions.find((v) => v.path === 'c.txt')?.relation, 'identical');
  });

  it('reports changed first and last words as changes, and changes inside a shorter version', () => {
    const a = article('a.txt', 'Nobody will stop the reconstruction of the city and the return of the refugees to their homes soon');
    const b = article('b.txt', 'Nothing will stop the reconstruction of the city and the return of the refugees to their homes now');
    const c = article('c.txt', 'the reconstruction of the town and the return of the refugees');
    const groups = groupQuotes([a, a, b, c].map((s, i) => ({ ...s, path: `${i}.txt` })));
    const versions = groups[0]?.versions ?? [];
    const inB = versions.find((v) => v.path === '2.txt');
    assert.equal(inB?.relation, 'reworded');
    assert.deepEqual(inB?.changes, [
      { removed: 'Nobody', added: 'Nothing' },
      { removed: 'soon', added: 'now' },
    ]);
    const inC = versions.find((v) => v.path === '3.txt');
    assert.equal(inC?.relation, 'contained');
    assert.deepEqual(inC?.changes, [{ removed: 'city', added: 'town' }]);
  });

  it('finds a quote inside a longer one, whatever the quotation marks and case', () => {
    const a = article('a.txt', 'The economy will grow by three percent next year, and unemployment will fall below five percent');
    const b = summariseText('b.txt', '"the economy will grow by three percent next year," he said.\n');
    const [g] = groupQuotes([a, b]);
    assert.equal(g?.versions.find((v) => v.path === 'b.txt')?.relation, 'contained');
  });

  const unrelated: [string, string][] = [
    ['The negotiations in Geneva have failed and we will leave tomorrow morning', 'Our hospitals are overwhelmed and we need more doctors in the region now'],
    ['We will never accept this agreement under any circumstances whatsoever', 'We are ready to sign the agreement as soon as next week in Brussels'],
  ];
  for (const [x, y] of unrelated) {
    it(`does not group different statements: “${x.slice(0, 30)}…”`, () => assert.deepEqual(groupQuotes([article('a.txt', x), article('b.txt', y)]), []));
  }

  it('does not report a quote repeated only within one article', () => {
    const text = 'The talks have failed because the other side refused every single proposal';
    assert.deepEqual(groupQuotes([article('a.txt', text, text)]), []);
  });

  it('does not let a short common phrase join two different statements', () => {
    const a = article('a.txt', 'Russia supports Syria at the highest level and will keep doing so for years');
    const b = article('b.txt', 'We met at the highest level to discuss the price of wheat in the coming season');
    const c = article('c.txt', 'at the highest level');
    const groups = groupQuotes([a, b, c]);
    assert.ok(groups.every((g) => !(g.versions.some((v) => v.path === 'a.txt') && g.versions.some((v) => v.path === 'b.txt'))));
  });

  it('groups one statement reproduced in hundreds of articles into one group', () => {
    const q = 'This is the worst wave of displacement we have seen during the Syrian conflict so far';
    const many = Array.from({ length: 400 }, (_, i) => article(`a${i}.txt`, q, `Unrelated statement number ${i} about topic ${i * 7} and nothing else at all here`));
    const groups = groupQuotes(many);
    assert.equal(groups.length, 1);
    assert.equal(groups[0]?.articles, 400);
  });
});
