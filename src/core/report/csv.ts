// The report's tables as CSV (RFC 4180: comma separated, CRLF line ends, a field quoted when it
// holds a comma, a quote or a line break, quotes doubled), for spreadsheets.
import { csvField } from '../text/csv';
import type { ReportData } from './reportData';

export const REPORT_TABLES = ['voices', 'outlets', 'statements', 'timeline', 'labels', 'authors', 'flagged', 'orphaned'] as const;
export type ReportTableId = (typeof REPORT_TABLES)[number];

export function isReportTableId(value: unknown): value is ReportTableId {
  return typeof value === 'string' && (REPORT_TABLES as readonly string[]).includes(value);
}


export function toCsv(rows: readonly (readonly (string | number)[])[]): string {
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

const share = (x: number): string => x.toFixed(3);

export function reportCsv(data: ReportData, table: ReportTableId): string {
  const t = data.tagging;
  switch (table) {
    case 'voices':
      return toCsv([['speaker', 'kind', 'quotes', 'articles'], ...data.voices.map((v) => [v.name, v.kind, v.quotes, v.articles])]);
    case 'outlets':
      return toCsv([['outlet', 'by', 'articles', 'quotes', 'quotes per article', 'attributed share', 'boilerplate share'], ...data.outlets.map((o) => [o.name, o.by, o.articles, o.quotes, (o.quotes / Math.max(1, o.articles)).toFixed(2), share(o.attributedShare), share(o.boilerplateShare)])]);
    case 'statements':
      return toCsv([['statement', 'articles', 'outlets', 'versions'], ...data.statements.map((s) => [s.versions[0]?.text ?? '', s.articles, s.outlets, s.versionCount])]);
    case 'timeline':
      return toCsv([['month', 'articles', 'quotes'], ...data.timeline.months.map((m) => [m.month, m.articles, m.quotes])]);
    case 'labels':
      return toCsv([['label', 'tags'], ...t.byLabel.map((r) => [r.name, r.count])]);
    case 'authors':
      return toCsv([['author', 'tags'], ...t.byAuthor.map((r) => [r.name, r.count])]);
    case 'flagged':
    case 'orphaned':
      return toCsv([['article', 'label', 'author', 'text'], ...t[table].map((g) => [g.path, g.label, g.author, g.text])]);
  }
}
