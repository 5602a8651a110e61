import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { applyEdit, applyEdits } from '../../../../../src/core/annotations/anchoring/editTracking';
import type { TextEdit } from '../../../../../src/core/annotations/anchoring/editTracking';

interface Range {
  readonly start: number;
  readonly end: number;
  readonly status: 'active' | 'orphaned' | 'rejected';
}

function edited(text: string, edit: TextEdit): string {
  return text.slice(0, edit.start) + edit.text + text.slice(edit.end);
}

describe('moving tags through edits in the editor', () => {
  // The tagged passage is "quick brown" in "The quick brown fox"; `expected` is its text after the edit, or 'orphaned'.
  const text = 'The quick brown fox';
  const tag: Range = { start: 4, end: 15, status: 'active' };
  const cases: { name: string; edit: TextEdit; expected: string }[] = [
    { name: 'insertion before shifts it', edit: { start: 0, end: 0, text: 'Oh! ' }, expected: 'quick brown' },
    { name: 'insertion right at its start stays outside', edit: { start: 4, end: 4, text: 'very ' }, expected: 'quick brown' },
    { name: 'insertion inside grows it', edit: { start: 9, end: 9, text: ' and' }, expected: 'quick and brown' },
    { name: 'insertion right at its end stays outside', edit: { start: 15, end: 15, text: 'ish' }, expected: 'quick brown' },
    { name: 'insertion after leaves it', edit: { start: 19, end: 19, text: '!' }, expected: 'quick brown' },
    { name: 'deletion inside shrinks it', edit: { start: 9, end: 15, text: '' }, expected: 'quick' },
    { name: 'deletion over its start clamps it', edit: { start: 0, end: 10, text: '' }, expected: 'brown' },
    { name: 'deletion over its end clamps it', edit: { start: 10, end: 19, text: '' }, expected: 'quick ' },
    { name: 'replacement inside is part of it', edit: { start: 4, end: 9, text: 'slow' }, expected: 'slow brown' },
    { name: 'replacement over its start stays outside', edit: { start: 0, end: 6, text: 'A qu' }, expected: 'ick brown' },
    { name: 'deletion of exactly it orphans it', edit: { start: 4, end: 15, text: '' }, expected: 'orphaned' },
    { name: 'deletion around it orphans it', edit: { start: 2, end: 17, text: '' }, expected: 'orphaned' },
    { name: 'typing over all of it orphans it', edit: { start: 4, end: 15, text: 'lazy red' }, expected: 'orphaned' },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const [moved] = applyEdit([tag], c.edit);
      assert.ok(moved);
      if (c.expected === 'orphaned') {
        assert.equal(moved.status, 'orphaned');
        assert.equal(moved.start, moved.end);
      } else {
        assert.equal(moved.status, 'active');
        assert.equal(edited(text, c.edit).slice(moved.start, moved.end), c.expected);
      }
    });
  }

  it('returns untouched ranges as the same objects', () => {
    const [moved] = applyEdit([tag], { start: 19, end: 19, text: '!' });
    assert.equal(moved, tag);
  });

  it('keeps an orphan orphaned and moves it with the text before it', () => {
    const orphan: Range = { start: 4, end: 4, status: 'orphaned' };
    const [moved] = applyEdit([orphan], { start: 0, end: 0, text: 'ab' });
    assert.deepEqual(moved, { start: 6, end: 6, status: 'orphaned' });
  });

  it('applies the changes of one event (pre-event offsets) in any reported order', () => {
    // Multi-cursor: "X" typed before "quick" and after "brown" at once.
    const edits: TextEdit[] = [
      { start: 4, end: 4, text: 'X' },
      { start: 16, end: 16, text: 'X' },
      { start: 10, end: 10, text: 'X' },
    ];
    const expectedText = 'The Xquick Xbrown Xfox';
    assert.equal([...edits].sort((a, b) => b.start - a.start).reduce((t, e) => edited(t, e), text), expectedText);
    for (const order of [edits, [...edits].reverse()]) {
      const [moved] = applyEdits([tag], order);
      assert.ok(moved);
      assert.equal(expectedText.slice(moved.start, moved.end), 'quick Xbrown');
    }
  });

  it('keeps the passage text outside an edit and orphans only when all of it is removed (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 2, maxLength: 30 }),
        fc.nat(),
        fc.nat(),
        fc.nat(),
        fc.nat(),
        fc.string({ maxLength: 5 }),
        (text, a, b, c, d, insert) => {
          const [start, end] = [a % text.length, b % text.length].sort((x, y) => x - y) as [number, number];
          if (start === end) return;
          const [editStart, editEnd] = [c % (text.length + 1), d % (text.length + 1)].sort((x, y) => x - y) as [number, number];
          const edit = { start: editStart, end: editEnd, text: insert };
          const after = edited(text, edit);
          const [moved] = applyEdit([{ start, end, status: 'active' }], edit);
          assert.ok(moved && moved.start >= 0 && moved.start <= moved.end && moved.end <= after.length);
          const removesAll = editStart <= start && editEnd >= end;
          assert.equal(moved.status === 'orphaned', removesAll);
          if (editEnd < start || editStart > end || (editStart === editEnd && (editStart === start || editStart === end))) {
            assert.equal(after.slice(moved.start, moved.end), text.slice(start, end));
          }
          if (editStart > start && editEnd < end) {
            assert.equal(after.slice(moved.start, moved.end), text.slice(start, editStart) + insert + text.slice(editEnd, end));
          }
        },
      ),
    );
  });
});
