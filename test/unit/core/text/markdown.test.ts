import * as assert from 'node:assert/strict';
import { escapeMarkdown } from '../../../../src/core/text/markdown';

describe('escapeMarkdown', () => {
  const cases: [string, string][] = [
    ['[click](command:workbench.action.quit)', '\\[click\\]\\(command\\:workbench\\.action\\.quit\\)'],
    ['<a href="x">y</a>', '\\<a href\\=\\"x\\"\\>y\\<\\/a\\>'],
    ['**bold** _it_ `code`', '\\*\\*bold\\*\\* \\_it\\_ \\`code\\`'],
    ['line one\nline two\r\n# heading', 'line one line two \\# heading'],
    ['Syria’s “peace”', 'Syria’s “peace”'],
  ];
  for (const [input, expected] of cases) {
    it(`escapes ${JSON.stringify(input)}`, () => assert.equal(escapeMarkdown(input), expected));
  }

  it('leaves no unescaped ASCII punctuation', () => {
    const all = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('');
    const escaped = escapeMarkdown(all);
    assert.ok(!/(^|[^\\])[[\]()<>`*_!]/.test(escaped.replace(/\\\\/g, '')));
  });
});
