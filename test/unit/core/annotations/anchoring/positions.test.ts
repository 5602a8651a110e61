import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { normalizeText } from '../../../../../src/core/annotations/anchoring/normalizedText';
import { LineIndex, offsetAt, positionAt } from '../../../../../src/core/annotations/anchoring/positions';

describe('positions (line 1-based, character 0-based UTF-16)', () => {
  const cases: { name: string; text: string; offset: number; line: number; character: number }[] = [
    { name: 'LF, start of second line', text: 'ab\ncd', offset: 3, line: 2, character: 0 },
    { name: 'LF, inside second line', text: 'ab\ncd', offset: 4, line: 2, character: 1 },
    { name: 'CRLF, end of first line', text: 'ab\r\ncd', offset: 2, line: 1, character: 2 },
    { name: 'CRLF, start of second line', text: 'ab\r\ncd', offset: 4, line: 2, character: 0 },
    { name: 'lone CR ends a line', text: 'ab\rcd', offset: 3, line: 2, character: 0 },
    { name: 'BOM not counted on line 1', text: '\uFEFFab\ncd', offset: 2, line: 1, character: 1 },
    { name: 'BOM, second line unaffected', text: '\uFEFFab\ncd', offset: 5, line: 2, character: 1 },
    { name: 'emoji counts two characters', text: 'a😀b', offset: 3, line: 1, character: 3 },
    { name: 'emoji on a CRLF line', text: 'x\r\n😀😀 y', offset: 8, line: 2, character: 5 },
  ];
  for (const c of cases) {
    it(`${c.name}: offset ${c.offset} ↔ ${c.line}:${c.character}`, () => {
      assert.deepEqual(positionAt(c.text, c.offset), { line: c.line, character: c.character });
      assert.equal(offsetAt(c.text, { line: c.line, character: c.character }), c.offset);
    });
  }

  it('puts an offset inside a CRLF at the end of its line', () => {
    assert.deepEqual(positionAt('ab\r\ncd', 3), { line: 1, character: 2 });
  });

  it('clamps positions beyond a line or the text', () => {
    const text = 'ab\r\ncd';
    assert.equal(offsetAt(text, { line: 1, character: 99 }), 2);
    assert.equal(offsetAt(text, { line: 9, character: 0 }), text.length);
    assert.equal(offsetAt(text, { line: 0, character: 5 }), 0);
    assert.equal(offsetAt('\uFEFFab', { line: 1, character: 0 }), 1);
  });

  it('gives the same positions with and without BOM, and with CRLF or LF', () => {
    const lf = 'first 😀\nsecond line\n\nfourth';
    const variants = [lf, `\uFEFF${lf}`, lf.replace(/\n/g, '\r\n')];
    const target = lf.indexOf('line');
    const expected = positionAt(lf, target);
    for (const text of variants) {
      const offset = offsetAt(text, expected);
      assert.equal(text.slice(offset, offset + 4), 'line');
      assert.deepEqual(positionAt(text, offset), expected);
    }
  });

  it('round-trips every offset that is not inside a CRLF (property)', () => {
    const pieces = fc.constantFrom('a', 'b', ' ', '\n', '\r\n', '\r', '😀', 'é');
    fc.assert(
      fc.property(fc.boolean(), fc.array(pieces, { maxLength: 40 }), (bom, parts) => {
        const text = (bom ? '\uFEFF' : '') + parts.join('');
        const index = new LineIndex(text);
        for (let offset = bom ? 1 : 0; offset <= text.length; offset++) {
          if (text[offset - 1] === '\r' && text[offset] === '\n') continue;
          assert.equal(index.offsetAt(index.positionAt(offset)), offset);
        }
      }),
    );
  });
});

describe('normalized text (LF, no BOM) mapped back to the original', () => {
  it('maps passages of a CRLF text with BOM back exactly', () => {
    const original = '\uFEFFTitle\r\n\r\n“Quote 😀 here,” he said.\r\nEnd\rlast';
    const normalized = normalizeText(original);
    assert.equal(normalized.text, 'Title\n\n“Quote 😀 here,” he said.\nEnd\nlast');
    const start = normalized.text.indexOf('“');
    const end = normalized.text.indexOf('End') + 3;
    const back = original.slice(normalized.toOriginal(start), normalized.toOriginal(end));
    assert.equal(back, '“Quote 😀 here,” he said.\r\nEnd');
    assert.equal(normalized.toOriginal(0), 1);
    assert.equal(normalized.fromOriginal(normalized.toOriginal(end)), end);
  });

  it('never splits a CRLF when mapping a range end (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('x', '\r\n', '\n', 'y'), { maxLength: 30 }), (parts) => {
        const original = parts.join('');
        const normalized = normalizeText(original);
        for (let i = 0; i <= normalized.text.length; i++) {
          const at = normalized.toOriginal(i);
          assert.ok(!(original[at - 1] === '\r' && original[at] === '\n'), `offset ${at} splits a CRLF`);
          assert.equal(original.slice(0, at).replace(/\r\n?/g, '\n'), normalized.text.slice(0, i));
        }
      }),
    );
  });
});

describe('positions that are not numbers', () => {
  it('read as the start of the text, so re-anchoring gives every tag a place in it', () => {
    const lines = new LineIndex('\uFEFFfirst\r\nsecond\n');
    assert.equal(lines.offsetAt({ line: Number.NaN, character: Number.NaN }), 1);
    assert.equal(lines.offsetAt({ line: 2, character: Number.NaN }), 8);
    assert.deepEqual(lines.positionAt(Number.NaN), { line: 1, character: 0 });
  });
});
