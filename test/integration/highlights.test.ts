import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SourceAnnotatorApi } from '../../src/api';
import { Commands, LANGUAGE_ID } from '../../src/base/constants';
import { closeAll, extensionApi, openArticle, setSetting, waitFor, workspaceUri } from './support';

const SEED = ['seeds', '000_03cb73ca90429b2a.txt'];

describe('Highlights in the editor', () => {
  let api: SourceAnnotatorApi;
  before(async () => {
    api = await extensionApi();
  });
  afterEach(async () => {
    await setSetting('sourceAnnotator.highlights.enabled', undefined);
    await setSetting('sourceAnnotator.highlights.speakers', undefined);
    await closeAll();
  });

  it('opens a seed article as Source Text without any configuration', async () => {
    const editor = await openArticle(...SEED);
    assert.equal(editor.document.languageId, LANGUAGE_ID);
  });

  it('leaves an excluded .txt (requirements.txt) as plain text', async () => {
    const doc = await vscode.workspace.openTextDocument(workspaceUri('requirements.txt'));
    await vscode.window.showTextDocument(doc);
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.equal(doc.languageId, 'plaintext');
  });

  it('opens an article in a folder whose name has spaces', async () => {
    const editor = await openArticle('folder with spaces', 'article with spaces.txt');
    assert.ok((api.shownHighlights(editor.document.uri)?.quotes.length ?? 0) > 0);
  });

  it('paints every detected quote, speaker mention, cue and boilerplate line', async () => {
    const editor = await openArticle(...SEED);
    const doc = editor.document;
    const analysis = api.analysisFor(doc.uri);
    const shown = api.shownHighlights(doc.uri);
    assert.ok(analysis && shown);
    const text = (r: vscode.Range): string => doc.getText(r);
    assert.deepEqual(shown.quotes.map(text), analysis.quotes.map((q) => doc.getText().slice(q.start, q.end)));
    assert.equal(shown.cues.length, analysis.cues.length);
    assert.equal(shown.noise.length, analysis.noise.length);
    assert.equal(shown.speakers.length, analysis.speakers.reduce((n, s) => n + s.mentions.length, 0));
    // What a reader of this article expects to see.
    assert.ok(shown.quotes.some((r) => text(r).startsWith('The international community')), 'the opening quote is highlighted');
    assert.ok(shown.noise.some((r) => text(r).startsWith('Subscribe to our channel')), 'the subscribe line is boilerplate');
    assert.ok(shown.noise.some((r) => text(r).includes('Please enter your comment')), 'the comment form is boilerplate');
    assert.ok(!shown.noise.some((r) => text(r).startsWith('Russian Foreign Minister Sergei Lavrov')), 'the lead paragraph is not boilerplate');
    assert.ok(shown.speakers.some((r) => text(r).includes('Lavrov')), 'Lavrov is a speaker');
  });

  it('turns all highlights off and on with the toggle command', async () => {
    const editor = await openArticle(...SEED);
    await vscode.commands.executeCommand(Commands.toggleHighlights);
    await waitFor('highlights to clear', () => api.shownHighlights(editor.document.uri)?.quotes.length === 0);
    const off = api.shownHighlights(editor.document.uri);
    assert.deepEqual([off?.quotes.length, off?.speakers.length, off?.cues.length, off?.noise.length], [0, 0, 0, 0]);
    await vscode.commands.executeCommand(Commands.toggleHighlights);
    await waitFor('highlights to return', () => (api.shownHighlights(editor.document.uri)?.quotes.length ?? 0) > 0);
  });

  it('applies a per-kind setting at once', async () => {
    const editor = await openArticle(...SEED);
    assert.ok((api.shownHighlights(editor.document.uri)?.speakers.length ?? 0) > 0);
    await setSetting('sourceAnnotator.highlights.speakers', false);
    await waitFor('speaker highlights to clear', () => api.shownHighlights(editor.document.uri)?.speakers.length === 0);
    assert.ok((api.shownHighlights(editor.document.uri)?.quotes.length ?? 0) > 0, 'quotes stay');
  });

  it('follows typing: a new quote appears after the debounce', async () => {
    const editor = await openArticle(...SEED);
    const doc = editor.document;
    const before = api.shownHighlights(doc.uri)?.quotes.length ?? 0;
    await editor.edit((b) => b.insert(new vscode.Position(6, 0), 'A spokesman said: “We will answer every question in full.”\n\n'));
    await waitFor('repaint after typing', () => api.shownHighlights(doc.uri)?.version === doc.version);
    const shown = api.shownHighlights(doc.uri);
    assert.ok(shown);
    assert.equal(shown.quotes.length, before + 1);
    assert.ok(shown.quotes.some((r) => doc.getText(r) === 'We will answer every question in full.'));
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
