// Hostile but realistic import files: each test names a way tags are lost, moved to other words,
// or read without a word about it.
import * as assert from 'node:assert/strict';
import type { AnnotationSet } from '../../../../src/core/annotations/model/types';
import { parseBrat } from '../../../../src/core/interchange/brat';
import { parseImport } from '../../../../src/core/interchange/formats';
import { importTags } from '../../../../src/core/interchange/placeTags';
import type { ImportOptions } from '../../../../src/core/interchange/placeTags';
import type { ParsedImport } from '../../../../src/core/interchange/types';

let counter = 0;
const OPTIONS: ImportOptions = { author: 'importer', now: '2026-11-30T00:00:00.000Z', newId: () => `f${(++counter).toString(16).padStart(11, '0')}` };
const emptySet = (): AnnotationSet => ({ file: 'story.txt', sha256: 'f'.repeat(64), annotations: [], rejections: [] });

const ARTICLE = 'Mayor Ana Ruiz said the vote is final.\nCritics said the count was rushed.\n';

/** Imports every document of `parsed` into `text`; the tags as a person sees them. */
function importAll(parsed: ParsedImport, text: string, set = emptySet()): { tags: { label: string; words: string; status: string; author: string; note?: string }[]; alreadyPresent: number } {
  let alreadyPresent = 0;
  for (const document of parsed.documents) {
    const outcome = importTags(text, set, document, OPTIONS);
    set = outcome.set;
    alreadyPresent += outcome.counts.alreadyPresent;
  }
  const tags = set.annotations.map((a) => ({ label: a.label, words: a.status === 'orphaned' ? a.text : text.slice(a.start, a.end), status: a.status, author: a.author, ...(a.note === undefined ? {} : { note: a.note }) }));
  return { tags: tags.sort((x, y) => x.label.localeCompare(y.label) || x.words.localeCompare(y.words)), alreadyPresent };
}

const cp = (text: string, words: string): { start: number; end: number } => {
  const i = text.indexOf(words);
  assert.ok(i >= 0, words);
  return { start: [...text.slice(0, i)].length, end: [...text.slice(0, i + words.length)].length };
};

describe('import: a different tag that shares an id is not "already present"', () => {
  const w3c = (id: string, creator: string, label: string, words: string) => ({
    type: 'Annotation',
    id,
    creator: { type: 'Person', name: creator },
    body: [{ type: 'TextualBody', purpose: 'tagging', value: label }],
    target: { source: 'story.txt', selector: [{ type: 'TextQuoteSelector', exact: words }, { type: 'TextPositionSelector', ...cp(ARTICLE, words) }] },
  });
  const cases: { name: string; parsed: () => ParsedImport; expected: { label: string; words: string }[] }[] = [
    {
      // Version-1 UUIDs from one machine end in the same 12 hex digits (its MAC address).
      name: 'W3C: two annotations with uuid1 ids from the same machine',
      parsed: () =>
        parseImport('w3c', [
          {
            path: 'hypothesis-style.jsonld',
            content: JSON.stringify([w3c('urn:uuid:6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'ana', 'claim', 'the vote is final'), w3c('urn:uuid:6ba7b811-9dad-11d1-80b4-00c04fd430c8', 'ana', 'claim', 'the count was rushed')]),
          },
        ]),
      expected: [
        { label: 'claim', words: 'the count was rushed' },
        { label: 'claim', words: 'the vote is final' },
      ],
    },
    {
      // A region of a Labels tag with choice="multiple" (here after a round trip, so its id is ours).
      name: 'Label Studio: one region with two labels',
      parsed: () =>
        parseImport('label-studio', [
          {
            path: 'label-studio.json',
            content: JSON.stringify([{ data: { text: ARTICLE, file: 'story.txt' }, annotations: [{ created_username: 'ana', result: [{ id: '0123456789ab', type: 'labels', value: { ...cp(ARTICLE, 'Ana Ruiz'), text: 'Ana Ruiz', labels: ['speaker', 'person'] } }] }] }]),
          },
        ]),
      expected: [
        { label: 'person', words: 'Ana Ruiz' },
        { label: 'speaker', words: 'Ana Ruiz' },
      ],
    },
    {
      // Two annotators' files made by a script that numbered the spans the same way.
      name: 'JSON lines: two annotators, same span id, different labels and words',
      parsed: () =>
        parseImport('jsonl', [
          {
            path: 'annotations.jsonl',
            content:
              JSON.stringify({ text: ARTICLE, meta: { file: 'story.txt' }, spans: [{ ...cp(ARTICLE, 'Ana Ruiz'), label: 'speaker', id: '000000000001', author: 'ana' }] }) +
              '\n' +
              JSON.stringify({ text: ARTICLE, meta: { file: 'story.txt' }, spans: [{ ...cp(ARTICLE, 'Critics'), label: 'source', id: '000000000001', author: 'bo' }] }) +
              '\n',
          },
        ]),
      expected: [
        { label: 'source', words: 'Critics' },
        { label: 'speaker', words: 'Ana Ruiz' },
      ],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const result = importAll(c.parsed(), ARTICLE);
      assert.deepEqual(
        result.tags.map((t) => ({ label: t.label, words: t.words })),
        c.expected,
      );
      assert.equal(result.alreadyPresent, 0);
    });
  }
});

describe('import: brat checks its offsets against the words the .ann line gives', () => {
  const EDITED = 'UPDATE: corrected.\n' + ARTICLE;
  const cases: { name: string; ann: string; txt?: string; article: string }[] = [
    // Only the .ann was sent (the .txt is the article, edited since): the T line says "Ana Ruiz".
    { name: 'no .txt beside the .ann, article edited since', ann: 'T1\tspeaker 6 14\tAna Ruiz\n', article: EDITED },
    // brat reads its .txt with Python's utf-8 codec: a BOM is character 0 and counted.
    { name: '.txt beside with a BOM that brat counted', ann: 'T1\tspeaker 7 15\tAna Ruiz\n', txt: '\uFEFF' + ARTICLE, article: ARTICLE },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const parsed = parseBrat([{ path: 'story.ann', content: c.ann }], new Map(c.txt === undefined ? [] : [['story.ann', c.txt]]));
      const result = importAll(parsed, c.article);
      assert.deepEqual(result.tags.map((t) => [t.label, t.words]), [['speaker', 'Ana Ruiz']]);
    });
  }
});

describe('import: a brat text-bound line it cannot read is reported on its line, not counted with relations', () => {
  const cases: [string, string, RegExp][] = [
    ['offsets that are not numbers', 'T1\tspeaker six 14\tAna Ruiz\n', /^line 2: T1 is not a text-bound tag this reader can take/],
    ['no offsets at all', 'T2\tspeaker\n', /^line 2: T2 is not a text-bound tag this reader can take/],
  ];
  for (const [name, ann, message] of cases) {
    it(name, () => {
      const parsed = parseBrat([{ path: 'story.ann', content: `R1\tCause Arg1:T9 Arg2:T8\n${ann}` }], new Map());
      assert.equal(parsed.documents[0]?.tags.length ?? 0, 0);
      const messages = parsed.problems.map((p) => `${p.line === undefined ? '' : `line ${p.line}: `}${p.message}`);
      assert.ok(messages.some((m) => message.test(m)), messages.join(' | '));
      assert.ok(messages.some((m) => /^1 relation, event or other lines/.test(m)), 'the relation alone is counted as not a tag');
    });
  }
});

describe('import: a JSON lines field of the wrong type is reported, never silently lost', () => {
  it('a note as a number, an author as a list, attributes as a list, an id as an object, an attribute as an object', () => {
    const span = { start: 0, end: 5, label: 'quote', note: 12345, author: ['Ann'], attributes: { ok: 'yes', bad: { x: 1 } }, id: { x: 1 } };
    const orphan = { label: 'claim', text: 'gone', attributes: [1, 2] };
    const line = JSON.stringify({ text: ARTICLE, meta: { file: 'story.txt', orphaned: [orphan] }, spans: [span] });
    const parsed = parseImport('jsonl', [{ path: 'in.jsonl', content: `${line}\n` }]);
    assert.deepEqual(
      parsed.problems.map((p) => `${p.line ?? ''}: ${p.message}`),
      [
        '1: span 1: its id is an object, not a string; left out',
        '1: span 1: its note is 12345, not a string; left out',
        '1: span 1: its author is a list, not a string; left out',
        '1: span 1: its attribute "bad" is an object, not a string, number or true/false; left out',
        '1: orphaned span 1: its attributes are a list, not an object of names and values; left out',
      ],
    );
    const tags = parsed.documents[0]?.tags ?? [];
    assert.equal(tags.length, 2, 'both tags are still read');
    assert.deepEqual(tags[0]?.attributes, { ok: 'yes' });
  });
});

describe('import: a span of an archive article never lands in another article', () => {
  const FIRST = 'Mayor Ana Ruiz said the vote is final.\n';
  const SECOND = 'Critics said the count was rushed.\n';
  const FILE = `${FIRST}\n${SECOND}`;
  // The span runs past the end of its article (40 code points): it has no words in it.
  const span = { start: 48, end: 53 };
  const cases: { name: string; parsed: () => ParsedImport }[] = [
    { name: 'JSON lines with meta.file_offset', parsed: () => parseImport('jsonl', [{ path: 'a.jsonl', content: JSON.stringify({ text: FIRST, meta: { file: 'export.txt', file_offset: 0 }, spans: [{ ...span, label: 'claim' }] }) }]) },
    { name: 'Label Studio with data.file_offset', parsed: () => parseImport('label-studio', [{ path: 'a.json', content: JSON.stringify([{ data: { text: FIRST, file: 'export.txt', file_offset: 0 }, annotations: [{ result: [{ id: 'r1', type: 'labels', value: { ...span, labels: ['claim'] } }] }] }]) }]) },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const parsed = c.parsed();
      const result = importAll(parsed, FILE);
      const placed = result.tags.filter((t) => t.status !== 'orphaned');
      assert.deepEqual(placed, [], `placed in the second article: ${JSON.stringify(placed)}`);
      assert.ok(parsed.problems.length > 0, 'the span past its article is named in a problem');
    });
  }
});

describe('import: offsets that cannot be in the text are reported, never a wordless orphan', () => {
  const cases: { name: string; parsed: () => ParsedImport }[] = [
    { name: 'JSON lines: start after end, no words', parsed: () => parseImport('jsonl', [{ path: 'a.jsonl', content: JSON.stringify({ text: ARTICLE, meta: { file: 'story.txt' }, spans: [{ start: 20, end: 6, label: 'speaker' }] }) }]) },
    { name: 'JSON lines: offsets past the end of the text, no words', parsed: () => parseImport('jsonl', [{ path: 'a.jsonl', content: JSON.stringify({ text: ARTICLE, meta: { file: 'story.txt' }, spans: [{ start: 500, end: 510, label: 'claim' }] }) }]) },
    { name: 'Label Studio: start after end, no words', parsed: () => parseImport('label-studio', [{ path: 'a.json', content: JSON.stringify([{ data: { text: ARTICLE, file: 'story.txt' }, annotations: [{ result: [{ id: 'r1', type: 'labels', value: { start: 20, end: 6, labels: ['speaker'] } }] }] }]) }]) },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const parsed = c.parsed();
      const result = importAll(parsed, ARTICLE);
      assert.deepEqual(result.tags.filter((t) => t.words === ''), [], 'no tag without words or place');
      assert.ok(parsed.problems.length > 0, 'the span is named in a problem with its line or record');
    });
  }
});

describe('import: W3C files that hold annotations are never read as holding none', () => {
  const cases: { name: string; data: unknown }[] = [
    {
      name: 'Hypothesis API search result (rows with tags and target selectors)',
      data: { total: 1, rows: [{ id: 'Ab3dEfGh', uri: 'story.txt', text: 'check this', tags: ['claim'], user: 'acct:ana@hypothes.is', target: [{ source: 'story.txt', selector: [{ type: 'TextQuoteSelector', exact: 'the vote is final' }] }] }] },
    },
    {
      name: 'JSON-LD with @type (compacted with the oa: prefix)',
      data: { '@context': 'http://www.w3.org/ns/anno.jsonld', '@id': 'http://example.org/anno1', '@type': 'oa:Annotation', body: { purpose: 'tagging', value: 'claim' }, target: { source: 'story.txt', selector: { type: 'TextQuoteSelector', exact: 'the vote is final' } } },
    },
    {
      name: 'motivation "tagging" with a body without purpose (the motivation applies to it)',
      data: { type: 'Annotation', motivation: 'tagging', body: { type: 'TextualBody', value: 'claim' }, target: { source: 'story.txt', selector: { type: 'TextQuoteSelector', exact: 'the vote is final' } } },
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const parsed = parseImport('w3c', [{ path: 'export.json', content: JSON.stringify(c.data) }]);
      const imported = parsed.documents.flatMap((d) => d.tags).length;
      assert.ok(imported > 0 || parsed.problems.length > 0, `neither a tag nor a problem: ${JSON.stringify(parsed)}`);
      // A problem names its record: never "annotation undefined".
      for (const p of parsed.problems) assert.doesNotMatch(p.message, /undefined/);
    });
  }
});

describe('import: a byte order mark at the start of the import file', () => {
  const spansLine = JSON.stringify({ text: ARTICLE, meta: { file: 'story.txt' }, spans: [{ ...cp(ARTICLE, 'Ana Ruiz'), label: 'speaker' }] });
  const cases: { name: string; parsed: () => ParsedImport }[] = [
    { name: 'JSON lines', parsed: () => parseImport('jsonl', [{ path: 'a.jsonl', content: `\uFEFF${spansLine}\n` }]) },
    { name: 'Label Studio', parsed: () => parseImport('label-studio', [{ path: 'a.json', content: '\uFEFF' + JSON.stringify([{ data: { text: ARTICLE, file: 'story.txt' }, annotations: [{ result: [{ id: 'r1', type: 'labels', value: { ...cp(ARTICLE, 'Ana Ruiz'), text: 'Ana Ruiz', labels: ['speaker'] } }] }] }]) }]) },
    { name: 'W3C', parsed: () => parseImport('w3c', [{ path: 'a.jsonld', content: '\uFEFF' + JSON.stringify({ type: 'Annotation', body: { purpose: 'tagging', value: 'speaker' }, target: { source: 'story.txt', selector: [{ type: 'TextQuoteSelector', exact: 'Ana Ruiz' }] } }) }]) },
    { name: 'brat', parsed: () => parseBrat([{ path: 'story.ann', content: '\uFEFFT1\tspeaker 6 14\tAna Ruiz\r\n#1\tAnnotatorNotes T1\tcheck spelling\r\n' }], new Map([['story.ann', ARTICLE]])) },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const parsed = c.parsed();
      assert.deepEqual(parsed.problems, []);
      assert.deepEqual(importAll(parsed, ARTICLE).tags.map((t) => [t.label, t.words]), [['speaker', 'Ana Ruiz']]);
    });
  }
});

describe('import: brat notes and attributes given twice', () => {
  it('keeps both AnnotatorNotes of one tag (or says one was dropped), and reports a repeated attribute', () => {
    const ann = 'T1\tspeaker 6 14\tAna Ruiz\n#1\tAnnotatorNotes T1\tANA: spelling checked\n#2\tAnnotatorNotes T1\tBO: is she the mayor?\nA1\tConfidence T1 high\nA2\tConfidence T1 low\n';
    const parsed = parseBrat([{ path: 'story.ann', content: ann }], new Map([['story.ann', ARTICLE]]));
    const note = importAll(parsed, ARTICLE).tags[0]?.note ?? '';
    const kept = note.includes('ANA: spelling checked') && note.includes('BO: is she the mayor?');
    assert.ok(kept || parsed.problems.some((p) => p.line === 2 || p.line === 3), `note ${JSON.stringify(note)}, problems ${JSON.stringify(parsed.problems)}`);
    assert.ok(parsed.problems.some((p) => p.line === 4 || p.line === 5), `attribute Confidence given twice (high, low) read silently: ${JSON.stringify(parsed.problems)}`);
  });
});

describe('import: offsets that do not hold as given', () => {
  /** An archive-sized text exported with LF; `article` is what it is imported into. */
  function imported(paragraphs: number, article: (lf: string) => string): { outcome: ReturnType<typeof importTags>; text: string } {
    const lines = Array.from({ length: paragraphs }, (_, i) => `Paragraph ${i}: Mayor Ana Ruiz${i} said on day ${i} that the vote number ${i} is final and binding for district ${i}.`);
    const lf = `${lines.join('\n')}\n`;
    let at = 0;
    const spans = lines.map((line, i) => {
      const words = `Ruiz${i} said`;
      const start = at + line.indexOf(words);
      at += line.length + 1;
      return { start, end: start + words.length, label: 'speaker', text: words };
    });
    const document = parseImport('jsonl', [{ path: 'a.jsonl', content: JSON.stringify({ text: lf, meta: { file: 'export.txt' }, spans }) }]).documents[0];
    assert.ok(document);
    const text = article(lf);
    return { outcome: importTags(text, emptySet(), document, { author: 'ana', now: '2026-11-30T00:00:00.000Z' }), text };
  }
  const words = (r: { outcome: ReturnType<typeof importTags>; text: string }): string[] => r.outcome.set.annotations.map((t) => (t.status === 'orphaned' ? `orphaned ${t.text}` : r.text.slice(t.start, t.end)));

  it('offsets counted with LF in an article written with CRLF are read with its line breaks as LF: no tag is searched for by its words', () => {
    const r = imported(2000, (lf) => lf.replace(/\n/g, '\r\n'));
    assert.equal(r.outcome.counts.added, 2000);
    assert.equal(r.outcome.counts.reanchored, 0);
    assert.deepEqual(words(r), Array.from({ length: 2000 }, (_, i) => `Ruiz${i} said`));
  });

  it('thousands of tags whose offsets all moved (a line added at the top) still land on their words', () => {
    const r = imported(3000, (lf) => `UPDATE: this article was corrected on Tuesday.\n${lf}`);
    assert.equal(r.outcome.counts.added, 3000);
    assert.deepEqual(words(r), Array.from({ length: 3000 }, (_, i) => `Ruiz${i} said`));
  });
});

describe('import: an old Label Studio file (UTF-16 offsets) whose text is the article', () => {
  // Label Studio before its 2021 fix stored JavaScript (UTF-16) offsets; its data.text is the article itself.
  it('places a tag after emoji on its words, not orphaned', () => {
    const text = 'Fans 🎉🎉 cheered. Ruiz said 😀 the vote is final. Lopez said it was rushed.\n';
    const start = text.indexOf('said', text.indexOf('Lopez'));
    const parsed = parseImport('label-studio', [{ path: 'a.json', content: JSON.stringify([{ data: { text, file: 'story.txt' }, annotations: [{ created_username: 'ana', result: [{ id: 'r1', type: 'labels', value: { start, end: start + 4, text: 'said', labels: ['verb'] } }] }] }]) }]);
    const document = parsed.documents[0];
    assert.ok(document);
    const outcome = importTags(text, emptySet(), document, OPTIONS);
    const tag = outcome.set.annotations[0];
    assert.equal(tag?.status, 'active', 'its words are in the article, at the place the file gives (counted in UTF-16)');
    assert.equal(tag?.start, start);
  });
});
