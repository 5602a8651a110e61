import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { parse } from 'yaml';
import type { SourceAnnotatorApi } from '../../src/api';
import { Commands } from '../../src/base/constants';
import { textForHashing } from '../../src/core/annotations/anchoring/capture';
import { createAnnotation } from '../../src/core/annotations/model/create';
import type { Annotation } from '../../src/core/annotations/model/types';
import { parseSidecar } from '../../src/core/annotations/sidecar/parse';
import { serialiseSidecar } from '../../src/core/annotations/sidecar/serialise';
import { mergeSidecars } from '../../src/core/interchange/mergeSidecars';
import type { ExportSummary } from '../../src/interchange/exportCommand';
import type { ImportSummary } from '../../src/interchange/importCommand';
import { takeScreenshot } from './index';
import { closeAll, extensionApi, labelHints, openArticle, setSetting, waitFor, workspaceUri } from './support';

const SEED = '000_03cb73ca90429b2a.txt';
const decoder = new TextDecoder();
const encoder = new TextEncoder();

async function read(uri: vscode.Uri): Promise<string> {
  return decoder.decode(await vscode.workspace.fs.readFile(uri));
}

async function write(uri: vscode.Uri, content: string): Promise<void> {
  await vscode.workspace.fs.writeFile(uri, encoder.encode(content));
}

const sidecarOf = (text: vscode.Uri): vscode.Uri => text.with({ path: `${text.path}.annotations.yaml` });
const sha256 = (text: string): string => createHash('sha256').update(textForHashing(text), 'utf8').digest('hex');

/** A copy of the seed in its own folder under interchange/, with its text. */
async function seedCopy(folder: string): Promise<{ uri: vscode.Uri; text: string }> {
  const dir = workspaceUri('interchange', folder);
  await vscode.workspace.fs.createDirectory(dir);
  const uri = vscode.Uri.joinPath(dir, SEED);
  await vscode.workspace.fs.copy(workspaceUri('seeds', SEED), uri, { overwrite: true });
  return { uri, text: await read(uri) };
}

function tagOn(text: string, id: string, words: string, label: string, author: string, note?: string): Annotation {
  const start = text.indexOf(words);
  assert.ok(start >= 0, words);
  return createAnnotation(text, { id, label, start, end: start + words.length, author, now: '2026-11-20T10:00:00.000Z', ...(note === undefined ? {} : { note }) });
}

function sidecarText(text: string, annotations: readonly Annotation[]): string {
  return serialiseSidecar(undefined, { file: SEED, sha256: sha256(text), annotations, rejections: [] }, text);
}

describe('Exchanging tags in the editor', () => {
  let api: SourceAnnotatorApi;
  before(async () => {
    api = await extensionApi();
  });
  afterEach(async () => {
    await vscode.commands.executeCommand(Commands.endComparison);
    await closeAll();
  });

  it('exports the workspace’s tags from the palette command (args form)', async () => {
    const { uri, text } = await seedCopy('export');
    // A note a spreadsheet would run as a formula: the CSV keeps it text.
    await write(sidecarOf(uri), sidecarText(text, [{ ...tagOn(text, '0000000000e1', 'Human Rights Council', 'organisation', 'ana'), note: '=HYPERLINK("http://example.invalid")' }]));
    // An archive export beside it: its tag's row names the article it lies in and that article's metadata.
    const exportUri = workspaceUri('interchange', 'export', 'lexisnexis.txt');
    const exportText = await read(workspaceUri('archive', 'lexisnexis.txt'));
    await write(exportUri, exportText);
    await write(sidecarOf(exportUri), sidecarText(exportText, [tagOn(exportText, '0000000000e2', 'harbourmaster Gwen Price', 'claim', 'ana')]));
    // Outside the workspace: copied articles there would be counted by the other suites.
    const out = vscode.Uri.file(path.join(os.tmpdir(), `source-annotator export ${Date.now()}`, 'csv'));
    const summary = await vscode.commands.executeCommand<ExportSummary>(Commands.exportAnnotations, { format: 'csv', out: out.toString() });
    assert.deepEqual(summary.files, ['annotations.csv']);
    // Other suites leave broken sidecars on purpose; this article's is not among the problems.
    assert.ok(!summary.problems.some((p) => p.includes('interchange/export')), summary.problems.join('\n'));
    const csv = await read(vscode.Uri.joinPath(out, 'annotations.csv'));
    const row = csv.split('\r\n').find((line) => line.includes('0000000000e1'));
    assert.ok(row, 'the tag is a row of the CSV');
    assert.ok(row.startsWith('interchange/export/000_03cb73ca90429b2a.txt,'), row);
    assert.ok(row.includes('Human Rights Council') && row.includes('organisation'), row);
    assert.ok(row.includes(`,"'=HYPERLINK(""http://example.invalid"")",`), row);
    assert.ok(row.endsWith(',interchange/export/000_03cb73ca90429b2a.txt,,,,,'), row);
    const archived = csv.split('\r\n').find((line) => line.includes('0000000000e2'));
    assert.ok(archived?.endsWith(',interchange/export/lexisnexis.txt#3,The Harbour Gazette (Portsmouth),"March 6, 2024 Wednesday",,Fishing fleet returns early as storm approaches,NEWS; Pg. 5'), archived);

    const brat = vscode.Uri.joinPath(out, '..', 'brat');
    const bratSummary = await vscode.commands.executeCommand<ExportSummary>(Commands.exportAnnotations, { format: 'brat', out: brat.toString() });
    assert.ok(bratSummary.files.includes('annotation.conf'));
    const ann = await read(vscode.Uri.joinPath(brat, 'interchange', 'export', SEED.replace(/\.txt$/, '.ann')));
    assert.match(ann, /^T1\torganisation \d+ \d+\tHuman Rights Council$/m);
  });

  it('exports an archive file as one JSON line and one Label Studio task per article, and the lines import back to their places', async () => {
    const dir = workspaceUri('interchange', 'per-article');
    await vscode.workspace.fs.createDirectory(dir);
    const uri = vscode.Uri.joinPath(dir, 'lexisnexis.txt');
    const text = await read(workspaceUri('archive', 'lexisnexis.txt'));
    await write(uri, text);
    const words = 'harbourmaster Gwen Price';
    await write(sidecarOf(uri), sidecarText(text, [tagOn(text, '0000000000e3', words, 'claim', 'ana')]));
    const out = vscode.Uri.file(path.join(os.tmpdir(), `source-annotator per-article ${Date.now()}`));
    const name = 'interchange/per-article/lexisnexis.txt';

    await vscode.commands.executeCommand<ExportSummary>(Commands.exportAnnotations, { format: 'jsonl', out: vscode.Uri.joinPath(out, 'jsonl').toString() });
    const lines = (await read(vscode.Uri.joinPath(out, 'jsonl', 'annotations.jsonl'))).split('\n').filter((l) => l.includes(`"file":"${name}"`));
    const records = lines.map((l) => JSON.parse(l) as { text: string; meta: Record<string, unknown>; spans: { start: number; end: number; text: string; label: string }[] });
    assert.deepEqual(records.map((r) => [r.meta['number'], r.meta['of'], r.meta['article']]), [[1, 3, `${name}#1`], [2, 3, `${name}#2`], [3, 3, `${name}#3`]]);
    // Each line's text is its article alone, starting where `file_offset` says; the tag counts from there.
    const points = [...text];
    for (const r of records) assert.equal(points.slice(Number(r.meta['file_offset'])).join('').startsWith(r.text), true, `article ${String(r.meta['number'])} starts at its offset`);
    const third = records[2];
    assert.ok(third);
    assert.equal(third.meta['source'], 'The Harbour Gazette (Portsmouth)');
    assert.deepEqual(third.spans.map((s) => [[...third.text].slice(s.start, s.end).join(''), s.label]), [[words, 'claim']]);
    assert.deepEqual([records[0]?.spans, records[1]?.spans], [[], []]);

    await vscode.commands.executeCommand<ExportSummary>(Commands.exportAnnotations, { format: 'label-studio', out: vscode.Uri.joinPath(out, 'ls').toString() });
    const tasks = (JSON.parse(await read(vscode.Uri.joinPath(out, 'ls', 'label-studio.json'))) as { data: Record<string, unknown>; annotations: { result: { value: { start: number; end: number; text: string } }[] }[] }[]).filter((t) => t.data['file'] === name);
    assert.deepEqual(tasks.map((t) => t.data['number']), [1, 2, 3]);
    const region = tasks[2]?.annotations[0]?.result[0]?.value;
    assert.equal(region && [...String(tasks[2]?.data['text'])].slice(region.start, region.end).join(''), words);

    // The article lines go back into the file: the tag is found where it was, nothing is added.
    const input = vscode.Uri.joinPath(out, 'back.jsonl');
    await write(input, `${lines.join('\n')}\n`);
    const back = await vscode.commands.executeCommand<ImportSummary>(Commands.importAnnotations, { format: 'jsonl', files: [input.toString()], author: 'Importer' });
    assert.deepEqual(back.problems, []);
    assert.deepEqual(back.articles, [{ name, added: 0, alreadyPresent: 1, orphaned: 0, review: 0 }]);
  });

  it('carries words and notes holding line separators through brat whole, names JSON-line fields of the wrong type, and counts the tags Label Studio cannot hold', async () => {
    const dir = workspaceUri('interchange', 'separators');
    await vscode.workspace.fs.createDirectory(dir);
    const uri = vscode.Uri.joinPath(dir, 'separators-story.txt');
    const name = 'interchange/separators/separators-story.txt';
    const text = 'One\u2028two three. Seven \u2029eight nine.\n';
    await write(uri, text);
    const tag = (id: string, label: string, words: string, note?: string): Annotation => {
      const start = text.indexOf(words);
      return createAnnotation(text, { id, label, start, end: start + words.length, author: 'ana', now: '2026-11-20T10:00:00.000Z', ...(note === undefined ? {} : { note }) });
    };
    const tags = [tag('0000000000f1', 'quote', 'One\u2028two'), tag('0000000000f2', 'claim', 'Seven \u2029eight'), tag('0000000000f3', 'note', 'nine', 'first\u2028second\u2029third')];
    await write(sidecarOf(uri), serialiseSidecar(undefined, { file: 'separators-story.txt', sha256: sha256(text), annotations: tags, rejections: [] }, text));
    const out = vscode.Uri.file(path.join(os.tmpdir(), `source-annotator separators ${Date.now()}`));

    // brat out and back in: three tags went out, three come back, the note with its separators.
    await vscode.commands.executeCommand<ExportSummary>(Commands.exportAnnotations, { format: 'brat', out: out.toString() });
    const ann = vscode.Uri.joinPath(out, 'interchange', 'separators', 'separators-story.ann');
    await vscode.workspace.fs.delete(sidecarOf(uri));
    const back = await vscode.commands.executeCommand<ImportSummary>(Commands.importAnnotations, { format: 'brat', files: [ann.toString()], author: 'Importer' });
    assert.deepEqual(back.problems, []);
    assert.deepEqual(back.articles, [{ name, added: 3, alreadyPresent: 0, orphaned: 0, review: 0 }]);
    const parsed = parseSidecar(await read(sidecarOf(uri)));
    assert.ok(parsed.ok, 'the written sidecar is valid');
    assert.deepEqual(
      parsed.sidecar.annotations.map((a) => [a.text, a.label, a.note]),
      tags.map((a) => [a.text, a.label, a.note]),
    );

    // A JSON line whose note is a number: the field is named and left out, the tag still comes in.
    const jsonl = vscode.Uri.joinPath(out, 'typed.jsonl');
    await write(jsonl, `${JSON.stringify({ text, meta: { file: name }, spans: [{ start: 28, end: 32, label: 'place', note: 12345 }] })}\n`);
    const typed = await vscode.commands.executeCommand<ImportSummary>(Commands.importAnnotations, { format: 'jsonl', files: [jsonl.toString()], author: 'Importer' });
    assert.ok(
      typed.problems.some((p) => p.includes('typed.jsonl:1:') && p.includes('its note is 12345, not a string; left out')),
      typed.problems.join('\n'),
    );
    assert.equal(typed.articles[0]?.added, 1);

    // An archive file's tag running from one article into the next: Label Studio has no task for it, and says so.
    const archive = vscode.Uri.joinPath(dir, 'separators-archive.txt');
    const archiveText = await read(workspaceUri('archive', 'lexisnexis.txt'));
    await write(archive, archiveText);
    const from = archiveText.indexOf('Copyright 2024 Harbour Gazette Ltd');
    const to = archiveText.indexOf('Northern Ledger') + 'Northern'.length;
    const across = createAnnotation(archiveText, { id: '0000000000f4', label: 'note', start: from, end: to, author: 'ana', now: '2026-11-20T10:00:00.000Z' });
    await write(sidecarOf(archive), serialiseSidecar(undefined, { file: 'separators-archive.txt', sha256: sha256(archiveText), annotations: [across], rejections: [] }, archiveText));
    const studio = await vscode.commands.executeCommand<ExportSummary>(Commands.exportAnnotations, { format: 'label-studio', out: vscode.Uri.joinPath(out, 'ls').toString() });
    assert.ok((studio.across ?? 0) >= 1, JSON.stringify(studio));
    const tasks = JSON.parse(await read(vscode.Uri.joinPath(out, 'ls', 'label-studio.json'))) as { data: Record<string, unknown>; annotations: { result: unknown[] }[] }[];
    const ofArchive = tasks.filter((t) => t.data['file'] === 'interchange/separators/separators-archive.txt');
    assert.equal(ofArchive.length, 3, 'one task per article');
    assert.deepEqual(ofArchive.map((t) => t.annotations.flatMap((a) => a.result).length), [0, 0, 0], 'the tag across two articles is in no task');
  });

  it('imports tags (args form) into closed and open articles, and a second import adds none', async () => {
    const { uri, text } = await seedCopy('import');
    const words = 'Sergei Lavrov';
    const at = text.indexOf(words);
    const codePoints = (offset: number): number => [...text.slice(0, offset)].length;
    const line = { text, meta: { file: 'interchange/import/000_03cb73ca90429b2a.txt' }, spans: [{ start: codePoints(at), end: codePoints(at + words.length), label: 'speaker' }] };
    const input = workspaceUri('interchange', 'spans.jsonl');
    await write(input, `${JSON.stringify(line)}\n`);

    const first = await vscode.commands.executeCommand<ImportSummary>(Commands.importAnnotations, { format: 'jsonl', files: [input.toString()], author: 'Importer' });
    assert.deepEqual(first.problems, []);
    assert.deepEqual(first.articles, [{ name: 'interchange/import/000_03cb73ca90429b2a.txt', added: 1, alreadyPresent: 0, orphaned: 0, review: 0 }]);
    const sidecar = await read(sidecarOf(uri));
    const parsed = parseSidecar(sidecar);
    assert.ok(parsed.ok, 'the written sidecar is valid');
    assert.deepEqual(parsed.sidecar.annotations.map((a) => [a.text, a.label, a.author]), [[words, 'speaker', 'Importer']]);

    // Open now: the import goes through the store, and finds the tag already there.
    await openArticle('interchange', 'import', SEED);
    await waitFor('the annotations', () => api.annotations(uri)?.annotations.length === 1);
    const second = await vscode.commands.executeCommand<ImportSummary>(Commands.importAnnotations, { format: 'jsonl', files: [input.toString()], author: 'Importer' });
    assert.deepEqual(second.articles, [{ name: 'interchange/import/000_03cb73ca90429b2a.txt', added: 0, alreadyPresent: 1, orphaned: 0, review: 0 }]);
    await api.flushAnnotations();
    assert.equal(await read(sidecarOf(uri)), sidecar, 'importing twice changes nothing');

    // A new tag into the open article lands in the store (painted) and in the sidecar.
    const more = { ...line, spans: [{ start: codePoints(text.indexOf('Idlib')), end: codePoints(text.indexOf('Idlib') + 5), label: 'place' }] };
    await write(input, `${JSON.stringify(more)}\n`);
    const third = await vscode.commands.executeCommand<ImportSummary>(Commands.importAnnotations, { format: 'jsonl', files: [input.toString()], author: 'Importer' });
    assert.equal(third.articles[0]?.added, 1);
    assert.equal(api.annotations(uri)?.annotations.length, 2);
    await api.flushAnnotations();
    assert.ok((await read(sidecarOf(uri))).includes('label: place'));

    // A W3C tag whose words are in the article once, in another context than the file gives: placed
    // there, but not surely, so it waits for a person as the editor's own re-anchoring would have it.
    const head = text.indexOf('Geneva');
    const w3c = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'Annotation',
      id: 'urn:source-annotator:0000000000d7',
      body: [{ type: 'TextualBody', purpose: 'tagging', value: 'claim' }],
      target: { source: 'interchange/import/000_03cb73ca90429b2a.txt', selector: [{ type: 'TextQuoteSelector', exact: 'Geneva', prefix: 'a sentence no longer in the story about ', suffix: ' and its people, also gone' }] },
    };
    const inputW3c = workspaceUri('interchange', 'unsure.jsonld');
    await write(inputW3c, JSON.stringify(w3c));
    const fourth = await vscode.commands.executeCommand<ImportSummary>(Commands.importAnnotations, { format: 'w3c', files: [inputW3c.toString()], author: 'Importer' });
    assert.deepEqual(fourth.problems, []);
    assert.equal(fourth.articles[0]?.review, 1, JSON.stringify(fourth.articles));
    const file = api.annotations(uri);
    assert.ok(file !== undefined, 'the article is loaded');
    assert.ok(file.review.has('0000000000d7'), 'marked for review in the editor');
    const unsure = file.annotations.find((a) => a.id === '0000000000d7');
    assert.equal(unsure?.start, head);
    await api.flushAnnotations();
    assert.match(await read(sidecarOf(uri)), /id: 0000000000d7[\s\S]*?review: 0\.\d+/);

    // A W3C tag known by its words alone, words the article has several times: the prefix and
    // suffix the file gives tell which copy, and it goes there surely, as its own words.
    const lavrov = text.indexOf('Lavrov', text.indexOf('Lavrov') + 1);
    assert.ok(lavrov > 0 && text.indexOf('Lavrov', lavrov + 1) > 0, 'the seed names Lavrov three times or more');
    const chosen = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'Annotation',
      id: 'urn:source-annotator:0000000000d8',
      body: [{ type: 'TextualBody', purpose: 'tagging', value: 'speaker' }],
      target: { source: 'interchange/import/000_03cb73ca90429b2a.txt', selector: [{ type: 'TextQuoteSelector', exact: 'Lavrov', prefix: text.slice(lavrov - 32, lavrov), suffix: text.slice(lavrov + 6, lavrov + 38) }] },
    };
    const inputChosen = workspaceUri('interchange', 'chosen.jsonld');
    await write(inputChosen, JSON.stringify(chosen));
    const fifth = await vscode.commands.executeCommand<ImportSummary>(Commands.importAnnotations, { format: 'w3c', files: [inputChosen.toString()], author: 'Importer' });
    assert.deepEqual(fifth.problems, []);
    assert.deepEqual(fifth.articles, [{ name: 'interchange/import/000_03cb73ca90429b2a.txt', added: 1, alreadyPresent: 0, orphaned: 0, review: 0 }]);
    const placed = api.annotations(uri)?.annotations.find((a) => a.id === '0000000000d8');
    assert.deepEqual([placed?.start, placed?.end, placed?.status], [lavrov, lavrov + 6, 'active']);
    assert.ok(!api.annotations(uri)?.review.has('0000000000d8'), 'not marked for review');
  });

  it('shows a merge conflict in a sidecar as a Problem, and the quick fix settles it', async () => {
    const { uri, text } = await seedCopy('conflict');
    const tag = tagOn(text, '0000000000c1', 'Human Rights Council', 'organisation', 'ana', 'base');
    const merged = mergeSidecars({ base: sidecarText(text, [tag]), ours: sidecarText(text, [{ ...tag, note: 'ours', author: 'ana' }]), theirs: sidecarText(text, [{ ...tag, label: 'claim', note: 'theirs', author: 'bo' }]) });
    assert.equal(merged.conflicts.length, 1);
    const sidecar = sidecarOf(uri);
    await write(sidecar, merged.text);

    const [problem] = await waitFor('the conflict Problem', () => (api.conflictProblems(sidecar).length === 1 ? api.conflictProblems(sidecar) : undefined));
    assert.ok(problem);
    assert.match(problem.message, /0000000000c1/);
    assert.match(problem.message, /ours: “organisation” by ana, note “ours”/);
    assert.match(problem.message, /theirs: “claim” by bo, note “theirs”/);
    const inPanel = vscode.languages.getDiagnostics(sidecar);
    assert.ok(inPanel.some((d) => d.message === problem.message), 'it is in the Problems panel');

    // Quick fixes are offered in an open document, as when the person opens it from the Problems panel.
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(sidecar));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', sidecar, problem.range);
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Keep ours for tag 0000000000c1'), titles.join(', '));
    const keepTheirs = actions.find((a) => a.title === 'Keep theirs for tag 0000000000c1');
    assert.ok(keepTheirs?.command);
    await vscode.commands.executeCommand(keepTheirs.command.command, ...((keepTheirs.command.arguments ?? []) as unknown[]));

    await waitFor('the Problem to go', () => api.conflictProblems(sidecar).length === 0);
    const fixed = parseSidecar(await read(sidecar));
    assert.ok(fixed.ok, 'the sidecar is valid after the fix');
    assert.deepEqual(fixed.sidecar.annotations.map((a) => [a.label, a.note, a.author]), [['claim', 'theirs', 'bo']]);
    assert.ok(!(await read(sidecar)).includes('conflict:'));
  });

  it('compares two annotators side by side and adopting a version records the curator', async () => {
    const { uri, text } = await seedCopy('compare');
    await write(
      sidecarOf(uri),
      sidecarText(text, [
        tagOn(text, '0000000000a1', 'Sergei Lavrov', 'speaker', 'ana'),
        tagOn(text, '0000000000a2', 'Human Rights Council', 'organisation', 'ana'),
        tagOn(text, '0000000000b1', 'Sergei Lavrov', 'speaker', 'bo'),
        tagOn(text, '0000000000b2', 'Human Rights Council', 'claim', 'bo'),
        tagOn(text, '0000000000b3', 'Idlib region', 'place', 'bo'),
      ]),
    );
    await setSetting('sourceAnnotator.author', 'Desk Curator');
    const editor = await openArticle('interchange', 'compare', SEED);
    await waitFor('the annotations', () => api.annotations(uri)?.annotations.length === 5);
    await vscode.commands.executeCommand(Commands.compareAnnotators, { first: 'ana', second: 'bo' });

    const view = api.comparison();
    assert.ok(view);
    assert.deepEqual(view.firstRanges.map((r) => editor.document.getText(r)), ['Sergei Lavrov', 'Human Rights Council']);
    assert.deepEqual(view.secondRanges.map((r) => editor.document.getText(r)), ['Sergei Lavrov', 'Human Rights Council', 'Idlib region'].sort((a, b) => text.indexOf(a) - text.indexOf(b)));
    assert.deepEqual(view.comparison.disagreements.map((d) => d.kind).sort(), ['differentLabel', 'onlySecond']);
    assert.ok(Number.isFinite(view.comparison.agreement.overall.exact.f1));
    // Each compared tag is drawn once, with its author: the ordinary tag frames and labels step aside.
    await waitFor('the ordinary tag labels to step aside', () => api.shownAnnotations(uri)?.length === 0);
    assert.deepEqual((await labelHints(editor.document)).map((h) => h.label).sort(), ['ana: organisation', 'ana: speaker', 'bo: claim', 'bo: place', 'bo: speaker']);
    // Five labels on one line: none is cut short in an article.
    assert.equal(vscode.workspace.getConfiguration('editor', editor.document).get('inlayHints.maximumLength'), 0);
    const listed = await waitFor('the disagreements in Problems', () => {
      const found = vscode.languages.getDiagnostics(uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Information && d.source === 'Source Annotator');
      return found.length === 2 ? found : undefined;
    });
    const label = listed.find((d) => d.message.startsWith('Same words, different labels'));
    assert.ok(label, listed.map((d) => d.message).join('\n'));
    await takeScreenshot('compare-annotators');

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, label.range);
    const adoptBo = actions.find((a) => a.title === "Adopt bo's version");
    assert.ok(adoptBo?.command, actions.map((a) => a.title).join(', '));
    assert.ok(actions.some((a) => a.title === "Adopt ana's version"));
    await vscode.commands.executeCommand(adoptBo.command.command, ...((adoptBo.command.arguments ?? []) as unknown[]));

    const tags = api.annotations(uri)?.annotations ?? [];
    assert.equal(tags.length, 5, 'nothing is deleted');
    const adopted = tags.find((t) => t.id === '0000000000b2');
    const rejected = tags.find((t) => t.id === '0000000000a2');
    assert.equal(adopted?.attributes['curatedBy'], 'Desk Curator');
    assert.equal(adopted?.status, 'active');
    assert.equal(rejected?.status, 'rejected');
    assert.equal(rejected?.attributes['curatedBy'], 'Desk Curator');
    await waitFor('the settled disagreement to leave the list', () => api.comparison()?.comparison.disagreements.length === 1);
    await api.flushAnnotations();
    const saved = parse(await read(sidecarOf(uri))) as { annotations: { id: string; status: string; attributes?: Record<string, unknown> }[] };
    assert.equal(saved.annotations.find((a) => a.id === '0000000000a2')?.status, 'rejected');
    assert.equal(saved.annotations.find((a) => a.id === '0000000000b2')?.attributes?.['curatedBy'], 'Desk Curator');

    await vscode.commands.executeCommand(Commands.endComparison);
    assert.equal(api.comparison(), undefined);
    await waitFor('the tags drawn as usual again', () => api.shownAnnotations(uri)?.length === 4);
    assert.deepEqual((await labelHints(editor.document)).map((h) => h.label).sort(), ['claim', 'place', 'speaker', 'speaker']);
    assert.equal(vscode.languages.getDiagnostics(uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Information).length, 0);
    await setSetting('sourceAnnotator.author', undefined);
  });

  it('offers on each of two disagreements over the same words the fix for that one', async () => {
    const { uri, text } = await seedCopy('compare-same-words');
    await write(
      sidecarOf(uri),
      sidecarText(text, [
        tagOn(text, '0000000000c1', 'Human Rights Council', 'organisation', 'ana'),
        tagOn(text, '0000000000d1', 'Human Rights Council', 'claim', 'bo'),
        tagOn(text, '0000000000d2', 'Human Rights Council', 'paraphrase', 'bo'),
      ]),
    );
    await openArticle('interchange', 'compare-same-words', SEED);
    await waitFor('the annotations', () => api.annotations(uri)?.annotations.length === 3);
    await vscode.commands.executeCommand(Commands.compareAnnotators, { first: 'ana', second: 'bo' });
    const listed = await waitFor('both disagreements in Problems', () => {
      const found = vscode.languages.getDiagnostics(uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Information && d.source === 'Source Annotator');
      return found.length === 2 ? found : undefined;
    });
    assert.ok(listed[0]?.range.isEqual(listed[1]?.range ?? new vscode.Range(0, 0, 0, 0)), 'the same words');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, listed[0]?.range);
    // One pair of fixes per disagreement (the two are offered together: they cover the same words);
    // each carries the tags of its own disagreement.
    const adoptBo = actions.filter((a) => a.title === "Adopt bo's version").map((a): unknown => a.command?.arguments?.[0]);
    assert.deepEqual(adoptBo, [
      { uri: uri.toString(), side: 'second', firstId: '0000000000c1', secondId: '0000000000d1' },
      { uri: uri.toString(), side: 'second', secondId: '0000000000d2' },
    ]);
    await vscode.commands.executeCommand(Commands.endComparison);
  });
});
