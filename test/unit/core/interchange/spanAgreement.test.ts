import * as assert from 'node:assert/strict';
import { exactMatches, overlapMatches, pairAgreement } from '../../../../src/core/interchange/spanAgreement';
import type { Span } from '../../../../src/core/interchange/spanAgreement';

const s = (start: number, end: number, label = 'quote'): Span => ({ start, end, label });

describe('span agreement', () => {
  // Hand-computed: first has 4 spans, second 3.
  //   [0,10) quote  vs [0,10) quote   → exact and overlap match
  //   [20,30) quote vs [22,30) quote  → overlap only
  //   [40,50) claim vs [40,50) quote  → different labels: no match at all
  //   [60,70) quote has no partner
  // exact: 1 matched → F1 = 2·1/(4+3) = 0.2857…; overlap: 2 matched → F1 = 4/7 = 0.5714…
  const first = [s(0, 10), s(20, 30), s(40, 50, 'claim'), s(60, 70)];
  const second = [s(0, 10), s(22, 30), s(40, 50)];

  it('exact F1: same label, start and end', () => {
    assert.deepEqual(exactMatches(first, second), { matched: 1, onlyFirst: 3, onlySecond: 2, f1: 2 / 7 });
  });

  it('overlap F1: same label and a shared character, each span used once', () => {
    assert.deepEqual(overlapMatches(first, second), { matched: 2, onlyFirst: 2, onlySecond: 1, f1: 4 / 7 });
  });

  it('overlap matching is one to one, preferring the largest overlap', () => {
    // One long span against two short ones inside it: only one of them can be its match.
    assert.equal(overlapMatches([s(0, 100)], [s(0, 10), s(20, 90)]).matched, 1);
    assert.equal(overlapMatches([s(0, 10), s(5, 95)], [s(0, 100)]).matched, 1);
    assert.equal(overlapMatches([s(0, 10), s(12, 20)], [s(0, 11), s(11, 20)]).matched, 2);
  });

  it('leaves out spans covering no characters: they are neither a match nor a miss', () => {
    const both = pairAgreement([{ name: 'a', length: 40, first: [s(18, 18), s(0, 10)], second: [s(18, 18), s(0, 10)] }]);
    assert.deepEqual(both.overall.exact, { matched: 1, onlyFirst: 0, onlySecond: 0, f1: 1 });
    assert.deepEqual(both.overall.overlap, { matched: 1, onlyFirst: 0, onlySecond: 0, f1: 1 });
    const only = pairAgreement([{ name: 'a', length: 40, first: [s(18, 18)], second: [s(18, 18)] }]);
    assert.equal(only.overall.exact.matched, 0);
    assert.equal(only.overall.overlap.matched, 0);
  });

  it('duplicates match once each', () => {
    assert.equal(exactMatches([s(0, 5), s(0, 5)], [s(0, 5)]).matched, 1);
  });

  it('per label and overall over several articles, with αu', () => {
    const result = pairAgreement([
      { name: 'a.txt', length: 100, first, second },
      { name: 'b.txt', length: 50, first: [s(5, 15, 'claim')], second: [s(5, 15, 'claim')] },
    ]);
    assert.equal(result.articles, 2);
    assert.deepEqual(result.labels['claim']?.exact, { matched: 1, onlyFirst: 1, onlySecond: 0, f1: 2 / 3 });
    assert.deepEqual(result.labels['quote']?.exact, { matched: 1, onlyFirst: 2, onlySecond: 2, f1: 2 / 6 });
    assert.deepEqual(result.overall.exact, { matched: 2, onlyFirst: 3, onlySecond: 2, f1: 4 / 9 });
    assert.deepEqual(result.overall.overlap, { matched: 3, onlyFirst: 2, onlySecond: 1, f1: 6 / 9 });
    assert.ok(result.overall.alpha > 0 && result.overall.alpha < 1, String(result.overall.alpha));
  });

  it('perfect agreement gives F1 1 and αu 1', () => {
    const spans = [s(0, 10), s(30, 45, 'claim')];
    const result = pairAgreement([{ name: 'a.txt', length: 60, first: spans, second: spans }]);
    assert.equal(result.overall.exact.f1, 1);
    assert.equal(result.overall.overlap.f1, 1);
    assert.equal(result.overall.alpha, 1);
  });
});
