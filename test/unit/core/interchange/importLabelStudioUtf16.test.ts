// Old Label Studio files counted offsets in UTF-16 code units, up to the end of the text.
import * as assert from 'node:assert/strict';
import type { AnnotationSet } from '../../../../src/core/annotations/model/types';
import { parseImport } from '../../../../src/core/interchange/formats';
import { importTags } from '../../../../src/core/interchange/placeTags';

const OPTIONS = { author: 'importer', now: '2026-11-30T00:00:00.000Z', newId: () => 'f00000000001' };
const emptySet = (): AnnotationSet => ({ file: 'story.txt', sha256: 'f'.repeat(64), annotations: [], rejections: [] });

describe('old Label Studio UTF-16 offsets of a region near the end of the text', () => {
  it('is placed at its UTF-16 offsets like a region earlier in the text', () => {
    // "said" twice; the region is the second one, after two emoji: UTF-16 end 31 > 29 code points.
    const text = 'Ruiz said 😀😀 yes. Lopez said';
    const start = text.lastIndexOf('said');
    const parsed = parseImport('label-studio', [{ path: 'a.json', content: JSON.stringify([{ data: { text, file: 'story.txt' }, annotations: [{ created_username: 'ana', result: [{ id: 'r1', type: 'labels', value: { start, end: start + 4, text: 'said', labels: ['verb'] } }] }] }]) }]);
    console.log('problems:', parsed.problems.map((p) => p.message));
    const document = parsed.documents[0];
    assert.ok(document);
    const outcome = importTags(text, emptySet(), document, OPTIONS);
    const tag = outcome.set.annotations[0];
    console.log('tag:', tag?.status, tag?.start, tag?.end);
    assert.equal(tag?.status, 'active');
    assert.equal(tag?.start, start);
  });
});
