import * as assert from 'node:assert/strict';
import { analyze } from '../../../../src/core/analysis/analyze';

const ARTICLE = [
  'Russian Foreign Minister Sergei Lavrov rejected calls for a ceasefire between the Syrian government troops and militants in the Idlib region, speaking at the conference of the UN Human Rights Council in Geneva on Tuesday.',
  '“The international community and the Human Rights Council are required to block extremists who have raised their heads,” Lavrov said.',
  'On Monday the state news agency reported that the government forces had advanced further into the Idlib countryside, taking over four new villages from the militants in the region.',
  'The announcement came after the president made major gains in the northwest of the country that led to his troops consolidating control over the province and the roads around it.',
];

/** Menu lines of one length that share their first, middle and last characters: alike to a cheap index, different in words. */
const ALIKE = ['north', 'south', 'crime', 'money', 'music', 'games', 'books', 'films', 'legal', 'trade', 'metro', 'world'].map((w) => `>${w} new x`);

describe('noise: repeated lines among lines alike in length and letters', () => {
  it('has lines alike at the first, middle and last character (the test is about them)', () => {
    for (const l of ALIKE) assert.deepEqual([l.length, l[0], l[6], l[11]], [12, '>', ' ', 'x'], l);
  });

  it('marks each repeat as a repeat of its own first line, and no first line as a repeat', () => {
    const after = [...ALIKE, ...[...ALIKE].reverse()];
    const text = [...ARTICLE, ...after].join('\n\n');
    const noise = analyze(text).noise;
    for (const [k, line] of ALIKE.entries()) {
      const first = text.indexOf(line, text.indexOf(ARTICLE[3] ?? ''));
      const repeat = text.indexOf(line, first + 1);
      const firstNoise = noise.find((n) => n.start === first);
      const repeatNoise = noise.find((n) => n.start === repeat);
      assert.ok(!firstNoise?.evidence.some((e) => e.rule === 'repeated'), `first ${k}: ${line}`);
      const repeated = repeatNoise?.evidence.find((e) => e.rule === 'repeated');
      // Lines are counted among the non-blank ones.
      assert.equal(repeated?.detail, `repeats line ${ARTICLE.length + k + 1}`, `repeat ${k}: ${line}`);
    }
  });
});
