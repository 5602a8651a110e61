// dist/report.js: the corpus report (its figures, page and CSV), loaded when a report is first shown
// (src/base/lazyBundles.ts). Pure core only.
export { reportCsv } from '../../core/report/csv';
export { parseReportMessage } from '../../core/report/messages';
export { buildReport } from '../../core/report/reportData';
export { reportBody, reportDocument } from '../../core/report/reportHtml';
export { articleTagging, liveTagging } from '../../core/report/tagging';
