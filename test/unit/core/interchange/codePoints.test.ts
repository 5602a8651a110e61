import * as assert from 'node:assert/strict';
import { CodePointIndex, codePointLength } from '../../../../src/core/interchange/codePoints';

describe('code point offsets', () => {
  const cases: { name: string; text: string }[] = [
    { name: 'ASCII only', text: 'plain text' },
    { name: 'emoji in the middle', text: 'a 😀 b 🚀 c' },
    { name: 'emoji at both ends', text: '😀middle😀' },
    { name: 'emoji with skin tone (two code points)', text: 'ok 👍🏽 ok' },
    { name: 'a lone surrogate counts as one', text: 'x\uD800y😀z' },
    { name: 'CJK and accents (inside the BMP)', text: 'café 東京 😀' },
  ];
  for (const { name, text } of cases) {
    it(`agrees with the string's own code point iteration: ${name}`, () => {
      const index = new CodePointIndex(text);
      const points = [...text];
      let utf16 = 0;
      for (let cp = 0; cp <= points.length; cp++) {
        assert.equal(index.toCodePoints(utf16), cp, `toCodePoints(${utf16})`);
        assert.equal(index.toUtf16(cp), utf16, `toUtf16(${cp})`);
        utf16 += points[cp]?.length ?? 0;
      }
      assert.equal(codePointLength(text), points.length);
    });
  }

  it('counts an offset inside a surrogate pair as after the character', () => {
    assert.equal(new CodePointIndex('a😀b').toCodePoints(2), 2);
  });
});
