import * as assert from 'node:assert/strict';
import type { Annotation } from '../../../../src/core/annotations/model/types';
import type { Analysis } from '../../../../src/core/analysis/types';
import { annotationAt, detectionAt, detectionsOf, sentenceAt } from '../../../../src/core/tagging/targets';

const text = 'Lavrov said: “We will not negotiate.” Syria’s army advanced. Then it stopped!\nComment: nice';
const quoteStart = text.indexOf('We will');
const analysis: Analysis = {
  quotes: [{ start: quoteStart, end: text.indexOf('.”') + 1, speakerId: 's0', mention: null, cue: null, confidence: 0.9, evidence: [] }],
  speakers: [{ id: 's0', name: 'Sergei Lavrov', mentions: [{ start: 0, end: 6, text: 'Lavrov', kind: 'name' }] }],
  cues: [{ start: 7, end: 11, text: 'said' }],
  noise: [{ start: text.indexOf('Comment'), end: text.length, kind: 'comment', confidence: 0.8, evidence: [] }],
};

describe('tagging targets', () => {
  it('lists detections in text order with the attributes an accepted tag keeps', () => {
    const all = detectionsOf(analysis);
    assert.deepEqual(
      all.map((d) => d.kind),
      ['speaker', 'cue', 'quote', 'noise'],
    );
    assert.deepEqual(detectionsOf(analysis, 'quote')[0]?.attributes, { speaker: 'Sergei Lavrov' });
    assert.deepEqual(detectionsOf(analysis, 'noise')[0]?.attributes, { kind: 'comment' });
  });

  it('picks the innermost detection under the cursor', () => {
    assert.equal(detectionAt(analysis, 2)?.kind, 'speaker');
    assert.equal(detectionAt(analysis, quoteStart + 3)?.kind, 'quote');
    assert.equal(detectionAt(analysis, text.length)?.kind, 'noise', 'the end of a boilerplate line still counts');
    assert.equal(detectionAt(analysis, text.indexOf('army')), undefined);
  });

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
