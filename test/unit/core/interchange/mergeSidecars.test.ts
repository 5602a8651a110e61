import * as assert from 'node:assert/strict';
import type { Annotation } from '../../../../src/core/annotations/model/types';
import { parseSidecar } from '../../../../src/core/annotations/sidecar/parse';
import { serialiseSidecar } from '../../../../src/core/annotations/sidecar/serialise';
import { mergeSidecars, UNKNOWN_TEXT_SHA256 } from '../../../../src/core/interchange/mergeSidecars';
import { recordedConflicts } from '../../../../src/core/interchange/sidecarConflicts';
import { sampleTags, TEXT } from './testArticle';

const sidecar = (annotations: readonly Annotation[], sha = 'a'.repeat(64)): string => serialiseSidecar(undefined, { file: 'story.txt', sha256: sha, annotations, rejections: [] }, TEXT);
const withNote = (id: string, note: string): Annotation[] => sampleTags().map((a) => (a.id === id ? { ...a, note } : a));

describe('three-way merge of sidecars (without git)', () => {
  it('takes one side’s change and is symmetric about it', () => {
    const base = sidecar(sampleTags());
    const changed = sidecar(withNote('00000000000b', 'new'));
    for (const [ours, theirs] of [[base, changed], [changed, base]] as const) {
      const result = mergeSidecars({ base, ours, theirs });
      assert.deepEqual(result.conflicts, []);
      const parsed = parseSidecar(result.text);
      assert.ok(parsed.ok);
      assert.equal(parsed.sidecar.annotations.find((a) => a.id === '00000000000b')?.note, 'new');
    }
  });

  it('does not count context or timestamps as a change', () => {
    const base = sidecar(sampleTags());
    const touched = sidecar(sampleTags().map((a) => ({ ...a, modified: '2030-01-01T00:00:00.000Z' })));
    const result = mergeSidecars({ base, ours: sidecar(withNote('00000000000a', 'ours')), theirs: touched });
    assert.deepEqual(result.conflicts, []);
  });

  it('records a conflict the parser accepts and the conflict reader finds, on its line', () => {
    const base = sidecar(sampleTags());
    const result = mergeSidecars({ base, ours: sidecar(withNote('00000000000a', 'ours')), theirs: sidecar(withNote('00000000000a', 'theirs')) });
    assert.deepEqual(result.conflicts, [{ id: '00000000000a', reason: 'changed on both sides' }]);
    assert.ok(parseSidecar(result.text).ok);
    const [conflict] = recordedConflicts(result.text);
    assert.equal(conflict?.id, '00000000000a');
    assert.equal(result.text.split('\n')[(conflict?.line ?? 0) - 1]?.trim(), 'conflict:');
  });

  it('a file added on both sides (no base) keeps every tag', () => {
    const ours = sidecar(sampleTags().slice(0, 2));
    const theirs = sidecar(sampleTags().slice(2));
    const result = mergeSidecars({ base: '', ours, theirs });
    const parsed = parseSidecar(result.text);
    assert.ok(parsed.ok);
    assert.equal(parsed.sidecar.annotations.length, sampleTags().length);
  });

  it('leaves an unreadable side between conflict markers, losing nothing', () => {
    const ours = sidecar(sampleTags());
    const result = mergeSidecars({ base: ours, ours, theirs: 'annotations: [oops' });
    assert.equal(result.unreadable, 'theirs');
    assert.ok(result.text.includes(ours) && result.text.includes('annotations: [oops'));
  });

  it('without the article, sides on different texts get a hash no text has, so the editor re-anchors', () => {
    const result = mergeSidecars({ base: sidecar(sampleTags()), ours: sidecar(sampleTags()), theirs: sidecar(sampleTags(), 'b'.repeat(64)) });
    assert.equal(result.reanchorPending, true);
    const parsed = parseSidecar(result.text);
    assert.ok(parsed.ok);
    assert.equal(parsed.sidecar.sha256, UNKNOWN_TEXT_SHA256);
  });
});
