import * as assert from 'node:assert/strict';
import { sameFileText } from '../../../../src/core/text/sameFileText';

describe('sameFileText', () => {
  // [a, b, same]
  const table: [string | null | undefined, string | null | undefined, boolean][] = [
    ['a: 1\n', 'a: 1\n', true],
    ['\uFEFFa: 1\n', 'a: 1\n', true],
    ['a: 1\n', 'a: 1\r\n', false],
    [undefined, null, true],
    ['', undefined, false],
    ['\uFEFF', null, false],
  ];
  for (const [a, b, same] of table) it(`${JSON.stringify(a)} and ${JSON.stringify(b)}: ${same ? 'the same' : 'different'}`, () => assert.equal(sameFileText(a, b), same));
});
