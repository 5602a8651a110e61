import * as assert from 'node:assert/strict';
import { DEFAULT_LABELS } from '../../../../src/core/annotations/labels/labelConfig';
import { createAnnotation } from '../../../../src/core/annotations/model/create';
import type { Annotation, AnnotationSet } from '../../../../src/core/annotations/model/types';
import { exportBrat, parseBrat } from '../../../../src/core/interchange/brat';
import { exportArticles, parseImport } from '../../../../src/core/interchange/formats';
import { importTags } from '../../../../src/core/interchange/placeTags';
import type { ImportOptions } from '../../../../src/core/interchange/placeTags';
import type { ExportArticle, ImportedDocument, ParsedImport } from '../../../../src/core/interchange/types';
import { orphanedTag, sampleArticle, sampleTags, TEXT } from './testArticle';

let counter = 0;
const OPTIONS: ImportOptions = { author: 'importer', now: '2026-11-30T00:00:00.000Z', newId: () => (++counter).toString(16).padStart(12, '0') };

const empty = (): AnnotationSet => ({ file: 'story.txt', sha256: 'f'.repeat(64), annotations: [], rejections: [] });

function roundTrip(parsed: ParsedImport, text = TEXT, options = OPTIONS): { set: AnnotationSet; added: number; orphaned: number } {
  assert.deepEqual(parsed.problems, []);
  let set = empty();
  let added = 0;
  let orphaned = 0;
  for (const document of parsed.documents) {
    const outcome = importTags(text, set, document, options);
    set = outcome.set;
    added += outcome.counts.added;
    orphaned += outcome.counts.orphaned;
  }
  return { set, added, orphaned };
}

/** What a person sees of a tag: label, place, words, note, author (and status). */
function essence(tags: readonly Annotation[], author?: string): string[] {
  return tags
    .map((a) => JSON.stringify([a.label, a.start, a.end, a.text, a.note ?? '', author ?? a.author, a.status]))
    .sort();
}

function viaFormat(format: 'w3c' | 'label-studio' | 'jsonl', article: ExportArticle): ParsedImport {
  const exported = exportArticles(format, [article], DEFAULT_LABELS);
  return parseImport(format, exported.files.map((f) => ({ path: f.path, content: f.content })));
}

function viaBrat(article: ExportArticle): ParsedImport {
  const exported = exportBrat([article], DEFAULT_LABELS);
  const ann = exported.files.filter((f) => f.path.endsWith('.ann'));
  const txt = new Map(ann.map((f) => [f.path, exported.files.find((t) => t.path === f.path.replace(/\.ann$/, '.txt'))?.content ?? '']));
  return parseBrat(ann, txt);
}

describe('import: export then import gives back the same tags', () => {
  for (const format of ['w3c', 'label-studio', 'jsonl'] as const) {
    it(`${format}: label, place, words, note and author on a text with emoji, CRLF and a tag across lines`, () => {
      const result = roundTrip(viaFormat(format, sampleArticle()));
      assert.deepEqual(essence(result.set.annotations), essence(sampleTags()));
      assert.equal(result.orphaned, 0);
    });
  }

  it('brat: the same, with the author given on import (brat has no author)', () => {
    const result = roundTrip(viaBrat(sampleArticle()));
    assert.deepEqual(essence(result.set.annotations), essence(sampleTags(), 'importer'));
    const claim = result.set.annotations.find((a) => a.label === 'claim');
    assert.deepEqual(claim?.attributes, { checked: true });
    assert.equal(result.set.annotations.find((a) => a.label === 'quote')?.attributes['speaker'], 'Ana_Ruiz', 'brat values are single tokens');
  });

  it('every format: words and notes holding a line or paragraph separator (U+2028, U+2029) come back whole', () => {
    const text = 'One\u2028two three. Seven \u2029eight nine.\n';
    const tag = (id: string, label: string, words: string, note?: string): Annotation => {
      const start = text.indexOf(words);
      return createAnnotation(text, { id, label, start, end: start + words.length, author: 'ana', now: '2026-11-20T10:00:00.000Z', ...(note === undefined ? {} : { note }) });
    };
    const tags = [tag('00000000000a', 'quote', 'One\u2028two'), tag('00000000000b', 'claim', 'Seven \u2029eight'), tag('00000000000c', 'note', 'nine', 'first\u2028second\u2029third')];
    const article: ExportArticle = { name: 'story.txt', text, set: { file: 'story.txt', sha256: 'f'.repeat(64), annotations: tags, rejections: [] } };
    for (const [name, parsed] of [...(['w3c', 'label-studio', 'jsonl'] as const).map((f) => [f, viaFormat(f, article)] as const), ['brat', viaBrat(article)] as const]) {
      const result = roundTrip(parsed, text);
      assert.deepEqual(essence(result.set.annotations, 'ana'), essence(tags), name);
    }
  });

  it('keeps ids, dates and attributes where the format carries them (W3C, JSON lines)', () => {
    for (const format of ['w3c', 'jsonl'] as const) {
      const result = roundTrip(viaFormat(format, sampleArticle()));
      const byId = new Map(result.set.annotations.map((a) => [a.id, a]));
      for (const tag of sampleTags()) {
        assert.deepEqual(byId.get(tag.id)?.attributes, tag.attributes, format);
        assert.equal(byId.get(tag.id)?.created, tag.created, format);
      }
    }
  });

  it('brings orphaned tags back orphaned, with their words (W3C and JSON lines can say so)', () => {
    for (const format of ['w3c', 'jsonl'] as const) {
      const result = roundTrip(viaFormat(format, sampleArticle([...sampleTags(), orphanedTag()])));
      const orphan = result.set.annotations.find((a) => a.status === 'orphaned');
      assert.equal(orphan?.text, 'a deleted sentence', format);
      assert.equal(result.orphaned, 1, format);
    }
  });

  it('reads annotations nested in lists as deep as a file goes, in order, and the files beside it', () => {
    const exported = exportArticles('w3c', [sampleArticle()], DEFAULT_LABELS).files[0]?.content ?? '';
    const depth = 100_000;
    const nested = `${'['.repeat(depth)}${exported}${']'.repeat(depth)}`;
    const parsed = parseImport('w3c', [
      { path: 'deep.jsonld', content: nested },
      { path: 'flat.jsonld', content: exported },
    ]);
    assert.deepEqual(parsed.problems, []);
    const tags = parsed.documents.flatMap((d) => d.tags);
    const once = parseImport('w3c', [{ path: 'flat.jsonld', content: exported }]).documents.flatMap((d) => d.tags);
    assert.deepEqual(tags, [...once, ...once], 'the nested file gives the same tags in the same order, then the flat one');
  });

  it('importing the same file twice adds nothing the second time', () => {
    for (const parsed of [viaFormat('w3c', sampleArticle([...sampleTags(), orphanedTag()])), viaFormat('label-studio', sampleArticle()), viaBrat(sampleArticle())]) {
      const first = roundTrip(parsed);
      let set = first.set;
      for (const document of parsed.documents) {
        const again = importTags(TEXT, set, document, OPTIONS);
        assert.equal(again.counts.added, 0);
        assert.equal(again.counts.alreadyPresent, document.tags.length);
        set = again.set;
      }
      assert.deepEqual(set, first.set);
    }
  });
});

describe('import: placing tags', () => {
  const document = (tags: ImportedDocument['tags'], text?: string): ImportedDocument => ({ name: 'story.txt', ...(text === undefined ? {} : { text }), tags });

  it('finds a tag by its words when the article changed since the export', () => {
    const edited = `UPDATE: corrected.\r\n${TEXT}`;
    const parsed = viaFormat('jsonl', sampleArticle());
    const result = roundTrip(parsed, edited);
    for (const tag of result.set.annotations) assert.equal(edited.slice(tag.start, tag.end), tag.text.replace(/\n/g, '\r\n'));
    assert.equal(result.orphaned, 0);
  });

  it('skips tags covering no words, and counts them', () => {
    const outcome = importTags(
      TEXT,
      empty(),
      document([
        { unit: 'utf16', start: 18, end: 18, label: 'quote', text: '' },
        { unit: 'utf16', start: 18, end: 18, label: 'quote' },
        { unit: 'utf16', label: 'claim', text: '' },
        { unit: 'utf16', start: 0, end: 8, label: 'speaker', text: TEXT.slice(0, 8) },
      ]),
      OPTIONS,
    );
    assert.equal(outcome.counts.empty, 3);
    assert.equal(outcome.counts.added, 1);
    assert.deepEqual(outcome.set.annotations.map((a) => a.label), ['speaker']);
  });

  it('does not trust offsets whose words differ: the tag goes where its words are', () => {
    const outcome = importTags(TEXT, empty(), document([{ unit: 'utf16', start: 0, end: 8, label: 'speaker', text: 'Ana Ruiz' }]), OPTIONS);
    const tag = outcome.set.annotations[0];
    assert.equal(TEXT.slice(tag?.start, tag?.end), 'Ana Ruiz');
    assert.equal(outcome.counts.reanchored, 1);
  });

  // Offsets that hold the tag's words can still be another copy of them: the file's context
  // (W3C's prefix and suffix, the words around it in the task's text) tells the tag's copy.
  const exported = 'The mayor said the dam is safe. The critics said it is not.\n';
  const criticsSaid = exported.lastIndexOf('said');
  // Padding on top brings the mayor's "said" to where the critics' was.
  const padded = `${'x'.repeat(criticsSaid - exported.indexOf('said') - 1)} ${exported}`;
  for (const format of ['w3c', 'jsonl', 'label-studio'] as const) {
    it(`${format}: does not trust offsets that hold the same words in another context: the tag goes to its own copy`, () => {
      const tag = createAnnotation(exported, { id: '00000000000a', label: 'cue', start: criticsSaid, end: criticsSaid + 4, author: 'ana', now: OPTIONS.now });
      const parsed = viaFormat(format, { name: 'story.txt', text: exported, set: { ...empty(), annotations: [tag] } });
      assert.equal(padded.slice(criticsSaid, criticsSaid + 4), 'said', 'the offsets hold the words "said"');
      const result = roundTrip(parsed, padded);
      const placed = result.set.annotations[0];
      assert.ok(placed);
      assert.equal(placed.start, padded.lastIndexOf('said'), 'on the critics’ “said”');
      assert.equal(placed.review, undefined, 'found surely: no review mark');
      // The same file into the article it was exported from: its offsets, as they are.
      const same = roundTrip(parsed, exported).set.annotations[0];
      assert.equal(same?.start, criticsSaid);
    });
  }

  it('marks a tag for review when the only copy of its words left has another context, as the editor does', () => {
    const before = 'Intro. The minister denied the report. Middle part of the story. The minister denied the report. End.';
    const after = 'Intro. The minister denied the report. Middle part of the story. End.';
    const start = before.lastIndexOf('The minister');
    const tag = createAnnotation(before, { id: '00000000000a', label: 'claim', start, end: start + 'The minister denied the report.'.length, author: 'ana', now: OPTIONS.now });
    const parsed = viaFormat('w3c', { name: 'story.txt', text: before, set: { ...empty(), annotations: [tag] } });
    const result = roundTrip(parsed, after);
    const placed = result.set.annotations[0];
    assert.ok(placed);
    assert.equal(after.slice(placed.start, placed.end), 'The minister denied the report.');
    assert.ok(placed.review !== undefined && placed.review < 0.9, `marked for review (${String(placed.review)})`);
    const counts = importTags(after, empty(), parsed.documents[0] as ImportedDocument, OPTIONS).counts;
    assert.equal(counts.review, 1);
  });

  it('puts a tag on the only copy of its words when none of its context is left, marked for review', () => {
    const tags = [{ unit: 'utf16' as const, label: 'speaker', text: 'Ana Ruiz', prefix: 'a paragraph the article no longer has, about ', suffix: ' and others, gone too' }];
    const outcome = importTags(TEXT, empty(), document(tags), OPTIONS);
    const tag = outcome.set.annotations[0];
    assert.equal(TEXT.slice(tag?.start, tag?.end), 'Ana Ruiz');
    assert.equal(tag?.status, 'active');
    assert.ok(tag?.review !== undefined && tag.review < 0.75, `marked for review (${String(tag?.review)})`);
    assert.deepEqual([outcome.counts.review, outcome.counts.orphaned], [1, 0]);
    // Without context, the only copy of its words is its place, surely.
    const plain = importTags(TEXT, empty(), document([{ unit: 'utf16', label: 'speaker', text: 'Ana Ruiz' }]), OPTIONS);
    assert.deepEqual([plain.set.annotations[0]?.review, plain.counts.review], [undefined, 0]);
  });

  it('imports words that are nowhere in the article as orphaned, never drops them', () => {
    const outcome = importTags(TEXT, empty(), document([{ unit: 'codePoints', start: 3, end: 30, label: 'claim', text: 'a sentence this article never had', note: 'kept' }]), OPTIONS);
    assert.equal(outcome.counts.added, 1);
    assert.equal(outcome.counts.orphaned, 1);
    assert.equal(outcome.set.annotations[0]?.status, 'orphaned');
    assert.equal(outcome.set.annotations[0]?.text, 'a sentence this article never had');
    assert.equal(outcome.set.annotations[0]?.note, 'kept');
  });

  it('uses the file’s own copy of the text for the words when the tag does not state them', () => {
    const source = `Intro line.\n${TEXT}`;
    const start = [...source.slice(0, source.indexOf('Ana Ruiz'))].length;
    const outcome = importTags(TEXT, empty(), document([{ unit: 'codePoints', start, end: start + 8, label: 'speaker' }], source), OPTIONS);
    const tag = outcome.set.annotations[0];
    assert.equal(TEXT.slice(tag?.start, tag?.end), 'Ana Ruiz');
  });

  it('keeps two annotators’ tags on the same words, but not the same annotator’s twice', () => {
    const tags = [
      { unit: 'utf16' as const, start: TEXT.indexOf('Ana Ruiz'), end: TEXT.indexOf('Ana Ruiz') + 8, label: 'speaker', author: 'ana' },
      { unit: 'utf16' as const, start: TEXT.indexOf('Ana Ruiz'), end: TEXT.indexOf('Ana Ruiz') + 8, label: 'speaker', author: 'bo' },
      { unit: 'utf16' as const, start: TEXT.indexOf('Ana Ruiz'), end: TEXT.indexOf('Ana Ruiz') + 8, label: 'speaker', author: 'bo' },
    ];
    const outcome = importTags(TEXT, empty(), document(tags), OPTIONS);
    assert.deepEqual([outcome.counts.added, outcome.counts.alreadyPresent], [2, 1]);
    assert.deepEqual(outcome.set.annotations.map((a) => a.author), ['ana', 'bo']);
  });

  it('replaces dates that are not ISO timestamps and skips tags without a label, so the sidecar stays valid', () => {
    const words = { unit: 'utf16' as const, start: TEXT.indexOf('Ana Ruiz'), end: TEXT.indexOf('Ana Ruiz') + 8 };
    const outcome = importTags(TEXT, empty(), document([{ ...words, label: 'speaker', created: 'yesterday', modified: '2026-11-01' }, { ...words, label: '  ' }]), OPTIONS);
    assert.equal(outcome.counts.withoutLabel, 1);
    assert.deepEqual(outcome.set.annotations.map((a) => [a.created, a.modified]), [[OPTIONS.now, OPTIONS.now]]);
  });

  it('places offsets right in an article that starts with a byte order mark', () => {
    const withBom = `\uFEFF${TEXT}`;
    const result = roundTrip(viaFormat('label-studio', sampleArticle()), withBom);
    for (const tag of result.set.annotations) assert.equal(withBom.slice(tag.start, tag.end).replace(/\r\n/g, '\n'), tag.text);
  });
});

// Every span of a file is imported or named in a problem: none is left out without a word.
describe('import: spans a file gives in a wrong form', () => {
  const words = 'Ana Ruiz';
  const at = [...TEXT.slice(0, TEXT.indexOf(words))].length;
  const region = (value: Record<string, unknown>, id: string): Record<string, unknown> => ({ id, from_name: 'label', to_name: 'text', type: 'labels', value });
  const labelStudio = (regions: Record<string, unknown>[]): string => JSON.stringify([{ data: { text: TEXT }, annotations: [{ result: regions }] }]);
  const jsonl = (spans: unknown[]): string => `${JSON.stringify({ text: TEXT, spans })}\n`;
  const w3c = (selector: Record<string, unknown>[]): string =>
    JSON.stringify({ type: 'Annotation', id: 'urn:x:0000000000a1', body: [{ purpose: 'tagging', value: 'speaker' }], target: { source: 'story.txt', selector } });
  const cases: { name: string; format: 'label-studio' | 'jsonl' | 'w3c'; content: string; placed: number; problem: RegExp }[] = [
    { name: 'offsets as strings, words given', format: 'label-studio', content: labelStudio([region({ start: String(at), end: String(at + 8), text: words, labels: ['speaker'] }, 'r1')]), placed: 1, problem: /task 1, region "r1": offsets are not whole numbers \(start "\d+", end "\d+"\); placed by its words/ },
    { name: 'fractional offsets, no words', format: 'label-studio', content: labelStudio([region({ start: at + 0.5, end: at + 8, labels: ['speaker'] }, 'r2')]), placed: 0, problem: /region "r2": offsets are not whole numbers .* no words; skipped/ },
    { name: 'one label as a string', format: 'label-studio', content: labelStudio([region({ start: at, end: at + 8, text: words, labels: 'speaker' }, 'r3')]), placed: 1, problem: /^$/ },
    { name: 'labels that are not text', format: 'label-studio', content: labelStudio([region({ start: at, end: at + 8, text: words, labels: [7, null] }, 'r4')]), placed: 0, problem: /region "r4": labels that are not text \(\[7,null\]\) are left out[\s\S]*region "r4": no label; skipped/ },
    { name: 'offsets as strings, words given', format: 'jsonl', content: jsonl([{ start: String(at), end: String(at + 8), label: 'speaker', text: words }]), placed: 1, problem: /:1: span 1: offsets are not whole numbers .*placed by its words/ },
    { name: 'a label that is a list', format: 'jsonl', content: jsonl([{ start: at, end: at + 8, label: ['speaker'] }]), placed: 0, problem: /:1: span 1: no label \(a string\); skipped/ },
    { name: 'a negative offset, no words', format: 'jsonl', content: jsonl([{ start: -3, end: at + 8, label: 'speaker' }]), placed: 0, problem: /span 1: offsets are not whole numbers \(start -3, end \d+\) and it states no words; skipped/ },
    { name: 'a span that is not an object', format: 'jsonl', content: jsonl(['speaker']), placed: 0, problem: /span 1: not an object; skipped/ },
    { name: 'fractional position, quote given', format: 'w3c', content: w3c([{ type: 'TextPositionSelector', start: at + 0.5, end: at + 8 }, { type: 'TextQuoteSelector', exact: words }]), placed: 1, problem: /annotation urn:x:0000000000a1's TextPositionSelector: offsets are not whole numbers .*placed by its words/ },
    { name: 'no selector', format: 'w3c', content: w3c([]), placed: 0, problem: /annotation urn:x:0000000000a1 has no TextPositionSelector nor TextQuoteSelector to place it by; skipped/ },
  ];
  for (const c of cases) {
    it(`${c.format}: ${c.name}`, () => {
      const parsed = parseImport(c.format, [{ path: 'in.json', content: c.content }]);
      const messages = parsed.problems.map((p) => `${p.file}${p.line === undefined ? '' : `:${p.line}`}: ${p.message}`).join('\n');
      if (c.problem.source === '^$') assert.equal(messages, '');
      else assert.match(messages, c.problem);
      let set = empty();
      for (const document of parsed.documents) set = importTags(TEXT, set, document, OPTIONS).set;
      assert.equal(set.annotations.length, c.placed, JSON.stringify(set.annotations));
      for (const a of set.annotations) {
        assert.equal(TEXT.slice(a.start, a.end), words, 'placed on its words');
        assert.ok(Number.isInteger(a.start) && Number.isInteger(a.end));
      }
    });
  }
});

describe('import: brat lines that change a tag are reported', () => {
  const text = 'Alice met Bob in Paris.\n';
  const cases: { name: string; ann: string; spans: [number, number][]; problems: RegExp[] }[] = [
    { name: 'discontinuous fragments', ann: 'T1\tPerson 0 5;10 13\tAlice Bob\n', spans: [[0, 13]], problems: [/^story\.ann:1: T1 has 2 discontinuous fragments; imported as one tag from 0 to 13, the words between them included$/] },
    { name: 'an id given twice', ann: 'T1\tPerson 0 5\tAlice\nT1\tPerson 10 13\tBob\n', spans: [[0, 5]], problems: [/^story\.ann:2: T1 is given again; this line is skipped \(the first, line 1, is kept\)$/] },
    { name: 'a fragment ending before it starts', ann: 'T1\tPerson 13 10\tBob\n', spans: [[10, 13]], problems: [/^story\.ann:1: T1: a fragment ends before it starts \(13 10\); read as 10 13$/] },
    { name: 'an attribute and a note of a tag the file does not define', ann: 'T1\tPerson 0 5\tAlice\nA1\tChecked T9\n#1\tAnnotatorNotes T8\tlost?\n', spans: [[0, 5]], problems: [/^story\.ann:2: the attribute of T9, which this file does not define; skipped$/, /^story\.ann:3: the note of T8, which this file does not define; skipped$/] },
    { name: 'fragments cut at white space only (as brat cuts a tag at a line break): one tag, nothing to report', ann: 'T1\tPerson 10 13;14 16\tBob in\n', spans: [[10, 16]], problems: [] },
    { name: 'nothing to report', ann: 'T1\tPerson 0 5\tAlice\nA1\tChecked T1\n#1\tAnnotatorNotes T1\tfine\n', spans: [[0, 5]], problems: [] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const parsed = parseBrat([{ path: 'story.ann', content: c.ann }], new Map([['story.ann', text]]));
      const messages = parsed.problems.map((p) => `${p.file}:${p.line ?? ''}: ${p.message}`);
      assert.equal(messages.length, c.problems.length, messages.join('\n'));
      c.problems.forEach((pattern, i) => assert.match(messages[i] ?? '', pattern));
      assert.deepEqual(parsed.documents[0]?.tags.map((t) => [t.start, t.end]), c.spans);
    });
  }
});
