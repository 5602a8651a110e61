import * as assert from 'node:assert/strict';
import { analyze } from '../../../../src/core/analysis/analyze';
import { MAX_NAME_CHARS, QUOTE_TEXT_LIMIT, summariseArticle } from '../../../../src/core/corpus/summary';
import { seedArticles } from '../../support/fixtureFiles';

describe('article summaries', () => {
  for (const seed of seedArticles()) {
    it(`keeps quotes, speakers and line hashes of ${seed.name}, not its text`, () => {
      const analysis = analyze(seed.text);
      const s = summariseArticle(seed.text, analysis, { path: seed.name, folder: 'seeds' });
      assert.deepEqual(JSON.parse(JSON.stringify(s)), s, 'JSON round trip');
      assert.equal(s.quotes.length, analysis.quotes.length);
      s.quotes.forEach((q) => assert.equal(q.text, seed.text.slice(q.start, q.end)));
      assert.equal(s.speakers.reduce((n, sp) => n + sp.quotes, 0), analysis.quotes.filter((q) => q.speakerId !== null).length);
      assert.ok(s.lines.hashes.length > 0 && s.lines.hashes.every((h) => Number.isSafeInteger(h)));
      assert.ok(!JSON.stringify(s.lines).includes('Lavrov'));
    });
  }

  it('tells people from organisations and descriptions', () => {
    const seed = seedArticles().find((a) => a.name.startsWith('004'));
    assert.ok(seed);
    const s = summariseArticle(seed.text, analyze(seed.text), { path: 'x', folder: 'y' });
    assert.equal(s.speakers.find((sp) => sp.name === 'Sergei Lavrov')?.kind, 'person');
    assert.equal(s.speakers.find((sp) => sp.name === 'Turkish security official')?.kind, 'other');
  });

  it('bounds the text kept of a huge quote and survives hostile input', () => {
    const text = `“${'word '.repeat(5000)}” he said.\r\n\u0000\u202e\n`;
    const s = summariseArticle(text, analyze(text), { path: 'x', folder: 'y' });
    assert.ok(s.quotes.every((q) => q.text.length <= QUOTE_TEXT_LIMIT));
    // A name of thousands of hyphenated words, read as one: cut, as are its forms.
    const longName = `“We will build the harbour,” said Jean-${'Aaa-'.repeat(20000)}Bbb.`;
    const named = summariseArticle(longName, analyze(longName), { path: 'n', folder: 'y' });
    assert.ok(named.speakers.length > 0);
    assert.ok(named.speakers.every((sp) => sp.name.length <= MAX_NAME_CHARS + 1 && sp.mentions.every((m) => m.length <= MAX_NAME_CHARS + 1)));
    const empty = summariseArticle('', analyze(''), { path: 'e', folder: 'y' });
    assert.deepEqual(empty.lines.hashes, []);
  });
});
