// Tags known by their words alone (a W3C quote selector) are all placed, however many a file holds:
// looked up together in one index of the article, not by a search of the whole text each.
import * as assert from 'node:assert/strict';
import type { AnnotationSet } from '../../../../src/core/annotations/model/types';
import { parseImport } from '../../../../src/core/interchange/formats';
import { importTags } from '../../../../src/core/interchange/placeTags';
import type { ImportOutcome } from '../../../../src/core/interchange/placeTags';

const EMPTY: AnnotationSet = { file: 'story.txt', sha256: 'f'.repeat(64), annotations: [], rejections: [] };

/** Imports W3C annotations that each give only `exact` (and, if set, `prefix`/`suffix`) words. */
function importQuotes(article: string, quotes: readonly { exact: string; prefix?: string; suffix?: string }[]): ImportOutcome {
  const annotations = quotes.map((selector, i) => ({ type: 'Annotation', id: `urn:x:${i}`, creator: 'ana', body: [{ purpose: 'tagging', value: 'speaker' }], target: { source: 'story.txt', selector: [{ type: 'TextQuoteSelector', ...selector }] } }));
  const doc = parseImport('w3c', [{ path: 'hyp.jsonld', content: JSON.stringify(annotations) }]).documents[0];
  assert.ok(doc);
  return importTags(article, EMPTY, doc, { author: 'importer', now: '2026-11-30T00:00:00.000Z' });
}

describe('words-only tags (a TextQuoteSelector, no position)', () => {
  it('are all placed on their words, beyond what searches of the whole text would allow', () => {
    const N = 400;
    const article = Array.from({ length: N }, (_, i) => `Councillor Ruiz${i}z said the budget for item ${i} was approved.`).join('\n') + '\n';
    const out = importQuotes(article, Array.from({ length: N }, (_, i) => ({ exact: `Ruiz${i}z` })));
    const misplaced = out.set.annotations.filter((a, i) => a.status !== 'active' || article.slice(a.start, a.end) !== `Ruiz${i}z`);
    assert.equal(out.counts.orphaned, 0);
    assert.deepEqual(misplaced, []);
  });

  /** [article, the words of the tag with their context, where the tag must land (null: orphaned)] */
  const cases: [string, { exact: string; prefix?: string; suffix?: string }, [number, number] | null][] = [
    // Words of every length the index keys apart: short, up to its short key, between, its long key and beyond.
    ['The mayor said no.\n', { exact: 'no' }, [15, 17]],
    ['The mayor said no.\n', { exact: 'mayor sa' }, [4, 12]],
    ['The mayor said no to the budget plan on Monday.\n', { exact: 'said no to the budget' }, [10, 31]],
    ['The mayor said no to the budget plan on Monday, and again.\n', { exact: 'The mayor said no to the budget p' }, [0, 33]],
    ['The mayor said no to the budget plan on Monday, and again on Friday.\n', { exact: 'mayor said no to the budget plan on Monday, and' }, [4, 51]],
    // Twice in the text: the context the file gives tells which.
    ['Ruiz said yes. Then Ruiz said no.\n', { exact: 'Ruiz', prefix: 'Then ', suffix: ' said no' }, [20, 24]],
    // Line breaks as LF in the file, CRLF in the article.
    ['The mayor\r\nsaid no.\r\n', { exact: 'mayor\nsaid' }, [4, 15]],
    // Not in the text: kept, orphaned, with its words.
    ['The mayor said no.\n', { exact: 'the governor' }, null],
  ];
  it('words found once but in another context than the file gives are placed there for a person to check', () => {
    const [a] = importQuotes('Ruiz said yes.\n', [{ exact: 'Ruiz', prefix: 'Then ' }]).set.annotations;
    assert.ok(a);
    assert.deepEqual([a.status, a.start, a.end, a.review !== undefined], ['active', 0, 4, true]);
  });

  it('words in the given context twice are not placed on either copy surely', () => {
    const [a] = importQuotes('Then Ruiz said no. Then Ruiz said no.\n', [{ exact: 'Ruiz', prefix: 'Then ', suffix: ' said no' }]).set.annotations;
    assert.ok(a);
    assert.ok(a.status === 'orphaned' || a.review !== undefined, JSON.stringify(a));
  });

  for (const [article, quote, at] of cases) {
    it(`${JSON.stringify(quote)} in ${JSON.stringify(article)}`, () => {
      const [a] = importQuotes(article, [quote]).set.annotations;
      assert.ok(a);
      if (at === null) {
        assert.equal(a.status, 'orphaned');
        assert.equal(a.text, quote.exact);
      } else {
        assert.equal(a.status, 'active');
        assert.deepEqual([a.start, a.end], at);
      }
    });
  }
});
