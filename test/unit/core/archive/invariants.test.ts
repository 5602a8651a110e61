// Properties that hold for any text, export or not: the splitter never throws, articles are
// ordered and disjoint, metadata lines are whole lines of their article outside its body, and
// every tag is either moved to the same words or listed as unplaced.
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { createAnnotation } from '../../../../src/core/annotations/model/create';
import { articleText } from '../../../../src/core/archive/articleText';
import { LineTable } from '../../../../src/core/archive/lines';
import { moveTags } from '../../../../src/core/archive/moveTags';
import { compileSeparatorPattern } from '../../../../src/core/archive/separatorPattern';
import { splitArchive } from '../../../../src/core/archive/splitArchive';
import type { ArchiveSplit } from '../../../../src/core/archive/types';
import { archiveFixture } from './archiveFixtures';

const LINES = [
  '1 of 3 DOCUMENTS',
  '2 of 3 DOCUMENTS',
  '3 of 3 DOCUMENTS',
  '   The Harbour Gazette',
  '   March 4, 2024 Monday',
  'BYLINE: Maria Lindqvist',
  'LENGTH: 412 words',
  'LOAD-DATE: March 5, 2024',
  'Byline: Priya Raman',
  'Length: 356 words',
  'Body',
  'Classification',
  'End of Document',
  '  643 words',
  '14 May 2024',
  'English',
  'Copyright 2024 Someone',
  'Document FINCOUR020240514ek5e0001p',
  '=== Item 7 ===',
  '"We have waited long enough," he said.',
  'The council voted on Monday.',
  '',
  '   ',
  '\uFEFF',
  'x'.repeat(1500),
];

const exportLike = fc
  .tuple(fc.array(fc.constantFrom(...LINES), { maxLength: 60 }), fc.array(fc.constantFrom('\n', '\r\n', '\r'), { minLength: 1, maxLength: 3 }), fc.boolean())
  .map(([lines, breaks, bom]) => (bom ? '\uFEFF' : '') + lines.map((l, i) => l + (breaks[i % breaks.length] ?? '\n')).join(''));

/** Real exports with random lines spliced in: closer to the layouts than random lines alone. */
const mutatedExport = fc
  .tuple(fc.constantFrom(archiveFixture('lexisnexis'), archiveFixture('nexis-uni'), archiveFixture('factiva')), fc.array(fc.tuple(fc.nat(), fc.constantFrom(...LINES)), { maxLength: 6 }))
  .map(([text, inserts]) => {
    const lines = text.split('\n');
    for (const [at, line] of inserts) lines.splice(at % (lines.length + 1), 0, line);
    return lines.join('\n');
  });

const separatorResult = compileSeparatorPattern('^=== Item \\d+ ===$');
const separator = separatorResult.ok ? separatorResult.pattern : undefined;

function checkInvariants(text: string, split: ArchiveSplit): void {
  const lines = new LineTable(text);
  let previousEnd = -1;
  for (const article of split.articles) {
    assert.ok(previousEnd < article.start && article.start <= article.bodyStart && article.bodyStart <= article.bodyEnd && article.bodyEnd <= article.end);
    if (article.headline) assert.ok(article.start <= article.headline.start && article.headline.end <= article.end);
    for (const m of article.metadata) {
      assert.equal(m.start, lines.start(m.line));
      assert.equal(m.end, lines.end(m.line));
      assert.ok(article.start <= m.start && m.end <= article.end);
      assert.ok(m.end <= article.bodyStart || m.start >= article.bodyEnd, 'metadata outside the body');
    }
    previousEnd = article.end;
  }
}

describe('archive splitting invariants (property)', () => {
  for (const [name, texts] of [
    ['random archive-like lines', exportLike],
    ['real exports with lines spliced in', mutatedExport],
  ] as const) {
    it(`holds on ${name}`, () => {
      fc.assert(
        fc.property(texts, (text) => {
          checkInvariants(text, splitArchive(text));
          if (separator) checkInvariants(text, splitArchive(text, { separator }));
        }),
        { numRuns: 300 },
      );
    });
  }

  it('moves every tag to the same words or lists it as unplaced', () => {
    fc.assert(
      fc.property(mutatedExport, fc.array(fc.tuple(fc.nat(), fc.nat(60)), { maxLength: 12 }), (text, specs) => {
        const split = splitArchive(text);
        const texts = split.articles.map((a) => articleText(text, a));
        const annotations = specs.map(([at, length], i) => {
          const start = at % (text.length + 1);
          return createAnnotation(text, { id: i.toString(16).padStart(12, '0'), label: 'claim', start, end: Math.min(text.length, start + length), author: 'p', now: '2026-01-01T00:00:00.000Z' });
        });
        const moved = moveTags({ file: 'x.txt', sha256: '', annotations, rejections: [] }, split.articles, texts);
        let placed = 0;
        for (const [i, tags] of moved.perArticle.entries()) {
          for (const a of tags.annotations) {
            const original = annotations.find((o) => o.id === a.id);
            assert.ok(original);
            assert.equal(texts[i]?.text.slice(a.start, a.end), text.slice(original.start, original.end));
            placed++;
          }
        }
        assert.equal(placed + moved.unplaced.length, annotations.length);
      }),
      { numRuns: 200 },
    );
  });
});
