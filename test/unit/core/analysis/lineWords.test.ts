import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { LineWords, rangeHasWord } from '../../../../src/core/analysis/quotes';
import { isSpaceCode } from '../../../../src/core/analysis/text';
import { seedArticles } from '../../support/fixtureFiles';

const SETS: readonly ReadonlySet<string>[] = [new Set(['said', 'told', 'says']), new Set(['called', 'dubbed', 'i'])];

const isMark = (c: number): boolean => c === 46 || c === 33 || c === 63;

/** The sentence around [from, to) as a reading character by character finds it (no bound on its length). */
function sentenceByReading(text: string, from: number, to: number): [number, number] {
  let s = from;
  while (s > 0 && text.charCodeAt(s - 1) !== 10 && !(isMark(text.charCodeAt(s - 1)) && isSpaceCode(text.charCodeAt(s)))) s--;
  let e = to;
  while (e < text.length && text.charCodeAt(e) !== 10 && !(isMark(text.charCodeAt(e)) && (e + 1 >= text.length || isSpaceCode(text.charCodeAt(e + 1))))) e++;
  return [s, e];
}

describe('line words: the words of a range read through an index of its line', () => {
  /** [case, text, range from, range to, expected] */
  const cases: [string, string, number, number, boolean][] = [
    ['a word inside the range', 'Officials said on Monday that', 0, 29, true],
    ['the word outside the range', 'Officials said on Monday that', 15, 29, false],
    ['a word cut at the start: its part in the range is read', 'He was unsaid', 9, 13, true],
    ['a word cut at the end', 'They saidx it', 0, 9, true],
    ['a longer word holding the word is not it', 'They unsaid it', 0, 14, false],
    ['a capitalised word, lower-cased', 'SAID the man', 0, 12, true],
    ['a range crossing a line break', 'first line\nsecond said', 3, 22, true],
    ['"İ" lower-cased splits into a letter and a mark: "i" is a word of its own', 'İ went', 0, 6, true],
    ['an empty range', 'said', 2, 2, false],
  ];
  for (const [name, text, from, to, expected] of cases) {
    it(name, () => {
      assert.equal(rangeHasWord(text, from, to, SETS), expected);
      assert.equal(new LineWords(text, SETS).has(from, to), expected);
    });
  }

  it('answers as rangeHasWord on every range of the seed articles, asked in any order', () => {
    for (const { name, text } of seedArticles()) {
      const ranges: [number, number][] = [];
      for (let from = 0; from < text.length; from += 37) for (const len of [1, 5, 23, 120, 400]) ranges.push([from, Math.min(text.length, from + len)]);
      for (const order of [ranges, [...ranges].reverse()]) {
        const words = new LineWords(text, SETS);
        for (const [from, to] of order) assert.equal(words.has(from, to), rangeHasWord(text, from, to, SETS), `${name} [${from}, ${to})`);
      }
    }
  });

  it('finds the sentence around a range as a reading character by character does', () => {
    for (const { name, text } of seedArticles()) {
      const words = new LineWords(text, SETS);
      for (let from = 0; from < text.length - 3; from += 11) {
        if (text.charCodeAt(from) === 10) continue;
        const to = from + 3;
        const [s, e] = sentenceByReading(text, from, to);
        assert.deepEqual([words.sentenceStartBefore(from), words.sentenceEndFrom(to)], [s, e], `${name} at ${from}`);
      }
    }
  });

  it('reads each line once, however many ranges of it are asked and in whatever order', () => {
    const text = `${'"a" said, "b" '.repeat(5000)}\n${'"c" dubbed '.repeat(5000)}`;
    const words = new LineWords(text, SETS);
    for (let from = text.length - 10; from >= 0; from -= 13) words.has(from, from + 10);
    for (let from = 0; from < text.length - 10; from += 17) words.sentenceEndFrom(from);
    assert.equal(words.linesRead, 2);
  });

  it('answers as rangeHasWord on any text', () => {
    const alphabet = fc.constantFrom('said', 'SAID', 'unsaid', 'i', 'İ', 'é', 'e\u0301', ' ', '. ', '!', '\n', 'x', 'dubbed', '\u{1D400}', '-', '9');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 40 }), fc.nat(), fc.nat(), (parts, a, b) => {
        const text = parts.join('');
        // Ranges never cut a surrogate pair (the index reads the pair as one letter).
        const clean = (i: number): number => (i > 0 && i < text.length && text.charCodeAt(i) >= 0xdc00 && text.charCodeAt(i) <= 0xdfff ? i - 1 : i);
        const from = clean(a % (text.length + 1));
        const to = clean(from + (b % (text.length - from + 1)));
        return new LineWords(text, SETS).has(from, to) === rangeHasWord(text, from, to, SETS);
      }),
      { numRuns: 3000, seed: 42 },
    );
  });
});
