import * as assert from 'node:assert/strict';
import { parseArticleDate } from '../../../../src/core/archive/articleDate';

describe('article dates from archive metadata', () => {
  const cases: [string, string | undefined][] = [
    ['March 4, 2024 Monday', '2024-03-04'],
    ['April 2, 2024 Tuesday', '2024-04-02'],
    ['14 May 2024', '2024-05-14'],
    ['Sept. 30, 2023', '2023-09-30'],
    ['4. März 2024', '2024-03-04'],
    ['1er janvier 2024', undefined],
    ['2024-02-29', '2024-02-29'],
    ['2023-02-29', undefined],
    ['February 30, 2024', undefined],
    ['04/05/2024', undefined],
    ['Monday', undefined],
    ['', undefined],
    [`March 4, 2024 ${'x'.repeat(200)}`, undefined],
    ['n'.repeat(100), undefined],
  ];
  for (const [value, expected] of cases) {
    it(`reads ${JSON.stringify(value.slice(0, 40))} as ${String(expected)}`, () => assert.equal(parseArticleDate(value), expected));
  }
});
