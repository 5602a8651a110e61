import * as assert from 'node:assert/strict';
import { analyze } from '../../../../src/core/analysis/analyze';
import { analysisParts } from '../../../../src/core/archive/analysisParts';
import type { FixtureName } from './archiveFixtures';
import { archiveFixture } from './archiveFixtures';

describe('analysis cut into articles', () => {
  const layouts: [FixtureName, number][] = [
    ['lexisnexis', 3],
    ['nexis-uni', 2],
    ['factiva', 3],
  ];
  for (const [name, count] of layouts) {
    it(`${name}: one part per article with its id, fields and detections, none lost`, () => {
      const text = archiveFixture(name);
      const analysis = analyze(text);
      const parts = analysisParts(`${name}.txt`, analysis);
      assert.deepEqual(parts.map((p) => [p.id, p.article?.number]), Array.from({ length: count }, (_, i) => [`${name}.txt#${i + 1}`, i + 1]));
      for (const key of ['quotes', 'speakers', 'cues'] as const) assert.equal(parts.reduce((n, p) => n + p.analysis[key].length, 0), analysis[key].length, key);
      for (const p of parts) {
        assert.ok(p.article?.fields.headline);
        for (const q of p.analysis.quotes) {
          assert.ok(q.start >= (p.article?.start ?? 0) && q.end <= (p.article?.end ?? 0));
          if (q.speakerId !== null) assert.ok(p.analysis.speakers.some((s) => s.id === q.speakerId), `${p.id}: its quotes' speakers are its own`);
        }
        assert.ok(p.analysis.noise.some((n) => n.kind === 'metadata'), `${p.id} has its metadata lines`);
      }
    });
  }

  it('an ordinary article is one part under the file name', () => {
    const analysis = analyze(archiveFixture('ordinary-end-of-document'));
    assert.deepEqual(analysisParts('plain.txt', analysis), [{ id: 'plain.txt', analysis }]);
  });
});
