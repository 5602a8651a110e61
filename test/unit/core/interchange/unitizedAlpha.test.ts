import * as assert from 'node:assert/strict';
import { categoryAlpha, mergeOverlaps, unitizedAlpha } from '../../../../src/core/interchange/unitizedAlpha';
import type { Unit, UnitizingStudy } from '../../../../src/core/interchange/unitizedAlpha';

/**
 * Krippendorff's worked example (2004, "Content Analysis", 2nd ed., p. 254): two observers, a
 * continuum of 300 from 150, categories c and k. DKPro Statistics reproduces it in its unit test
 * Krippendorff2004Test with the published values checked below.
 */
function krippendorffExample(): UnitizingStudy {
  const unit = (begin: number, length: number, rater: number, category: string): Unit => ({ begin, length, rater, category });
  return {
    raterCount: 2,
    continuumBegin: 150,
    continuumLength: 300,
    units: [
      unit(225, 70, 0, 'c'),
      unit(370, 30, 0, 'c'),
      unit(220, 80, 1, 'c'),
      unit(355, 20, 1, 'c'),
      unit(400, 20, 1, 'c'),
      unit(180, 60, 0, 'k'),
      unit(300, 50, 0, 'k'),
      unit(180, 60, 1, 'k'),
      unit(300, 50, 1, 'k'),
    ],
  };
}

describe("Krippendorff's unitized alpha", () => {
  it('reproduces the published worked example: category c', () => {
    const c = categoryAlpha(krippendorffExample(), 'c');
    assert.ok(Math.abs(c.observed - 0.0144) < 0.0001, `observed ${c.observed}`);
    assert.ok(Math.abs(c.expected - 0.0532) < 0.0001, `expected ${c.expected}`);
    assert.ok(Math.abs(c.alpha - 0.7286) < 0.0001, `alpha ${c.alpha}`);
  });

  it('reproduces the published worked example: category k (identical units)', () => {
    const k = categoryAlpha(krippendorffExample(), 'k');
    assert.equal(k.observed, 0);
    assert.ok(Math.abs(k.expected - 0.049) < 0.0001, `expected ${k.expected}`);
    assert.equal(k.alpha, 1);
  });

  it('reproduces the published worked example: overall αu = 0.8591', () => {
    const alpha = unitizedAlpha(krippendorffExample());
    assert.ok(Math.abs(alpha - 0.8591) < 0.0005, `alpha ${alpha}`);
  });

  it('is 1 when the raters agree exactly, and lower the more they shift', () => {
    const study = (shift: number): UnitizingStudy => ({
      raterCount: 2,
      continuumBegin: 0,
      continuumLength: 100,
      units: [
        { rater: 0, category: 'q', begin: 10, length: 20 },
        { rater: 1, category: 'q', begin: 10 + shift, length: 20 },
        { rater: 0, category: 'q', begin: 60, length: 10 },
        { rater: 1, category: 'q', begin: 60, length: 10 },
      ],
    });
    assert.equal(unitizedAlpha(study(0)), 1);
    const small = unitizedAlpha(study(2));
    const large = unitizedAlpha(study(8));
    assert.ok(small < 1 && large < small, `${small} ${large}`);
  });

  it('joins overlapping units of one rater and category', () => {
    const merged = mergeOverlaps([
      { rater: 0, category: 'q', begin: 10, length: 10 },
      { rater: 0, category: 'q', begin: 15, length: 10 },
      { rater: 0, category: 'k', begin: 15, length: 2 },
      { rater: 1, category: 'q', begin: 12, length: 2 },
    ]);
    assert.deepEqual(
      merged.map((u) => [u.rater, u.category, u.begin, u.length]),
      [
        [0, 'q', 10, 15],
        [0, 'k', 15, 2],
        [1, 'q', 12, 2],
      ],
    );
  });
});
