import * as assert from 'node:assert/strict';
import { compileSeparatorPattern } from '../../../../src/core/archive/separatorPattern';
import type { SeparatorPattern } from '../../../../src/core/archive/separatorPattern';
import { splitArchive } from '../../../../src/core/archive/splitArchive';
import { archiveFixture, withLineBreaks } from './archiveFixtures';

function compiled(source: string): SeparatorPattern {
  const result = compileSeparatorPattern(source);
  if (!result.ok) throw new Error(result.message);
  return result.pattern;
}

const EXPORT = `Clipping service, week 12

=== Item 1 ===
Mayor opens new library
The mayor opened the library on Monday.

=== Item 2 ===
Bridge closed for repairs

"It will take six weeks," said engineer Ola Nordmann.
=== Item 3 ===
=== Item 4 ===
Market day moves to Saturday
`;

describe('compileSeparatorPattern: the user pattern is checked before use', () => {
  const rejected: [string, string, RegExp][] = [
    ['an empty pattern', '', /is empty/],
    ['a pattern that does not compile', '=== (Item', /is not a valid regular expression: .*(unterminated|Unterminated)/i],
    ['a pattern matching a blank line', '^\\s*$', /matches a blank line/],
    ['a look-ahead in a pattern that could backtrack without bound', '^(?=E)(\\w+\\s?)*END$', /exponential time .* look-around or back-reference/],
    ['a back-reference in one', '^(a+)+\\1$', /look-around or back-reference/],
    ['an overlong pattern', 'x'.repeat(501), /longer than 500/],
  ];
  for (const [name, source, message] of rejected) {
    it(`rejects ${name} with a clear message`, () => {
      const result = compileSeparatorPattern(source);
      assert.equal(result.ok, false);
      if (!result.ok) assert.match(result.message, message);
    });
  }

  const javascript = ['^=== Item \\d+ ===$', '^\\s*\\d+ of \\d+ DOCUMENTS\\s*$', '^-{5,}$', '^\\s*[-=*_]{3,}\\s*$', '^(Document|Dokument) \\d+$', 'End of Document', '^#{4} \\d+$', '^(?=Item)Item \\d+$'];
  for (const source of javascript) {
    it(`runs an ordinary pattern on JavaScript's engine: ${source}`, () => {
      const result = compileSeparatorPattern(source);
      assert.ok(result.ok && result.pattern.engine === 'javascript', result.ok ? result.pattern.engine : result.message);
    });
  }

  // Patterns JavaScript's engine could run for days on one line run on the linear-time engine, with the same matches.
  const linear: [string, string[], string[]][] = [
    ['^(a+)+$', ['aaaa'], ['aaab', `${'a'.repeat(40)}!`]],
    ['^(\\w+\\s?)*END$', ['item one END', 'END'], [`${'word '.repeat(30)}!`]],
    ['^S(\\w|\\w)+$', ['SEP', 'Section'], [`S${'a'.repeat(40)}!`]],
    ['^.*\\bEnd of Document\\b.*$', ['-- End of Document --'], ['Endless Document']],
    ['^(?:The Guardian|The Times|The Observer|Daily Mail) - \\d{1,2} (?:January|February|March|April|May|June|July|August|September|October|November|December) \\d{4}$', ['The Times - 3 May 2024'], ['The Times - 3 Mai 2024']],
  ];
  for (const [source, matching, other] of linear) {
    it(`runs ${source} on the linear-time engine, matching as JavaScript would`, () => {
      const result = compileSeparatorPattern(source);
      assert.ok(result.ok, result.ok ? '' : result.message);
      const regex = new RegExp(source);
      for (const line of matching) assert.equal(result.pattern.test(line), true, line);
      for (const line of other.filter((l) => l.length < 20)) assert.equal(result.pattern.test(line), regex.test(line), line);
      for (const line of other) assert.equal(result.pattern.test(line), false, line);
    });
  }
});

describe('splitArchive with a custom separator', () => {
  const separator = compiled('^=== Item \\d+ ===$');

  it('starts an article at each matching line, the text before the first separator included, blank documents dropped', () => {
    const split = splitArchive(EXPORT, { separator });
    assert.equal(split.layout, 'custom');
    assert.deepEqual(split.articles.map((a) => a.fields.headline), ['Clipping service, week 12', 'Mayor opens new library', 'Bridge closed for repairs', 'Market day moves to Saturday']);
    const bridge = split.articles[2];
    assert.ok(bridge);
    assert.equal(EXPORT.slice(bridge.bodyStart, bridge.bodyEnd), 'Bridge closed for repairs\n\n"It will take six weeks," said engineer Ola Nordmann.');
    assert.deepEqual(bridge.metadata.map((m) => [m.field, m.value, m.line]), [['separator', '=== Item 2 ===', 6]]);
  });

  it('is the same with CRLF and CR-only line breaks', () => {
    const shape = (t: string): unknown => splitArchive(t, { separator }).articles.map((a) => [a.fields, a.metadata.map((m) => m.line)]);
    assert.deepEqual(shape(withLineBreaks(EXPORT, '\r\n')), shape(EXPORT));
    assert.deepEqual(shape(withLineBreaks(EXPORT, '\r')), shape(EXPORT));
  });

  it('does not split when the pattern gives a single article, and then leaves the archive layouts to decide', () => {
    assert.equal(splitArchive('=== Item 1 ===\nOne story only.\n', { separator }).layout, null);
    assert.equal(splitArchive(archiveFixture('factiva'), { separator }).layout, 'factiva');
  });

  it('never tests lines longer than the cap, and stays fast on 100,000 separators', () => {
    const slow = compiled('^(?:x|y)*z$');
    assert.equal(splitArchive(`${'x'.repeat(200_000)}\nbody\n${'x'.repeat(200_000)}\nbody\n`, { separator: slow }).layout, null);
    const many = splitArchive('=== Item 1 ===\nstory\n'.repeat(100_000), { separator });
    assert.equal(many.articles.length, 100_000);
  });
});
