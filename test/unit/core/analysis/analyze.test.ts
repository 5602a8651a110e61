import * as assert from 'node:assert/strict';
import { analyze, nullsLike } from '../../../../src/core/analysis/analyze';

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

describe('analyze: the speakers listed are those of quotes', () => {
  const cases: [string, string][] = [
    // name, article
    [
      'a quote judged no speech (a quoted word run into the sentence) names no speaker of its own',
      '"We have waited long enough for a decision," said Ines Novak, a councillor.\n\n"The cost has doubled since the first estimate," she added.\n\nThe regulator said it would review the housing plan before the end of the year. The council voted on “Never,” she added.Monday after a debate that lasted most of the evening.\n\nLukas Achebe, a local resident, said: "We have waited long enough for a decision about the housing plan."',
    ],
    ['a seed-like article with several speakers', '“We will not back down,” said Mayor Ana Ruiz on Tuesday.\n\nThe union disagreed. “This plan fails our members,” said its president, Tom Hale.\n\n“It is a start,” Ruiz added.'],
  ];
  for (const [name, text] of cases) {
    it(name, () => {
      const a = analyze(text);
      assert.ok(a.speakers.length > 0);
      for (const [i, s] of a.speakers.entries()) {
        assert.equal(s.id, `s${i}`, 'ids run without gaps');
        assert.ok(s.mentions.length > 0, `${s.name} has a mention`);
        assert.ok(a.quotes.some((q) => q.speakerId === s.id), `${s.name} has a quote`);
      }
    });
  }
});

describe('analyze: labels and terms that are not what they look like', () => {
  const speakerOf = (text: string, words: string): string | null | undefined => {
    const a = analyze(text);
    const q = a.quotes.find((x) => text.slice(x.start, x.end).includes(words));
    if (!q) return undefined;
    return q.speakerId === null ? null : (a.speakers.find((s) => s.id === q.speakerId)?.name ?? null);
  };
  const cases: [string, string, string, string | null | undefined][] = [
    // name, article, words of the quote, its speaker (null: a quote without one; undefined: no quote)
    ['a title after an ordinary word and a colon is no quote', 'Markets fell on the news.\n\nNetflix: “The Crown Returns Tonight.”', 'The Crown', undefined],
    ['an opening adverb before a colon names no one', 'Markets fell on the news.\n\nFinally: “We are done with this plan and we will say so at the meeting.”', 'We are done', null],
    ['a place after "from" and a colon is not the speaker (the sentence\'s subject is)', 'The rally went on for hours.\n\nThen the chant began from Brooklyn: “We will not leave until they listen.”', 'We will not leave', 'chant'],
    ['a place before a colon names no one', 'The statement came late.\n\nWashington: “We are not going anywhere, and we never were.”', 'We are not going', null],
    ['a clause after "that" stays a quote', 'The banner across the stage read only that “we will not yield” tonight.', 'we will not yield', null],
    ['a contraction in \'s is no possessive: the words after it stay a quote', 'Let’s “move fast and fix things” together, the poster said.', 'move fast', 'poster'],
  ];
  for (const [name, text, words, expected] of cases) {
    it(name, () => assert.equal(speakerOf(text, words), expected));
  }
});

describe('analyze: a null for each quote where none has a source (nullsLike)', () => {
  /** [items, expected] */
  const cases: [unknown[], null[]][] = [
    [[], []],
    [[null], [null]],
    [[{ a: 1 }, null, 'x'], [null, null, null]],
  ];
  for (const [items, expected] of cases) {
    it(`${items.length} item(s)`, () => assert.deepEqual(nullsLike(items), expected));
  }
});
