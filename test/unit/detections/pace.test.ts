import * as assert from 'node:assert/strict';
import { FULL_AFTER_PAUSE_MS, LONGEST_FULL_PAUSE_MS, SLOWEST_CHARS_PER_MS, fullAnalysisPause, repaintDelay } from '../../../src/detections/pace';

describe('pace: the repaint after a keystroke', () => {
  const cases: [string, number, number, number, number][] = [
    // name, debounce ms, last analysis ms, document characters, expected delay ms
    ['a 5 KB article after a cold first analysis (engine loaded, compiled): the debounce', 100, 380, 5_000, 100],
    ['a 5 KB article, warm: the debounce', 100, 4, 5_000, 100],
    ['a 150 KB article whose analysis took 200 ms: the analysis time', 100, 200, 150_000, 200],
    ['a 150 KB article after a 900 ms hiccup: no more than its size accounts for', 100, 900, 150_000, 150_000 / SLOWEST_CHARS_PER_MS],
    ['a 5 MB export whose quick re-analysis took 80 ms: the debounce', 100, 80, 5_000_000, 100],
    ['a 5 MB article whose quick re-analysis took 400 ms: 400 ms', 100, 400, 5_000_000, 400],
    ['no analysis yet: the debounce', 100, 0, 5_000, 100],
    ['a debounce of 0 and a warm small article: the analysis time', 0, 3, 5_000, 3],
  ];
  for (const [name, debounce, last, chars, expected] of cases) {
    it(name, () => assert.equal(repaintDelay(debounce, last, chars), expected));
  }
});

describe('pace: the pause before a large document is analysed whole again', () => {
  const cases: [string, number, number][] = [
    // name, last full analysis ms, expected pause ms
    ['none yet: the shortest pause', 0, FULL_AFTER_PAUSE_MS],
    ['an export typed in (its worker re-analyses one article): the shortest pause', 300, FULL_AFTER_PAUSE_MS],
    ['a 5 MB article analysed whole in 2.6 s: as long as that', 2_600, 2_600],
    ['a very slow analysis: no longer than the longest pause', 20_000, LONGEST_FULL_PAUSE_MS],
  ];
  for (const [name, last, expected] of cases) {
    it(name, () => assert.equal(fullAnalysisPause(last), expected));
  }
});
