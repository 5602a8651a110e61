// The corpus report's figures: a timeline that keeps the real months when a date is far off, and
// counts that stay exact when the lists are bounded.
import * as assert from 'node:assert/strict';
import { analyze } from '../../../../src/core/analysis/analyze';
import { summariseArticle } from '../../../../src/core/corpus/summary';
import type { ArticleSummary } from '../../../../src/core/corpus/summary';
import { reportCsv } from '../../../../src/core/report/csv';
import { buildReport, REPORT_LIMITS } from '../../../../src/core/report/reportData';
import { reportBody } from '../../../../src/core/report/reportHtml';
import type { ArticleTagging } from '../../../../src/core/report/tagging';
import { COUNCIL_EXPORT, lexisNexisExport } from '../archive/lexisNexisExport';
import { withSpeakers } from '../corpus/corpusFixtures';

const summaryOf = (path: string, text: string, folder: string): ArticleSummary => summariseArticle(text, analyze(text), { path, folder });

describe('report timeline', () => {
  it('keeps the real months when one article carries a far-future typo date (2204 for 2024)', () => {
    const typo = lexisNexisExport([COUNCIL_EXPORT[0]!, COUNCIL_EXPORT[1]!, { ...COUNCIL_EXPORT[2]!, date: 'April 6, 2204 Saturday' }]);
    const report = buildReport([summaryOf('exports/council.txt', typo, 'exports')], []);
    const withArticles = report.timeline.months.filter((m) => m.articles > 0).map((m) => m.month);
    const dated = report.timeline.months.reduce((n, m) => n + m.articles, 0);
    // Every article is on the timeline, or counted undated or dated outside it.
    assert.equal(dated + report.timeline.undated + report.timeline.outside, report.articles, `months with articles: ${withArticles.join(', ')}`);
    assert.equal(report.timeline.outside, 1);
    assert.match(reportBody(report, 'R', { mode: 'file' }), /1 article dated outside these 2 months/);
    assert.ok(withArticles.includes('2024-03') && withArticles.includes('2024-04'), `the two real months are gone: ${withArticles.join(', ')}`);
  });

  it('does not lose an article with a stray old date (1970-01-01 epoch default) from the counts', () => {
    const epoch = lexisNexisExport([{ ...COUNCIL_EXPORT[0]!, date: 'January 1, 1970 Thursday' }, COUNCIL_EXPORT[1]!, COUNCIL_EXPORT[2]!]);
    const report = buildReport([summaryOf('exports/council.txt', epoch, 'exports')], []);
    const dated = report.timeline.months.reduce((n, m) => n + m.articles, 0);
    assert.equal(dated + report.timeline.undated + report.timeline.outside, report.articles);
    assert.equal(report.timeline.outside, 1);
  });
});

describe('report counts beyond the listing limits', () => {
  it('CSV "versions" column gives the number of versions, not the listing cap', () => {
    const statement = '"We will rebuild the old bridge before winter comes and we will finish it by spring," said Maria Lopez.\n';
    const n = REPORT_LIMITS.versionsPerStatement + 10;
    const summaries = Array.from({ length: n }, (_, i) => summaryOf(`site/a${i}.txt`, `Headline ${i}\n\n${statement}`, 'site'));
    const report = buildReport(summaries, []);
    assert.equal(report.statements[0]?.articles, n);
    const row = reportCsv(report, 'statements').split('\r\n')[1] ?? '';
    assert.match(row, new RegExp(`,${n},1,${n}$`), row);
  });

  it('"Flagged for review" and "Orphaned" figures count every such tag, not only those listed', () => {
    const n = REPORT_LIMITS.listedTags + 50;
    const summaries = [withSpeakers('site/a.txt', ['Maria Lopez'])];
    const tags = Array.from({ length: n }, (_, i) => ({ id: `t${i}`, label: 'claim', author: 'ana', status: 'orphaned' as const, flagged: false, start: i, end: i + 1, text: 'x' }));
    const flagged = Array.from({ length: n }, (_, i) => ({ id: `f${i}`, label: 'claim', author: 'ana', status: 'active' as const, flagged: true, start: i, end: i + 1, text: 'x' }));
    const tagging: ArticleTagging[] = [{ path: 'site/a.txt', tags: [...tags, ...flagged], rejected: 0, error: null }];
    const html = reportBody(buildReport(summaries, tagging), 'R', { mode: 'file' });
    const figure = (name: string): string | undefined => new RegExp(`<dt>${name}</dt><dd>(\\d+)</dd>`).exec(html)?.[1];
    assert.deepEqual([figure('Flagged for review'), figure('Orphaned')], [String(n), String(n)]);
  });

  it('the header counts every voice of the corpus, not only the listed ones', () => {
    const n = REPORT_LIMITS.voices + 50;
    const summaries = Array.from({ length: n }, (_, i) => withSpeakers(`site/a${i}.txt`, [`Speaker${String.fromCharCode(65 + (i % 26))} Person${i}x`]));
    const report = buildReport(summaries, []);
    const html = reportBody(report, 'R', { mode: 'file' });
    assert.match(html, new RegExp(`${n} voices`), /<p class="totals">[^<]*/.exec(html)?.[0]);
  });
});
