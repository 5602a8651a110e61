import * as assert from 'node:assert/strict';
import type { CorpusPerson } from '../../../../src/core/corpus/people';
import { mergeSpeakers } from '../../../../src/core/corpus/people';
import type { ArticleSummary } from '../../../../src/core/corpus/summary';
import { seedSummaries, summariseText, withSpeakers } from './corpusFixtures';

/** The people of a corpus as sorted lists of variant names, for order-independent comparison. */
function identities(summaries: readonly ArticleSummary[]): string[][] {
  return mergeSpeakers(summaries)
    .people.map((p: CorpusPerson) => p.variants.map((v) => v.name).sort())
    .sort((a, b) => (a.join() < b.join() ? -1 : 1));
}

function corpus(...articles: string[][]): ArticleSummary[] {
  return articles.map((names, i) => withSpeakers(`a${i}.txt`, names));
}

describe('people across the corpus', () => {
  it('merges Sergei and Sergey Lavrov in the seeds: 16 quotes in 5 articles', () => {
    const people = mergeSpeakers(seedSummaries()).people;
    const lavrov = people.find((p) => p.name === 'Sergei Lavrov');
    assert.ok(lavrov);
    assert.deepEqual(lavrov.variants.map((v) => [v.name, v.quotes, v.articles]), [
      ['Sergei Lavrov', 15, 4],
      ['Sergey Lavrov', 1, 1],
    ]);
    assert.equal(lavrov.quotes, 16);
    assert.equal(lavrov.articles.length, 5);
    assert.equal(people.filter((p) => /lavrov/i.test(p.name)).length, 1);
  });

  const merged: [string, string[][], string[][]][] = [
    ['transliterations', [['Sergei Lavrov'], ['Sergey Lavrov'], ['Dmitry Peskov'], ['Dmitriy Peskov']], [['Dmitriy Peskov', 'Dmitry Peskov'], ['Sergei Lavrov', 'Sergey Lavrov']]],
    ['diacritics', [['Recep Tayyip Erdoğan'], ['Recep Tayyip Erdogan']], [['Recep Tayyip Erdogan', 'Recep Tayyip Erdoğan']]],
    ['a dropped first or middle name', [['Recep Tayyip Erdogan'], ['Tayyip Erdogan'], ['Hillary Rodham Clinton'], ['Hillary Clinton']], [['Hillary Clinton', 'Hillary Rodham Clinton'], ['Recep Tayyip Erdogan', 'Tayyip Erdogan']]],
    ['titles', [['President Volodymyr Zelensky'], ['Volodymyr Zelenskyy']], [['President Volodymyr Zelensky', 'Volodymyr Zelenskyy']]],
    ['a bare surname with one full name in the corpus', [['Lavrov'], ['Sergei Lavrov']], [['Lavrov', 'Sergei Lavrov']]],
    ['an initial', [['Fabrizio Carboni'], ['F. Carboni']], [['F. Carboni', 'Fabrizio Carboni']]],
  ];
  for (const [what, articles, expected] of merged) it(`merges ${what}`, () => assert.deepEqual(identities(corpus(...articles)), expected));

  const apart: [string, string[][], string[][]][] = [
    ['two Bushes', [['George W. Bush'], ['Jeb Bush']], [['George W. Bush'], ['Jeb Bush']]],
    ['father and son by their initials', [['George W. Bush'], ['George H. W. Bush']], [['George H. W. Bush'], ['George W. Bush']]],
    ['two Clintons', [['Bill Clinton'], ['Hillary Clinton']], [['Bill Clinton'], ['Hillary Clinton']]],
    ['a bare surname shared by two people', [['Clinton'], ['Bill Clinton'], ['Hillary Clinton']], [['Bill Clinton'], ['Clinton'], ['Hillary Clinton']]],
    ['a first name fitting two fuller names', [['George Bush'], ['George W. Bush'], ['George H. W. Bush']], [['George Bush'], ['George H. W. Bush'], ['George W. Bush']]],
    ['different suffixes', [['Martin Luther King Jr.'], ['Martin Luther King Sr.']], [['Martin Luther King Jr.'], ['Martin Luther King Sr.']]],
  ];
  for (const [what, articles, expected] of apart) it(`keeps apart ${what}`, () => assert.deepEqual(identities(corpus(...articles)), expected));

  it('joins a bare surname to the one full name of its own article even when the corpus has two', () => {
    const summaries = [withSpeakers('a.txt', ['Hillary Clinton', 'Clinton']), withSpeakers('b.txt', ['Bill Clinton'])];
    assert.deepEqual(identities(summaries), [['Bill Clinton'], ['Clinton', 'Hillary Clinton']]);
  });

  it('does not take an organisation for a person of the same name', () => {
    const summaries = [withSpeakers('a.txt', ['Reuters'], 'organisation'), withSpeakers('b.txt', ['The Reuters'], 'organisation'), withSpeakers('c.txt', ['Reuters'])];
    const people = mergeSpeakers(summaries).people;
    assert.deepEqual(people.map((p) => [p.kind, p.variants.length]).sort(), [['organisation', 2], ['person', 1]]);
  });

  it('assigns every speaker of every article to its person', () => {
    const summaries = corpus(['Sergei Lavrov', 'Jeb Bush'], ['Sergey Lavrov']);
    const dir = mergeSpeakers(summaries);
    const lavrov = dir.assignments.get('a0.txt')?.[0];
    assert.notEqual(lavrov, null);
    assert.equal(dir.assignments.get('a1.txt')?.[0], lavrov);
    assert.notEqual(dir.assignments.get('a0.txt')?.[1], lavrov);
  });

  it('merges speakers found by the engine in real sentences', () => {
    const a = summariseText('a.txt', '“We will not retreat,” Russian Foreign Minister Sergey Lavrov told reporters on Monday.\n');
    const b = summariseText('b.txt', '“The talks are over,” Sergei Lavrov said in Geneva.\n\nLavrov added: “Nothing has changed.”\n');
    const people = mergeSpeakers([a, b]).people.filter((p) => p.kind === 'person');
    assert.equal(people.length, 1);
    assert.equal(people[0]?.quotes, 3);
    assert.equal(people[0]?.articles.length, 2);
  });

  it('still joins bare surnames to their article when thousands of people share the surname', () => {
    const articles = Array.from({ length: 1500 }, (_, i) => withSpeakers(`a${i}.txt`, [`Person${i} Smith`, 'Smith']));
    const people = mergeSpeakers(articles).people;
    assert.equal(people.length, 1500);
    assert.ok(people.every((p) => p.variants.length === 2 && p.articles.length === 1));
  });
});
