import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { analyze } from '../../../src/core/analysis/analyze';
import { BackgroundAnalyzer, isFailed } from '../../../src/detections/backgroundAnalyzer';
import { detections } from '../../../src/detections/analysisWorker';
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
      assert.ok(arrived && !isFailed(arrived), 'answered');
      assert.deepEqual(arrived.articles, full.articles);
      const detections = arrived.analysis();
      if (withDetections) assert.deepEqual(detections, full);
      else assert.equal(detections, undefined);
      assert.deepEqual(errors, []);
    });
  }
});

describe('the analysis worker sends detections too large for one JSON string as objects', () => {
  it('JSON when it fits; the objects themselves past the longest string', () => {
    const analysis = analyze('“We will not yield,” the minister said.\n');
    const small = detections(analysis);
    assert.ok('json' in small && JSON.parse(small.json) !== undefined);
    const huge = { ...analysis, quotes: [{ toJSON: () => { throw new RangeError('Invalid string length'); } }] } as unknown as typeof analysis;
    assert.deepEqual(detections(huge), { analysis: huge });
    const broken = { ...analysis, quotes: [{ toJSON: () => { throw new TypeError('not this one'); } }] } as unknown as typeof analysis;
    assert.throws(() => detections(broken), TypeError);
  });
});
