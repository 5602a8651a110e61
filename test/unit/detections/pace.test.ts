import * as assert from 'node:assert/strict';
import { SLOWEST_CHARS_PER_MS, repaintDelay } from '../../../src/detections/pace';

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
