import * as assert from 'node:assert/strict';
import { LineTable } from '../../../../src/core/archive/lines';

describe('archive lines: offsets and first characters', () => {
  const text = '  \u00a0Ab\n\tx\n\n';
  const table = new LineTable(text);

  it('finds every line, the empty last ones too', () => assert.equal(table.count, 4));

  const offsets: [number, number, number][] = [
    [0, 0, 5],
    [1, 6, 8],
    [3, 10, 10],
    // Lines that do not exist start and end where the text ends.
    [-1, 10, 10],
    [4, 10, 10],
    [99, 10, 10],
  ];
  for (const [line, start, end] of offsets) {
    it(`gives line ${line} the offsets ${start}–${end}`, () => assert.deepEqual([table.start(line), table.end(line)], [start, end]));
  }

  const firsts: [number, number][] = [
    [0, 'A'.charCodeAt(0)],
    [1, 'x'.charCodeAt(0)],
    [2, -1],
    [3, -1],
    [9, -1],
  ];
  for (const [line, code] of firsts) {
    it(`reads the first character of line ${line} past spaces, tabs and no-break spaces`, () => {
      assert.equal(table.firstCharacter(line), code);
      assert.equal(table.blank(line), code < 0);
    });
  }
});
