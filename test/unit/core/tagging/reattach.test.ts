import * as assert from 'node:assert/strict';
import { createAnnotation } from '../../../../src/core/annotations/model/create';
import type { Annotation } from '../../../../src/core/annotations/model/types';
import { reanchorEntries, reattachOrphans, refreshAnchor } from '../../../../src/core/tagging/reattach';
import { seedText } from '../analysis/helpers';

const text = seedText('000_03cb73ca90429b2a.txt');
const passage = 'The international community';

function tag(at: string, inText = text): Annotation {
  const start = inText.indexOf(at);
  assert.ok(start >= 0, `“${at}” is in the text`);
  return createAnnotation(inText, { label: 'quote', start, end: start + at.length, author: 'a', now: '2026-01-01T00:00:00Z', attributes: {} });
}

describe('the orphan / re-attach rule', () => {
  const a = tag(passage);
  const deleted = text.replace(passage, '');
  const orphan: Annotation = { ...a, start: a.start, end: a.start, status: 'orphaned' };

  const wholeCases: [string, string, Annotation, string, string | null][] = [
    ['a passage that moved is found at its new place', `New first line.\n${text}`, a, 'active', passage],
    ['a passage that is gone becomes orphaned', deleted, a, 'orphaned', null],
    ['an orphan whose words came back is active again', text, orphan, 'active', passage],
  ];
  for (const [what, newText, entry, status, covered] of wholeCases) {
    it(what, () => {
      const [r] = reanchorEntries(newText, [entry]);
      assert.equal(r?.status, status);
      if (covered === null) assert.equal(r?.start, r?.end, 'an orphan covers no text');
      else assert.equal(newText.slice(r?.start, r?.end), covered);
    });
  }

  it('keeps the status of a rejected annotation it finds', () => {
    const [r] = reanchorEntries(text, [{ ...a, status: 'rejected' }]);
    assert.equal(r?.status, 'rejected');
  });

  it('re-attaches an orphan while typing only when its exact words and context return, elsewhere or at its place', () => {
    const pastedAway: Annotation = { ...orphan, start: 0, end: 0 };
    const back = reattachOrphans(text, [pastedAway])[0];
    assert.equal(back?.status, 'active', 'pasted with its context');
    assert.equal(text.slice(back.start, back.end), passage);
    // Its words and context back at the very place it was orphaned (an undo of the deletion): active again there.
    const undone = reattachOrphans(text, [orphan])[0];
    assert.equal(undone?.status, 'active');
    assert.deepEqual([undone.start, undone.end], [a.start, a.end]);
    // Other words typed at its place are no reason to come back.
    const retyped = text.replace(passage, 'The global community');
    assert.equal(reattachOrphans(retyped, [orphan])[0]?.status, 'orphaned', 'a fuzzy match at its place is a guess');
    assert.equal(reattachOrphans(deleted, [pastedAway])[0]?.status, 'orphaned', 'still gone');
    const elsewhere = `Unrelated words. ${passage} appear here.`;
    assert.equal(reattachOrphans(elsewhere, [pastedAway])[0]?.status, 'orphaned', 'the same words without their context are a guess');
  });

  it('leaves active entries alone and returns a copy when there is no orphan', () => {
    const list = [a];
    const out = reattachOrphans(text, list);
    assert.notEqual(out, list);
    assert.equal(out[0], a);
  });

  it('reads the words and context again at the current place, the same object when unchanged', () => {
    assert.equal(refreshAnchor(text, a), a);
    const edited = `${text.slice(0, a.start - 1)}#${text.slice(a.start)}`;
    const refreshed = refreshAnchor(edited, a);
    assert.notEqual(refreshed, a);
    assert.equal(refreshed.text, passage);
    assert.ok(refreshed.prefix.endsWith('#'), 'the context is that of the text now');
  });
});
