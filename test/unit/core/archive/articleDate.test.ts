import * as assert from 'node:assert/strict';
import { dayOrderOf, parseArticleDate } from '../../../../src/core/archive/articleDate';

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
    ['2016-03-14', '2016-03-14'],
    ['2016/03/14', '2016-03-14'],
    ['2016.3.4', '2016-03-04'],
    ['03/14/2016', '2016-03-14'],
    ['14/03/2016', '2016-03-14'],
    ['14-03-2016', '2016-03-14'],
    ['14.03.2016', '2016-03-14'],
    ['4.3.2016 Friday', '2016-03-04'],
    ['05/05/2016', '2016-05-05'],
    ['13/13/2016', undefined],
    ['02/30/2016', undefined],
    ['31.02.2016', undefined],
    ['03/14/16', undefined],
    ['14/03/2016/7', undefined],
    ['v1.2.2016', undefined],
    ['March 14, 2016', '2016-03-14'],
    ['Monday', undefined],
    ['', undefined],
    [`March 4, 2024 ${'x'.repeat(200)}`, undefined],
    ['n'.repeat(100), undefined],
  ];
  for (const [value, expected] of cases) {
    it(`reads ${JSON.stringify(value.slice(0, 40))} as ${String(expected)}`, () => assert.equal(parseArticleDate(value), expected));
  }

  it('reads 04/05/2024 in the order the same export shows elsewhere, and never against a date that shows its own', () => {
    assert.equal(parseArticleDate('04/05/2024', 'month-day'), '2024-04-05');
    assert.equal(parseArticleDate('04/05/2024', 'day-month'), '2024-05-04');
    assert.equal(parseArticleDate('03/14/2016', 'day-month'), '2016-03-14');
    assert.equal(parseArticleDate('14.03.2016', 'month-day'), '2016-03-14', 'dots are day first whatever the slashes say');
  });

  it('tells the order a slash or dash date shows by itself', () => {
    assert.deepEqual(['03/14/2016', '14/03/2016', '14-03-2016', '04/05/2024', '05/05/2016', '2016-03-14', 'March 14, 2016'].map(dayOrderOf), ['month-day', 'day-month', 'day-month', undefined, undefined, undefined, undefined]);
  });

  it('costs the same on hostile values: long runs of digits, dots and slashes are read in linear time or refused', () => {
    for (const value of ['1/'.repeat(60), '1.'.repeat(60), '9'.repeat(119), `${'12/'.repeat(39)}2016`]) assert.equal(parseArticleDate(value), undefined, value.slice(0, 20));
  });
});
