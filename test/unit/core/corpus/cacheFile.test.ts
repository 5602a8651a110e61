import * as assert from 'node:assert/strict';
import type { CachedArticle } from '../../../../src/core/corpus/cacheFile';
import { isArticleSummary, parseCorpusCache, serialiseCorpusCache } from '../../../../src/core/corpus/cacheFile';
import { seedSummaries } from './corpusFixtures';

const ENGINE = '1.0.0+abc';

function seedEntries(): CachedArticle[] {
  return seedSummaries().map((summary, i) => ({ key: summary.path, hash: `h${i}`, summary }));
}

describe('corpus cache file', () => {
  it('reads back what it wrote, entry for entry', () => {
    const entries = seedEntries();
    const parsed = parseCorpusCache(serialiseCorpusCache(entries, ENGINE), ENGINE);
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.articles, entries);
  });

  it('reads an empty index', () => {
    const parsed = parseCorpusCache(serialiseCorpusCache([], ENGINE), ENGINE);
    assert.deepEqual(parsed, { ok: true, articles: [] });
  });

  const text = (): string => serialiseCorpusCache(seedEntries(), ENGINE);
  const header = (h: object): string => [JSON.stringify(h), ...text().split('\n').slice(1)].join('\n');
  const corrupt: [string, () => string, RegExp][] = [
    ['an empty file', () => '', /not a corpus cache/],
    ['another file format', () => '{"format":"something-else","version":1}\n', /not a corpus cache/],
    ['binary garbage', () => '\u0000\u0001PK\u0003\u0004', /not a corpus cache/],
    ['an older format version', () => header({ format: 'source-annotator-corpus', version: 0, engine: ENGINE }), /cache format 0/],
    ['another engine', () => serialiseCorpusCache(seedEntries(), '0.9.0+old'), /engine 0\.9\.0\+old/],
    ['a line cut short (a crash while writing)', () => text().slice(0, text().length - 40), /line \d+ is not a valid entry/],
    ['a line that is not JSON', () => text().replace(/\n\{"key"/, '\n{"key"]'), /line 2 is not a valid entry/],
    ['a quote pointing at a missing speaker', () => text().replace(/"speaker":\d+/, '"speaker":999'), /not a valid entry/],
    ['line digests of unequal length', () => text().replace(/"starts":\[\d+,/, '"starts":['), /not a valid entry/],
    ['a key that is not the summary path', () => text().replace(/\{"key":"0/, '{"key":"x0'), /line 2 is not a valid entry/],
    ['the same article twice', () => { const lines = text().split('\n'); return [...lines.slice(0, 2), lines[1], ...lines.slice(2)].join('\n'); }, /line 3 is not a valid entry/],
  ];
  for (const [what, make, reason] of corrupt) {
    it(`discards the whole cache on ${what}`, () => {
      const parsed = parseCorpusCache(make(), ENGINE);
      assert.equal(parsed.ok, false);
      if (!parsed.ok) assert.match(parsed.reason, reason);
    });
  }

  it('checks every field the combiners index into', () => {
    const [s] = seedSummaries();
    assert.ok(s && isArticleSummary(s));
    assert.equal(isArticleSummary({ ...s, speakers: [{ name: 'X', kind: 'robot', mentions: [], quotes: 0 }] }), false);
    assert.equal(isArticleSummary({ ...s, quotes: [{ start: 5, end: 2, text: '', speaker: null }] }), false);
    assert.equal(isArticleSummary({ ...s, lines: { hashes: [1], starts: [0], ends: [1], noise: ['x'] } }), false);
    assert.equal(isArticleSummary(null), false);
    // One article's view of an export (its `origin`) is made from the file's summary, never read from a cache.
    assert.equal(isArticleSummary({ ...s, origin: {} }), false);
  });
});
