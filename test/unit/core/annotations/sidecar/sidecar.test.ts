import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { createAnnotation } from '../../../../../src/core/annotations/model/create';
import { loadAnnotations } from '../../../../../src/core/annotations/sidecar/load';
import type { AnnotationSet } from '../../../../../src/core/annotations/model/types';
import { parseSidecar } from '../../../../../src/core/annotations/sidecar/parse';
import { serialiseSidecar } from '../../../../../src/core/annotations/sidecar/serialise';
import { ARTICLE, HASH, NOW, sampleSet } from './testData';

function parsed(yamlText: string): Exclude<ReturnType<typeof parseSidecar>, { ok: false }> {
  const result = parseSidecar(yamlText);
  assert.ok(result.ok, JSON.stringify(!result.ok && result.errors));
  return result;
}

/** A passage as a sidecar stores its words: line breaks as LF. */
const normalise = (passage: string): string => passage.replace(/\r\n?/g, '\n');

function errorsOf(yamlText: string): Extract<ReturnType<typeof parseSidecar>, { ok: false }> {
  const result = parseSidecar(yamlText);
  assert.ok(!result.ok, 'expected the sidecar to be refused');
  return result;
}

describe('sidecar file', () => {
  const set = sampleSet();
  const written = serialiseSidecar(undefined, set, ARTICLE);

  it('is written for people: version, file, hash, units, then one block per tag in text order', () => {
    assert.match(written, /^version: 1\nfile: article\.txt\nsha256: a{64}\nunits: line:character, 1-based lines/);
    assert.ok(written.indexOf('id: 00000000000a') < written.indexOf('id: 00000000000b'), 'the quote comes first in the text');
    assert.match(written, /start: \{ line: 3, character: 1 \}/);
    assert.match(written, /text: The international community is required to block extremists\n/);
    assert.match(written, /speaker: Sergei Lavrov/);
    assert.match(written, /rejections:\n {2}- id: 0000000000ff\n {4}kind: noise:other/);
  });

  it('reads back to the same tags when the text is unchanged', () => {
    const loaded = loadAnnotations(parsed(written).sidecar, ARTICLE, HASH);
    assert.equal(loaded.textChanged, false);
    const byId = (s: AnnotationSet): AnnotationSet => ({ ...s, annotations: [...s.annotations].sort((a, b) => a.id.localeCompare(b.id)) });
    assert.deepEqual(byId(loaded.set), byId(set));
    assert.ok(loaded.outcomes.every((o) => o.method === 'position' && o.confidence === 1));
  });

  it('keeps a tag written without prefix and suffix (by hand, or imported) at its place when its words are there and the text is unchanged', () => {
    const bare = written.replace(/\n {4}prefix: [^\n]*/g, '').replace(/\n {4}suffix: [^\n]*/g, '');
    assert.doesNotMatch(bare, /prefix:|suffix:/, 'precondition: no context is stored');
    const loaded = loadAnnotations(parsed(bare).sidecar, ARTICLE, HASH);
    assert.deepEqual(loaded.misplaced, [], 'its words are at its place: nothing to look for');
    for (const a of loaded.set.annotations) {
      assert.equal(a.status, 'active', a.id);
      assert.equal(ARTICLE.slice(a.start, a.end), a.text, a.id);
    }
  });

  it('gives identical bytes when saved again without a change', () => {
    assert.equal(serialiseSidecar(written, set, ARTICLE), written);
    const reloaded = loadAnnotations(parsed(written).sidecar, ARTICLE, HASH).set;
    assert.equal(serialiseSidecar(written, reloaded, ARTICLE), written);
  });

  it('gives identical bytes on a second save for any tags (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(ARTICLE.length), fc.nat(ARTICLE.length), fc.constantFrom('quote', 'speaker', 'claim'), fc.option(fc.string(), { nil: undefined })), { maxLength: 8 }),
        (specs) => {
          const annotations = specs.map(([a, b, label, note], i) =>
            createAnnotation(ARTICLE, { id: i.toString(16).padStart(12, '0'), label, start: Math.min(a, b), end: Math.max(a, b), author: 'p', now: NOW, ...(note === undefined ? {} : { note }) }),
          );
          const tags: AnnotationSet = { file: 'a.txt', sha256: HASH, annotations, rejections: [] };
          const once = serialiseSidecar(undefined, tags, ARTICLE);
          assert.equal(serialiseSidecar(once, tags, ARTICLE), once);
          const back = loadAnnotations(parsed(once).sidecar, ARTICLE, HASH).set;
          assert.equal(serialiseSidecar(once, back, ARTICLE), once);
          for (const a of back.annotations) {
            const original = annotations.find((o) => o.id === a.id);
            assert.ok(original);
            assert.deepEqual([a.start, a.end, a.text, a.note], [original.start, original.end, original.text, original.note]);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('keeps comments, key order and hand-added keys when tags change', () => {
    const handEdited = written
      .replace('version: 1\n', '# Reviewed by the desk on Monday\nversion: 1\n')
      .replace('annotations:\n', 'project: idlib-2020 # which investigation\nannotations:\n')
      .replace('  - id: 00000000000a\n', '  # the key quote of the piece\n  - id: 00000000000a\n    reviewed_by: maria\n');
    assert.ok(parsed(handEdited));
    const [speaker, quote] = set.annotations;
    assert.ok(speaker && quote);
    const claimStart = ARTICLE.indexOf('More text');
    const next: AnnotationSet = {
      ...set,
      annotations: [
        { ...quote, label: 'claim', modified: '2024-05-02T10:00:00.000Z' },
        createAnnotation(ARTICLE, { id: '00000000000c', label: 'claim', start: claimStart, end: claimStart + 9, author: 'bo', now: NOW }),
      ],
    };
    const rewritten = serialiseSidecar(handEdited, next, ARTICLE);
    assert.match(rewritten, /^# Reviewed by the desk on Monday\nversion: 1\n/);
    assert.match(rewritten, /project: idlib-2020 # which investigation\nannotations:\n/);
    assert.match(rewritten, / {2}# the key quote of the piece\n {2}- id: 00000000000a\n {4}reviewed_by: maria\n {4}label: claim\n/);
    assert.match(rewritten, /modified: 2024-05-02T10:00:00.000Z/);
    assert.doesNotMatch(rewritten, /00000000000b/, 'the deleted tag is gone');
    assert.ok(rewritten.indexOf('00000000000a') < rewritten.indexOf('00000000000c'), 'the new tag follows in text order');
    assert.equal(serialiseSidecar(rewritten, next, ARTICLE), rewritten);
    const diff = rewritten.split('\n').filter((line) => !handEdited.includes(line));
    assert.ok(diff.length < 20, `only the changed tags' lines differ:\n${diff.join('\n')}`);
  });

  it('writes an empty list of tags as []', () => {
    const empty = serialiseSidecar(undefined, { file: 'a.txt', sha256: HASH, annotations: [], rejections: [] }, ARTICLE);
    assert.match(empty, /annotations: \[\]\n/);
    assert.ok(parsed(empty));
  });

  it('stores anchors with LF line breaks and finds them in a CRLF copy with BOM', () => {
    const crlf = `\uFEFF${ARTICLE.replace(/\n/g, '\r\n')}`;
    const multiLineStart = crlf.indexOf('Lavrov said.');
    const tags: AnnotationSet = {
      file: 'a.txt',
      sha256: HASH,
      annotations: [createAnnotation(crlf, { id: '0000000000aa', label: 'claim', start: multiLineStart, end: crlf.indexOf('😀') + 2, author: 'p', now: NOW })],
      rejections: [],
    };
    const yamlText = serialiseSidecar(undefined, tags, crlf);
    assert.doesNotMatch(yamlText, /\\r/);
    const sameText = loadAnnotations(parsed(yamlText).sidecar, crlf, HASH).set.annotations[0];
    assert.equal(crlf.slice(sameText?.start, sameText?.end), 'Lavrov said.\r\n\r\nMore text follows 😀');
    const lf = ARTICLE;
    const converted = loadAnnotations(parsed(yamlText).sidecar, lf, 'b'.repeat(64));
    const found = converted.set.annotations[0];
    assert.equal(lf.slice(found?.start, found?.end), 'Lavrov said.\n\nMore text follows 😀');
    assert.equal(converted.outcomes[0]?.method, 'position');
  });

  it('orphans a tag whose passage was deleted outside the editor, keeping its text, and brings it back when the passage returns', () => {
    const without = ARTICLE.replace('“The international community is required to block extremists,” Lavrov said.\n\n', '');
    const loaded = loadAnnotations(parsed(written).sidecar, without, 'b'.repeat(64));
    const quote = loaded.set.annotations.find((a) => a.id === '00000000000a');
    assert.equal(quote?.status, 'orphaned');
    assert.equal(quote.text, 'The international community is required to block extremists');
    assert.equal(loaded.outcomes.find((o) => o.id === '00000000000a')?.method, 'orphaned');
    const saved = serialiseSidecar(written, loaded.set, without);
    assert.match(saved, /text: The international community is required to block extremists\n/);
    assert.match(saved, /status: orphaned/);

    const restored = loadAnnotations(parsed(saved).sidecar, ARTICLE, HASH).set.annotations.find((a) => a.id === '00000000000a');
    assert.equal(restored?.status, 'active');
    assert.equal(ARTICLE.slice(restored.start, restored.end), restored.text);
  });

  it('records a place waiting for a check, reads it back, and drops it once cleared', () => {
    const [first, ...others] = set.annotations;
    assert.ok(first);
    const waiting = { ...set, annotations: [{ ...first, review: 0.62 }, ...others] };
    const text = serialiseSidecar(written, waiting, ARTICLE);
    assert.equal(text.split('\n').filter((l) => !written.includes(l)).join('\n'), '    review: 0.62', 'one line added, the rest as it was');
    const loaded = loadAnnotations(parsed(text).sidecar, ARTICLE, HASH);
    const outcome = loaded.outcomes.find((o) => o.id === first.id);
    assert.deepEqual([outcome?.needsReview, outcome?.confidence], [true, 0.62]);
    assert.equal(loaded.set.annotations.find((a) => a.id === first.id)?.review, 0.62);
    assert.ok(loaded.outcomes.filter((o) => o.id !== first.id).every((o) => !o.needsReview));
    assert.equal(serialiseSidecar(text, set, ARTICLE), written, 'cleared: the line goes, nothing else moves');
  });

  it('keeps a waiting place waiting when the text changes again, at the lower confidence', () => {
    const [first, ...others] = set.annotations;
    assert.ok(first);
    const text = serialiseSidecar(undefined, { ...set, annotations: [{ ...first, review: 0.5 }, ...others] }, ARTICLE);
    const loaded = loadAnnotations(parsed(text).sidecar, `Update: a note on top.\n${ARTICLE}`, 'b'.repeat(64));
    const outcome = loaded.outcomes.find((o) => o.id === first.id);
    assert.deepEqual([outcome?.needsReview, outcome?.confidence], [true, 0.5]);
  });

  // The hash says the text is the one the sidecar was written for, but a hand edit or a merge left
  // a tag's stored place and stored words disagreeing: the tag goes where its words are (or is
  // orphaned with its words), never onto the words at the stale place.
  const handEdits: { name: string; id: string; edit: { start?: { line: number; character: number }; end?: { line: number; character: number }; text?: string }; expect: 'its words' | 'orphaned' }[] = [
    { name: 'the quote’s place moved to the headline', id: '00000000000a', edit: { start: { line: 1, character: 0 }, end: { line: 1, character: 16 } }, expect: 'its words' },
    { name: 'the speaker’s place moved onto the other “Lavrov” (line 1)', id: '00000000000b', edit: { start: { line: 1, character: 0 }, end: { line: 1, character: 6 } }, expect: 'its words' },
    { name: 'the speaker’s place beyond the end of the text', id: '00000000000b', edit: { start: { line: 50, character: 0 }, end: { line: 60, character: 3 } }, expect: 'its words' },
    { name: 'the quote’s words changed to words the article does not hold', id: '00000000000a', edit: { text: 'Critics' }, expect: 'orphaned' },
    { name: 'a dismissed detection’s place moved', id: '0000000000ff', edit: { start: { line: 1, character: 0 }, end: { line: 1, character: 6 } }, expect: 'its words' },
  ];
  for (const c of handEdits) {
    it(`finds a tag by its words when its stored place does not hold them, the text unchanged: ${c.name}`, () => {
      const stored = parsed(written).sidecar;
      const edit = <T extends { id: string }>(e: T): T => (e.id === c.id ? { ...e, ...c.edit } : e);
      const sidecar = { ...stored, annotations: stored.annotations.map(edit), rejections: stored.rejections.map(edit) };
      const loaded = loadAnnotations(sidecar, ARTICLE, HASH);
      assert.deepEqual(loaded.misplaced, [c.id]);
      const entry = [...loaded.set.annotations, ...loaded.set.rejections].find((e) => e.id === c.id);
      const original = [...set.annotations, ...set.rejections].find((e) => e.id === c.id);
      assert.ok(entry && original);
      if (c.expect === 'orphaned') {
        assert.equal(entry.status, 'orphaned');
        assert.equal(entry.text, 'Critics', 'the words a person stored are kept');
        assert.equal(entry.start, entry.end);
      } else {
        assert.deepEqual([entry.start, entry.end, entry.status], [original.start, original.end, original.status]);
        assert.equal(normalise(ARTICLE.slice(entry.start, entry.end)), entry.text);
      }
      // The others are read at their places, as before.
      for (const other of [...loaded.set.annotations, ...loaded.set.rejections].filter((e) => e.id !== c.id)) {
        assert.equal(normalise(ARTICLE.slice(other.start, other.end)), other.text);
      }
      const saved = serialiseSidecar(written, loaded.set, ARTICLE);
      const again = loadAnnotations(parsed(saved).sidecar, ARTICLE, HASH);
      assert.deepEqual(again.misplaced, [], 'once saved, every place holds its words');
      assert.equal(again.set.annotations.find((a) => a.id === c.id)?.text ?? again.set.rejections.find((r) => r.id === c.id)?.text, entry.text);
    });
  }

  it('reads every tag at its place, none looked for, when places and words agree', () => {
    const loaded = loadAnnotations(parsed(written).sidecar, ARTICLE, HASH);
    assert.deepEqual(loaded.misplaced, []);
  });

  it('ignores the mark on a tag that is not active', () => {
    const [first, ...others] = set.annotations;
    assert.ok(first);
    const text = serialiseSidecar(undefined, { ...set, annotations: [{ ...first, status: 'rejected', review: 0.5 }, ...others] }, ARTICLE);
    assert.doesNotMatch(text, /review:/);
    const hand = text.replace('status: rejected', 'status: rejected\n    review: 0.5');
    assert.equal(loadAnnotations(parsed(hand).sidecar, ARTICLE, HASH).outcomes.find((o) => o.id === first.id)?.needsReview, false);
  });

  describe('refuses a broken sidecar with the line of the problem', () => {
    it('YAML syntax', () => {
      const result = errorsOf('version: 1\nfile: [unclosed\nsha256: x\n');
      assert.ok(result.errors[0] && result.errors[0].line >= 2);
      assert.equal(result.newerVersion, false);
    });

    it('a newer format version', () => {
      const result = errorsOf(written.replace('version: 1', 'version: 2'));
      assert.equal(result.newerVersion, true);
      assert.equal(result.errors[0]?.line, 1);
      assert.match(result.errors[0]?.message ?? '', /made by a newer version of Source Annotator/);
    });

    it('a missing required key', () => {
      const lines = written.replace(/\n {4}label: quote\n/, '\n').split('\n');
      const result = errorsOf(lines.join('\n'));
      const blockLine = lines.findIndex((l) => l.includes('id: 00000000000a')) + 1;
      assert.equal(result.errors[0]?.line, blockLine);
      assert.match(result.errors[0]?.message ?? '', /annotations\[0\]` lacks the required key `label`/);
    });

    it('a wrong type', () => {
      const text = written.replace('start: { line: 3, character: 1 }', 'start: { line: three, character: 1 }');
      const result = errorsOf(text);
      const line = text.split('\n').findIndex((l) => l.includes('line: three')) + 1;
      assert.deepEqual([result.errors[0]?.line, result.errors[0]?.message], [line, '`annotations[0].start.line` must be a whole number, not a string']);
    });

    it('an unknown status', () => {
      const result = errorsOf(written.replace('status: active', 'status: deleted'));
      assert.match(result.errors[0]?.message ?? '', /status` must be one of "active", "orphaned", "rejected"/);
    });

    it('a review mark outside 0 to 1', () => {
      const text = written.replace('status: active', 'status: active\n    review: 7');
      const result = errorsOf(text);
      assert.equal(result.errors[0]?.line, text.split('\n').findIndex((l) => l.includes('review: 7')) + 1);
      assert.match(result.errors[0]?.message ?? '', /review` must be at most 1/);
      assert.match(errorsOf(written.replace('status: active', 'status: active\n    review: .nan')).errors[0]?.message ?? '', /review` must be a number, not \.nan/);
    });

    it('the same id twice', () => {
      const result = errorsOf(written.replace('id: 00000000000b', 'id: 00000000000a'));
      assert.match(result.errors[0]?.message ?? '', /used twice/);
    });

    it('a tag ending before it starts', () => {
      const result = errorsOf(written.replace('start: { line: 3, character: 1 }', 'start: { line: 4, character: 1 }'));
      assert.match(result.errors[0]?.message ?? '', /ends before it starts/);
    });
  });
});
