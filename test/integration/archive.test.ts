import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parse } from 'yaml';
import type { SourceAnnotatorApi } from '../../src/api';
import { Commands } from '../../src/base/constants';
import { closeAll, extensionApi, hoversAt, hoverText, openArticle, waitFor, workspaceUri } from './support';

const EXPORT = ['archive', 'lexisnexis.txt'];
const HEADLINES = ['Council approves new sea wall after two-year dispute', 'Rail operator fined over winter cancellations', 'Fishing fleet returns early as storm approaches'];

describe('Archive exports in the editor', () => {
  let api: SourceAnnotatorApi;
  before(async () => {
    api = await extensionApi();
  });
  afterEach(closeAll);

  it('lists the articles in the outline, each with its own speakers and quotes', async () => {
    const { document: doc } = await openArticle(...EXPORT);
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri);
    assert.deepEqual(symbols.map((s) => s.name), HEADLINES);
    assert.equal(symbols[1]?.detail, 'Northern Ledger · March 5, 2024 Tuesday');
    assert.deepEqual(symbols[0]?.children.map((c) => c.name), ['Adeyemi Okafor']);
    const second = symbols[1]?.children.map((c) => c.name) ?? [];
    assert.ok(!second.includes('Tom Eriksen') && !second.includes('Adeyemi Okafor'), `article 2: ${second.join(', ')}`);
    assert.ok(symbols[2]?.children.some((c) => c.name === 'Gwen Price'));
  });

  it('shows the field of a metadata line in its hover', async () => {
    const { document: doc } = await openArticle(...EXPORT);
    const text = doc.getText();
    const byline = text.indexOf('BYLINE: Tom Eriksen');
    const hover = hoverText(await hoversAt(doc, byline + 2));
    assert.match(hover, /\*\*Boilerplate\*\* · metadata/);
    assert.match(hover, /archive byline\\?: Tom Eriksen/);
    const length = text.indexOf('LENGTH: 298 words');
    assert.match(hoverText(await hoversAt(doc, length + 2)), /archive length\\?: 298 words/);
  });

  it('moves to the next and previous article, wrapping around', async () => {
    const editor = await openArticle(...EXPORT);
    const doc = editor.document;
    const starts = HEADLINES.map((h) => doc.getText().indexOf(h));
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    await vscode.commands.executeCommand(Commands.nextArticle);
    assert.equal(doc.offsetAt(editor.selection.active), starts[0]);
    await vscode.commands.executeCommand(Commands.nextArticle);
    assert.equal(doc.offsetAt(editor.selection.active), starts[1]);
    await vscode.commands.executeCommand(Commands.previousArticle);
    assert.equal(doc.offsetAt(editor.selection.active), starts[0]);
    await vscode.commands.executeCommand(Commands.previousArticle);
    assert.equal(doc.offsetAt(editor.selection.active), starts[2], 'wraps to the last article');
  });

  it('counts the articles in the status bar', async () => {
    await openArticle(...EXPORT);
    const text = await waitFor('status bar', () => api.statusBarText()?.includes('articles') && api.statusBarText());
    assert.match(text, /3 articles · \d+ quotes? · \d+ speakers? · \d+% boilerplate/);
    await openArticle('seeds', '000_03cb73ca90429b2a.txt');
    const seed = await waitFor('status bar of an ordinary article', () => !api.statusBarText()?.includes('articles') && api.statusBarText());
    assert.doesNotMatch(seed, /article/);
  });

  it('tags a passage of the third article at its place in the file', async () => {
    const folder = workspaceUri('archive', 'tagging');
    await vscode.workspace.fs.createDirectory(folder);
    const uri = vscode.Uri.joinPath(folder, 'lexisnexis.txt');
    await vscode.workspace.fs.copy(workspaceUri(...EXPORT), uri, { overwrite: true });
    const editor = await openArticle('archive', 'tagging', 'lexisnexis.txt');
    const doc = editor.document;
    const phrase = 'harbourmaster Gwen Price';
    const at = doc.getText().indexOf(phrase);
    assert.ok(at > doc.getText().indexOf('3 of 3 DOCUMENTS'));
    editor.selection = new vscode.Selection(doc.positionAt(at), doc.positionAt(at + phrase.length));
    const ids = await vscode.commands.executeCommand<string[]>(Commands.tagSelection, { label: 'claim' });
    assert.equal(ids.length, 1);
    await api.flushAnnotations();
    const raw = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri.with({ path: `${uri.path}.annotations.yaml` })));
    const yaml = parse(raw) as { annotations: { text: string; start: { line: number; character: number } }[] };
    const position = doc.positionAt(at);
    assert.equal(yaml.annotations[0]?.text, phrase);
    assert.deepEqual(yaml.annotations[0]?.start, { line: position.line + 1, character: position.character });
  });
});
