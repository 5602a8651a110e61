import * as assert from 'node:assert/strict';
import { countWords } from '../../../../src/core/text/words';

describe('countWords', () => {
  const cases: [string, number][] = [
    ['', 0],
    ['   \n\t ', 0],
    ['Lavrov said', 2],
    ['“We will not negotiate,” he said.', 6],
    ['— – … !!', 0],
    ['Syria’s army, 2024: 3 units', 5],
    ['Москва заявила', 2],
    ['line one\r\nline two', 4],
  ];
  for (const [text, words] of cases) it(`counts ${words} in ${JSON.stringify(text)}`, () => assert.equal(countWords(text), words));
});
