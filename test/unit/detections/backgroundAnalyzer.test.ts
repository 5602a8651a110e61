import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { analyze } from '../../../src/core/analysis/analyze';
import { BackgroundAnalyzer } from '../../../src/detections/backgroundAnalyzer';
import { archiveFixture } from '../core/archive/archiveFixtures';

/** The worker as the extension runs it: dist/analysisWorker.js, built beside the unit tests (dist/test/unit/…). */
const workerScript = path.resolve(__dirname, '..', '..', '..', 'analysisWorker.js');

describe('BackgroundAnalyzer: the worker leaves the detections out only when it finds the articles expected', () => {
  const text = archiveFixture('lexisnexis');
  const full = analyze(text);
  let analyzer: BackgroundAnalyzer;
  const errors: string[] = [];
  before(() => {
    analyzer = new BackgroundAnalyzer(workerScript, (m) => errors.push(m));
  });
  after(() => analyzer.dispose());

  const cases: [string, () => typeof full.articles, boolean][] = [
    // name, the articles the host expects, whether the reply carries the detections
    ['nothing expected: articles and detections', () => undefined, true],
    ['the articles of the text expected: articles only', () => full.articles, false],
    ['other articles expected (a separator typed meanwhile): articles and detections', () => full.articles?.slice(1), true],
  ];
  for (const [name, expected, withDetections] of cases) {
    it(name, async () => {
      const arrived = await analyzer.analyze(`doc-${name}`, text, undefined, expected());
      assert.ok(arrived, 'answered');
      assert.deepEqual(arrived.articles, full.articles);
      const detections = arrived.analysis();
      if (withDetections) assert.deepEqual(detections, full);
      else assert.equal(detections, undefined);
      assert.deepEqual(errors, []);
    });
  }
});
