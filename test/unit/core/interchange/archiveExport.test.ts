import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { textForHashing } from '../../../../src/core/annotations/anchoring/capture';
import { createAnnotation } from '../../../../src/core/annotations/model/create';
import type { Annotation } from '../../../../src/core/annotations/model/types';
import { compileSeparatorPattern } from '../../../../src/core/archive/separatorPattern';
import { archiveExportArticles, tagArticle } from '../../../../src/core/interchange/archiveArticles';
import { CSV_COLUMNS, exportCsv } from '../../../../src/core/interchange/csv';
import { exportJsonl, parseJsonl } from '../../../../src/core/interchange/jsonl';
import type { ExportArticle } from '../../../../src/core/interchange/types';
import type { FixtureName } from '../archive/archiveFixtures';
import { archiveFixture, offsetOf } from '../archive/archiveFixtures';

const NOW = '2026-01-01T00:00:00Z';

function exportOf(name: string, text: string, passages: readonly string[]): ExportArticle {
  const annotations: Annotation[] = passages.map((p, i) => {
    const start = offsetOf(text, p);
    return createAnnotation(text, { id: `00000000000${i}`, label: 'claim', start, end: start + p.length, author: 'ana', now: NOW });
  });
  const sha256 = createHash('sha256').update(textForHashing(text), 'utf8').digest('hex');
  const articles = archiveExportArticles(text);
  return { name, text, set: { file: name, sha256, annotations, rejections: [] }, ...(articles ? { articles } : {}) };
}

/** RFC 4180 rows (quoted fields hold no line breaks in these tests). */
function csvRows(content: string): Record<string, string>[] {
  const lines = content.split('\r\n').filter((l) => l !== '');
  const split = (line: string): string[] => [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)].slice(0, -1).map((m) => (m[1] ?? '').replace(/^"|"$/g, '').replace(/""/g, '"'));
  const [header, ...rows] = lines.map(split);
  assert.deepEqual(header, [...CSV_COLUMNS]);
  return rows.map((r) => Object.fromEntries((header ?? []).map((h, i) => [h, r[i] ?? ''])));
}

describe('exports of tags in archive exports name the article', () => {
  const cases: [FixtureName, string, number, Record<string, string>][] = [
    ['lexisnexis', 'harbourmaster Gwen Price', 3, { source: 'The Harbour Gazette (Portsmouth)', date: 'March 6, 2024 Wednesday', headline: 'Fishing fleet returns early as storm approaches' }],
    ['nexis-uni', 'Hospital waiting lists fall', 2, { source: 'Midlands Daily Record', headline: 'Hospital waiting lists fall for third month', byline: 'Owen Davies' }],
    ['factiva', 'Dock workers', 2, { source: 'Shipping Weekly', date: '15 May 2024', headline: 'Port strike ends after pay deal' }],
  ];
  for (const [layout, passage, number, fields] of cases) {
    it(`${layout}: CSV rows carry the article id and its metadata columns`, () => {
      const article = exportOf(`exports/${layout}.txt`, archiveFixture(layout), [passage]);
      const [row] = csvRows(exportCsv([article]).files[0]?.content ?? '');
      assert.equal(row?.['article'], `exports/${layout}.txt#${number}`);
      for (const [name, value] of Object.entries(fields)) assert.equal(row?.[name], value, name);
      assert.equal(row?.['text'], passage);
    });
  }

  it('an ordinary article is its own id, with empty metadata columns', () => {
    const article = exportOf('plain.txt', archiveFixture('ordinary-end-of-document'), ['End of Document']);
    assert.equal(article.articles, undefined);
    const [row] = csvRows(exportCsv([article]).files[0]?.content ?? '');
    assert.equal(row?.['article'], 'plain.txt');
    assert.deepEqual([row?.['source'], row?.['date'], row?.['headline']], ['', '', '']);
  });

  it('JSON lines: each span names its article; meta lists the articles in code points, and the line still imports', () => {
    // A byte order mark and an emoji before the articles: code points and UTF-16 part ways.
    const text = `\uFEFF${archiveFixture('factiva').replace('Markets had expected', 'Markets 📈 had expected')}`;
    const article = exportOf('f.txt', text, ['Markets 📈 had expected', 'Dock workers']);
    const line = JSON.parse(exportJsonl([article]).files[0]?.content ?? '') as {
      text: string;
      meta: { articles: { article: string; number: number; start: number; end: number; fields: Record<string, string> }[] };
      spans: { start: number; end: number; article: string; text: string }[];
    };
    assert.deepEqual(line.spans.map((s) => s.article), ['f.txt#1', 'f.txt#2']);
    assert.deepEqual(line.meta.articles.map((a) => [a.article, a.number, a.fields.headline]), [
      ['f.txt#1', 1, 'Central bank holds rates steady amid slowing inflation'],
      ['f.txt#2', 2, 'Port strike ends after pay deal'],
      ['f.txt#3', 3, 'Heatwave warning issued for southern regions'],
    ]);
    const points = [...line.text];
    for (const s of line.spans) {
      const a = line.meta.articles.find((x) => x.article === s.article);
      assert.ok(a && s.start >= a.start && s.end <= a.end, `${s.article} holds its span`);
      assert.equal(points.slice(s.start, s.end).join(''), s.text);
    }
    assert.ok(points.slice(line.meta.articles[1]?.start, line.meta.articles[1]?.end).join('').includes('Port strike ends'));
    const imported = parseJsonl([{ path: 'annotations.jsonl', content: exportJsonl([article]).files[0]?.content ?? '' }]);
    assert.deepEqual(imported.problems, []);
    assert.equal(imported.documents[0]?.tags.length, 2);
  });

  it('honours a custom separator, and a tag outside every article names the file', () => {
    const text = 'First story\n\nIt rained all day.\n=====\nSecond story\n\nThe sun came out.\n=====\nThird story\n\nSnow.\n';
    assert.equal(archiveExportArticles(text), undefined, 'no archive layout without the separator');
    const separator = compileSeparatorPattern('^=====$');
    assert.ok(separator.ok);
    const articles = archiveExportArticles(text, separator.pattern);
    assert.equal(articles?.length, 3);
    const article: ExportArticle = { ...exportOf('c.txt', text, []), ...(articles ? { articles } : {}) };
    assert.deepEqual(tagArticle(article, offsetOf(text, 'The sun')), { id: 'c.txt#2', fields: { headline: 'Second story' } });
    assert.equal(tagArticle(article, text.length + 5).id, 'c.txt');
  });
});
