import * as assert from 'node:assert/strict';
import { createAnnotation, createRejection } from '../../../../src/core/annotations/model/create';
import type { Annotation } from '../../../../src/core/annotations/model/types';
import { parseSidecar } from '../../../../src/core/annotations/sidecar/parse';
import { serialiseSidecar } from '../../../../src/core/annotations/sidecar/serialise';
import { resolveConflict } from '../../../../src/core/interchange/resolveConflict';
import { AnnotationStore } from '../../../../src/tagging/store/annotationStore';
import { textSha256 } from '../../../../src/tagging/store/textHash';
import { seedText } from '../../core/analysis/helpers';
import { MemoryWorkspace, RecordingReporter, type MemoryDocument } from './memoryWorkspace';

const URI = 'mem:/news/article.txt';
const SIDECAR = `${URI}.annotations.yaml`;
const TEXT = seedText('000_03cb73ca90429b2a.txt');
const PASSAGE = 'The international community';
const NOW = '2026-01-01T00:00:00.000Z';

function tagAt(text: string, words: string): Annotation {
  const start = text.indexOf(words);
  assert.ok(start >= 0);
  return createAnnotation(text, { label: 'quote', start, end: start + words.length, author: 'ana', now: NOW, attributes: {} });
}

function sidecarFor(text: string, annotations: readonly Annotation[]): string {
  return serialiseSidecar(undefined, { file: 'article.txt', sha256: textSha256(text), annotations, rejections: [] }, text);
}

describe('AnnotationStore over an in-memory workspace', () => {
  let ws: MemoryWorkspace;
  let reporter: RecordingReporter;
  let store: AnnotationStore<string>;
  let changes: string[];

  beforeEach(() => {
    ws = new MemoryWorkspace();
    reporter = new RecordingReporter();
    store = new AnnotationStore(ws, reporter, { retryMs: 5 });
    changes = [];
    store.onDidChange((uri) => changes.push(uri));
  });
  afterEach(() => store.dispose());

  /** Two tags on two identical sentences, then one of the sentences deleted outside the editor. */
  const twinsWithOneDeleted = (): { first: Annotation; second: Annotation; doc: MemoryDocument } => {
    const twice = 'Officials said the talks would resume on Monday.';
    const text = `Prices will rise by 6 percent next year.\n${twice} ${twice} Crowds gathered in the square.\n`;
    const first = createAnnotation(text, { label: 'quote', start: text.indexOf(twice), end: text.indexOf(twice) + twice.length, author: 'ana', now: NOW, attributes: {} });
    const second = createAnnotation(text, { label: 'claim', start: text.lastIndexOf(twice), end: text.lastIndexOf(twice) + twice.length, author: 'ana', now: NOW, attributes: {} });
    ws.files.set(SIDECAR, sidecarFor(text, [first, second]));
    return { first, second, doc: ws.openArticle(URI, text.replace(`${twice} `, '')) };
  };

  const covered = (doc: MemoryDocument, a: { start: number; end: number } | undefined): string => doc.getText().slice(a?.start, a?.end);

  describe('loading and re-anchoring', () => {
    it('starts empty without a sidecar, and writes nothing', async () => {
      const doc = ws.openArticle(URI, TEXT);
      const file = await store.load(doc);
      assert.deepEqual([file?.annotations.length, file?.problem, file?.unsaved], [0, undefined, false]);
      assert.deepEqual(changes, [URI]);
      await store.flush();
      assert.equal(ws.files.has(SIDECAR), false);
    });

    it('loads once even when asked twice at the same time', async () => {
      const doc = ws.openArticle(URI, TEXT);
      ws.files.set(SIDECAR, sidecarFor(TEXT, [tagAt(TEXT, PASSAGE)]));
      const [a, b] = await Promise.all([store.load(doc), store.load(doc)]);
      assert.equal(a?.annotations.length, 1);
      assert.equal(b?.annotations[0]?.id, a?.annotations[0]?.id);
      assert.deepEqual(changes, [URI]);
    });

    it('finds each passage again when the text changed while the article was closed', async () => {
      const tag = tagAt(TEXT, PASSAGE);
      ws.files.set(SIDECAR, sidecarFor(TEXT, [tag]));
      const doc = ws.openArticle(URI, `An editor's note added on top.\n\n${TEXT}`);
      const file = await store.load(doc);
      assert.equal(file?.annotations[0]?.status, 'active');
      assert.equal(covered(doc, file?.annotations[0]), PASSAGE);
      assert.notEqual(file?.annotations[0]?.start, tag.start);
    });

    it('marks a tag found again not surely for review, until a person confirms, moves or edits it', async () => {
      // One of the two identical sentences deleted: either tag could be the one left.
      const { first, second, doc } = twinsWithOneDeleted();
      const file = await store.load(doc);
      assert.deepEqual([...(file?.review.keys() ?? [])].sort(), [first.id, second.id].sort());
      assert.ok([...(file?.review.values() ?? [])].every((c) => c < 0.75));

      assert.equal(store.confirmPlace(URI, first.id), true);
      assert.deepEqual([...(store.get(URI)?.review.keys() ?? [])], [second.id]);
      assert.equal(store.confirmPlace(URI, first.id), false, 'confirmed once');
      await store.update(doc, (s) => ({ ...s, annotations: s.annotations.map((a) => (a.id === second.id ? { ...a, label: 'quote' } : a)) }));
      assert.equal(store.get(URI)?.review.size, 0, 'an edited tag has been looked at');
    });

    it('keeps an unchecked place unchecked across sidecar rewrites, until a person confirms it', async () => {
      const { first: tag, second: other, doc } = twinsWithOneDeleted();
      const confidence = (await store.load(doc))?.review.get(tag.id);
      assert.ok(confidence !== undefined && confidence < 0.75);
      // The other tag is edited (so looked at), and the sidecar is written for the new text.
      await store.update(doc, (s) => ({ ...s, annotations: s.annotations.map((a) => (a.id === other.id ? { ...a, note: 'checked' } : a)) }));
      const written = ws.files.get(SIDECAR) ?? '';
      // An id that reads as a number in YAML ("571410e97767") is written in quotes.
      assert.match(written, new RegExp(`id: "?${tag.id}"?\\n(.*\\n)*? {4}review: ${confidence}\\n`));
      assert.equal((written.match(/review:/g) ?? []).length, 1, 'only the unchecked tag carries the mark');

      // Read again (a reload, another annotator's checkout): still waiting for a check.
      store.dispose();
      store = new AnnotationStore(ws, reporter, { retryMs: 5 });
      assert.equal((await store.load(doc))?.review.get(tag.id), confidence);
      assert.equal(store.confirmPlace(URI, tag.id), true);
      await store.flush();
      assert.doesNotMatch(ws.files.get(SIDECAR) ?? '', /review:/);
      store.dispose();
      store = new AnnotationStore(ws, reporter, { retryMs: 5 });
      assert.equal((await store.load(doc))?.review.size, 0, 'confirmed for good');
    });

    it('marks nothing for review when the text is unchanged or the places are sure', async () => {
      ws.files.set(SIDECAR, sidecarFor(TEXT, [tagAt(TEXT, PASSAGE)]));
      const doc = ws.openArticle(URI, `An editor's note added on top.\n\n${TEXT}`);
      assert.equal((await store.load(doc))?.review.size, 0);
    });

    it('orphans a passage deleted while the article was closed, keeping the tag', async () => {
      ws.files.set(SIDECAR, sidecarFor(TEXT, [tagAt(TEXT, PASSAGE)]));
      const doc = ws.openArticle(URI, TEXT.replace(/The international community[^.]*\./, ''));
      const file = await store.load(doc);
      assert.equal(file?.annotations.length, 1);
      assert.equal(file?.annotations[0]?.status, 'orphaned');
    });

    it('accepts a sidecar renamed along with its unchanged article, and refuses one naming another changed article', async () => {
      const renamed = 'mem:/news/renamed.txt';
      ws.files.set(`${renamed}.annotations.yaml`, sidecarFor(TEXT, [tagAt(TEXT, PASSAGE)]));
      const same = await store.load(ws.openArticle(renamed, TEXT));
      assert.deepEqual([same?.problem, same?.annotations.length], [undefined, 1]);

      const copied = 'mem:/news/copied.txt';
      ws.files.set(`${copied}.annotations.yaml`, sidecarFor(TEXT, [tagAt(TEXT, PASSAGE)]));
      const other = await store.load(ws.openArticle(copied, `Another article altogether.\n\n${TEXT.slice(0, 200)}`));
      assert.match(other?.problem ?? '', /belongs to "article\.txt", not to "copied\.txt"/);
      assert.equal(other?.annotations.length, 0);
    });

    it('does not keep the state of a document closed during the read', async () => {
      const doc = ws.openArticle(URI, TEXT);
      const loading = store.load(doc);
      ws.open.delete(doc);
      assert.equal(await loading, undefined);
      assert.equal(store.get(URI), undefined);
    });

    it('ignores documents that are not articles, and sidecars', async () => {
      assert.equal(await store.load(ws.openArticle('mem:/notes.md', '# x')), undefined);
      assert.equal(await store.load(ws.openArticle(SIDECAR, 'version: 1')), undefined);
    });
  });

  describe('malformed sidecars', () => {
    const cases: [string, string, RegExp][] = [
      ['broken YAML', 'version: 1\nannotations: [\n', /not a valid sidecar \(line \d+/],
      ['a wrong type', 'version: 1\nfile: article.txt\nannotations: 7\n', /not a valid sidecar/],
      ['a newer format', 'version: 99\nfile: article.txt\nannotations: []\n', /version|newer/i],
    ];
    for (const [what, content, problem] of cases) {
      it(`makes the annotations read-only and never overwrites ${what}`, async () => {
        ws.files.set(SIDECAR, content);
        const doc = ws.openArticle(URI, TEXT);
        const file = await store.load(doc);
        assert.match(file?.problem ?? '', problem);
        assert.equal(reporter.unusable.length, 1, 'the person is told once');
        assert.ok((reporter.errors.get(SIDECAR)?.length ?? 0) > 0, 'the errors go to the Problems panel with their line');
        await assert.rejects(store.update(doc, (s) => ({ ...s, annotations: [tagAt(TEXT, PASSAGE)] })), /read-only/);
        doc.edit(0, 0, 'x');
        store.textChanged(doc, [{ rangeOffset: 0, rangeLength: 0, text: 'x' }]);
        assert.equal(store.writeOnSave(doc), undefined);
        await store.flush();
        assert.equal(ws.files.get(SIDECAR), content);
        assert.equal(ws.writes, 0);
      });
    }

    it('reports an unreadable sidecar as read-only', async () => {
      ws.unreadable = SIDECAR;
      const file = await store.load(ws.openArticle(URI, TEXT));
      assert.match(file?.problem ?? '', /cannot be read \(permission denied\)/);
    });

    it('tells the person once per broken content, and clears the problem when the file is fixed', async () => {
      ws.files.set(SIDECAR, 'version: 1\nannotations: [\n');
      const doc = ws.openArticle(URI, TEXT);
      await store.load(doc);
      await store.sidecarChangedOnDisk(SIDECAR);
      assert.equal(reporter.unusable.length, 1);
      ws.files.set(SIDECAR, sidecarFor(TEXT, [tagAt(TEXT, PASSAGE)]));
      await store.sidecarChangedOnDisk(SIDECAR);
      assert.equal(store.get(URI)?.problem, undefined);
      assert.equal(store.get(URI)?.annotations.length, 1);
      assert.equal(reporter.errors.has(SIDECAR), false);
    });
  });

  describe('changes and writing', () => {
    it('writes a change to the sidecar, which reads back the same, and undoes it', async () => {
      const doc = ws.openArticle(URI, TEXT);
      const tag = tagAt(TEXT, PASSAGE);
      const reject = createRejection(TEXT, { kind: 'cue', start: 0, end: 4, author: 'ana', now: NOW });
      await store.update(doc, (s) => ({ annotations: [...s.annotations, tag], rejections: [reject] }));
      const parsed = parseSidecar(ws.files.get(SIDECAR) ?? '');
      assert.ok(parsed.ok);
      assert.deepEqual(parsed.sidecar.annotations.map((a) => a.id), [tag.id]);
      assert.deepEqual(parsed.sidecar.rejections.map((r) => r.id), [reject.id]);
      assert.equal(await store.undo(doc), true);
      assert.equal(store.get(URI)?.annotations.length, 0);
      const after = parseSidecar(ws.files.get(SIDECAR) ?? '');
      assert.ok(after.ok);
      assert.equal(after.sidecar.annotations.length, 0);
      assert.equal(await store.undo(doc), false, 'nothing more to undo');
    });

    it('keeps annotations in memory when a write fails, then saves them on retry', async () => {
      const doc = ws.openArticle(URI, TEXT);
      ws.writeError = new Error('disk full');
      await store.update(doc, (s) => ({ ...s, annotations: [tagAt(TEXT, PASSAGE)] }));
      assert.equal(store.get(URI)?.unsaved, true);
      assert.deepEqual(reporter.failed, [[SIDECAR, 'disk full']]);
      assert.equal(ws.files.has(SIDECAR), false, 'nothing half-written');
      ws.writeError = undefined;
      for (let i = 0; i < 50 && store.get(URI)?.unsaved; i++) await new Promise((resolve) => setTimeout(resolve, 5));
      await store.flush();
      assert.equal(store.get(URI)?.unsaved, false);
      assert.deepEqual(reporter.recovered, [URI]);
      assert.ok(ws.files.get(SIDECAR)?.includes(PASSAGE));
    });

    it('keeps unsaved annotations when their article closes', async () => {
      const doc = ws.openArticle(URI, TEXT);
      ws.writeError = new Error('disk full');
      await store.update(doc, (s) => ({ ...s, annotations: [tagAt(TEXT, PASSAGE)] }));
      ws.open.delete(doc);
      store.forget(URI);
      assert.equal(store.get(URI)?.annotations.length, 1);
      assert.equal(store.get(URI)?.unsaved, true);
    });

    it('drops the saved annotations of a closed article', async () => {
      const doc = ws.openArticle(URI, TEXT);
      await store.update(doc, (s) => ({ ...s, annotations: [tagAt(TEXT, PASSAGE)] }));
      store.forget(URI);
      assert.equal(store.get(URI), undefined);
    });

    it('tells a failure once however many writes fail', async () => {
      const doc = ws.openArticle(URI, TEXT);
      ws.writeError = new Error('read-only folder');
      await store.update(doc, (s) => ({ ...s, annotations: [tagAt(TEXT, PASSAGE)] }));
      await store.update(doc, (s) => ({ ...s, annotations: [] }));
      assert.equal(reporter.failed.length, 1);
    });

    it('ignores its own writes seen again on disk, and reloads outside changes', async () => {
      const doc = ws.openArticle(URI, TEXT);
      await store.update(doc, (s) => ({ ...s, annotations: [tagAt(TEXT, PASSAGE)] }));
      changes.length = 0;
      await store.sidecarChangedOnDisk(SIDECAR);
      assert.deepEqual(changes, [], 'our own write changes nothing');
      ws.files.set(SIDECAR, sidecarFor(TEXT, [tagAt(TEXT, PASSAGE), tagAt(TEXT, 'Lavrov')]));
      await store.sidecarChangedOnDisk(SIDECAR);
      assert.deepEqual(changes, [URI]);
      assert.equal(store.get(URI)?.annotations.length, 2);
    });
  });

  describe('edit tracking', () => {
    it('moves passages with typing and writes the new places when the text is saved', async () => {
      const doc = ws.openArticle(URI, TEXT);
      await store.update(doc, (s) => ({ ...s, annotations: [tagAt(TEXT, PASSAGE)] }));
      store.textChanged(doc, doc.edit(0, 0, 'BREAKING: '));
      assert.equal(covered(doc, store.get(URI)?.annotations[0]), PASSAGE);
      const writesBefore = ws.writes;
      const save = store.writeOnSave(doc);
      assert.ok(save, 'moved positions are written with the save');
      await save;
      assert.equal(ws.writes, writesBefore + 1);
      assert.equal(store.writeOnSave(doc), undefined, 'nothing left to write');
    });

    it('orphans a deleted passage and re-attaches it when it is pasted back with its context', async () => {
      const doc = ws.openArticle(URI, TEXT);
      const tag = tagAt(TEXT, PASSAGE);
      await store.update(doc, (s) => ({ ...s, annotations: [tag] }));
      const start = TEXT.indexOf(PASSAGE);
      store.textChanged(doc, doc.edit(start, start + PASSAGE.length, ''));
      assert.equal(store.get(URI)?.annotations[0]?.status, 'orphaned');
      store.textChanged(doc, doc.edit(0, 0, `${tag.prefix}${PASSAGE}${tag.suffix}\n`));
      assert.equal(store.get(URI)?.annotations[0]?.status, 'active');
      assert.equal(covered(doc, store.get(URI)?.annotations[0]), PASSAGE);
    });

    it('marks for review a tag placed not surely when the open article is reloaded from disk', async () => {
      const words = 'No justice, no peace, and no rest until the truth about the harbour fire is told';
      const before = `Ministers met in Geneva on Friday.\n\nCrowds chanted “${words}” in the square. Police watched.\n\nThe mayor did not comment.\n`;
      const doc = ws.openArticle(URI, before);
      const tag = tagAt(before, words);
      await store.update(doc, (s) => ({ ...s, annotations: [tag] }));
      assert.equal(store.get(URI)?.review.size, 0);
      const after = before.replace(`Crowds chanted “${words}” in the square. `, '').replace('The mayor did not comment.', `Later a banner read “${words}” at the station.`);
      const changes = doc.edit(0, before.length, after);
      doc.isDirty = false;
      store.textChanged(doc, changes);
      assert.equal(covered(doc, store.get(URI)?.annotations[0]), words);
      assert.ok(store.get(URI)?.review.has(tag.id), 'another place of the same words, among other words: to be checked');
    });

    it('finds passages again when the text is replaced as a whole (reloaded from disk), and records it at once', async () => {
      const doc = ws.openArticle(URI, TEXT);
      await store.update(doc, (s) => ({ ...s, annotations: [tagAt(TEXT, PASSAGE)] }));
      const writesBefore = ws.writes;
      const reloaded = `Correction appended above.\n${TEXT}`;
      const changes = doc.edit(0, TEXT.length, reloaded);
      doc.isDirty = false;
      store.textChanged(doc, changes);
      assert.equal(covered(doc, store.get(URI)?.annotations[0]), PASSAGE);
      await store.flush();
      assert.equal(ws.writes, writesBefore + 1, 'a clean document is written without waiting for a save');
    });
  });

  describe('outside changes meet annotations of the editor', () => {
    const NEWS = 'Ministers met in Geneva on Friday to discuss the harbour.\n\nThe mayor said the harbour fire was an accident.\n\nPolice chief Ana Ruiz said nobody was hurt in the blaze.\n\nResidents said they were afraid of another fire.\n';
    const tag = (text: string, words: string, author = 'ana', label = 'quote'): Annotation => {
      const start = text.indexOf(words);
      assert.ok(start >= 0, words);
      return createAnnotation(text, { label, start, end: start + words.length, author, now: NOW, attributes: {} });
    };
    const onDisk = (): string[] => {
      const parsed = parseSidecar(ws.files.get(SIDECAR) ?? '');
      return parsed.ok ? parsed.sidecar.annotations.map((a) => `${a.author}:${a.text}`).sort() : ['(not a sidecar)'];
    };
    const inMemory = (doc: MemoryDocument): string[] => (store.get(URI)?.annotations ?? []).map((a) => `${a.author}:${doc.getText().slice(a.start, a.end)}`).sort();
    const settle = async (): Promise<void> => {
      for (let i = 0; i < 50 && store.get(URI)?.unsaved; i++) await new Promise((resolve) => setTimeout(resolve, 5));
      await store.flush();
    };
    const add = (doc: MemoryDocument, a: Annotation): Promise<unknown> => store.update(doc, (s) => ({ ...s, annotations: [...s.annotations, a] }));
    /** "The mayor said" relabelled on disk while the editor adds a note to it: a conflict, written. */
    const withConflict = async (note: string): Promise<{ mayor: Annotation; doc: MemoryDocument }> => {
      const mayor = tag(NEWS, 'The mayor said');
      ws.files.set(SIDECAR, sidecarFor(NEWS, [mayor]));
      const doc = ws.openArticle(URI, NEWS);
      await store.load(doc);
      ws.files.set(SIDECAR, sidecarFor(NEWS, [{ ...mayor, label: 'claim' }]));
      await store.update(doc, (st) => ({ ...st, annotations: st.annotations.map((a) => ({ ...a, note })) }));
      return { mayor, doc };
    };
    /** The article open with "The mayor said" tagged on disk, and "nobody was hurt" tagged but not written (a full disk). */
    const withUnsavedTag = async (): Promise<MemoryDocument> => {
      ws.files.set(SIDECAR, sidecarFor(NEWS, [tag(NEWS, 'The mayor said')]));
      const doc = ws.openArticle(URI, NEWS);
      await store.load(doc);
      ws.writeError = new Error('no space left on device');
      await add(doc, tag(NEWS, 'nobody was hurt'));
      return doc;
    };

    it('merges a change on disk with tags whose write failed, instead of replacing them', async () => {
      const doc = await withUnsavedTag();
      ws.files.set(SIDECAR, sidecarFor(NEWS, [tag(NEWS, 'The mayor said'), tag(NEWS, 'afraid of another fire', 'bo')]));
      await store.sidecarChangedOnDisk(SIDECAR);
      assert.deepEqual(inMemory(doc), ['ana:The mayor said', 'ana:nobody was hurt', 'bo:afraid of another fire']);
      ws.writeError = undefined;
      await settle();
      assert.equal(store.get(URI)?.unsaved, false);
      assert.deepEqual(onDisk(), ['ana:The mayor said', 'ana:nobody was hurt', 'bo:afraid of another fire']);
    });

    it('merges a change on disk it has not been told of yet before writing a new tag', async () => {
      ws.files.set(SIDECAR, sidecarFor(NEWS, [tag(NEWS, 'The mayor said')]));
      const doc = ws.openArticle(URI, NEWS);
      await store.load(doc);
      ws.files.set(SIDECAR, sidecarFor(NEWS, [tag(NEWS, 'The mayor said'), tag(NEWS, 'afraid of another fire', 'bo')]));
      await add(doc, tag(NEWS, 'nobody was hurt'));
      assert.deepEqual(onDisk(), ['ana:The mayor said', 'ana:nobody was hurt', 'bo:afraid of another fire']);
      assert.deepEqual(inMemory(doc), onDisk());
      await store.sidecarChangedOnDisk(SIDECAR);
      assert.deepEqual(inMemory(doc), onDisk(), 'the late event of our write changes nothing');
    });

    it('takes the other branch’s tags when a checkout reloads the article before its sidecar is seen', async () => {
      const other = `UPDATED ${NEWS.replace('Ministers', 'Leaders')}An extra line.\n`;
      ws.files.set(SIDECAR, sidecarFor(NEWS, [tag(NEWS, 'The mayor said')]));
      const doc = ws.openArticle(URI, NEWS);
      await store.load(doc);
      ws.files.set(SIDECAR, sidecarFor(other, [tag(other, 'Police chief Ana Ruiz', 'bo'), tag(other, 'afraid of another fire', 'bo')]));
      const changes = doc.edit(0, NEWS.length, other);
      doc.isDirty = false;
      store.textChanged(doc, changes);
      await store.flush();
      await store.sidecarChangedOnDisk(SIDECAR);
      assert.deepEqual(onDisk(), ['bo:Police chief Ana Ruiz', 'bo:afraid of another fire']);
      assert.deepEqual(inMemory(doc), onDisk());
    });

    it('writes a merge in the style of the file on disk (byte-order mark, CRLF)', async () => {
      ws.files.set(SIDECAR, sidecarFor(NEWS, [tag(NEWS, 'The mayor said')]));
      const doc = ws.openArticle(URI, NEWS);
      await store.load(doc);
      ws.files.set(SIDECAR, `\uFEFF${sidecarFor(NEWS, [tag(NEWS, 'The mayor said'), tag(NEWS, 'afraid of another fire', 'bo')]).replace(/\n/g, '\r\n')}`);
      await add(doc, tag(NEWS, 'nobody was hurt'));
      const written = ws.files.get(SIDECAR) ?? '';
      assert.ok(written.startsWith('\uFEFF'));
      assert.doesNotMatch(written.replace(/\r\n/g, ''), /\n/);
      assert.deepEqual(onDisk(), ['ana:The mayor said', 'ana:nobody was hurt', 'bo:afraid of another fire']);
    });

    it('keeps ours and records theirs as a conflict when a tag changed differently on both sides', async () => {
      await withConflict('checked with the town hall');
      const written = ws.files.get(SIDECAR) ?? '';
      assert.match(written, /conflict:/);
      assert.match(written, /checked with the town hall/);
      assert.deepEqual(reporter.conflicts, [[SIDECAR, 1]]);
      assert.equal(store.get(URI)?.annotations[0]?.label, 'quote', 'ours stays');
    });

    it('never writes over a sidecar changed on disk into something unreadable, and saves once it is fixed', async () => {
      ws.files.set(SIDECAR, sidecarFor(NEWS, [tag(NEWS, 'The mayor said')]));
      const doc = ws.openArticle(URI, NEWS);
      await store.load(doc);
      const broken = 'version: 1\nannotations:\n  - id: [unclosed\n';
      ws.files.set(SIDECAR, broken);
      await add(doc, tag(NEWS, 'nobody was hurt'));
      assert.equal(ws.files.get(SIDECAR), broken, 'untouched');
      assert.equal(store.get(URI)?.unsaved, true);
      assert.match(reporter.failed[0]?.[1] ?? '', /^it was changed on disk and cannot be read \(line \d+: /);
      ws.files.set(SIDECAR, sidecarFor(NEWS, [tag(NEWS, 'The mayor said'), tag(NEWS, 'afraid of another fire', 'bo')]));
      await settle();
      assert.deepEqual(onDisk(), ['ana:The mayor said', 'ana:nobody was hurt', 'bo:afraid of another fire']);
    });

    it('reloads a sidecar changed back to an earlier write of ours', async () => {
      const doc = ws.openArticle(URI, NEWS);
      await add(doc, tag(NEWS, 'The mayor said'));
      const committed = ws.files.get(SIDECAR) ?? '';
      await add(doc, tag(NEWS, 'nobody was hurt'));
      ws.files.set(SIDECAR, committed);
      await store.sidecarChangedOnDisk(SIDECAR);
      assert.deepEqual(inMemory(doc), ['ana:The mayor said']);
      await add(doc, tag(NEWS, 'Ministers met'));
      assert.deepEqual(onDisk(), ['ana:Ministers met', 'ana:The mayor said']);
    });

    it('finds unsaved tags kept while their article was closed in its text when it reopens changed, and saves them there', async () => {
      const doc = await withUnsavedTag();
      ws.open.delete(doc);
      store.forget(URI);
      const updated = `Editor's note: this story was updated on Saturday.\n\n${NEWS}`;
      ws.writeError = undefined;
      const reopened = ws.openArticle(URI, updated);
      await store.load(reopened);
      assert.deepEqual(inMemory(reopened), ['ana:The mayor said', 'ana:nobody was hurt']);
      await settle();
      assert.deepEqual(onDisk(), ['ana:The mayor said', 'ana:nobody was hurt']);
    });

    it('loads the sidecar of an article renamed through the editor after its text changed, and records its new name', async () => {
      const renamed = 'mem:/news/renamed.txt';
      const changed = `${NEWS}Correction: the fire started on Thursday.\n`;
      ws.files.set(`${renamed}.annotations.yaml`, sidecarFor(NEWS, [tag(NEWS, 'The mayor said')]));
      // Not renamed by the editor: a sidecar naming another, changed article is refused.
      const elsewhere = new AnnotationStore(ws, reporter, { retryMs: 5 });
      const seen = await elsewhere.load(ws.openArticle(renamed, changed));
      assert.match(seen?.problem ?? '', /belongs to "article\.txt"/);
      elsewhere.dispose();
      ws.open.clear();
      store.articleRenamed(URI, renamed);
      const doc = ws.openArticle(renamed, changed);
      const file = await store.load(doc);
      assert.equal(file?.problem, undefined);
      assert.deepEqual(file?.annotations.map((a) => changed.slice(a.start, a.end)), ['The mayor said']);
      await store.flush();
      assert.match(ws.files.get(`${renamed}.annotations.yaml`) ?? '', /^file: renamed\.txt$/m);
    });

    const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 5));

    it('saves tags after the sidecar was deleted on disk by a checkout that reloaded the article first', async () => {
      ws.files.set(SIDECAR, sidecarFor(NEWS, [tag(NEWS, 'The mayor said')]));
      const doc = ws.openArticle(URI, NEWS);
      await store.load(doc);
      const older = NEWS.replace('Residents said they were afraid of another fire.\n', '');
      ws.files.delete(SIDECAR);
      const changes = doc.edit(0, NEWS.length, older);
      doc.isDirty = false;
      store.textChanged(doc, changes);
      await store.flush();
      await store.sidecarChangedOnDisk(SIDECAR);
      await add(doc, tag(older, 'nobody was hurt'));
      await settle();
      assert.deepEqual(reporter.failed, []);
      assert.deepEqual(onDisk(), ['ana:nobody was hurt'], 'the deleted file’s tags stay deleted, the new one is saved');
    });

    /** "nobody was hurt" tagged while the disk is slow, and its article closed before the write lands. */
    const closedDuringWrite = async (doc: MemoryDocument): Promise<{ adding: Promise<unknown>; release: () => void }> => {
      let release = (): void => undefined;
      ws.hold = new Promise<void>((resolve) => (release = resolve));
      const adding = add(doc, tag(NEWS, 'nobody was hurt'));
      await tick();
      ws.open.delete(doc);
      store.forget(URI);
      return { adding, release };
    };

    it('keeps a tag whose write was on its way when its article closed, and failed', async () => {
      const doc = ws.openArticle(URI, NEWS);
      await store.load(doc);
      const { adding, release } = await closedDuringWrite(doc);
      ws.writeError = new Error('no space left on device');
      release();
      await adding;
      ws.writeError = undefined;
      ws.hold = undefined;
      const reopened = ws.openArticle(URI, NEWS);
      await store.load(reopened);
      await settle();
      assert.deepEqual(inMemory(reopened), ['ana:nobody was hurt']);
      assert.deepEqual(onDisk(), ['ana:nobody was hurt']);
    });

    it('drops the state of a closed article once its last write succeeded', async () => {
      const doc = ws.openArticle(URI, NEWS);
      const { adding, release } = await closedDuringWrite(doc);
      assert.ok(store.get(URI), 'kept while the write is on its way');
      release();
      await adding;
      await store.flush();
      await tick();
      assert.equal(store.get(URI), undefined);
    });

    it('moves unsaved tags with their article when it is renamed in the editor', async () => {
      const doc = await withUnsavedTag();
      const renamed = 'mem:/news/renamed.txt';
      store.articleRenamed(URI, renamed);
      ws.files.set(`${renamed}.annotations.yaml`, ws.files.get(SIDECAR) ?? '');
      ws.files.delete(SIDECAR);
      ws.open.delete(doc);
      store.forget(URI);
      ws.writeError = undefined;
      const moved = ws.openArticle(renamed, NEWS);
      await store.load(moved);
      await store.flush();
      assert.deepEqual(store.get(renamed)?.annotations.map((a) => NEWS.slice(a.start, a.end)).sort(), ['The mayor said', 'nobody was hurt']);
      assert.match(ws.files.get(`${renamed}.annotations.yaml`) ?? '', /text: nobody was hurt/);
      assert.match(ws.files.get(`${renamed}.annotations.yaml`) ?? '', /^file: renamed\.txt$/m);
    });

    it('accepts the sidecar of an article renamed twice before it was opened', async () => {
      const changed = `${NEWS}Correction: the fire started on Thursday.\n`;
      const [b, c] = ['mem:/news/b.txt', 'mem:/news/c.txt'];
      store.articleRenamed(URI, b);
      store.articleRenamed(b, c);
      ws.files.set(`${c}.annotations.yaml`, sidecarFor(NEWS, [tag(NEWS, 'The mayor said')]));
      const file = await store.load(ws.openArticle(c, changed));
      assert.equal(file?.problem, undefined);
      assert.equal(file?.annotations.length, 1);
    });

    it('keeps the other side’s comments and its values of keys added by hand', async () => {
      const base = sidecarFor(NEWS, [tag(NEWS, 'The mayor said')]);
      ws.files.set(SIDECAR, `# Reviewed by the desk\ncustom: old\nremoved: soon\n${base}`);
      const doc = ws.openArticle(URI, NEWS);
      await store.load(doc);
      const theirs = (ws.files.get(SIDECAR) ?? '').replace('custom: old', 'custom: new').replace('removed: soon\n', '').replace(/(\n {4}label: quote)/, '\n    # ask the town hall$1');
      ws.files.set(SIDECAR, theirs);
      await add(doc, tag(NEWS, 'nobody was hurt'));
      const written = ws.files.get(SIDECAR) ?? '';
      assert.match(written, /# ask the town hall/);
      assert.match(written, /^custom: new$/m);
      assert.doesNotMatch(written, /removed:/);
      assert.match(written, /# Reviewed by the desk/);
    });

    it('does not bring back a conflict settled outside (keeping either side)', async () => {
      for (const keep of ['ours', 'theirs'] as const) {
        const { mayor, doc } = await withConflict('checked');
        assert.match(ws.files.get(SIDECAR) ?? '', /conflict:/);
        const settled = resolveConflict(ws.files.get(SIDECAR) ?? '', mayor.id, keep);
        assert.ok(settled.ok);
        ws.files.set(SIDECAR, settled.text);
        await add(doc, tag(NEWS, 'nobody was hurt'));
        assert.doesNotMatch(ws.files.get(SIDECAR) ?? '', /conflict:/, keep);
        assert.equal(store.get(URI)?.annotations.find((a) => a.id === mayor.id)?.label, keep === 'ours' ? 'quote' : 'claim');
        ws.open.delete(doc);
        store.forget(URI);
        ws.files.delete(SIDECAR);
      }
    });

    it('keeps a place to check marked through a merge, and a confirmed one confirmed', async () => {
      const words = 'No justice, no peace, and no rest until the truth about the harbour fire is told';
      const before = `Ministers met in Geneva on Friday.\n\nCrowds chanted “${words}” in the square. Police watched.\n\nThe mayor did not comment.\n`;
      const doc = ws.openArticle(URI, before);
      const t = tag(before, words);
      await add(doc, t);
      const after = before.replace(`Crowds chanted “${words}” in the square. `, '').replace('The mayor did not comment.', `Later a banner read “${words}” at the station.`);
      ws.files.set(SIDECAR, serialiseSidecar(ws.files.get(SIDECAR), { file: 'article.txt', sha256: textSha256(before), annotations: [t, tag(before, 'Ministers met', 'bo')], rejections: [] }, before));
      const changes = doc.edit(0, before.length, after);
      doc.isDirty = false;
      store.textChanged(doc, changes);
      assert.ok(store.get(URI)?.review.has(t.id));
      await store.flush();
      assert.ok(store.get(URI)?.review.has(t.id), 'still to be checked after the merge');
      assert.match(ws.files.get(SIDECAR) ?? '', /review:/);
      assert.equal(store.confirmPlace(URI, t.id), true);
      ws.files.set(SIDECAR, `${ws.files.get(SIDECAR) ?? ''}reviewer: bo\n`);
      await add(doc, tag(after, 'Police watched', 'ana'));
      assert.equal(store.get(URI)?.review.has(t.id), false, 'confirmed stays confirmed');
    });

    it('merges a change that lands between reading the file and replacing it', async () => {
      ws.files.set(SIDECAR, sidecarFor(NEWS, [tag(NEWS, 'The mayor said')]));
      const doc = ws.openArticle(URI, NEWS);
      await store.load(doc);
      let landed = false;
      ws.beforeReplace = () => {
        if (landed) return;
        landed = true;
        ws.files.set(SIDECAR, sidecarFor(NEWS, [tag(NEWS, 'The mayor said'), tag(NEWS, 'Police chief', 'cy')]));
      };
      await add(doc, tag(NEWS, 'nobody was hurt'));
      assert.deepEqual(onDisk(), ['ana:The mayor said', 'ana:nobody was hurt', 'cy:Police chief']);
    });

    it('never writes a sidecar longer than one may be: the tag stays unsaved in memory and the person is told', async () => {
      const sentences = Array.from({ length: 300 }, (_, i) => `Speaker number ${i} said the harbour plan is fine.`);
      const text = `${sentences.join(' ')}\n`;
      const note = 'n'.repeat(6_285);
      const tags = sentences.slice(0, 299).map((sentence) => ({ ...tag(text, sentence.slice(0, sentence.indexOf(' said') + 5)), note }));
      ws.files.set(SIDECAR, sidecarFor(text, tags));
      const before = ws.files.get(SIDECAR) ?? '';
      const doc = ws.openArticle(URI, text);
      assert.equal((await store.load(doc))?.problem, undefined);
      await add(doc, { ...tag(text, 'Speaker number 299 said'), note });
      assert.equal(ws.files.get(SIDECAR), before, 'the file is left as it was');
      assert.equal(store.get(URI)?.unsaved, true);
      assert.equal(store.get(URI)?.annotations.length, 300);
      assert.match(reporter.failed[0]?.[1] ?? '', /longer than a sidecar may be \(2,000,000 characters\)/);
    });

    it('undoes two changes after typing: the older state is found again by its words', async () => {
      const doc = ws.openArticle(URI, NEWS);
      await add(doc, tag(NEWS, 'nobody was hurt'));
      await add(doc, tag(NEWS, 'The mayor said'));
      await add(doc, tag(NEWS, 'Ministers met'));
      store.textChanged(doc, doc.edit(0, 0, 'UPDATE 2: '));
      store.textChanged(doc, doc.edit(0, 0, 'x'));
      assert.equal(await store.undo(doc), true);
      assert.equal(await store.undo(doc), true);
      assert.deepEqual(inMemory(doc), ['ana:nobody was hurt']);
    });

    const undoCases: [string, (doc: MemoryDocument) => void][] = [
      ['after typing above the tags', (doc) => store.textChanged(doc, doc.edit(0, 0, 'UPDATE 2: '))],
      ['after typing many times', (doc) => {
        for (let i = 0; i < 600; i++) store.textChanged(doc, doc.edit(0, 0, i % 2 === 0 ? 'x' : 'y'));
      }],
      ['after the text was reloaded from disk', (doc) => {
        const changes = doc.edit(0, doc.getText().length, `A correction on top.\n\n${doc.getText()}`);
        doc.isDirty = false;
        store.textChanged(doc, changes);
      }],
    ];
    for (const [when, change] of undoCases) {
      it(`undoes a tag ${when}, leaving the others on their words`, async () => {
        const doc = ws.openArticle(URI, NEWS);
        await add(doc, tag(NEWS, 'nobody was hurt'));
        await add(doc, tag(NEWS, 'The mayor said'));
        change(doc);
        assert.equal(await store.undo(doc), true);
        assert.deepEqual(inMemory(doc), ['ana:nobody was hurt']);
        await store.flush();
        assert.deepEqual(onDisk(), ['ana:nobody was hurt']);
      });
    }
  });
});
