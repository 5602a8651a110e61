import * as assert from 'node:assert/strict';
import { titleGender } from '../../../../src/core/analysis/gender';

describe('gender: the courtesy title before a mention', () => {
  /** [text, the mention that ends it, gender the title before it shows] */
  const cases: [string, string, string | null][] = [
    ['“We will appeal,” said Mr. Smith', 'Smith', 'male'],
    ['according to Mrs Clinton', 'Clinton', 'female'],
    ['Ms.  Roe declined to comment', 'Roe', 'female'],
    ['Lady Gaga', 'Gaga', 'female'],
    ['Sir Keir Starmer', 'Keir Starmer', 'male'],
    ['Mr.\u00a0Lavrov said', 'Lavrov', 'male'],
    ['Sen. Bernie Sanders', 'Bernie Sanders', null],
    ['the Smith family', 'Smith', null],
    ['Carmr Smith', 'Smith', null],
    ['Smith', 'Smith', null],
    [' Smith', 'Smith', null],
    ['MSmith', 'Smith', null],
    ['Mr Smith', 'Mr Smith', null],
    ['Madam Speaker', 'Speaker', 'female'],
  ];
  for (const [text, mention, gender] of cases) {
    it(`${text} → ${gender ?? 'none'}`, () => {
      assert.equal(titleGender(text, text.indexOf(mention)), gender);
    });
  }
});
