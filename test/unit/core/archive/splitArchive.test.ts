import * as assert from 'node:assert/strict';
import { analyze } from '../../../../src/core/analysis/analyze';
import { articleText } from '../../../../src/core/archive/articleText';
import { articleAt, splitArchive } from '../../../../src/core/archive/splitArchive';
import type { ArchiveLayout, ArchiveSplit } from '../../../../src/core/archive/types';
import { seedArticles } from '../../support/fixtureFiles';
import type { FixtureName } from './archiveFixtures';
import { archiveFixture, withLineBreaks } from './archiveFixtures';

interface LayoutCase {
  readonly fixture: FixtureName;
  readonly layout: ArchiveLayout;
  readonly headlines: readonly string[];
  /** First and last words of each body. */
  readonly bodies: readonly (readonly [string, string])[];
  readonly fields: Readonly<Record<string, string>>;
  readonly metadataFields: readonly string[];
}

const cases: LayoutCase[] = [
  {
    fixture: 'lexisnexis',
    layout: 'lexisnexis',
    headlines: ['Council approves new sea wall after two-year dispute', 'Rail operator fined over winter cancellations', 'Fishing fleet returns early as storm approaches'],
    bodies: [
      ['The city council voted', 'cheaper scheme of groynes.'],
      ['"This was not an act of nature,"', 'on Tuesday.'],
      ['Skippers brought', 'harbourmaster Gwen Price.'],
    ],
    fields: { source: 'Northern Ledger', date: 'March 5, 2024 Tuesday', byline: 'Tom Eriksen', section: 'BUSINESS; Pg. 11', length: '298 words', language: 'ENGLISH', loadDate: 'March 6, 2024' },
    metadataFields: ['marker', 'source', 'date', 'byline', 'section', 'length', 'load-date', 'language', 'publication-type', 'copyright'],
  },
  {
    fixture: 'nexis-uni',
    layout: 'nexis-uni',
    headlines: ['Wind farm plan clears final hurdle', 'Hospital waiting lists fall for third month'],
    bodies: [
      ['The offshore wind farm', 'monitoring the construction.'],
      ['Waiting lists at', 'the main constraint.'],
    ],
    fields: { source: 'Midlands Daily Record', date: 'April 3, 2024 Wednesday', byline: 'Owen Davies', section: 'HEALTH; Pg. 2', length: '241 words', language: 'ENGLISH', loadDate: 'April 4, 2024' },
    metadataFields: ['source', 'date', 'copyright', 'section', 'length', 'byline', 'body', 'classification', 'language', 'publication-type', 'load-date', 'marker'],
  },
  {
    fixture: 'factiva',
    layout: 'factiva',
    headlines: ['Central bank holds rates steady amid slowing inflation', 'Port strike ends after pay deal', 'Heatwave warning issued for southern regions'],
    bodies: [
      ['The central bank kept', 'expected the decision.'],
      ['Dock workers at', 'he said.'],
      ['Forecasters issued', 'on Thursday.'],
    ],
    fields: { source: 'Shipping Weekly', date: '15 May 2024', length: '388 words', language: 'English', id: 'SHPWK00020240515ek5f0000b' },
    metadataFields: ['words', 'date', 'source', 'source-code', 'language', 'copyright', 'id'],
  },
];

function bodyOf(text: string, split: ArchiveSplit, index: number): string {
  const article = split.articles[index];
  assert.ok(article, `article ${index}`);
  return text.slice(article.bodyStart, article.bodyEnd);
}

describe('splitArchive: the articles of an export', () => {
  for (const c of cases) {
    describe(c.layout, () => {
      const text = archiveFixture(c.fixture);
      const split = splitArchive(text);

      it('recognises the layout and splits at each document', () => {
        assert.equal(split.layout, c.layout);
        assert.deepEqual(split.articles.map((a) => a.fields.headline), c.headlines);
        assert.deepEqual(split.articles.map((a) => a.index), c.headlines.map((_, i) => i));
      });

      it('finds each body without the metadata around it', () => {
        for (const [i, [first, last]] of c.bodies.entries()) {
          const body = bodyOf(text, split, i);
          assert.ok(body.startsWith(first), `body ${i} starts ${JSON.stringify(body.slice(0, 40))}`);
          assert.ok(body.endsWith(last), `body ${i} ends ${JSON.stringify(body.slice(-40))}`);
          assert.doesNotMatch(body, /BYLINE:|Byline:|LENGTH:|Load-Date:|\d words|Copyright|End of Document|^Document /m);
        }
      });

      it("reads the second article's fields and lists its metadata lines", () => {
        const second = split.articles[1];
        assert.ok(second);
        assert.deepEqual({ ...second.fields, headline: undefined }, { ...c.fields, headline: undefined });
        assert.deepEqual(second.metadata.map((m) => m.field), c.metadataFields);
      });

      it('gives metadata spans that are whole lines of the document, outside the body, with their line numbers', () => {
        const lines = text.split('\n');
        for (const article of split.articles) {
          for (const m of article.metadata) {
            assert.equal(text.slice(m.start, m.end), lines[m.line], `line ${m.line}`);
            assert.ok(text.slice(m.start, m.end).includes(m.value), `${m.field} value ${m.value}`);
            assert.ok(m.end <= article.bodyStart || m.start >= article.bodyEnd, `${m.field} overlaps the body`);
            assert.ok(article.start <= m.start && m.end <= article.end);
          }
        }
      });

      it('keeps articles in order without overlap, each holding its body and headline', () => {
        let previousEnd = -1;
        for (const article of split.articles) {
          assert.ok(article.start > previousEnd);
          assert.ok(article.start <= article.bodyStart && article.bodyEnd <= article.end);
          if (article.headline) assert.ok(article.start <= article.headline.start && article.headline.end <= article.bodyStart);
          assert.equal(articleAt(split, article.bodyStart + 3), article);
          previousEnd = article.end;
        }
      });

      it('splits CRLF and CR-only copies identically, and a copy with a BOM one character later', () => {
        const shape = (t: string): unknown => {
          const s = splitArchive(t);
          return s.articles.map((a) => ({ fields: a.fields, metadata: a.metadata.map((m) => [m.line, m.field, m.value]), body: withLineBreaks(t.slice(a.bodyStart, a.bodyEnd), '\n') }));
        };
        const expected = shape(text);
        assert.deepEqual(shape(withLineBreaks(text, '\r\n')), expected);
        assert.deepEqual(shape(withLineBreaks(text, '\r')), expected);
        const withBom = splitArchive(`\uFEFF${text}`);
        assert.deepEqual(withBom.articles.map((a) => a.bodyStart - 1), split.articles.map((a) => a.bodyStart));
      });
    });
  }

  it('no longer gives the reporter of a BYLINE line the first quote of the next article', () => {
    const text = archiveFixture('lexisnexis');
    const second = splitArchive(text).articles[1];
    assert.ok(second);
    const own = articleText(text, second).text;
    const analysis = analyze(own);
    const quote = analysis.quotes.find((q) => own.slice(q.start, q.end).includes('not an act of nature'));
    assert.ok(quote, 'the quote is found in the split article');
    const speaker = analysis.speakers.find((s) => s.id === quote.speakerId)?.name;
    assert.notEqual(speaker, 'Tom Eriksen');
    assert.notEqual(speaker, 'Maria Lindqvist');
  });
});

function singleLexisNexisDocument(): string {
  const text = archiveFixture('lexisnexis');
  const single = text.slice(0, text.search(/^ *2 of 3 DOCUMENTS$/m)).replace('1 of 3 DOCUMENTS', '1 of 1 DOCUMENTS');
  assert.equal(single.match(/DOCUMENTS/g)?.length, 1);
  return single;
}

describe('splitArchive: German exports', () => {
  it('reads LexisNexis "Dokument N von M" markers', () => {
    const text = archiveFixture('lexisnexis').replace(/(\d) of 3 DOCUMENTS/g, 'Dokument $1 von 3');
    const split = splitArchive(text);
    assert.equal(split.layout, 'lexisnexis');
    assert.deepEqual(split.articles.map((a) => a.metadata[0]?.value), ['Dokument 1 von 3', 'Dokument 2 von 3', 'Dokument 3 von 3']);
  });

  it('reads Factiva "Dokument <id>" lines and word counts in "Wörter"', () => {
    const text = archiveFixture('factiva').replace(/^Document /gm, 'Dokument ').replace(/ words$/gm, ' Wörter');
    const split = splitArchive(text);
    assert.equal(split.layout, 'factiva');
    assert.deepEqual(split.articles.map((a) => a.fields.length), ['643 Wörter', '388 Wörter', '512 Wörter']);
  });
});

describe('splitArchive: markers in any case', () => {
  // Texts are screened for the marker word before their lines are read: every case must pass the screen.
  const variants: [string, (text: string) => string][] = [
    ['lower case', (t) => t.replace(/(\d) of 3 DOCUMENTS/g, '$1 of 3 documents')],
    ['title case', (t) => t.replace(/(\d) of 3 DOCUMENTS/g, '$1 of 3 Documents')],
    ['German, upper case', (t) => t.replace(/(\d) of 3 DOCUMENTS/g, 'DOKUMENT $1 VON 3')],
  ];
  for (const [name, rewrite] of variants) {
    it(`reads LexisNexis markers in ${name}`, () => {
      const split = splitArchive(rewrite(archiveFixture('lexisnexis')));
      assert.equal(split.layout, 'lexisnexis');
      assert.equal(split.articles.length, 3);
    });
  }

  it('a text naming a document once is one article', () => {
    assert.equal(splitArchive('1 of 3 DOCUMENTS\n\nThe council voted on Tuesday.\n').layout, null);
  });
});

describe('splitArchive: what is not an export stays one article', () => {
  const notSplit: [string, string][] = [
    ['an ordinary article quoting "End of Document" once', archiveFixture('ordinary-end-of-document')],
    ['"End of Document" twice without any Nexis Uni field', 'A story.\nEnd of Document\nMore story.\nEnd of Document\n'],
    ['a single LexisNexis document', singleLexisNexisDocument()],
    ['LexisNexis markers out of sequence', archiveFixture('lexisnexis').replace('2 of 3 DOCUMENTS', '5 of 3 DOCUMENTS')],
    ['LexisNexis markers with changing totals', archiveFixture('lexisnexis').replace('2 of 3 DOCUMENTS', '2 of 4 DOCUMENTS')],
    ['LexisNexis markers with a document lacking every field', archiveFixture('lexisnexis').replace(/^(BYLINE|SECTION|LENGTH|LOAD-DATE|LANGUAGE|PUBLICATION-TYPE): .*$/gm, 'text')],
    ['Factiva ids without word counts', archiveFixture('factiva').replace(/^ *\d+ words$/gm, '')],
    ['"Document" lines whose id has no digit', 'Title\n 12 words\n\nText.\nDocument Administration\nTitle\n 14 words\nText.\nDocument Infrastructure\n'],
    ['an empty text', ''],
  ];
  for (const [name, text] of notSplit) {
    it(name, () => assert.deepEqual(splitArchive(text), { layout: null, articles: [] }));
  }

  it('leaves every seed article whole', () => {
    for (const seed of seedArticles()) assert.equal(splitArchive(seed.text).layout, null, seed.name);
  });
});

describe('splitArchive on hostile input', () => {
  it('100,000 "End of Document" lines: not an export', () => {
    assert.equal(splitArchive('End of Document\n'.repeat(100_000)).layout, null);
  });

  it('20,000 LexisNexis documents: all of them, in order', () => {
    const doc = (n: number): string => `${n} of 20000 DOCUMENTS\n\nSource\n\nJanuary 1, 2024\n\nHeadline ${n}\n\nLENGTH: 5 words\n\nBody ${n} text.\n\n`;
    const text = Array.from({ length: 20_000 }, (_, i) => doc(i + 1)).join('');
    const split = splitArchive(text);
    assert.equal(split.articles.length, 20_000);
    const last = split.articles[19_999];
    assert.ok(last);
    assert.equal(text.slice(last.bodyStart, last.bodyEnd), 'Body 20000 text.');
  });

  it('a 5,000,000-character line and a marker padded past the line cap are not markers', () => {
    assert.equal(splitArchive(`${'x'.repeat(5_000_000)}\nEnd of Document\n`).layout, null);
    const padded = archiveFixture('lexisnexis').replace(/^( *)(\d of 3 DOCUMENTS)$/gm, (_, _spaces: string, marker: string) => `${' '.repeat(2000)}${marker}`);
    assert.equal(splitArchive(padded).layout, null);
  });

  it('markers alone, with nothing between them', () => {
    const text = Array.from({ length: 1000 }, (_, i) => `${i + 1} of 1000 DOCUMENTS`).join('\r');
    assert.equal(splitArchive(text).layout, null);
  });
});
