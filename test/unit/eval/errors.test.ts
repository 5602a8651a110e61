import * as assert from 'node:assert/strict';
import type { Doc, GoldSpan } from '../../eval/errors.mjs';
import { cueErrors, cueStem, formatTally, lineShape, noiseErrors, quoteErrors, speakerErrors, speakerExtentErrors, speakerShape, tally } from '../../eval/errors.mjs';

/** The span of the `nth` occurrence of `part` in `text`. */
function at(text: string, part: string, nth = 0, extra: Partial<GoldSpan> = {}): GoldSpan {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = text.indexOf(part, i + 1);
  assert.ok(i >= 0, `"${part}" in the text`);
  return { start: i, end: i + part.length, ...extra };
}

describe('eval error kinds', () => {
  describe('speakerShape', () => {
    const cases: [string, string][] = [
      ['he', 'pronoun'],
      ['We’ve', 'pronoun'],
      ['Some', 'description'],
      ['who', 'relative pronoun'],
      ['Sergei Lavrov', 'name'],
      ['Russian Foreign Minister Sergei Lavrov', 'title + name'],
      ['the Turkish official', 'description'],
      ['the Clinton campaign', 'organisation'],
      ['FBI', 'organisation'],
      ['a new poll', 'document or poll'],
      ['Dean Johnson, a 55-year-old salesman from Sumter, South Carolina,', 'long description'],
    ];
    for (const [span, shape] of cases) it(`${span} → ${shape}`, () => assert.equal(speakerShape(span), shape));
  });

  describe('lineShape', () => {
    const cases: [string, string][] = [
      ['By Abigail Van Buren', 'byline'],
      ['November 19, 2019 at 8:56 am', 'date or timestamp'],
      ['Photo: Doug Mills/The New York Times', 'caption or credit'],
      ['1. Define early retirement', 'list item'],
      ['Qualified teams', 'short line (1-3 words)'],
      ['The Doobie Brothers Tour Dates', 'heading (title case, no end mark)'],
      ['Follow us at www.example.com', 'link, e-mail or handle'],
      ['The minister said on Tuesday that the talks would resume next week in Geneva.', 'sentence (9+ words)'],
      ['“We are truly excited about the tour,” the band said.', 'quotation'],
    ];
    for (const [line, shape] of cases) it(`${line} → ${shape}`, () => assert.equal(lineShape(line), shape));
  });

  it('cueStem puts the inflections of a verb together', () => {
    assert.deepEqual(['said', 'says', 'saying', 'say'].map(cueStem), ['say', 'say', 'say', 'say']);
    assert.deepEqual(['added', 'adding', 'adds'].map(cueStem), ['add', 'add', 'add']);
    assert.deepEqual(['noted', 'notes', 'noting'].map(cueStem), ['not', 'not', 'not']);
    assert.deepEqual(['called', 'calling', 'admitted'].map(cueStem), ['call', 'call', 'admit']);
  });

  // One paragraph with each kind of speaker error: a partial quote whose source we missed, a quote
  // we gave to the wrong mention, one we did not find, and one we got right.
  const text =
    'Trump said the system was "rigged" against him. "We will win," Pence told reporters. "Never," she said to the crowd.\n"Later," Kerry wrote.';
  const gold: Doc = {
    quotes: [at(text, 'rigged', 0, { attrs: ['E1'], mixed: true }), at(text, 'We will win', 0, { attrs: ['E2'] }), at(text, 'Never', 0, { attrs: ['E3'] }), at(text, 'Later', 0, { attrs: ['E4'] })],
    speakers: [at(text, 'Trump', 0, { attrs: ['E1'] }), at(text, 'Pence', 0, { attrs: ['E2'] }), at(text, 'she', 0, { attrs: ['E3'] }), at(text, 'Kerry', 0, { attrs: ['E4'] })],
    cues: [at(text, 'said', 0, { attrs: ['E1'] }), at(text, 'told', 0, { attrs: ['E2'] }), at(text, 'said', 1, { attrs: ['E3'] }), at(text, 'wrote', 0, { attrs: ['E4'] })],
  };
  const crowd = { ...at(text, 'the crowd'), kind: 'description' };
  const pred: Doc = {
    quotes: [
      { ...at(text, 'rigged'), mention: null, cue: null },
      { ...at(text, 'We will win'), mention: { ...at(text, 'Pence'), kind: 'name' }, cue: at(text, 'told'), rules: ['mark-pair', 'cue-after-quote'] },
      { ...at(text, 'Never'), mention: crowd, cue: at(text, 'said', 1), rules: ['mark-pair', 'cue-after-quote'] },
    ],
    speakers: [{ ...at(text, 'Pence'), kind: 'name' }, crowd],
    cues: [at(text, 'told'), at(text, 'said', 1)],
  };

  it('speakerErrors: missed by shape and place, wrong, quote not found, spurious', () => {
    const errors = speakerErrors(text, gold, pred).map((e) => [e.group, e.kind, e.rule]);
    assert.deepEqual(errors, [
      ['missed', 'name, before the quote, partial quote', undefined],
      ['wrong speaker', 'gold pronoun, ours description', 'cue-after-quote'],
      ['quote not found', 'name', undefined],
      ['spurious', 'the gold source is elsewhere (ours a description)', 'cue-after-quote'],
    ]);
  });

  it('speakerExtentErrors: characters of a matched mention that gold has before or after ours, and ours beyond gold', () => {
    const t = 'Vermont Sen. Bernie Sanders said “no.” Jane Roe, a teacher, said “yes.” “Maybe,” said Ann Lee, 40, of Ohio.';
    const g: Doc = { speakers: [at(t, 'Vermont Sen. Bernie Sanders'), at(t, 'Jane Roe, a teacher,'), at(t, 'Ann Lee')] };
    const p: Doc = { speakers: [{ ...at(t, 'Bernie Sanders'), kind: 'name' }, { ...at(t, 'Jane Roe'), kind: 'name' }, { ...at(t, 'Ann Lee, 40, of Ohio'), kind: 'name' }] };
    const errors = speakerExtentErrors(t, g, p).map((e) => [e.group, e.kind, e.chars]);
    assert.deepEqual(errors, [
      ['gold mention longer', 'gold longer before ours (title, article, modifier), ours name', 11],
      ['gold mention longer', 'gold longer after ours (appositive, party tag, clause), ours name', 9],
      ['our mention longer', 'ours longer after gold, ours name', 10],
    ]);
  });

  it('cueErrors: a reporting verb we know but did not link, and a cue whose quote we missed', () => {
    const errors = cueErrors(text, gold, pred, new Set(['said', 'told'])).map((e) => [e.group, e.kind, e.form]);
    assert.deepEqual(errors, [
      ['missed, verb in our lexicon', 'say', 'said'],
      ['missed, quote not found', 'write', 'wrote'],
    ]);
  });

  it('quoteErrors: boundary, spurious and missed quotes by opening mark and length', () => {
    const page = 'Trump rally\nHe called it a “disaster” and said “we will win this” soon. “The Art of the Deal” is a book; aides said it was ‘a mistake’.';
    const gold: Doc = { quotes: [at(page, 'disaster'), at(page, 'we will win this'), at(page, 'a mistake')] };
    const pred: Doc = { quotes: [at(page, 'disaster'), at(page, 'we will win'), at(page, 'The Art of the Deal')] };
    assert.deepEqual(
      quoteErrors(page, gold, pred).map((e) => [e.group, e.kind]),
      [
        ['boundary (a spurious and a missed)', 'ours shorter'],
        ['spurious', 'opened by “'],
        ['missed', 'opened by ‘, 2-3 words'],
      ],
    );
  });

  it('noiseErrors: an article line taken for boilerplate and a boilerplate line left, weighted by characters', () => {
    const page = 'Home | News | Sport\nThe minister said the talks would resume.\nShare this\n';
    const lineOf = (n: number): GoldSpan => {
      const lines = page.split('\n');
      const start = lines.slice(0, n).reduce((k, l) => k + l.length + 1, 0);
      return { start, end: start + (lines[n] ?? '').length };
    };
    const errors = noiseErrors(page, { noise: [lineOf(0), lineOf(2)], meta: { domain: 'example.com' } }, { noise: [{ ...lineOf(0), kind: 'chrome' }, { ...lineOf(1), kind: 'duplicate' }] });
    assert.deepEqual(
      errors.map((e) => [e.group, e.kind, e.rule, e.chars, e.site]),
      [
        ['false positive', 'short line (4-8 words)', 'duplicate', 35, 'example.com'],
        ['missed', 'short line (1-3 words)', '', 9, 'example.com'],
      ],
    );
  });

  it('tally and formatTally count by group and kind, heaviest first, with examples', () => {
    const t = tally([
      { group: 'missed', kind: 'pronoun', example: 'a' },
      { group: 'missed', kind: 'name', example: 'b' },
      { group: 'missed', kind: 'pronoun', example: 'c' },
      { group: 'spurious', kind: 'x', example: 'd' },
    ]);
    assert.deepEqual(
      t.map((g) => [g.group, g.total, g.rows.map((r) => [r.kind, r.count])]),
      [
        ['missed', 3, [['pronoun', 2], ['name', 1]]],
        ['spurious', 1, [['x', 1]]],
      ],
    );
    const text = formatTally('speakers', t, { examples: 1 });
    assert.match(text, /\*\*missed\*\*: 3\n- pronoun: 2, 67%\n {4}- a\n- name: 1, 33%/);
  });
});
