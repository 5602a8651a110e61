import * as assert from 'node:assert/strict';
import type { Annotation } from '../../../../src/core/annotations/model/types';
import { annotationAt, sentenceAt } from '../../../../src/core/tagging/lookup';

const text = 'Lavrov said: “We will not negotiate.” Syria’s army advanced. Then it stopped!\nComment: nice';
describe('annotation and sentence under a position', () => {
  it('finds the sentence around the cursor without splitting at an apostrophe', () => {
    const s = sentenceAt(text, text.indexOf('army'));
    assert.ok(s);
    assert.equal(text.slice(s.start, s.end), 'Syria’s army advanced.');
    const last = sentenceAt(text, text.indexOf('stopped'));
    assert.ok(last);
    assert.equal(text.slice(last.start, last.end), 'Then it stopped!');
    assert.equal(sentenceAt('a\n\nb', 2), undefined, 'a blank line has no sentence');
  });

  it('finds the innermost active annotation under the cursor', () => {
    const base = { prefix: '', suffix: '', attributes: {}, author: 'a', created: '', modified: '', label: 'x' };
    const outer: Annotation = { ...base, id: 'outer', start: 0, end: 40, text: '', status: 'active' };
    const inner: Annotation = { ...base, id: 'inner', start: 5, end: 10, text: '', status: 'active' };
    const orphan: Annotation = { ...base, id: 'orphan', start: 6, end: 6, text: '', status: 'orphaned' };
    assert.equal(annotationAt([outer, inner, orphan], 6)?.id, 'inner');
    assert.equal(annotationAt([outer, inner, orphan], 20)?.id, 'outer');
    assert.equal(annotationAt([outer, inner, orphan], 50), undefined);
  });
});
