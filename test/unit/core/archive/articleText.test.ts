import * as assert from 'node:assert/strict';
import { articleText, lineBreakOf, mapRange } from '../../../../src/core/archive/articleText';
import { splitArchive } from '../../../../src/core/archive/splitArchive';
import { archiveFixture, offsetOf, withLineBreaks } from './archiveFixtures';

describe("articleText: an article's own text", () => {
  it('is the headline, a blank line and the body, with the export line breaks', () => {
    for (const lineBreak of ['\n', '\r\n', '\r'] as const) {
      const text = withLineBreaks(archiveFixture('factiva'), lineBreak);
      const second = splitArchive(text).articles[1];
      assert.ok(second);
      assert.equal(lineBreakOf(text), lineBreak);
      const expected = ['Port strike ends after pay deal', '', "Dock workers at the country's largest container port returned to work on Wednesday.", '', '"It is a fair settlement," he said.', ''].join(lineBreak);
      assert.equal(articleText(text, second).text, expected);
    }
  });

  it('maps a range of the original inside one piece, and nothing that crosses pieces', () => {
    const text = archiveFixture('nexis-uni');
    const first = splitArchive(text).articles[0];
    assert.ok(first);
    const own = articleText(text, first);
    const quote = offsetOf(text, 'the project director');
    const mapped = mapRange(own.pieces, quote, quote + 20);
    assert.ok(mapped);
    assert.equal(own.text.slice(mapped.start, mapped.end), 'the project director');
    const headline = offsetOf(text, 'final hurdle');
    assert.equal(own.text.slice(mapRange(own.pieces, headline, headline + 12)?.start ?? -1).slice(0, 12), 'final hurdle');
    assert.equal(mapRange(own.pieces, headline, quote), undefined);
  });
});
