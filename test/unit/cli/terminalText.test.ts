import * as assert from 'node:assert/strict';
import { escapeForTerminal, escapeOutputBlock, jsonLine } from '../../../src/cli/terminalText';

describe('terminal text', () => {
  const cases: [string, string, string][] = [
    ['plain words and typography pass', 'Lavrov said: “No.” — 😀 Ünïcödé', 'Lavrov said: “No.” — 😀 Ünïcödé'],
    ['a colour sequence', 'red \u001b[31mALERT\u001b[0m', 'red \\x1b[31mALERT\\x1b[0m'],
    ['a window-title sequence ended by BEL', '\u001b]0;pwned\u0007', '\\x1b]0;pwned\\x07'],
    ['a C1 control sequence introducer', 'x\u009b2Jy', 'x\\x9b2Jy'],
    ['DEL and backspace', 'a\u007fb\bc', 'a\\x7fb\\x08c'],
    ['line breaks in a one-line value', 'one\r\ntwo\tthree', 'one\\r\\ntwo\\tthree'],
    ['line and paragraph separators', 'a\u2028b\u2029c', 'a\\u2028b\\u2029c'],
    ['bidirectional overrides (reordering what is shown)', 'abc\u202edcb\u2066x\u2069', 'abc\\u202edcb\\u2066x\\u2069'],
  ];
  for (const [name, input, expected] of cases) {
    it(`escapes ${name}`, () => assert.equal(escapeForTerminal(input), expected));
  }

  it('keeps the line breaks of a block but escapes everything else', () => {
    assert.equal(escapeOutputBlock('file.txt\n  1 quote \u001b[2J\n'), 'file.txt\n  1 quote \\x1b[2J\n');
  });

  it('writes JSON with no raw C1 controls, separators or bidi controls, and reads back the same value', () => {
    const value = { text: 'a\u0085b\u2028c\u2029d\u009b\u001b[31m\u202e\u007f', n: 1 };
    const line = jsonLine(value);
    assert.doesNotMatch(line, /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e]/u);
    assert.deepEqual(JSON.parse(line), value);
  });
});
