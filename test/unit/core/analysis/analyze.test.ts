import * as assert from 'node:assert/strict';
import { analyze } from '../../../../src/core/analysis/analyze';

// What an article reports when there is nothing to attribute: the analysis stops early for such
// articles (no quote span; no quote with a source), and must report the same as a full one.
describe('analyze: articles with nothing to attribute', () => {
  it('a page without quotation marks reports its boilerplate, and no cue though verbs of saying occur', () => {
    const text = [
      'Skip to main content',
      'Subscribe to our newsletter',
      '',
      'City council approves new budget',
      '',
      'The city council voted on Tuesday to approve a budget of $4 million for the next fiscal year, Mayor Jane Roe said after the meeting.',
      '',
      'Council member John Smith told reporters the vote was close.',
      '',
      'Share on Facebook',
      '© 2024 Example News. All rights reserved.',
    ].join('\n');
    const a = analyze(text);
    assert.deepEqual([a.quotes, a.speakers, a.cues], [[], [], []]);
    assert.deepEqual(
      a.noise.map((n) => [text.slice(n.start, n.end), n.kind]),
      [
        ['Skip to main content', 'chrome'],
        ['Subscribe to our newsletter', 'subscribe'],
        ['Share on Facebook', 'social'],
        ['© 2024 Example News. All rights reserved.', 'chrome'],
      ],
    );
  });

  it('a quote without a source is reported with no speaker, mention or cue', () => {
    const text = 'The crowd gathered outside the hall before dawn.\n\n"We will not leave until the doors open for everyone who waited in the cold."\n\nAt noon the doors opened and the line moved on.';
    const a = analyze(text);
    assert.equal(a.quotes.length, 1);
    const q = a.quotes[0];
    assert.ok(q);
    assert.equal(text.slice(q.start, q.end), 'We will not leave until the doors open for everyone who waited in the cold.');
    assert.deepEqual([q.speakerId, q.mention, q.cue], [null, null, null]);
    assert.ok(q.evidence.some((e) => e.rule === 'no-source'));
    assert.deepEqual([a.speakers, a.cues, a.noise], [[], [], []]);
  });
});
