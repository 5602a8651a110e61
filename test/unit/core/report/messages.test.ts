import * as assert from 'node:assert/strict';
import { parseReportMessage } from '../../../../src/core/report/messages';

describe('report webview messages', () => {
  const valid: [unknown, unknown][] = [
    [{ type: 'open', path: 'file:///a.txt', start: 3, end: 9 }, { type: 'open', path: 'file:///a.txt', start: 3, end: 9 }],
    [{ type: 'open', path: 'a', start: 0, end: 0 }, { type: 'open', path: 'a', start: 0, end: 0 }],
    [{ type: 'saveHtml' }, { type: 'saveHtml' }],
    [{ type: 'copyCsv', table: 'voices' }, { type: 'copyCsv', table: 'voices' }],
  ];
  for (const [input, expected] of valid) {
    it(`accepts ${JSON.stringify(input)}`, () => assert.deepEqual(parseReportMessage(input), expected));
  }

  const invalid: unknown[] = [
    null,
    'open',
    [],
    42,
    {},
    { type: 'run', command: 'x' },
    { type: 'open', path: 'a', start: 5, end: 2 },
    { type: 'open', path: 'a', start: -1, end: 2 },
    { type: 'open', path: 'a', start: 1.5, end: 2 },
    { type: 'open', path: 'a', start: '1', end: 2 },
    { type: 'open', path: '', start: 1, end: 2 },
    { type: 'open', path: 'x'.repeat(5000), start: 1, end: 2 },
    { type: 'open', path: 'a', start: 1 },
    { type: 'open', path: 'a', start: 1, end: 2, command: 'workbench.action.terminal.new' },
    { type: 'open', path: 'a', start: Number.MAX_VALUE, end: Number.MAX_VALUE },
    { type: 'saveHtml', to: '/etc/passwd' },
    { type: 'copyCsv', table: 'secrets' },
    { type: 'copyCsv', table: 'toString' },
    { type: 'copyCsv' },
  ];
  for (const input of invalid) {
    it(`ignores ${JSON.stringify(input)?.slice(0, 80)}`, () => assert.equal(parseReportMessage(input), undefined));
  }
});
