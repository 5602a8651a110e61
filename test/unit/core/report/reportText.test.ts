// The report and the corpus search on hostile but realistic article text: emoji at a cut, one
// outlet's name in two Unicode forms, invisible characters inside words.
import * as assert from 'node:assert/strict';
import { analyze } from '../../../../src/core/analysis/analyze';
import { QuoteSearchIndex } from '../../../../src/core/corpus/quoteSearch';
import { summariseArticle } from '../../../../src/core/corpus/summary';
import type { ArticleSummary } from '../../../../src/core/corpus/summary';
import { reportCsv } from '../../../../src/core/report/csv';
import { buildReport } from '../../../../src/core/report/reportData';
import { reportBody } from '../../../../src/core/report/reportHtml';
import { COUNCIL_EXPORT, lexisNexisExport } from '../archive/lexisNexisExport';

const summaryOf = (path: string, text: string, folder = 'site'): ArticleSummary => summariseArticle(text, analyze(text), { path, folder });
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

describe('report text', () => {
  it('never cuts an emoji in half when it bounds quote text (places, statements, CSV)', () => {
    // A long quote with an emoji (social-media quotes carry them) straddling character 300.
    let words = '';
    while (words.length < 299) words += 'we will keep fighting for the people of this town ';
    const quote = `${words.slice(0, 299)}\u{1F600} and nothing will stop us now,`;
    const text = (n: number): string => `Protest news ${n}\n\n"${quote}" said Maria Lopez.\n`;
    const report = buildReport([summaryOf('site/a.txt', text(1)), summaryOf('site/b.txt', text(2))], []);
    const place = report.voices[0]?.places[0]?.text ?? '';
    // The cut falls inside the emoji: it steps back before it.
    assert.equal(place.length, 299);
    assert.doesNotMatch(place, LONE_SURROGATE, 'voice place text ends in half an emoji');
    assert.doesNotMatch(report.statements[0]?.versions[0]?.text ?? '', LONE_SURROGATE, 'statement text ends in half an emoji');
    assert.doesNotMatch(reportCsv(report, 'statements'), LONE_SURROGATE, 'CSV holds half an emoji');
    assert.doesNotMatch(reportBody(report, 'R', { mode: 'file' }), LONE_SURROGATE, 'HTML holds half an emoji');
  });

  it('counts one outlet once when exports write its name in NFC and in NFD', () => {
    // The same paper, exported twice; one export's text is NFD (as files made on macOS often are).
    const nfc = lexisNexisExport([{ ...COUNCIL_EXPORT[0]!, source: 'S\u00fcddeutsche Zeitung' }, COUNCIL_EXPORT[1]!]);
    const nfd = lexisNexisExport([{ ...COUNCIL_EXPORT[2]!, source: 'Su\u0308ddeutsche Zeitung' }, COUNCIL_EXPORT[1]!]);
    const report = buildReport([summaryOf('exports/1.txt', nfc, 'exports'), summaryOf('exports/2.txt', nfd, 'exports')], []);
    const names = report.outlets.map((o) => o.name);
    assert.equal(new Set(names.map((n) => n.normalize('NFC'))).size, names.length, `outlets: ${JSON.stringify(names)}`);
    const abernethy = report.statements.find((s) => /Nobody on the eastern shore/.test(s.versions[0]?.text ?? ''));
    assert.equal(abernethy?.outlets, 1, 'quoted by one paper, counted as two outlets');
  });
});

describe('invisible characters in quotes', () => {
  // German and other sites put soft hyphens (&shy;) into long words; scrapers keep them as U+00AD.
  const shy = summaryOf('site/shy.txt', 'News\n\n"The federal govern\u00adment will not raise taxes on fuel this year," said Maria Lopez.\n');
  const plain = summaryOf('site/plain.txt', 'News\n\n"The federal government will not raise taxes on fuel this year," said Maria Lopez.\n');

  it('search finds a quote whose word carries a soft hyphen', () => {
    const hits = new QuoteSearchIndex([shy, plain]).search({ words: 'government' });
    assert.deepEqual(hits.map((h) => h.path).sort(), ['site/plain.txt', 'site/shy.txt']);
  });

  it('the same statement with a soft hyphen is identical, not reworded with an invisible change', () => {
    const report = buildReport([shy, plain], []);
    assert.deepEqual(report.statements[0]?.versions.map((v) => [v.relation, v.changes]), [
      ['identical', []],
      ['identical', []],
    ]);
  });
});
