// Quotes and sources in news of other styles: a scare-quoted plural before a later single quote,
// anonymous sources whose phrase holds a plural noun or "on".
import * as assert from 'node:assert/strict';
import { analyze } from '../../../../src/core/analysis/analyze';

const quotes = (text: string): string[] => analyze(text).quotes.map((q) => text.slice(q.start, q.end));
const speakerOf = (text: string): string | null => {
  const a = analyze(text);
  const q = a.quotes[0];
  return q?.speakerId ? (a.speakers.find((s) => s.id === q.speakerId)?.name ?? null) : null;
};

describe('a scare-quoted plural before a later single quote on the line', () => {
  it("'cheats' closes at its own mark", () => {
    const text = "Critics called the players 'cheats' and the coach said 'we will win the next game easily, no question about it.'";
    assert.deepEqual(quotes(text), ['cheats', 'we will win the next game easily, no question about it.']);
  });
  it("'experts' closes at its own mark", () => {
    const text = "He dismissed the 'experts' who warned him, and later told reporters: 'I was right all along.'";
    assert.deepEqual(quotes(text), ['experts', 'I was right all along.']);
  });
});

describe('the anonymous sources README lists', () => {
  for (const source of ['an official briefed on the talks', 'two people familiar with the negotiations', 'an official speaking on condition of anonymity']) {
    it(source, () => assert.equal(speakerOf(`"The deal is close to done," ${source} said.`), source.replace(/^(an?|two) /, '')));
  }
});
