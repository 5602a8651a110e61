import * as assert from 'node:assert/strict';
import { createRejection, isRejected } from '../../../../../src/core/annotations/model/create';
import { loadAnnotations } from '../../../../../src/core/annotations/sidecar/load';
import { parseSidecar } from '../../../../../src/core/annotations/sidecar/parse';
import { serialiseSidecar } from '../../../../../src/core/annotations/sidecar/serialise';

describe('rejected detections', () => {
  const text = 'Body text.\n\nSubscribe to our channel!\n\nMore body.\n';
  const start = text.indexOf('Subscribe');
  const end = text.indexOf('!') + 1;
  const rejection = createRejection(text, { id: '0123456789ab', kind: 'noise:subscribe', start, end, author: 'ana', now: '2024-05-01T09:30:00Z' });

  it('hide only the same kind of detection over the same passage', () => {
    assert.equal(isRejected([rejection], 'noise:subscribe', start, end), true);
    assert.equal(isRejected([rejection], 'quote', start, end), false);
    assert.equal(isRejected([rejection], 'noise:subscribe', start + 1, end), false);
  });

  it('keep hiding the detection after the text changed, and stop once its passage is gone', () => {
    const yamlText = serialiseSidecar(undefined, { file: 'a.txt', sha256: 'a'.repeat(64), annotations: [], rejections: [rejection] }, text);
    const parsed = parseSidecar(yamlText);
    assert.ok(parsed.ok);
    const moved = `New intro.\n\n${text}`;
    const [kept] = loadAnnotations(parsed.sidecar, moved, 'b'.repeat(64)).set.rejections;
    assert.ok(kept);
    assert.equal(isRejected([kept], 'noise:subscribe', moved.indexOf('Subscribe'), moved.indexOf('!') + 1), true);
    const [gone] = loadAnnotations(parsed.sidecar, 'Body text.\n\nMore body.\n', 'c'.repeat(64)).set.rejections;
    assert.equal(gone?.status, 'orphaned');
  });
});
