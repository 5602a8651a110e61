import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import type { TextChange } from '../../../../src/core/analysis/editMap';
import { EditMap } from '../../../../src/core/analysis/editMap';

function apply(text: string, changes: readonly TextChange[]): string {
  let out = text;
  for (const c of changes) out = out.slice(0, c.start) + c.text + out.slice(c.end);
  return out;
}

describe('EditMap: old offsets through a run of edits', () => {
  const text = 'The minister said on Monday that the budget would pass.';

  it('moves a span after an insertion and keeps one before it', () => {
    const map = EditMap.of([{ start: 4, end: 4, text: 'new ' }]);
    assert.deepEqual(map.span({ start: 0, end: 3 }), { start: 0, end: 3 });
    assert.deepEqual(map.span({ start: 13, end: 17 }), { start: 17, end: 21 });
  });

  it('reports a span an edit replaced part of, or typed inside, as touched', () => {
    const map = EditMap.of([{ start: 14, end: 15, text: 'X' }]);
    assert.equal(map.span({ start: 13, end: 17 }), undefined);
    assert.equal(EditMap.of([{ start: 15, end: 15, text: 'a' }]).span({ start: 13, end: 17 }), undefined);
  });

  it('moves a span an insertion only touches at its edge', () => {
    assert.deepEqual(EditMap.of([{ start: 13, end: 13, text: 'ab' }]).span({ start: 13, end: 17 }), { start: 15, end: 19 });
    assert.deepEqual(EditMap.of([{ start: 17, end: 17, text: 'ab' }]).span({ start: 13, end: 17 }), { start: 13, end: 17 });
  });

  it('folds keystrokes at one place into one dirty region', () => {
    const map = EditMap.of([
      { start: 20, end: 20, text: 'a' },
      { start: 21, end: 21, text: 'b' },
      { start: 22, end: 22, text: 'c' },
      { start: 21, end: 22, text: '' },
    ]);
    assert.deepEqual(map.dirty(), [{ start: 20, end: 22 }]);
  });

  it('places text inserted at an offset after it or before it on request', () => {
    const map = EditMap.of([{ start: 10, end: 10, text: 'xyz' }]);
    assert.equal(map.point(10, 'after'), 13);
    assert.equal(map.point(10, 'before'), 10);
    assert.equal(map.point(11, 'before'), 14);
  });

  it('maps every untouched character of the old text onto the same character of the new one (property)', () => {
    const change = (length: number): fc.Arbitrary<{ at: number; del: number; text: string }> =>
      fc.record({ at: fc.nat({ max: length }), del: fc.nat({ max: 6 }), text: fc.string({ maxLength: 6 }) });
    fc.assert(
      fc.property(fc.array(change(text.length), { minLength: 1, maxLength: 12 }), (raw) => {
        let current = text;
        const changes: TextChange[] = [];
        for (const r of raw) {
          const start = Math.min(r.at, current.length);
          const c = { start, end: Math.min(current.length, start + r.del), text: r.text };
          changes.push(c);
          current = apply(current, [c]);
        }
        const map = EditMap.of(changes);
        for (let i = 0; i < text.length; i++) {
          const moved = map.span({ start: i, end: i + 1 });
          if (moved) assert.equal(current[moved.start], text[i], `character ${i} moved to ${moved.start}`);
        }
        // Every dirty region lies inside the new text, and everything outside them survived.
        let kept = 0;
        for (let i = 0; i < text.length; i++) if (map.span({ start: i, end: i + 1 })) kept++;
        const dirtyLength = map.dirty().reduce((n, d) => n + d.end - d.start, 0);
        assert.equal(current.length - dirtyLength, kept);
      }),
      { numRuns: 300 },
    );
  });
});
