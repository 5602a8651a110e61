import * as assert from 'node:assert/strict';
import { analyze } from '../../../../src/core/analysis/analyze';
import type { Analysis } from '../../../../src/core/analysis/types';
import { articleStatistics } from '../../../../src/core/articles/statistics';
import { seedText } from '../analysis/helpers';

const empty: Analysis = { quotes: [], speakers: [], cues: [], noise: [] };

describe('articleStatistics', () => {
  it('counts lines the way the editor does (LF, CRLF and a lone CR)', () => {
    assert.equal(articleStatistics('a\nb\r\nc\rd', empty).lines, 4);
    assert.equal(articleStatistics('', empty).lines, 1);
    assert.equal(articleStatistics('a\n', empty).lines, 2);
  });

  it('counts only speakers with an attributed quote', () => {
    const text = 'Lavrov said: “No.” Blinken nodded.';
    const a: Analysis = {
      quotes: [{ start: 14, end: 17, speakerId: 's0', mention: null, cue: null, confidence: 1, evidence: [] }],
      speakers: [
        { id: 's0', name: 'Lavrov', mentions: [{ start: 0, end: 6, text: 'Lavrov', kind: 'name' }] },
        { id: 's1', name: 'Blinken', mentions: [{ start: 19, end: 26, text: 'Blinken', kind: 'name' }] },
      ],
      cues: [],
      noise: [],
    };
    const stats = articleStatistics(text, a);
    assert.deepEqual([stats.quotes, stats.speakers, stats.words], [1, 1, 5]);
  });

  it('measures boilerplate by non-space characters', () => {
    const text = 'Body text here\n\nShare   this\n';
    const start = text.indexOf('Share');
    const a: Analysis = { ...empty, noise: [{ start, end: start + 'Share   this'.length, kind: 'social', confidence: 1, evidence: [] }] };
    const stats = articleStatistics(text, a);
    assert.equal(stats.boilerplateLines, 1);
    assert.equal(stats.boilerplateShare, 'Sharethis'.length / 'Bodytexthere'.concat('Sharethis').length);
    assert.equal(articleStatistics('   ', empty).boilerplateShare, 0, 'an empty article has no share');
  });

  it('agrees with the analysis of a real article', () => {
    const text = seedText('000_03cb73ca90429b2a.txt');
    const a = analyze(text);
    const stats = articleStatistics(text, a);
    assert.equal(stats.quotes, a.quotes.length);
    assert.equal(stats.boilerplateLines, a.noise.length);
    assert.ok(stats.speakers > 0 && stats.speakers <= a.speakers.length);
    assert.ok(stats.boilerplateShare > 0 && stats.boilerplateShare < 1);
  });
});
