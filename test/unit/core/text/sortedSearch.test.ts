import * as assert from 'node:assert/strict';
import { lastAtOrBefore, mergeSorted } from '../../../../src/core/text/sortedSearch';

describe('lastAtOrBefore: the stretch holding an offset', () => {
  const lineStarts = [0, 12, 30, 31, 80];
  const cases: [string, readonly number[], number, number][] = [
    ['the first line', lineStarts, 0, 0],
    ['inside the first line', lineStarts, 11, 0],
    ['the start of a line', lineStarts, 12, 1],
    ['a blank line of one character', lineStarts, 30, 2],
    ['the line after it', lineStarts, 31, 3],
    ['past the last start', lineStarts, 500, 4],
    ['before the first start', [5, 10], 2, 0],
    ['chunk bounds ending with Infinity', [0, 100, 200, Infinity], 250, 2],
    ['no entries', [], 7, 0],
  ];
  for (const [name, sorted, value, expected] of cases) it(name, () => assert.equal(lastAtOrBefore(sorted, value), expected));
});

describe('mergeSorted: two sorted lists as a stable sort of both joined', () => {
  const cases: [string, [number, string][], [number, string][]][] = [
    // name, first, second (each sorted by its number)
    ['interleaved', [[1, 'a'], [4, 'b'], [9, 'c']], [[2, 'x'], [4, 'y'], [10, 'z']]],
    ['ties: the first list first', [[3, 'a'], [3, 'b']], [[3, 'x'], [3, 'y']]],
    ['one list empty', [], [[1, 'x'], [2, 'y']]],
    ['both empty', [], []],
    ['all of the second before the first', [[7, 'a']], [[1, 'x'], [2, 'y']]],
  ];
  for (const [name, first, second] of cases) {
    it(name, () => {
      const order = (a: [number, string], b: [number, string]): number => a[0] - b[0];
      assert.deepEqual(mergeSorted(first, second, order), [...first, ...second].sort(order));
    });
  }
});
