import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { textForHashing } from '../../../../src/core/annotations/anchoring/capture';
import { createAnnotation } from '../../../../src/core/annotations/model/create';
import type { Annotation, AnnotationSet } from '../../../../src/core/annotations/model/types';
import { compileSeparatorPattern } from '../../../../src/core/archive/separatorPattern';
import { archiveExportArticles, tagArticle } from '../../../../src/core/interchange/archiveArticles';
import { CSV_COLUMNS, exportCsv } from '../../../../src/core/interchange/csv';
import { DEFAULT_LABELS } from '../../../../src/core/annotations/labels/labelDefaults';
import { exportArticles, parseImport } from '../../../../src/core/interchange/formats';
import { exportJsonl } from '../../../../src/core/interchange/jsonl';
import { importTags } from '../../../../src/core/interchange/placeTags';
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

  type JsonlLine = { text: string; meta: Record<string, unknown> & { article: string; number: number; of: number; file_offset: number; outside?: { file_start: number; file_end: number; text: string }[] }; spans: { start: number; end: number; text: string; label: string }[] };
  const jsonlLines = (article: ExportArticle): JsonlLine[] =>
    (exportJsonl([article]).files[0]?.content ?? '')
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => JSON.parse(l) as JsonlLine);

  /** Imports the JSON lines into an empty sidecar of `text`, as the import command does: every line naming the file, one after another. */
  const reimported = (article: ExportArticle, format: 'jsonl' | 'label-studio' = 'jsonl'): readonly Annotation[] => {
    const parsed = parseImport(format, exportArticles(format, [article], DEFAULT_LABELS).files.map((f) => ({ path: f.path, content: f.content })));
    assert.deepEqual(parsed.problems, []);
    let set: AnnotationSet = { ...article.set, annotations: [] };
    let n = 0;
    for (const document of parsed.documents) {
      assert.equal(document.name, article.name);
      const outcome = importTags(article.text, set, document, { author: 'importer', now: NOW, newId: () => String(++n).padStart(12, '0') });
      // Placed by their offsets, not found again by their words: the article's place in the file held.
      assert.equal(outcome.counts.reanchored, 0, 'tags placed by their words, not their offsets');
      set = outcome.set;
    }
    return set.annotations;
  };
  const places = (tags: readonly Annotation[]): string[] => tags.map((a) => `${a.start}-${a.end} ${a.text} ${a.status}`).sort();

  it('JSON lines: one line per article, its text alone, spans counted from its start, its metadata in meta', () => {
    // A byte order mark and an emoji before the articles: code points and UTF-16 part ways.
    const text = `\uFEFF${archiveFixture('factiva').replace('Markets had expected', 'Markets 📈 had expected')}`;
    const article = exportOf('f.txt', text, ['Markets 📈 had expected', 'Dock workers']);
    const lines = jsonlLines(article);
    assert.deepEqual(lines.map((l) => [l.meta.article, l.meta.number, l.meta.of, l.meta['headline'], l.meta['source']]), [
      ['f.txt#1', 1, 3, 'Central bank holds rates steady amid slowing inflation', lines[0]?.meta['source']],
      ['f.txt#2', 2, 3, 'Port strike ends after pay deal', 'Shipping Weekly'],
      ['f.txt#3', 3, 3, 'Heatwave warning issued for southern regions', lines[2]?.meta['source']],
    ]);
    assert.deepEqual(lines.map((l) => l.spans.map((s) => s.text)), [['Markets 📈 had expected'], ['Dock workers'], []]);
    const whole = [...textForHashing(text)];
    for (const line of lines) {
      const points = [...line.text];
      assert.equal(whole.slice(line.meta.file_offset, line.meta.file_offset + points.length).join(''), line.text, `${line.meta.article} sits at file_offset`);
      for (const s of line.spans) assert.equal(points.slice(s.start, s.end).join(''), s.text);
    }
    assert.ok(lines[1]?.text.includes('Port strike ends') && !lines[1].text.includes('Central bank holds'));
  });

  const passagesOf: Record<'lexisnexis' | 'nexis-uni' | 'factiva', string[]> = {
    lexisnexis: ['Councillor Adeyemi Okafor', 'This was not an act of nature', 'harbourmaster Gwen Price'],
    'nexis-uni': ['Ewan MacLeod', 'We are not complacent', 'Hospital waiting lists fall'],
    factiva: ['Helena Vasquez', 'It is a fair settlement', 'Dock workers'],
  };
  for (const [layout, passages] of Object.entries(passagesOf) as [keyof typeof passagesOf, string[]][]) {
    it(`${layout}: JSON lines import puts each article's tags back at their place in the file`, () => {
      const text = archiveFixture(layout);
      const base = exportOf(`${layout}.txt`, text, passages);
      // A line every article has ('English', 'Language: ENGLISH'…), tagged in the second article: only its offsets can place it.
      const repeated = { lexisnexis: 'LANGUAGE: ENGLISH', 'nexis-uni': 'Language: ENGLISH', factiva: 'English' }[layout];
      const second = offsetOf(text, repeated, offsetOf(text, repeated) + 1);
      const again = createAnnotation(text, { id: '0000000000bb', label: 'note', start: second, end: second + repeated.length, author: 'ana', now: NOW });
      const article: ExportArticle = { ...base, set: { ...base.set, annotations: [...base.set.annotations, again] } };
      assert.ok(jsonlLines(article).length > 1);
      assert.deepEqual(places(reimported(article)), places(article.set.annotations));
    });

    it(`${layout}: Label Studio gets one task per article, and its import puts the tags back at their place in the file`, () => {
      const text = archiveFixture(layout);
      const article = exportOf(`${layout}.txt`, text, passages);
      const tasks = JSON.parse(exportArticles('label-studio', [article], DEFAULT_LABELS).files[0]?.content ?? '[]') as { id: number; data: Record<string, unknown> & { text: string; article: string; file_offset: number } }[];
      assert.deepEqual(tasks.map((t) => [t.id, t.data.article, t.data['headline'] !== undefined]), jsonlLines(article).map((l, i) => [i + 1, l.meta.article, true]));
      assert.deepEqual(tasks.map((t) => t.data.text), jsonlLines(article).map((l) => l.text));
      assert.deepEqual(places(reimported(article, 'label-studio')), places(article.set.annotations));
    });
  }

  it('Label Studio: a tag running across two articles has no task to go in: left out and counted as such, not as orphaned', () => {
    const text = archiveFixture('lexisnexis');
    const from = offsetOf(text, 'Copyright 2024 Harbour Gazette Ltd');
    const across = createAnnotation(text, { id: '0000000000aa', label: 'note', start: from, end: offsetOf(text, 'Northern Ledger') + 5, author: 'ana', now: NOW });
    const base = exportOf('l.txt', text, ['harbourmaster Gwen Price']);
    const exported = exportArticles('label-studio', [{ ...base, set: { ...base.set, annotations: [...base.set.annotations, across] } }], DEFAULT_LABELS);
    assert.equal(exported.skipped, 1);
    assert.equal(exported.across, 1, 'the one left out runs across articles; it is no orphaned or rejected tag');
  });

  it('JSON lines: a tag running across two articles travels in meta.outside and comes back at its place', () => {
    const text = archiveFixture('lexisnexis');
    const from = offsetOf(text, 'Copyright 2024 Harbour Gazette Ltd');
    const to = offsetOf(text, 'Northern Ledger') + 'Northern Ledger'.length;
    const across = createAnnotation(text, { id: '0000000000aa', label: 'note', start: from, end: to, author: 'ana', now: NOW });
    const base = exportOf('l.txt', text, ['harbourmaster Gwen Price']);
    const article: ExportArticle = { ...base, set: { ...base.set, annotations: [...base.set.annotations, across] } };
    const lines = jsonlLines(article);
    assert.deepEqual(lines[0]?.meta.outside?.map((o) => o.text), [text.slice(from, to)]);
    assert.ok(lines.every((l) => l.spans.every((s) => s.text !== text.slice(from, to))));
    assert.deepEqual(places(reimported(article)), places(article.set.annotations));
  });

  it('JSON lines: an ordinary article stays one line with its whole text', () => {
    const text = archiveFixture('ordinary-end-of-document');
    const lines = jsonlLines(exportOf('plain.txt', text, ['End of Document']));
    assert.equal(lines.length, 1);
    assert.equal(lines[0]?.text, textForHashing(text));
    assert.equal(lines[0]?.meta.article, undefined);
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
