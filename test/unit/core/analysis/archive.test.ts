import * as assert from 'node:assert/strict';
import { analyze } from '../../../../src/core/analysis/analyze';
import { analyzeArchive } from '../../../../src/core/analysis/archive';
import type { Analysis } from '../../../../src/core/analysis/types';
import { compileSeparatorPattern } from '../../../../src/core/archive/separatorPattern';
import { splitArchive } from '../../../../src/core/archive/splitArchive';
import { seedArticles } from '../../support/fixtureFiles';
import type { FixtureName } from '../archive/archiveFixtures';
import { archiveFixture, offsetOf, withLineBreaks } from '../archive/archiveFixtures';

const exports: FixtureName[] = ['lexisnexis', 'nexis-uni', 'factiva'];

function speakerOf(analysis: Analysis, text: string, words: string): string | null {
  const quote = analysis.quotes.find((q) => text.slice(q.start, q.end).includes(words));
  assert.ok(quote, `a quote holding "${words}"`);
  return analysis.speakers.find((s) => s.id === quote.speakerId)?.name ?? null;
}

describe('analyze: archive exports, article by article', () => {
  for (const name of exports) {
    describe(name, () => {
      const text = archiveFixture(name);
      const split = splitArchive(text);
      const analysis = analyze(text);

      it('lists the articles of the split with their fields', () => {
        assert.ok(split.articles.length >= 2);
        assert.deepEqual(
          analysis.articles?.map((a) => [a.start, a.end, a.bodyStart, a.bodyEnd, a.fields.headline]),
          split.articles.map((a) => [a.start, a.end, a.bodyStart, a.bodyEnd, a.fields.headline]),
        );
      });

      it('finds in each body exactly what the body alone gives, moved to its place', () => {
        for (const article of split.articles) {
          const alone = analyze(text.slice(article.bodyStart, article.bodyEnd));
          const inBody = <T extends { start: number; end: number }>(s: T): boolean => s.start >= article.bodyStart && s.end <= article.bodyEnd;
          assert.deepEqual(analysis.quotes.filter(inBody).map((q) => [q.start - article.bodyStart, q.end - article.bodyStart, q.confidence]), alone.quotes.map((q) => [q.start, q.end, q.confidence]));
          assert.deepEqual(analysis.cues.filter(inBody).map((c) => c.text), alone.cues.map((c) => c.text));
          assert.deepEqual(analysis.noise.filter(inBody).map((n) => [n.start - article.bodyStart, n.kind]), alone.noise.map((n) => [n.start, n.kind]));
        }
      });

      it('reports every metadata line as boilerplate of kind metadata, naming its field', () => {
        const metadata = split.articles.flatMap((a) => a.metadata).filter((m) => m.end > m.start);
        const shown = analysis.noise.filter((n) => n.kind === 'metadata');
        assert.deepEqual(shown.map((n) => [n.start, n.end]), metadata.map((m) => [m.start, m.end]));
        for (const [i, n] of shown.entries()) {
          assert.equal(n.confidence, 1);
          assert.equal(n.evidence[0]?.rule, `archive:${metadata[i]?.field ?? ''}`);
          assert.ok(n.evidence[0]?.detail.includes(metadata[i]?.field ?? '?'));
        }
        for (let i = 1; i < analysis.noise.length; i++) assert.ok((analysis.noise[i - 1]?.end ?? 0) <= (analysis.noise[i]?.start ?? 0), 'noise sorted, not overlapping');
      });

      it('keeps speaker ids unique across articles and every quote pointing at a speaker of its own article', () => {
        const ids = analysis.speakers.map((s) => s.id);
        assert.equal(new Set(ids).size, ids.length);
        assert.deepEqual(ids, ids.map((_, i) => `s${i}`));
        for (const q of analysis.quotes) {
          if (q.speakerId === null) continue;
          const article = analysis.articles?.find((a) => q.start >= a.start && q.end <= a.end);
          const speaker = analysis.speakers.find((s) => s.id === q.speakerId);
          assert.ok(article && speaker);
          assert.ok(speaker.mentions.every((m) => m.start >= article.bodyStart && m.end <= article.bodyEnd), `${speaker.name} is named inside the quote's article`);
        }
      });

      it('gives the same results whatever the line breaks', () => {
        const crlf = analyze(withLineBreaks(text, '\r\n'));
        assert.equal(crlf.articles?.length, analysis.articles?.length);
        assert.deepEqual(crlf.quotes.map((q) => q.speakerId), analysis.quotes.map((q) => q.speakerId));
      });
    });
  }

  it('does not resolve “he said” at the start of article 2 to the byline of article 1 or 2', () => {
    const text = archiveFixture('lexisnexis');
    const analysis = analyze(text);
    const speaker = speakerOf(analysis, text, 'not an act of nature');
    assert.notEqual(speaker, 'Tom Eriksen');
    assert.notEqual(speaker, 'Maria Lindqvist');
    assert.notEqual(speaker, 'Adeyemi Okafor');
    assert.equal(speakerOf(analysis, text, 'waited long enough'), 'Adeyemi Okafor');
  });

  it('does not resolve a pronoun opening a quote of a later article to a speaker of an earlier one', () => {
    for (const name of ['factiva', 'nexis-uni'] as const) {
      const text = archiveFixture(name);
      const analysis = analyze(text);
      for (const q of analysis.quotes) {
        if (q.mention?.kind !== 'pronoun' || q.speakerId === null) continue;
        const article = analysis.articles?.find((a) => q.start >= a.bodyStart && q.end <= a.bodyEnd);
        const speaker = analysis.speakers.find((s) => s.id === q.speakerId);
        assert.ok(article && speaker);
        assert.ok(speaker.mentions.some((m) => m.kind !== 'pronoun' && m.start >= article.bodyStart), `${name}: “${q.mention.text}” refers within its article`);
      }
    }
  });

  it('analyses an ordinary article exactly as one article', () => {
    const calls: string[] = [];
    const one = (t: string): Analysis => {
      calls.push(t);
      return { quotes: [], speakers: [], cues: [], noise: [] };
    };
    for (const seed of [...seedArticles(), { name: 'ordinary', text: archiveFixture('ordinary-end-of-document') }]) {
      calls.length = 0;
      const result = analyzeArchive(seed.text, one);
      assert.deepEqual(calls, [seed.text], seed.name);
      assert.equal(result.articles, undefined);
      const real = analyze(seed.text);
      assert.equal(real.articles, undefined, seed.name);
      assert.ok(!real.noise.some((n) => n.kind === 'metadata'), seed.name);
    }
  });

  it('splits at the separator given', () => {
    const text = 'First story\n"We will rebuild," said Mayor Tom Ruiz.\n=====\nSecond story\n"It is too late," he said.\n';
    assert.equal(analyze(text).articles, undefined);
    const compiled = compileSeparatorPattern('^={5,}$');
    assert.ok(compiled.ok);
    const analysis = analyze(text, { separator: compiled.pattern });
    assert.equal(analysis.articles?.length, 2);
    assert.equal(speakerOf(analysis, text, 'rebuild'), 'Tom Ruiz');
    assert.equal(speakerOf(analysis, text, 'too late'), null);
    assert.equal(speakerOf(analyze(text), text, 'too late'), 'Tom Ruiz');
    const separator = analysis.noise.find((n) => n.start === offsetOf(text, '====='));
    assert.equal(separator?.kind, 'metadata');
  });
});
