// The occurrence index answers as a plain search of the text would, for passages of every length
// its keys treat apart, and for passages whose key is so common that the text is searched instead.
import * as assert from 'node:assert/strict';
import { OccurrenceIndex } from '../../../../../src/core/annotations/anchoring/occurrences';

/** Every start of `passage` in `text`, overlapping copies too: what the index must say. */
function searched(text: string, passage: string): number[] {
  const places: number[] = [];
  if (passage.length === 0) return places;
  for (let at = 0; at + passage.length <= text.length; at++) if (text.startsWith(passage, at)) places.push(at);
  return places;
}

const ARTICLE = 'The mayor said no to the budget plan on Monday. The mayor said no to the budget plan again on Friday, and the council said nothing.\n';
const DASHES = `${'-'.repeat(5000)} said the mayor ${'-'.repeat(5000)}`;

/** [text, passages] */
const cases: [string, string[]][] = [
  [ARTICLE, ['no', 'mayor sa', 'said no to the', 'The mayor said no to the budget p', 'The mayor said no to the budget plan on', 'nothing.\n', 'absent words', 'The mayor said no to the budget plan yesterday']],
  // Repeated characters: overlapping copies, a passage longer than its 32-character key, one absent.
  ['aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', ['aa', 'aaaaaaaaa', 'a'.repeat(32), 'a'.repeat(40), `${'a'.repeat(40)}b`]],
  // A key common in the text (a rule of dashes): found by searching, with the same answers.
  [DASHES, [`${'-'.repeat(40)} said`, `${'-'.repeat(33)}`, `${'-'.repeat(35)} said the mayor ---`, `${'-'.repeat(40)}x`]],
  // Characters beyond the basic plane.
  ['Breaking 🚀 news 🚀 now 🚀', ['🚀', ' 🚀 n', 'news 🚀 now 🚀']],
];

describe('OccurrenceIndex', () => {
  for (const [text, passages] of cases) {
    it(`finds what a search finds in ${JSON.stringify(text.slice(0, 40))}…`, () => {
      const index = new OccurrenceIndex(text, passages);
      for (const passage of passages) assert.deepEqual(index.of(passage), searched(text, passage), JSON.stringify(passage));
      // Asked again: the same answer.
      for (const passage of passages) assert.deepEqual(index.of(passage), searched(text, passage), JSON.stringify(passage));
    });
  }
  it('an empty passage occurs nowhere', () => {
    assert.deepEqual(new OccurrenceIndex(ARTICLE, ['']).of(''), []);
  });
});
