import * as assert from 'node:assert/strict';
import { decodeStrictUtf8, describeUtf8Fault } from '../../../../src/core/text/strictUtf8';

describe('strict UTF-8: a file that is not UTF-8 is refused where its first bad byte stands', () => {
  /** [case, bytes, expected text, or expected fault as [line, column, byte]] */
  const cases: [string, number[], string | [number, number, number]][] = [
    ['plain ASCII', [...Buffer.from('note: cafe\n')], 'note: cafe\n'],
    ['accents written as UTF-8', [...Buffer.from('note: café naïve\n')], 'note: café naïve\n'],
    ['a byte-order mark is kept', [0xef, 0xbb, 0xbf, ...Buffer.from('version: 1\n')], '\uFEFFversion: 1\n'],
    ['an emoji counts two columns before a fault after it', [...Buffer.from('a: 😀'), 0xe9], [1, 6, 0xe9]],
    ['a note saved as Latin-1, on its line and column', [...Buffer.from('version: 1\n  note: caf'), 0xe9, ...Buffer.from(' na'), 0xef, ...Buffer.from('ve\n')], [2, 12, 0xe9]],
    ['a sequence cut short at the end', [...Buffer.from('text: '), 0xe2, 0x80], [1, 7, 0xe2]],
    ['an encoded surrogate', [0xed, 0xa0, 0x80], [1, 1, 0xed]],
    ['an overlong encoding of "/"', [...Buffer.from('x\n'), 0xc0, 0xaf], [2, 1, 0xc0]],
    ['a lone continuation byte', [...Buffer.from('ok\nok\n  '), 0x80], [3, 3, 0x80]],
  ];
  for (const [name, bytes, expected] of cases) {
    it(name, () => {
      const r = decodeStrictUtf8(Uint8Array.from(bytes));
      if (typeof expected === 'string') assert.deepEqual(r, { text: expected });
      else assert.deepEqual(r, { fault: { line: expected[0], column: expected[1], byte: expected[2] } });
    });
  }
  it('says where, which byte, and what to do', () => {
    assert.equal(describeUtf8Fault({ line: 2, column: 12, byte: 0xe9 }), 'not valid UTF-8 at line 2, column 12 (byte e9); not read, so nothing in it is lost — save the file as UTF-8');
  });
});
