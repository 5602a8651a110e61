import * as assert from 'node:assert/strict';
import { analyze } from '../../../../src/core/analysis/analyze';
import { summariseArticle } from '../../../../src/core/corpus/summary';
import { reportCsv } from '../../../../src/core/report/csv';
import { buildReport } from '../../../../src/core/report/reportData';
import { reportBody } from '../../../../src/core/report/reportHtml';
import { articleTagging } from '../../../../src/core/report/tagging';
import { archiveFixture } from '../archive/archiveFixtures';
import { COUNCIL_EXPORT, lexisNexisExport } from '../archive/lexisNexisExport';
import { ARTICLES, sha256, sidecarFor, tagAt } from './reportFixtures';

const summaryOf = (path: string, text: string, folder: string) => summariseArticle(text, analyze(text), { path, folder });

describe('report of a corpus with archive exports', () => {
  const council = lexisNexisExport(COUNCIL_EXPORT);
  const factiva = archiveFixture('factiva');
  const summaries = [summaryOf('exports/council.txt', council, 'exports'), summaryOf('exports/factiva.txt', factiva, 'exports'), summaryOf('siteA/a1.txt', ARTICLES['siteA/a1.txt'], 'siteA')];

  it('counts the articles of each export, each under the outlet its metadata names; ordinary articles under their folder', () => {
    const report = buildReport(summaries, []);
    assert.equal(report.articles, 7);
    assert.deepEqual(report.outlets.map((o) => [o.name, o.by, o.articles]), [
      ['The Harbour Gazette', 'source', 2],
      ['Northern Ledger', 'source', 1],
      ['Shipping Weekly', 'source', 1],
      ['The Evening Standard-Bearer', 'source', 1],
      ['The Financial Courier', 'source', 1],
      ['siteA', 'folder', 1],
    ]);
    assert.ok(!report.outlets.some((o) => o.name === 'exports'), 'the folder of the exports is no outlet');
    assert.match(reportCsv(report, 'outlets'), /^outlet,by,articles,quotes,quotes per article,attributed share,boilerplate share\r\nThe Harbour Gazette,source,2,/);
    const abernethy = report.voices.find((v) => /Abernethy/.test(v.name));
    assert.equal(abernethy?.articles, 2);
    assert.deepEqual(abernethy?.places.map((p) => p.path), ['exports/council.txt#1', 'exports/council.txt#3']);
  });

  it('draws a timeline by month from the articles’ metadata dates, ordinary articles undated', () => {
    const { timeline } = buildReport(summaries, []);
    assert.deepEqual(timeline.months.map((m) => [m.month, m.articles]), [
      ['2024-03', 1],
      ['2024-04', 2],
      ['2024-05', 3],
    ]);
    assert.equal(timeline.undated, 1);
    const april = timeline.months[1];
    const articlesOfApril = summaries[0]?.quotes.filter((q) => q.start >= council.indexOf('2 of 3 DOCUMENTS')).length;
    assert.equal(april?.quotes, articlesOfApril);
    assert.equal(reportCsv(buildReport(summaries, []), 'timeline'), 'month,articles,quotes\r\n2024-03,1,1\r\n' + `2024-04,2,${april?.quotes}\r\n` + `2024-05,3,${timeline.months[2]?.quotes}\r\n`);
    assert.match(reportBody(buildReport(summaries, []), 'R', { mode: 'file' }), /<section id="timeline">.*6 articles by the publication date.*1 article without a date/s);
  });

  it('reads numeric dates of the metadata, LOAD-DATE when the article names no date, and a slash date in the order its export shows', () => {
    // The dates of the header lines taken away: only the LOAD-DATE lines date these articles.
    const withLoadDates = (loadDates: readonly string[]): string => {
      let i = 0;
      return COUNCIL_EXPORT.reduce((text, d) => text.split(`                        ${d.date}\n`).join(''), lexisNexisExport(COUNCIL_EXPORT)).replace(/^LOAD-DATE: .*$/gm, () => `LOAD-DATE: ${loadDates[i++] ?? ''}`);
    };
    const monthsOf = (text: string): string[] => buildReport([summaryOf('e.txt', text, 'x')], []).timeline.months.filter((m) => m.articles > 0).map((m) => `${m.month}:${m.articles}`);
    // 03/04/2024 alone could be 3 April or March 4; 04/15/2024 in the same export puts the month first.
    assert.deepEqual(monthsOf(withLoadDates(['03/04/2024', '04/15/2024', '2024-05-06'])), ['2024-03:1', '2024-04:1', '2024-05:1']);
    assert.deepEqual(monthsOf(withLoadDates(['03/04/2024', '15/04/2024', '14.05.2024'])), ['2024-04:2', '2024-05:1']);
    const unsure = buildReport([summaryOf('e.txt', withLoadDates(['03/04/2024', '2024-04-15', 'March 14, 2024']), 'x')], []).timeline;
    assert.deepEqual([unsure.months.filter((m) => m.articles > 0).map((m) => m.month), unsure.undated], [['2024-03', '2024-04'], 1]);
  });

  it('fills the months between, and says so when no article is dated', () => {
    const far = lexisNexisExport([COUNCIL_EXPORT[0]!, { ...COUNCIL_EXPORT[1]!, date: 'July 1, 2024' }]);
    assert.deepEqual(buildReport([summaryOf('far.txt', far, 'x')], []).timeline.months.map((m) => `${m.month}:${m.articles}`), ['2024-03:1', '2024-04:0', '2024-05:0', '2024-06:0', '2024-07:1']);
    const plain = buildReport([summaries[2]!], []);
    assert.deepEqual(plain.timeline, { months: [], undated: 1, outside: 0 });
    assert.match(reportBody(plain, 'R', { mode: 'file' }), /No article has a publication date/);
  });

  it('counts the tags of an export for the articles they lie in', () => {
    const tags = [tagAt(council, 'The regulator imposed a fine', 'claim', 'ana'), tagAt(council, 'Builders arrived', 'claim', 'bo')];
    const tagging = [articleTagging('exports/council.txt', sidecarFor(council, tags, [{ kind: 'quote', passage: 'The cancellations were a choice made in the boardroom' }]), council, sha256(council), 'x.txt')];
    const progress = buildReport(summaries, tagging).tagging;
    assert.equal(progress.tagged, 2);
    assert.equal(progress.untagged, 5);
    assert.equal(progress.rejected, 1, 'a rejection counts once, for its file');
    assert.deepEqual(progress.byAuthor.map((r) => [r.name, r.count]), [
      ['ana', 1],
      ['bo', 1],
    ]);
  });
});
