import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyze } from '../../../../src/core/analysis/analyze';
import type { Analysis } from '../../../../src/core/analysis/types';
import { seedText } from './helpers';

function assertWellFormed(text: string, a: Analysis): void {
  let last = -1;
  for (const q of a.quotes) {
    assert.ok(q.start >= 0 && q.start < q.end && q.end <= text.length, 'quote inside the text');
    assert.ok(q.start >= last, 'quotes sorted and not overlapping');
    last = q.end;
    assert.ok(q.confidence >= 0 && q.confidence <= 1);
    if (q.speakerId !== null) assert.ok(a.speakers.some((s) => s.id === q.speakerId));
  }
  let prev = -1;
  for (const n of a.noise) {
    assert.ok(n.start >= 0 && n.start <= n.end && n.end <= text.length, 'noise inside the text');
    assert.ok(n.start > prev, 'noise sorted');
    prev = n.start;
    assert.ok(!text.slice(n.start, n.end).includes('\n'), 'a noise span is one line');
  }
  let c = -1;
  for (const cue of a.cues) {
    assert.ok(cue.start >= c && cue.end <= text.length);
    c = cue.start;
  }
  for (const s of a.speakers) for (const m of s.mentions) assert.equal(text.slice(m.start, m.end), m.text);
}

const MARKS = ['"', "'", '“', '”', '‘', '’', '«', '»', '‹', '›', '„', "''", '``', '\n', '\n\n', '\r\n', ' ', ',', '.', ' said ', ' he ', 'Lavrov', '—', '\uFEFF'];

describe('analyze: robustness properties', function () {
  this.timeout(60000);

  it('never throws and returns well-formed spans on random Unicode', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        assertWellFormed(text, analyze(text));
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on texts made of quote marks, line breaks and attribution words', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...MARKS), fc.string({ maxLength: 6 })), { maxLength: 200 }), (parts) => {
        const text = parts.join('');
        assertWellFormed(text, analyze(text));
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on mutated seed articles', () => {
    const seed = seedText('004_7c365add9fe75bb6.txt');
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(seed.length), fc.nat(40), fc.constantFrom(...MARKS)), { maxLength: 20 }), (edits) => {
        let text = seed;
        for (const [at, del, ins] of edits) text = text.slice(0, at) + ins + text.slice(Math.min(text.length, at + del));
        assertWellFormed(text, analyze(text));
      }),
      { numRuns: 100 },
    );
  });

  const pathological: [string, () => string][] = [
    ['1 MB without a newline', () => 'Lavrov said the "ceasefire" would mean surrender, officials said, '.repeat(16000)],
    ['100,000 quote marks', () => '"'.repeat(100000)],
    ['100,000 mixed quote marks', () => '“‘"\'”’«»'.repeat(12500)],
    ['only apostrophes', () => "'’".repeat(50000)],
    ['only blank lines', () => '\n\n\r\n'.repeat(50000)],
    ['empty text', () => ''],
  ];
  for (const [name, make] of pathological) {
    // Their cost is measured by `npm run bench`, not asserted here.
    it(`handles ${name}`, () => {
      const text = make();
      assertWellFormed(text, analyze(text));
    });
  }
});
