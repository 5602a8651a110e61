import * as assert from 'node:assert/strict';
import type { Analysis } from '../../../../src/core/analysis/types';
import { groupBySpeaker, quotesOfSpeaker, speakerKey } from '../../../../src/core/corpus/speakerGroups';

function article(name: string, speakers: [string, number][]): { name: string; analysis: Analysis } {
  let at = 0;
  const analysis: Analysis = {
    speakers: speakers.map(([n], i) => ({ id: `s${i}`, name: n, mentions: [{ start: 0, end: n.length, text: n, kind: 'name' }] })),
    quotes: speakers.flatMap(([, count], i) => Array.from({ length: count }, () => ({ start: (at += 10), end: at + 5, speakerId: `s${i}`, mention: null, cue: null, confidence: 1, evidence: [] }))),
    cues: [],
    noise: [],
  };
  return { name, analysis };
}

describe('speaker grouping', () => {
  const a = article('a.txt', [['Lavrov', 1], ['Antony Blinken', 2], ['Nobody', 0]]);
  const b = article('b.txt', [['Sergei Lavrov', 2], ['lavrov', 1]]);

  it('groups by name without case, keeps the fullest spelling, and sorts by quotes then name', () => {
    const groups = groupBySpeaker([a, b]);
    assert.deepEqual(
      groups.map((g) => [g.name, g.quoteCount, g.articles.map((x) => x.article.name)]),
      [
        ['Antony Blinken', 2, ['a.txt']],
        ['Lavrov', 2, ['a.txt', 'b.txt']],
        ['Sergei Lavrov', 2, ['b.txt']],
      ],
    );
  });

  it('leaves out speakers without quotes', () => {
    assert.ok(!groupBySpeaker([a]).some((g) => g.name === 'Nobody'));
  });

  it('finds the quotes of a speaker by key, across spellings', () => {
    assert.equal(speakerKey('Sergei LAVROV'), 'sergei lavrov');
    assert.equal(quotesOfSpeaker(b.analysis, 'lavrov').length, 1);
    assert.equal(quotesOfSpeaker(a.analysis, speakerKey('LAVROV')).length, 1);
    assert.equal(quotesOfSpeaker(a.analysis, 'nobody').length, 0);
  });
});
