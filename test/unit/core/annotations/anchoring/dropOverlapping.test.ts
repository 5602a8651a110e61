// One fuzzy match per place: the fewest errors first, each from its start on, kept when it overlaps
// none kept before. Checked against that rule written out plainly, on random matches and on the
// runs a text of look-alikes gives.
import * as assert from 'node:assert/strict';
import { dropOverlapping } from '../../../../../src/core/annotations/anchoring/candidates';

type Match = { start: number; end: number; errors: number };

/** The rule, match by match against every place kept. */
function plainly(matches: readonly Match[]): Match[] {
  const kept: Match[] = [];
  for (const match of [...matches].sort((a, b) => a.errors - b.errors || a.start - b.start)) {
    if (!kept.some((k) => match.start < k.end && k.start < match.end)) kept.push(match);
  }
  return kept;
}

/** A small deterministic generator, so that a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) & 0x7fffffff;
    return state / 0x80000000;
  };
}

describe('dropOverlapping', () => {
  it('keeps what the plain rule keeps, in its order, on 2,000 random sets of matches', () => {
    const next = random(7);
    for (let round = 0; round < 2000; round++) {
      const count = Math.floor(next() * 40);
      const matches: Match[] = Array.from({ length: count }, () => {
        const start = Math.floor(next() * 60);
        return { start, end: start + 1 + Math.floor(next() * 12), errors: Math.floor(next() * 3) };
      });
      assert.deepEqual(dropOverlapping(matches), plainly(matches), JSON.stringify(matches));
    }
  });

  it('keeps one match in every stretch of a run of look-alikes, as the plain rule does', () => {
    // A 9-character passage with one error at every end of a run of "=": a match at each character.
    const matches: Match[] = Array.from({ length: 2000 }, (_, i) => ({ start: i, end: i + 9, errors: 1 }));
    const kept = dropOverlapping(matches);
    assert.deepEqual(kept, plainly(matches));
    assert.equal(kept.length, Math.ceil(2000 / 9));
  });

  it('keeps nothing of nothing', () => {
    assert.deepEqual(dropOverlapping([]), []);
  });
});
