// Importing a file again, by another person, adds nothing when the file credits no author.
import * as assert from 'node:assert/strict';
import type { AnnotationSet } from '../../../../src/core/annotations/model/types';
import { parseImport } from '../../../../src/core/interchange/formats';
import { importTags } from '../../../../src/core/interchange/placeTags';

const ARTICLE = 'Mayor Ana Ruiz said the vote is final.\nCritics said the count was rushed.\n';
let n = 0;
const options = (author: string) => ({ author, now: '2026-11-30T00:00:00.000Z', newId: () => `e${(++n).toString(16).padStart(11, '0')}` });

describe('the same W3C file (no creator) imported again by another teammate', () => {
  it('adds nothing the second time', () => {
    const words = 'the vote is final';
    const start = ARTICLE.indexOf(words);
    const file = { path: 'tags.jsonld', content: JSON.stringify([{ type: 'Annotation', id: 'urn:source-annotator:annotation:0123456789ab', body: [{ purpose: 'tagging', value: 'claim' }], target: { source: 'story.txt', selector: [{ type: 'TextQuoteSelector', exact: words }, { type: 'TextPositionSelector', start, end: start + words.length }] } }]) };
    const doc = parseImport('w3c', [file]).documents[0];
    assert.ok(doc);
    let set: AnnotationSet = { file: 'story.txt', sha256: 'f'.repeat(64), annotations: [], rejections: [] };
    set = importTags(ARTICLE, set, doc, options('ana')).set;
    const second = importTags(ARTICLE, set, doc, options('ben'));
    console.log('second import counts:', JSON.stringify(second.counts), 'tags:', second.set.annotations.map((a) => `${a.id}/${a.author}`).join(', '));
    assert.equal(second.counts.added, 0);
    assert.equal(second.set.annotations.length, 1);
  });
});
