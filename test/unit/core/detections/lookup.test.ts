import * as assert from 'node:assert/strict';
import type { Analysis } from '../../../../src/core/analysis/types';
import { detectionAt, detectionsOf } from '../../../../src/core/detections/lookup';

const text = 'Lavrov said: “We will not negotiate.” Syria’s army advanced. Then it stopped!\nComment: nice';
const quoteStart = text.indexOf('We will');
const analysis: Analysis = {
  quotes: [{ start: quoteStart, end: text.indexOf('.”') + 1, speakerId: 's0', mention: null, cue: null, confidence: 0.9, evidence: [] }],
  speakers: [{ id: 's0', name: 'Sergei Lavrov', mentions: [{ start: 0, end: 6, text: 'Lavrov', kind: 'name' }] }],
  cues: [{ start: 7, end: 11, text: 'said' }],
  noise: [{ start: text.indexOf('Comment'), end: text.length, kind: 'comment', confidence: 0.8, evidence: [] }],
};

describe('detections', () => {
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

  const cases: [string, number, string | undefined, string][] = [
    ['a speaker mention', 0, 'speaker', 'Lavrov'],
    ['the last character of a mention', 5, 'speaker', 'Lavrov'],
    ['a cue (the hover and the commands both see cues)', 8, 'cue', 'said'],
    ['just after a cue', 11, undefined, ''],
    ['inside a quote', quoteStart, 'quote', 'We will not negotiate.'],
    ['a boilerplate line', text.indexOf('nice'), 'noise', 'Comment: nice'],
    ['plain text between detections', text.indexOf('Then'), undefined, ''],
  ];
  for (const [where, offset, kind, covered] of cases) {
    it(`finds ${kind ?? 'nothing'} at ${where}`, () => {
      const d = detectionAt(analysis, offset);
      assert.equal(d?.kind, kind);
      if (d) assert.equal(text.slice(d.start, d.end), covered);
    });
  }

  it('prefers a mention inside a quote and a quote inside a boilerplate line', () => {
    const t = 'Comment: “Putin lies,” wrote Bob.';
    const nested: Analysis = {
      quotes: [{ start: 10, end: 21, speakerId: null, mention: null, cue: null, confidence: 0.5, evidence: [] }],
      speakers: [{ id: 's0', name: 'Vladimir Putin', mentions: [{ start: 10, end: 15, text: 'Putin', kind: 'name' }] }],
      cues: [],
      noise: [{ start: 0, end: t.length, kind: 'comment', confidence: 0.9, evidence: [] }],
    };
    assert.equal(detectionAt(nested, 12)?.kind, 'speaker');
    assert.equal(detectionAt(nested, 17)?.kind, 'quote');
    assert.equal(detectionAt(nested, 2)?.kind, 'noise');
  });

  it('carries the engine object a hover describes', () => {
    const d = detectionAt(analysis, 2);
    assert.ok(d?.item.kind === 'speaker');
    assert.equal(d.item.speaker.name, 'Sergei Lavrov');
    assert.equal(d.item.mention.text, 'Lavrov');
    const cue = detectionAt(analysis, 8);
    assert.ok(cue?.item.kind === 'cue');
    assert.equal(cue.item.cue.text, 'said');
  });
});
