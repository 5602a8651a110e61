import * as assert from 'node:assert/strict';
import { parseQuoteQuery } from '../../../../src/core/corpus/quoteQuery';

describe('Search Quotes input', () => {
  const table: [string, string, string][] = [
    ['capitulating terrorists', 'capitulating terrorists', ''],
    ['speaker:Lavrov', '', 'Lavrov'],
    ['speaker:Lavrov capitulating', 'capitulating', 'Lavrov'],
    ['sanctions SPEAKER:"Sergey Lavrov"', 'sanctions', 'Sergey Lavrov'],
    ['speaker:"unclosed name', '', 'unclosed name'],
    ['  spaced   words  ', 'spaced words', ''],
    ['nospeaker:x', 'nospeaker:x', ''],
  ];
  for (const [input, words, speaker] of table) {
    it(`reads ${JSON.stringify(input)}`, () => {
      const q = parseQuoteQuery(input);
      assert.equal(q.words, words);
      assert.equal(q.speaker, speaker);
    });
  }
});
