import * as assert from 'node:assert/strict';
import { anchorAt, CONTEXT_LENGTH, textForHashing } from '../../../../../src/core/annotations/anchoring/capture';
import { createAnnotation } from '../../../../../src/core/annotations/model/create';
import { ANNOTATION_ID_PATTERN, newAnnotationId } from '../../../../../src/core/annotations/model/ids';

describe('creating a tag', () => {
  it('gets a random 12-hex-character id, from an injected source when given', () => {
    const ids = new Set(Array.from({ length: 200 }, () => newAnnotationId()));
    assert.equal(ids.size, 200);
    for (const id of ids) assert.match(id, ANNOTATION_ID_PATTERN);
    assert.equal(newAnnotationId((buffer) => buffer.fill(0xab)), 'abababababab');
  });

  it('stores the passage and up to 32 characters of context on each side, line breaks as LF', () => {
    const text = `${'x'.repeat(40)}\r\nSaid: “Hello there.”\r\n${'y'.repeat(40)}`;
    const start = text.indexOf('Hello');
    const tag = createAnnotation(text, { label: 'quote', start, end: start + 12, author: 'ana', now: '2024-05-01T09:30:00Z' });
    assert.equal(tag.text, 'Hello there.');
    // 32 characters of the text as held, where a CRLF counts two.
    assert.equal(tag.prefix, `${'x'.repeat(CONTEXT_LENGTH - 9)}\nSaid: “`);
    assert.equal(tag.suffix, `”\n${'y'.repeat(CONTEXT_LENGTH - 3)}`);
    assert.deepEqual([tag.status, tag.created, tag.modified, tag.attributes], ['active', '2024-05-01T09:30:00Z', '2024-05-01T09:30:00Z', {}]);
  });

  it('never cuts an emoji in half at the edge of its context', () => {
    const text = `😀${'a'.repeat(31)}PASSAGE${'b'.repeat(31)}😀`;
    const start = text.indexOf('PASSAGE');
    const anchor = anchorAt(text, start, start + 7);
    assert.equal(anchor.prefix, 'a'.repeat(31));
    assert.equal(anchor.suffix, 'b'.repeat(31));
  });

  it('hashes the text without its BOM, so VS Code and the command line agree', () => {
    assert.equal(textForHashing('\uFEFFabc'), 'abc');
    assert.equal(textForHashing('abc'), 'abc');
  });
});
