import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { parse } from 'yaml';
import type { SourceAnnotatorApi } from '../../src/api';
import { Commands } from '../../src/base/constants';
import { createAnnotation } from '../../src/core/annotations/model/create';
import { serialiseSidecar } from '../../src/core/annotations/sidecar/serialise';
import { closeAll, extensionApi, hoversAt, hoverText, labelHints, openArticle, waitFor, workspaceUri } from './support';

const SEED = '000_03cb73ca90429b2a.txt';
const decoder = new TextDecoder();

interface SidecarYaml {
  version: number;
  file: string;
  sha256: string;
  annotations: { id: string; label: string; text: string; prefix: string; suffix: string; note?: string; attributes?: Record<string, unknown>; status: string; start: { line: number; character: number } }[];
  rejections?: { kind: string; text: string }[];
}

let counter = 0;
/** A fresh copy of a seed article in its own folder, so tests do not see each other's tags. */
async function freshArticle(seed = SEED): Promise<vscode.Uri> {
  counter++;
  const folder = workspaceUri('tagging', `case ${counter}`);
  await vscode.workspace.fs.createDirectory(folder);
  const target = vscode.Uri.joinPath(folder, seed);
  await vscode.workspace.fs.copy(workspaceUri('seeds', seed), target, { overwrite: true });
  return target;
}

/** A fresh copy of a seed article, open in an editor and painted. */
async function openFreshArticle(): Promise<{ uri: vscode.Uri; editor: vscode.TextEditor }> {
  const uri = await freshArticle();
  return { uri, editor: await openArticle(...vscode.workspace.asRelativePath(uri, false).split('/')) };
}

/** A fresh seed article, open, with "Idlib region" tagged through the command and the sidecar written. */
async function openWithIdlibTagged(args: { label: string; note?: string }): Promise<{ uri: vscode.Uri; editor: vscode.TextEditor; sidecar: string }> {
  const { uri, editor } = await openFreshArticle();
  select(editor, 'Idlib region');
  await vscode.commands.executeCommand(Commands.tagSelection, args);
  await (await extensionApi()).flushAnnotations();
  return { uri, editor, sidecar: `${uri.fsPath}.annotations.yaml` };
}

async function readSidecar(text: vscode.Uri): Promise<{ raw: string; yaml: SidecarYaml }> {
  const raw = decoder.decode(await vscode.workspace.fs.readFile(text.with({ path: `${text.path}.annotations.yaml` })));
  return { raw, yaml: parse(raw) as SidecarYaml };
}

function select(editor: vscode.TextEditor, phrase: string): void {
  const doc = editor.document;
  const at = doc.getText().indexOf(phrase);
  assert.ok(at >= 0, `“${phrase}” is in the article`);
  editor.selection = new vscode.Selection(doc.positionAt(at), doc.positionAt(at + phrase.length));
}

/** A fresh seed article whose sidecar holds `content`, opened; the sidecar's diagnostics once shown. */
async function openWithSidecar(content: string | Buffer): Promise<{ uri: vscode.Uri; sidecar: string; editor: vscode.TextEditor; diagnostics: readonly vscode.Diagnostic[] }> {
  const uri = await freshArticle();
  const sidecar = `${uri.fsPath}.annotations.yaml`;
  fs.writeFileSync(sidecar, content);
  const editor = await openArticle(...vscode.workspace.asRelativePath(uri, false).split('/'));
  const diagnostics = await waitFor('a diagnostic on the sidecar', () => {
    const d = vscode.languages.getDiagnostics(vscode.Uri.file(sidecar));
    return d.length > 0 ? d : undefined;
  });
  return { uri, sidecar, editor, diagnostics };
}

/** Tagging "Idlib region" is refused while the article's sidecar cannot be read. */
async function assertTaggingRefused(editor: vscode.TextEditor): Promise<void> {
  select(editor, 'Idlib region');
  const ids = await vscode.commands.executeCommand<string[] | undefined>(Commands.tagSelection, { label: 'claim' });
  assert.equal(ids, undefined, 'tagging is refused while the sidecar cannot be read');
  await (await extensionApi()).flushAnnotations();
}

describe('Tagging and the sidecar file', () => {
  let api: SourceAnnotatorApi;
  before(async () => {
    api = await extensionApi();
  });
  afterEach(closeAll);

  it('tags the selection with arguments and writes a readable sidecar', async () => {
    const { uri, editor } = await openFreshArticle();
    select(editor, 'Human Rights Council');
    const ids = await vscode.commands.executeCommand<string[]>(Commands.tagSelection, { label: 'claim', note: 'check the wording', attributes: { checked: false } });
    assert.equal(ids.length, 1);
    await api.flushAnnotations();
    const { raw, yaml } = await readSidecar(uri);
    assert.equal(yaml.version, 1);
    assert.equal(yaml.file, SEED);
    assert.match(yaml.sha256, /^[0-9a-f]{64}$/);
    const [a] = yaml.annotations;
    assert.ok(a);
    assert.equal(a.id, ids[0]);
    assert.equal(a.label, 'claim');
    assert.equal(a.text, 'Human Rights Council');
    assert.equal(a.note, 'check the wording');
    assert.deepEqual(a.attributes, { checked: false });
    assert.equal(a.status, 'active');
    assert.equal(a.start.line, 7, 'lines are 1-based');
    assert.ok(a.prefix.endsWith('43rd conference of UN '), a.prefix);
    assert.ok(raw.includes('Human Rights Council'));
    assert.deepEqual(api.shownAnnotations(uri)?.map((r) => editor.document.getText(r)), ['Human Rights Council']);
    // The label follows the passage as an inlay hint, which the editor wraps the line around.
    const doc = editor.document;
    const hints = await labelHints(doc);
    assert.deepEqual(hints.map((h) => [h.label, doc.offsetAt(h.position) - doc.getText().indexOf('Human Rights Council')]), [['claim', 'Human Rights Council'.length]]);
  });

  it('gives several cursors one annotation each, and expands an empty selection to the quote under it', async () => {
    const { uri, editor } = await openFreshArticle();
    const doc = editor.document;
    const text = doc.getText();
    const inQuote = text.indexOf('block extremists');
    const lead = text.indexOf('Syrian government troops');
    editor.selections = [new vscode.Selection(doc.positionAt(inQuote), doc.positionAt(inQuote)), new vscode.Selection(doc.positionAt(lead), doc.positionAt(lead + 'Syrian government troops'.length))];
    const ids = await vscode.commands.executeCommand<string[]>(Commands.tagSelection, { label: 'quote' });
    assert.equal(ids.length, 2);
    const file = api.annotations(uri);
    const texts = file?.annotations.map((a) => a.text) ?? [];
    assert.ok(texts.some((t) => t.startsWith('The international community') && t.endsWith('raised their heads,')), `the quote: ${texts.join(' | ')}`);
    assert.ok(texts.includes('Syrian government troops'));
    const quoteTag = file?.annotations.find((a) => a.text.startsWith('The international community'));
    assert.equal(quoteTag?.attributes['speaker'], api.analysisFor(uri)?.speakers.find((s) => s.mentions.some((m) => m.text.includes('Lavrov')))?.name, 'a quote tag keeps the detected speaker');
  });

  it('tags through the quick pick and the note box', async () => {
    const { uri, editor } = await openFreshArticle();
    select(editor, 'Idlib region');
    const pending = vscode.commands.executeCommand<string[] | undefined>(Commands.tagSelection);
    await new Promise((resolve) => setTimeout(resolve, 700));
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await new Promise((resolve) => setTimeout(resolve, 700));
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    const ids = await pending;
    assert.equal(ids?.length, 1);
    const a = api.annotations(uri)?.annotations[0];
    assert.equal(a?.label, 'speaker', 'the first label of the list');
    assert.equal(a?.text, 'Idlib region');
    assert.equal(a?.note, undefined, 'an empty note is no note');
  });

  it('tags the words chosen even when the article changes while the label is picked, and nothing when they were edited', async () => {
    const { uri, editor } = await openFreshArticle();
    const doc = editor.document;
    const pick = async (meanwhile: () => Thenable<boolean>): Promise<string[] | undefined> => {
      const pending = vscode.commands.executeCommand<string[] | undefined>(Commands.tagSelection);
      await new Promise((resolve) => setTimeout(resolve, 700));
      // Another extension, or a reload from disk, changes the article while the quick pick is open.
      assert.ok(await meanwhile());
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      await new Promise((resolve) => setTimeout(resolve, 700));
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      return pending;
    };
    const insertAtTop = (): Thenable<boolean> => {
      const edit = new vscode.WorkspaceEdit();
      edit.insert(uri, new vscode.Position(0, 0), 'UPDATED: a line added on top.\n');
      return vscode.workspace.applyEdit(edit);
    };
    select(editor, 'Idlib region');
    const ids = await pick(insertAtTop);
    assert.equal(ids?.length, 1);
    const tag = api.annotations(uri)?.annotations.find((a) => a.id === ids?.[0]);
    assert.equal(tag?.text, 'Idlib region');
    assert.equal(doc.getText().slice(tag?.start, tag?.end), 'Idlib region');
    select(editor, 'Human Rights Council');
    const inside = (): Thenable<boolean> => {
      const at = doc.getText().indexOf('Rights Council');
      const edit = new vscode.WorkspaceEdit();
      edit.insert(uri, doc.positionAt(at), 'Humane ');
      return vscode.workspace.applyEdit(edit);
    };
    assert.equal(await pick(inside), undefined, 'nothing tagged');
    assert.equal(api.annotations(uri)?.annotations.length, 1);
  });

  it('accepts the quotes picked on their words even when the article changes while the picker is open', async () => {
    const { uri, editor } = await openFreshArticle();
    const doc = editor.document;
    // On a blank line: no detection under the cursor, so a picker asks which detections.
    const blank = doc.getText().indexOf('\n\n') + 1;
    editor.selection = new vscode.Selection(doc.positionAt(blank), doc.positionAt(blank));
    const pending = vscode.commands.executeCommand<string[] | undefined>(Commands.acceptSuggestion);
    await new Promise((resolve) => setTimeout(resolve, 700));
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, new vscode.Position(0, 0), 'UPDATED: a line added on top.\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    const ids = await pending;
    assert.ok(ids && ids.length > 0, 'quotes accepted');
    const quotes = (api.analysisFor(uri)?.quotes ?? []).map((q) => `${q.start}-${q.end}`);
    for (const id of ids) {
      const tag = api.annotations(uri)?.annotations.find((a) => a.id === id);
      assert.ok(tag && quotes.includes(`${tag.start}-${tag.end}`), `tag ${tag?.text ?? id} lies on a quote of the changed text`);
      assert.equal(doc.getText().slice(tag.start, tag.end), tag.text);
    }
  });

  it('moves tags with typing, orphans a deleted passage, and records it all when the text is saved', async () => {
    const { uri, editor } = await openFreshArticle();
    select(editor, 'Human Rights Council');
    await vscode.commands.executeCommand(Commands.tagSelection, { label: 'claim' });
    select(editor, 'Syrian Arab News Agency');
    await vscode.commands.executeCommand(Commands.tagSelection, { label: 'speaker' });
    const doc = editor.document;
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), 'BREAKING: '));
    const shown = (): string[] => (api.annotations(uri)?.annotations ?? []).filter((a) => a.status === 'active').map((a) => doc.getText().slice(a.start, a.end));
    assert.deepEqual(shown(), ['Human Rights Council', 'Syrian Arab News Agency']);
    // Typing inside a tag grows it.
    const inside = doc.getText().indexOf('Rights');
    await editor.edit((b) => b.insert(doc.positionAt(inside), 'Humane '));
    assert.deepEqual(shown(), ['Human Humane Rights Council', 'Syrian Arab News Agency']);
    // Deleting the whole passage orphans the tag; it is not dropped.
    const agency = doc.getText().indexOf('Syrian Arab News Agency');
    await editor.edit((b) => b.delete(new vscode.Range(doc.positionAt(agency - 1), doc.positionAt(agency + 'Syrian Arab News Agency'.length + 1))));
    const orphan = api.annotations(uri)?.annotations.find((a) => a.label === 'speaker');
    assert.equal(orphan?.status, 'orphaned');
    assert.ok(api.annotationsView().some((row) => row.label === 'Orphaned'));
    await doc.save();
    await api.flushAnnotations();
    const { yaml } = await readSidecar(uri);
    assert.equal(yaml.annotations.find((a) => a.label === 'claim')?.text, 'Human Humane Rights Council');
    assert.equal(yaml.annotations.find((a) => a.label === 'speaker')?.status, 'orphaned');
    assert.equal(yaml.annotations.find((a) => a.label === 'speaker')?.text, 'Syrian Arab News Agency', 'an orphan keeps its words');
  });

  it('brings an orphaned tag back when undo restores exactly its words', async () => {
    const { uri, editor } = await openFreshArticle();
    select(editor, 'Human Rights Council');
    const [id] = await vscode.commands.executeCommand<string[]>(Commands.tagSelection, { label: 'claim' });
    const doc = editor.document;
    const at = doc.getText().indexOf('Human Rights Council');
    await editor.edit((b) => b.delete(new vscode.Range(doc.positionAt(at), doc.positionAt(at + 'Human Rights Council'.length))));
    assert.equal(api.annotations(uri)?.annotations.find((x) => x.id === id)?.status, 'orphaned');
    await vscode.commands.executeCommand('undo');
    await waitFor('the tag back on its words', () => {
      const tag = api.annotations(uri)?.annotations.find((x) => x.id === id);
      return tag?.status === 'active' && doc.getText().slice(tag.start, tag.end) === 'Human Rights Council';
    });
  });

  it('re-anchors when the text changes outside the editor', async () => {
    const { uri, editor } = await openFreshArticle();
    select(editor, 'block extremists who have raised their heads');
    await vscode.commands.executeCommand(Commands.tagSelection, { label: 'claim' });
    await api.flushAnnotations();
    // Another program rewrites the article: a new first paragraph and a paragraph removed.
    const original = fs.readFileSync(uri.fsPath, 'utf8');
    const changed = `Editor's note: this article was updated.\n\n${original.replace(/\nOn Monday state-owned[^\n]*\n/, '\n')}`;
    fs.writeFileSync(uri.fsPath, changed);
    const doc = editor.document;
    await waitFor('the editor to reload the article', () => doc.getText() === changed, 20_000);
    await waitFor('the tag to follow its words', () => {
      const a = api.annotations(uri)?.annotations[0];
      return a && a.status === 'active' && doc.getText().slice(a.start, a.end) === 'block extremists who have raised their heads';
    });
  });

  it('marks a tag found again not surely for review: dashed frame, hover, view, Confirm Annotation Place', async () => {
    const folder = workspaceUri('tagging', 'review');
    await vscode.workspace.fs.createDirectory(folder);
    const uri = vscode.Uri.joinPath(folder, 'twins.txt');
    const words = 'No justice, no peace, and no rest until the truth about the harbour fire is told';
    const before = `Ministers met in Geneva on Friday.\n\nCrowds chanted “${words}” in the square. Police watched.\n\nThe mayor did not comment.\n`;
    // The sidecar was written for the article as it was; then, outside the editor, the tagged
    // sentence was deleted and the same words appeared elsewhere among other words: perhaps the
    // passage moved, perhaps not. The tag is kept on those words and marked for a person to check.
    const start = before.indexOf(words);
    const tag0 = createAnnotation(before, { label: 'claim', start, end: start + words.length, author: 'ana', now: '2026-11-30T09:00:00.000Z', attributes: {} });
    const sha = createHash('sha256').update(before, 'utf8').digest('hex');
    fs.writeFileSync(`${uri.fsPath}.annotations.yaml`, serialiseSidecar(undefined, { file: 'twins.txt', sha256: sha, annotations: [tag0], rejections: [] }, before));
    const after = before.replace(`Crowds chanted “${words}” in the square. `, '').replace('The mayor did not comment.', `Later a banner read “${words}” at the station.`);
    fs.writeFileSync(uri.fsPath, after);
    const editor = await openArticle('tagging', 'review', 'twins.txt');
    const doc = editor.document;
    const file = await waitFor('the tags to load', () => api.annotations(uri));
    const tag = file.annotations[0];
    assert.ok(tag && tag.status === 'active');
    assert.equal(doc.getText().slice(tag.start, tag.end), words);
    assert.ok(file.review.has(tag.id), 'marked for review');

    const hover = hoverText(await hoversAt(doc, tag.start + 3));
    assert.match(hover, /Check its place/);
    assert.match(hover, /command:sourceAnnotator\.confirmAnnotationPlace\?/);
    const rows = api.annotationsView().flatMap((r) => [r, ...(r.children ?? [])]);
    assert.ok(rows.some((r) => r.label.startsWith('⚠') && r.description === 'check its place'), JSON.stringify(rows.map((r) => r.label)));
    assert.deepEqual((await labelHints(doc)).map((h) => h.label), [`${tag.label} ⚠`]);

    // Tagging something else writes the sidecar for the new text: the unchecked place stays unchecked.
    select(editor, 'Ministers met');
    await vscode.commands.executeCommand(Commands.tagSelection, { label: 'claim' });
    await api.flushAnnotations();
    const sidecarPath = `${uri.fsPath}.annotations.yaml`;
    const rewritten = parse(fs.readFileSync(sidecarPath, 'utf8')) as { sha256: string; annotations: { id: string; review?: number }[] };
    assert.notEqual(rewritten.sha256, sha);
    assert.equal(rewritten.annotations.find((a) => a.id === tag.id)?.review, file.review.get(tag.id));
    assert.ok(api.annotations(uri)?.review.has(tag.id));

    editor.selection = new vscode.Selection(doc.positionAt(tag.start + 1), doc.positionAt(tag.start + 1));
    assert.equal(await vscode.commands.executeCommand(Commands.confirmAnnotationPlace), tag.id);
    assert.equal(api.annotations(uri)?.review.size, 0);
    assert.doesNotMatch(hoverText(await hoversAt(doc, tag.start + 3)), /Check its place/);
    assert.deepEqual((await labelHints(doc)).map((h) => h.label).sort(), ['claim', tag.label].sort());
    await api.flushAnnotations();
    assert.doesNotMatch(fs.readFileSync(sidecarPath, 'utf8'), /review:/, 'the sidecar no longer records the mark');
  });

  it('on opening an article changed outside the editor: a tag beside the edit keeps its words whole, and a tag whose sentence was deleted while a look-alike stays far above is marked for review, not moved silently', async () => {
    const folder = workspaceUri('tagging', 'lookalike');
    await vscode.workspace.fs.createDirectory(folder);
    const uri = vscode.Uri.joinPath(folder, 'minister.txt');
    const filler = Array.from({ length: 20 }, (_, i) => `Paragraph ${i + 1} reports on the weather and the harvest in the valley.`).join('\n\n');
    const kept = 'Last year, the opposition claimed that the minister resigned on Friday after the vote in parliament.';
    const deleted = 'Today, officials confirmed that the minister resigned on Friday after the vote in parliament.';
    const budget = 'The mayor said the budget will grow by ten percent next year.';
    const before = `Title\n\n${kept}\n\n${filler}\n\n${budget}\n\n${deleted}\n\nThe end.\n`;
    const at = (words: string): number => before.lastIndexOf(words);
    const make = (words: string) => createAnnotation(before, { label: 'claim', start: at(words), end: at(words) + words.length, author: 'ana', now: '2026-11-30T09:00:00.000Z', attributes: {} });
    const resigned = make('resigned on Friday');
    const grows = make('the budget will grow by ten percent');
    const sha = createHash('sha256').update(before, 'utf8').digest('hex');
    fs.writeFileSync(`${uri.fsPath}.annotations.yaml`, serialiseSidecar(undefined, { file: 'minister.txt', sha256: sha, annotations: [resigned, grows], rejections: [] }, before));
    fs.writeFileSync(uri.fsPath, before.replace(`${deleted}\n\n`, '').replace(' next year.', '.'));
    const editor = await openArticle('tagging', 'lookalike', 'minister.txt');
    const doc = editor.document;
    const file = await waitFor('the tags to load', () => api.annotations(uri));
    const byId = (id: string) => file.annotations.find((a) => a.id === id);
    const budgetTag = byId(grows.id);
    assert.ok(budgetTag && budgetTag.status === 'active');
    assert.equal(doc.getText().slice(budgetTag.start, budgetTag.end), 'the budget will grow by ten percent', 'not cut short to the words before the edit');
    assert.ok(!file.review.has(grows.id), 'its words are at their place: nothing to check');
    const moved = byId(resigned.id);
    assert.ok(moved && (moved.status === 'orphaned' || file.review.has(resigned.id)), 'the look-alike far above is no sure place for the tag');
    if (moved.status === 'active') assert.match(hoverText(await hoversAt(doc, moved.start + 2)), /Check its place/);
  });

  it('shows a sidecar’s long or many-line label on one short line, whole in its tooltip', async () => {
    const uri = await freshArticle();
    const text = decoder.decode(await vscode.workspace.fs.readFile(uri));
    const words = 'Human Rights Council';
    const start = text.indexOf(words);
    const label = `claim\nchecked by the desk on ${'every single word of it, '.repeat(6)}`;
    const tag = createAnnotation(text, { label, start, end: start + words.length, author: 'ana', now: '2026-11-30T09:00:00.000Z', attributes: {} });
    const sha = createHash('sha256').update(text, 'utf8').digest('hex');
    fs.writeFileSync(`${uri.fsPath}.annotations.yaml`, serialiseSidecar(undefined, { file: SEED, sha256: sha, annotations: [tag], rejections: [] }, text));
    const editor = await openArticle(...vscode.workspace.asRelativePath(uri, false).split('/'));
    await waitFor('the tag to load', () => api.annotations(uri)?.annotations.length === 1);
    const [hint] = await labelHints(editor.document);
    assert.ok(hint && typeof hint.label === 'string');
    assert.match(hint.label, /^claim checked by the desk on every .*…$/);
    assert.ok(hint.label.length <= 49, hint.label);
    const tooltip = typeof hint.tooltip === 'string' ? hint.tooltip : (hint.tooltip?.value ?? '');
    assert.ok(tooltip.includes('every single word of it, every single word of it'), tooltip);
  });

  it('reloads when the sidecar changes on disk', async () => {
    const { uri, sidecar } = await openWithIdlibTagged({ label: 'claim', note: 'first' });
    fs.writeFileSync(sidecar, fs.readFileSync(sidecar, 'utf8').replace('note: first', 'note: changed by hand'));
    await waitFor('the new note', () => api.annotations(uri)?.annotations[0]?.note === 'changed by hand', 20_000);
  });

  it('puts a tag on its words when a hand edit of the sidecar moved its place onto other words (the article unchanged)', async () => {
    const { uri, editor, sidecar } = await openWithIdlibTagged({ label: 'claim' });
    const written = fs.readFileSync(sidecar, 'utf8');
    // The place now says line 1, characters 0–12; the stored words and context still say "Idlib region".
    const edited = written.replace(/start: \{ line: \d+, character: \d+ \}(\s+)end: \{ line: \d+, character: \d+ \}/, 'start: { line: 1, character: 0 }$1end: { line: 1, character: 12 }');
    assert.notEqual(edited, written);
    fs.writeFileSync(sidecar, edited);
    const doc = editor.document;
    await waitFor('the sidecar to reload', () => api.annotations(uri)?.annotations.length === 1 && fs.readFileSync(sidecar, 'utf8') === edited, 20_000);
    await waitFor('the tag on its own words', () => {
      const a = api.annotations(uri)?.annotations[0];
      return a !== undefined && a.status === 'active' && doc.getText().slice(a.start, a.end) === 'Idlib region';
    });
    assert.notEqual(doc.getText().slice(0, 12), 'Idlib region', 'line 1 holds other words');
  });

  it('keeps comments and unknown keys a person added, and rewrites identical bytes when nothing changed', async () => {
    const { uri, editor } = await openFreshArticle();
    select(editor, 'Idlib region');
    await vscode.commands.executeCommand(Commands.tagSelection, { label: 'claim' });
    await api.flushAnnotations();
    const sidecar = `${uri.fsPath}.annotations.yaml`;
    const edited = `# Reviewed by the desk\n${fs.readFileSync(sidecar, 'utf8').replace('label: claim', 'label: claim\n    reviewer: desk # kept')}`;
    // The reload replaces the annotation list: waiting for a new list (not only one tag, which is
    // already true before the reload) makes sure the next tag is written over the hand edit.
    const beforeReload = api.annotations(uri)?.annotations;
    fs.writeFileSync(sidecar, edited);
    await waitFor('the reload', () => {
      const now = api.annotations(uri)?.annotations;
      return now !== beforeReload && now?.length === 1;
    });
    select(editor, 'Human Rights Council');
    await vscode.commands.executeCommand(Commands.tagSelection, { label: 'note' });
    await api.flushAnnotations();
    const after = fs.readFileSync(sidecar, 'utf8');
    assert.ok(after.startsWith('# Reviewed by the desk\n'));
    assert.ok(after.includes('reviewer: desk # kept'));
    assert.ok(after.includes('Human Rights Council'));
    // Undo the last change, then tag the same again: the file comes back byte for byte.
    await vscode.commands.executeCommand(Commands.undoAnnotationChange);
    await api.flushAnnotations();
    const undone = fs.readFileSync(sidecar, 'utf8');
    assert.ok(!undone.includes('label: note'));
    // Save the text after an edit that changes nothing in the end: the sidecar keeps its bytes.
    const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    await editor.edit((b) => b.insert(end, 'x'));
    await editor.edit((b) => b.delete(new vscode.Range(end, end.translate(0, 1))));
    assert.ok(await editor.document.save());
    await api.flushAnnotations();
    assert.equal(fs.readFileSync(sidecar, 'utf8'), undone, 'saving without a change rewrites nothing');
  });

  it('accepts and rejects detections', async () => {
    const { uri, editor } = await openFreshArticle();
    const analysis = api.analysisFor(uri);
    const quote = analysis?.quotes[0];
    assert.ok(quote);
    const accepted = await vscode.commands.executeCommand<string[]>(Commands.acceptSuggestion, { uri: uri.toString(), kind: 'quote', start: quote.start, end: quote.end });
    assert.equal(accepted.length, 1);
    const tag = api.annotations(uri)?.annotations.find((a) => a.id === accepted[0]);
    assert.equal(tag?.label, 'quote');
    const all = await vscode.commands.executeCommand<string[]>(Commands.acceptSuggestion, { kind: 'noise', all: true });
    assert.equal(all.length, analysis?.noise.length);
    const noiseTag = api.annotations(uri)?.annotations.find((a) => a.label === 'noise');
    assert.ok(typeof noiseTag?.attributes['kind'] === 'string', 'a noise tag keeps its kind');
    // Reject the subscribe line: it is no longer shown as boilerplate.
    const line = analysis?.noise.find((n) => editor.document.getText().slice(n.start, n.end).startsWith('Subscribe'));
    assert.ok(line);
    await vscode.commands.executeCommand(Commands.rejectSuggestion, { uri: uri.toString(), kind: 'noise', start: line.start, end: line.end });
    await waitFor('the rejected line to disappear', () => !api.shownHighlights(uri)?.noise.some((r) => editor.document.getText(r).startsWith('Subscribe')));
    await api.flushAnnotations();
    const { yaml } = await readSidecar(uri);
    assert.equal(yaml.rejections?.[0]?.kind, 'noise');
  });

  it('edits, removes and reattaches annotations', async () => {
    const { uri, editor } = await openFreshArticle();
    select(editor, 'Idlib region');
    const [id] = await vscode.commands.executeCommand<string[]>(Commands.tagSelection, { label: 'claim' });
    await vscode.commands.executeCommand(Commands.editAnnotation, { id, label: 'note', note: 'edited' });
    let a = api.annotations(uri)?.annotations.find((x) => x.id === id);
    assert.equal(a?.label, 'note');
    assert.equal(a?.note, 'edited');
    assert.notEqual(a?.modified, undefined);
    // Orphan it, then attach it to other words.
    const doc = editor.document;
    const at = doc.getText().indexOf('Idlib region');
    await editor.edit((b) => b.delete(new vscode.Range(doc.positionAt(at), doc.positionAt(at + 'Idlib region'.length))));
    assert.equal(api.annotations(uri)?.annotations.find((x) => x.id === id)?.status, 'orphaned');
    select(editor, 'Human Rights Council');
    await vscode.commands.executeCommand(Commands.reattachAnnotation, { id });
    a = api.annotations(uri)?.annotations.find((x) => x.id === id);
    assert.equal(a?.status, 'active');
    assert.equal(a?.text, 'Human Rights Council');
    await vscode.commands.executeCommand(Commands.removeAnnotation, { id });
    assert.equal(api.annotations(uri)?.annotations.length, 0);
    await vscode.commands.executeCommand(Commands.undoAnnotationChange);
    assert.equal(api.annotations(uri)?.annotations.length, 1, 'undo brings it back');
  });

  it('moves the sidecar along when the article is renamed in VS Code', async () => {
    const { uri, editor } = await openFreshArticle();
    select(editor, 'Idlib region');
    await vscode.commands.executeCommand(Commands.tagSelection, { label: 'claim' });
    await api.flushAnnotations();
    await editor.document.save();
    const renamed = vscode.Uri.joinPath(uri, '..', 'renamed article.txt');
    const edit = new vscode.WorkspaceEdit();
    edit.renameFile(uri, renamed);
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitFor('the sidecar to move', () => fs.existsSync(`${renamed.fsPath}.annotations.yaml`) && !fs.existsSync(`${uri.fsPath}.annotations.yaml`));
    const loaded = await api.loadAnnotations(renamed);
    assert.equal(loaded?.annotations[0]?.text, 'Idlib region');
  });

  it('keeps the tags of an article renamed in VS Code after its text changed outside, and records the new name', async () => {
    const { uri, editor } = await openFreshArticle();
    select(editor, 'Idlib region');
    await vscode.commands.executeCommand(Commands.tagSelection, { label: 'claim' });
    await api.flushAnnotations();
    await closeAll();
    fs.appendFileSync(uri.fsPath, '\nCorrection: an earlier version misspelt a name.\n');
    const renamed = vscode.Uri.joinPath(uri, '..', 'renamed after a correction.txt');
    const edit = new vscode.WorkspaceEdit();
    edit.renameFile(uri, renamed);
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitFor('the sidecar to move', () => fs.existsSync(`${renamed.fsPath}.annotations.yaml`));
    await openArticle(...vscode.workspace.asRelativePath(renamed, false).split('/'));
    const loaded = await waitFor('the tags of the renamed article', () => api.annotations(renamed));
    assert.equal(loaded.problem, undefined);
    assert.equal(loaded.annotations[0]?.text, 'Idlib region');
    await api.flushAnnotations();
    await waitFor('the new name in the sidecar', () => /^file: renamed after a correction\.txt$/m.test(fs.readFileSync(`${renamed.fsPath}.annotations.yaml`, 'utf8')));
  });

  it('shows a tag’s label, note, author and date in its hover, with edit and remove links', async () => {
    const { editor } = await openFreshArticle();
    select(editor, 'Idlib region');
    await vscode.commands.executeCommand(Commands.tagSelection, { label: 'claim', note: 'ask *the* desk [now](command:workbench.action.quit)' });
    const at = editor.document.getText().indexOf('Idlib region') + 2;
    const text = hoverText(await hoversAt(editor.document, at));
    assert.match(text, /\*\*Tag:\*\* claim/);
    assert.match(text, /\*\*Note:\*\* ask \\\*the\\\* desk/, 'the note is escaped');
    assert.match(text, /\d{4}\\?-\d{2}\\?-\d{2}/, 'the date');
    assert.match(text, /command:sourceAnnotator\.editAnnotation\?/);
    assert.match(text, /command:sourceAnnotator\.removeAnnotation\?/);
    assert.ok(!text.includes('](command:workbench'), 'no link from the note');
  });

  it('keeps positions right in a CRLF article with a BOM and emoji', async () => {
    const uri = workspaceUri('folder with spaces', 'article with spaces.txt');
    const editor = await openArticle('folder with spaces', 'article with spaces.txt');
    const doc = editor.document;
    const phrase = 'times today';
    select(editor, phrase);
    await vscode.commands.executeCommand(Commands.tagSelection, { label: 'note' });
    await api.flushAnnotations();
    const { yaml } = await readSidecar(uri);
    const a = yaml.annotations[0];
    assert.ok(a);
    assert.equal(a.text, phrase);
    // Line 3, after “Shared ” (7) and two emoji of two UTF-16 units each, and a space.
    assert.deepEqual(a.start, { line: 3, character: 12 });
    assert.equal(doc.getText(api.shownAnnotations(uri)?.[0]), phrase);
    const raw = fs.readFileSync(uri.fsPath);
    assert.deepEqual([...raw.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'the article keeps its BOM');
  });

  it('leaves the sidecar in place when its article is deleted', async () => {
    const { uri, editor } = await openFreshArticle();
    select(editor, 'Idlib region');
    await vscode.commands.executeCommand(Commands.tagSelection, { label: 'claim' });
    await api.flushAnnotations();
    await closeAll();
    const edit = new vscode.WorkspaceEdit();
    edit.deleteFile(uri);
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.ok(!fs.existsSync(uri.fsPath));
    assert.ok(fs.existsSync(`${uri.fsPath}.annotations.yaml`), 'the tags are still on disk');
  });

  it('reports a malformed sidecar with its line and never overwrites it', async () => {
    const broken = 'version: 1\nfile: 000_03cb73ca90429b2a.txt\nannotations:\n  - id: [unclosed\n';
    const { uri, sidecar, editor, diagnostics } = await openWithSidecar(broken);
    assert.ok(diagnostics[0] && diagnostics[0].range.start.line >= 3, `reported at line ${diagnostics[0]?.range.start.line}`);
    assert.ok(api.annotations(uri)?.problem);
    await assertTaggingRefused(editor);
    assert.equal(fs.readFileSync(sidecar, 'utf8'), broken, 'the file is untouched');
  });

  it('refuses a sidecar that is not UTF-8 (a note saved as Latin-1) at the line of its first bad byte, and never rewrites it', async () => {
    const bytes = Buffer.from('version: 1\nfile: 000_03cb73ca90429b2a.txt\nannotations: []\nrejections: []\n# note: caf\u00e9\n', 'latin1');
    const { uri, sidecar, editor, diagnostics } = await openWithSidecar(bytes);
    assert.equal(diagnostics[0]?.range.start.line, 4, `reported at line ${diagnostics[0]?.range.start.line}`);
    assert.match(diagnostics[0]?.message ?? '', /not valid UTF-8 at line 5, column 12 \(byte e9\)/);
    assert.match(api.annotations(uri)?.problem ?? '', /not valid UTF-8/);
    await assertTaggingRefused(editor);
    assert.ok(fs.readFileSync(sidecar).equals(bytes), 'the file is untouched, its é not replaced by U+FFFD');
  });

  it('refuses a list used as a key in a sidecar at its line, rather than read it as the string it would become', async () => {
    const content = 'version: 1\nfile: 000_03cb73ca90429b2a.txt\nannotations: []\nrejections: []\n? [a, b]\n: value\n';
    const { sidecar, editor, diagnostics } = await openWithSidecar(content);
    assert.equal(diagnostics[0]?.range.start.line, 4, `reported at line ${diagnostics[0]?.range.start.line}`);
    assert.match(diagnostics[0]?.message ?? '', /A list or mapping is not allowed as a key/);
    await assertTaggingRefused(editor);
    assert.equal(fs.readFileSync(sidecar, 'utf8'), content, 'the file is untouched');
  });

  it('reports sidecars nested thousands of levels deep at their line, one after another, and keeps working', async () => {
    const deep = `${'['.repeat(3000)}${']'.repeat(3000)}\n`;
    for (let round = 0; round < 2; round++) {
      const { sidecar, diagnostics } = await openWithSidecar(deep);
      assert.match(diagnostics[0]?.message ?? '', /may nest at most 200 levels/);
      assert.equal(diagnostics[0]?.range.start.line, 0);
      assert.equal(fs.readFileSync(sidecar, 'utf8'), deep, 'the file is untouched');
    }
    // The extension host survived both: tagging another article still works.
    const { uri } = await openWithIdlibTagged({ label: 'claim' });
    assert.equal(api.annotations(uri)?.annotations.length, 1);
  });

  it('refuses unread a sidecar that cannot be one (over 6,000,000 bytes, a FIFO), leaves it untouched and keeps working', async () => {
    const huge = `version: 1\nannotations: []\n# ${'x'.repeat(6_000_001)}\n`;
    const cases: [string, (sidecar: string) => void, RegExp][] = [
      ['huge', (sidecar) => fs.writeFileSync(sidecar, huge), /cannot be read \(6,0\d\d,\d{3} bytes, more than such a file may hold \(6,000,000\); not read\)/],
      ['FIFO', (sidecar) => execFileSync('mkfifo', [sidecar]), /cannot be read \(not a regular file\)/],
    ];
    for (const [what, make, message] of cases) {
      const uri = await freshArticle();
      const sidecar = `${uri.fsPath}.annotations.yaml`;
      make(sidecar);
      const editor = await openArticle(...vscode.workspace.asRelativePath(uri, false).split('/'));
      const problem = await waitFor(`the ${what} sidecar's problem`, () => api.annotations(uri)?.problem);
      assert.match(problem, message, what);
      select(editor, 'Idlib region');
      const ids = await vscode.commands.executeCommand<string[] | undefined>(Commands.tagSelection, { label: 'claim' });
      assert.equal(ids, undefined, `tagging is refused while the ${what} sidecar is there`);
      await api.flushAnnotations();
      if (what === 'huge') assert.equal(fs.statSync(sidecar).size, Buffer.byteLength(huge), 'the file is untouched');
      else assert.ok(fs.lstatSync(sidecar).isFIFO(), 'the FIFO is untouched');
      fs.rmSync(sidecar);
    }
    const { uri } = await openWithIdlibTagged({ label: 'claim' });
    assert.equal(api.annotations(uri)?.annotations.length, 1);
  });

  it('undoes the last tag after typing above the tags, leaving the earlier tag on its words', async () => {
    const { uri, editor } = await openWithIdlibTagged({ label: 'claim' });
    select(editor, 'Human Rights Council');
    await vscode.commands.executeCommand(Commands.tagSelection, { label: 'note' });
    await api.flushAnnotations();
    assert.ok(await editor.edit((b) => b.insert(new vscode.Position(0, 0), 'UPDATE 2: ')));
    await vscode.commands.executeCommand(Commands.undoAnnotationChange);
    await api.flushAnnotations();
    const doc = editor.document;
    assert.deepEqual(api.annotations(uri)?.annotations.map((a) => [a.label, doc.getText().slice(a.start, a.end)]), [['claim', 'Idlib region']]);
    assert.deepEqual((await readSidecar(uri)).yaml.annotations.map((a) => [a.label, a.text]), [['claim', 'Idlib region']]);
  });

  it('keeps a sidecar’s byte-order mark and CRLF line ends when it adds a tag', async () => {
    const { uri, sidecar } = await openWithIdlibTagged({ label: 'claim' });
    await closeAll();
    fs.writeFileSync(sidecar, `\uFEFF${fs.readFileSync(sidecar, 'utf8').replace(/\n/g, '\r\n')}`);
    const editor = await openArticle(...vscode.workspace.asRelativePath(uri, false).split('/'));
    await waitFor('the tag loaded', () => api.annotations(uri)?.annotations.length === 1);
    select(editor, 'Human Rights Council');
    await vscode.commands.executeCommand(Commands.tagSelection, { label: 'note' });
    await api.flushAnnotations();
    const raw = fs.readFileSync(sidecar);
    assert.deepEqual([...raw.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'the byte-order mark is kept');
    const text = raw.toString('utf8');
    assert.match(text, /text: Human Rights Council\r\n/);
    assert.doesNotMatch(text.replace(/\r\n/g, ''), /\n/, 'every line ends with CRLF');
  });

  it('writes a sidecar that is a symbolic link through the link, keeping its permissions', async () => {
    const uri = await freshArticle();
    const sidecar = `${uri.fsPath}.annotations.yaml`;
    const shared = `${uri.fsPath}.shared.yaml`;
    fs.writeFileSync(shared, '');
    fs.chmodSync(shared, 0o640);
    fs.symlinkSync(shared, sidecar);
    const editor = await openArticle(...vscode.workspace.asRelativePath(uri, false).split('/'));
    select(editor, 'Idlib region');
    await vscode.commands.executeCommand(Commands.tagSelection, { label: 'claim' });
    await api.flushAnnotations();
    assert.ok(fs.lstatSync(sidecar).isSymbolicLink(), 'still a link');
    assert.match(fs.readFileSync(shared, 'utf8'), /text: Idlib region/);
    assert.equal(fs.statSync(shared).mode & 0o777, 0o640);
  });

  it('keeps a tag another program added to the sidecar the moment before the person tags', async () => {
    const { uri, editor, sidecar } = await openWithIdlibTagged({ label: 'claim' });
    const doc = editor.document;
    const text = doc.getText();
    const words = 'Human Rights Council';
    const known = api.annotations(uri)?.annotations ?? [];
    const theirs = createAnnotation(text, { label: 'speaker', start: text.indexOf(words), end: text.indexOf(words) + words.length, author: 'bo', now: '2026-01-02T00:00:00.000Z', attributes: {} });
    const sha256 = createHash('sha256').update(text, 'utf8').digest('hex');
    fs.writeFileSync(sidecar, serialiseSidecar(fs.readFileSync(sidecar, 'utf8'), { file: SEED, sha256, annotations: [...known, theirs], rejections: [] }, text));
    // Tagged at once, before the file watcher can tell the extension of the change.
    select(editor, 'Syrian government troops');
    await vscode.commands.executeCommand(Commands.tagSelection, { label: 'note' });
    await api.flushAnnotations();
    const onDisk = (await readSidecar(uri)).yaml.annotations.map((a) => a.text).sort();
    assert.deepEqual(onDisk, ['Human Rights Council', 'Idlib region', 'Syrian government troops']);
    await waitFor('the editor to show all three', () => api.annotations(uri)?.annotations.length === 3);
  });

  it('keeps a tag on its words, surely, when the text around it is re-typed outside the editor', async () => {
    const { uri, editor } = await openWithIdlibTagged({ label: 'claim' });
    const original = fs.readFileSync(uri.fsPath, 'utf8');
    const at = original.indexOf('Idlib region');
    // Another program re-types the text: the space before the tag doubled, a tab after its comma.
    const after = at + 'Idlib region'.length;
    assert.equal(original.slice(at - 1, after + 2), ' Idlib region, ');
    const changed = `${original.slice(0, at - 1)}  Idlib region,\t${original.slice(after + 2)}`;
    assert.notEqual(changed, original);
    fs.writeFileSync(uri.fsPath, changed);
    const doc = editor.document;
    await waitFor('the editor to reload the article', () => doc.getText() === changed, 20_000);
    await waitFor('the tag on its words', () => {
      const a = api.annotations(uri)?.annotations[0];
      return a !== undefined && a.status === 'active' && doc.getText().slice(a.start, a.end) === 'Idlib region';
    });
    const tag = api.annotations(uri)?.annotations[0];
    assert.ok(tag && !api.annotations(uri)?.review.has(tag.id), 'found surely: not waiting for review');
  });

  it('reports a sidecar made by a newer version and leaves it alone', async () => {
    const uri = await freshArticle();
    const sidecar = `${uri.fsPath}.annotations.yaml`;
    const newer = 'version: 99\nfile: 000_03cb73ca90429b2a.txt\nannotations: []\n';
    fs.writeFileSync(sidecar, newer);
    await openArticle(...vscode.workspace.asRelativePath(uri, false).split('/'));
    const problem = await waitFor('the problem', () => api.annotations(uri)?.problem);
    assert.match(problem, /newer version/);
    assert.equal(fs.readFileSync(sidecar, 'utf8'), newer);
  });

  it('keeps tags in memory when the folder is read-only, leaves the old sidecar intact, and saves later', async () => {
    const { uri, editor, sidecar } = await openWithIdlibTagged({ label: 'claim' });
    const before = fs.readFileSync(sidecar, 'utf8');
    const folder = vscode.Uri.joinPath(uri, '..').fsPath;
    const lock = (on: boolean): void => {
      // Root ignores permission bits; the immutable attribute stops it too.
      if (process.getuid?.() === 0) execFileSync('chattr', [on ? '+i' : '-i', folder]);
      else fs.chmodSync(folder, on ? 0o555 : 0o755);
    };
    lock(true);
    try {
      select(editor, 'Human Rights Council');
      const ids = await vscode.commands.executeCommand<string[]>(Commands.tagSelection, { label: 'note' });
      assert.equal(ids.length, 1, 'the tag is made');
      await api.flushAnnotations();
      assert.equal(api.annotations(uri)?.unsaved, true);
      assert.equal(api.annotations(uri)?.annotations.length, 2, 'both tags are kept in memory');
      assert.equal(fs.readFileSync(sidecar, 'utf8'), before, 'the previous sidecar is intact');
      assert.deepEqual(fs.readdirSync(folder).filter((f) => f.endsWith('.tmp')), [], 'no temporary file is left');
    } finally {
      lock(false);
    }
    await waitFor('the retry to save', () => api.annotations(uri)?.unsaved === false, 30_000);
    assert.ok(fs.readFileSync(sidecar, 'utf8').includes('Human Rights Council'));
  });
});

