// Re-anchoring stays correct on inputs at the edge of what people tag: huge passages, words that
// occur hundreds of thousands of times, thousands of tags lost at once. Their speed is measured by
// `npm run bench` (test/bench/annotations.mjs), not asserted here.

import * as assert from 'node:assert/strict';
import { anchorAt } from '../../../../../src/core/annotations/anchoring/capture';
import { MAX_COPIES_WEIGHED } from '../../../../../src/core/annotations/anchoring/candidates';
import { LineIndex } from '../../../../../src/core/annotations/anchoring/positions';
import type { StoredAnchor } from '../../../../../src/core/annotations/anchoring/types';
import { needsReview, reanchor, reanchorAll } from '../../../../../src/core/annotations/anchoring/reanchor';

function storedAt(text: string, start: number, end: number, lines = new LineIndex(text)): StoredAnchor {
  const anchor = anchorAt(text, start, end);
  return { ...anchor, start: lines.positionAt(anchor.start), end: lines.positionAt(anchor.end) };
}

function sentences(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `Witnesses said that item ${i} of the budget would change by ${(i * 7919) % 1000} units.`);
}

describe('re-anchoring large inputs', () => {
  for (const kb of [20, 100]) {
    it(`follows a ${kb} KB tag through a 10-character edit in its middle, to the same edges`, () => {
      const body = sentences(kb * 16).join(' ').slice(0, kb * 1024);
      const text = `Headline\n${body}\nThe end.\n`;
      const anchor = storedAt(text, 9, 9 + body.length);
      const middle = 9 + Math.floor(body.length / 2);
      const edited = `Update.\n${text.slice(0, middle)}0123456789${text.slice(middle)}`;
      const result = reanchor(edited, anchor);
      assert.equal(result.method, 'fuzzy');
      assert.deepEqual([result.start, result.end], [8 + 9, 8 + 9 + body.length + 10]);
      assert.ok(!needsReview(result));
    });
  }

  it('orphans a long tag edited beyond its error budget rather than guessing', () => {
    const body = sentences(40).join(' ');
    const text = `Headline\n${body}\nThe end.\n`;
    const anchor = storedAt(text, 9, 9 + body.length);
    const edited = text.replace(/item/g, 'line');
    assert.equal(reanchor(edited, anchor).method, 'orphaned');
  });

  it(`flags a tag whose words occur more than ${MAX_COPIES_WEIGHED} times, weighing only the nearest copies`, () => {
    const text = 'and the '.repeat(150_000);
    const at = 8 * 70_000;
    const anchor = storedAt(text, at, at + 3);
    const result = reanchor(`Added.\n${text}`, anchor);
    assert.ok(result.method === 'orphaned' || needsReview(result), JSON.stringify(result));
  });

  it('re-anchors 3,000 tags of which 2,000 were deleted: none of those lands unflagged, nearly all others are found', () => {
    // Sentences of varied words, as in articles (sentences differing by a figure only are
    // near-duplicates, which are flagged or orphaned on purpose).
    const words = 'council river budget spoke denied market school bridge rain police court union harbour fuel doctors farmers station report strike minister'.split(' ');
    let seed = 7;
    const pick = (): string => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return words[seed % words.length] ?? 'x';
    };
    const text = Array.from({ length: 3000 }, () => `The ${pick()} ${pick()} ${pick()} ${pick()} and ${pick()} ${pick()} ${pick()}.`).join('\n');
    const lines = new LineIndex(text);
    let at = 0;
    const anchors = text.split('\n').map((sentence) => {
      const anchor = storedAt(text, at, at + sentence.length, lines);
      at += sentence.length + 1;
      return anchor;
    });
    const kept = text.split('\n').filter((_, i) => i % 3 === 0).join('\n');
    const results = reanchorAll(`New top line.\n${kept}`, anchors);
    assert.equal(results.length, 3000);
    assert.equal(results.filter((r, i) => i % 3 !== 0 && r.method !== 'orphaned' && !needsReview(r)).length, 0, 'no deleted sentence lands unflagged');
    // A few random sentences are near-duplicates of one another (a word apart): those may be orphaned.
    const lost = results.filter((r, i) => i % 3 === 0 && r.method === 'orphaned').length;
    assert.ok(lost <= 30, `${lost} of 1000 kept sentences not found`);
  });
});
