// Tags known by their words alone (a W3C quote selector) are all placed, however many a file holds.
import * as assert from 'node:assert/strict';
import type { AnnotationSet } from '../../../../src/core/annotations/model/types';
import { parseImport } from '../../../../src/core/interchange/formats';
import { importTags } from '../../../../src/core/interchange/placeTags';

describe('words-only tags (a TextQuoteSelector, no position) beyond the search budget', () => {
  it('are all placed on their words', () => {
    const N = 400;
    const article = Array.from({ length: N }, (_, i) => `Councillor Ruiz${i}z said the budget for item ${i} was approved.`).join('\n') + '\n';
    const annotations = Array.from({ length: N }, (_, i) => ({ type: 'Annotation', id: `urn:x:${i}`, creator: 'ana', body: [{ purpose: 'tagging', value: 'speaker' }], target: { source: 'story.txt', selector: [{ type: 'TextQuoteSelector', exact: `Ruiz${i}z` }] } }));
    const doc = parseImport('w3c', [{ path: 'hyp.jsonld', content: JSON.stringify(annotations) }]).documents[0];
    assert.ok(doc);
    const set: AnnotationSet = { file: 'story.txt', sha256: 'f'.repeat(64), annotations: [], rejections: [] };
    const out = importTags(article, set, doc, { author: 'importer', now: '2026-11-30T00:00:00.000Z' });
    const wrong = out.set.annotations.filter((a) => a.status !== 'active' || article.slice(a.start, a.end) !== a.text || !/^Ruiz\d+$/.test(article.slice(a.start, a.end)));
    const misplaced = out.set.annotations.filter((a, i) => a.status === 'active' && article.slice(a.start, a.end) !== `Ruiz${i}z`);
    console.log('counts', JSON.stringify(out.counts), 'not on their words:', wrong.length, 'misplaced:', misplaced.length, 'first bad:', JSON.stringify(out.set.annotations.find((a, i) => a.status !== 'active' || article.slice(a.start, a.end) !== `Ruiz${i}z`) ? { i: out.set.annotations.findIndex((a, i) => a.status !== 'active' || article.slice(a.start, a.end) !== `Ruiz${i}z`) } : null));
    assert.equal(out.counts.orphaned, 0);
    assert.equal(misplaced.length, 0);
  });
});
