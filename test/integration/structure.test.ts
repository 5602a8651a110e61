import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SourceAnnotatorApi } from '../../src/api';
import { Commands } from '../../src/base/constants';
import { closeAll, extensionApi, openArticle, waitFor } from './support';

const SEED = ['seeds', '000_03cb73ca90429b2a.txt'];

describe('Outline, folding and navigation', () => {
  let api: SourceAnnotatorApi;
  before(async () => {
    api = await extensionApi();
  });
  after(closeAll);

  it('lists speakers with their quotes nested in the outline', async () => {
    const { document: doc } = await openArticle(...SEED);
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri);
    const lavrov = symbols.find((s) => s.name === 'Sergei Lavrov');
    assert.ok(lavrov, `outline: ${symbols.map((s) => s.name).join(', ')}`);
    const analysis = api.analysisFor(doc.uri);
    const speaker = analysis?.speakers.find((s) => s.name === 'Sergei Lavrov');
    assert.equal(lavrov.children.length, analysis?.quotes.filter((q) => q.speakerId === speaker?.id).length);
    assert.ok(lavrov.children.length >= 2);
    assert.ok(lavrov.children.every((c) => c.kind === vscode.SymbolKind.String && c.name.startsWith('“')));
  });

  it('folds the reader comments away', async () => {
    const { document: doc } = await openArticle(...SEED);
    const ranges = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', doc.uri);
    const commentsLine = doc.positionAt(doc.getText().indexOf('  1. Well done')).line;
    const formLine = doc.positionAt(doc.getText().indexOf('Please enter your name')).line;
    assert.ok(
      ranges.some((r) => r.start <= commentsLine && r.end >= formLine),
      `folding ranges: ${JSON.stringify(ranges)}; comments at ${commentsLine}, form at ${formLine}`,
    );
  });

  it('moves to the next and previous quote, wrapping around', async () => {
    const editor = await openArticle(...SEED);
    const doc = editor.document;
    const quotes = api.analysisFor(doc.uri)?.quotes ?? [];
    assert.ok(quotes.length >= 2);
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    await vscode.commands.executeCommand(Commands.nextQuote);
    assert.equal(doc.offsetAt(editor.selection.active), quotes[0]?.start);
    await vscode.commands.executeCommand(Commands.nextQuote);
    assert.equal(doc.offsetAt(editor.selection.active), quotes[1]?.start);
    await vscode.commands.executeCommand(Commands.previousQuote);
    assert.equal(doc.offsetAt(editor.selection.active), quotes[0]?.start);
    await vscode.commands.executeCommand(Commands.previousQuote);
    assert.equal(doc.offsetAt(editor.selection.active), quotes[quotes.length - 1]?.start, 'wraps to the last quote');
  });

  it('moves between speaker mentions and boilerplate blocks', async () => {
    const editor = await openArticle(...SEED);
    const doc = editor.document;
    const analysis = api.analysisFor(doc.uri);
    const mentions = (analysis?.speakers ?? []).flatMap((s) => s.mentions).sort((a, b) => a.start - b.start);
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    await vscode.commands.executeCommand(Commands.nextSpeaker);
    assert.equal(doc.offsetAt(editor.selection.active), mentions.find((m) => m.start > 0)?.start);
    const lead = doc.getText().indexOf('Russian Foreign Minister');
    editor.selection = new vscode.Selection(doc.positionAt(lead), doc.positionAt(lead));
    await vscode.commands.executeCommand(Commands.nextBoilerplate);
    const line = doc.lineAt(editor.selection.active.line).text;
    assert.ok(analysis?.noise.some((n) => doc.positionAt(n.start).line === editor.selection.active.line), `landed on a boilerplate line: ${line}`);
    await vscode.commands.executeCommand(Commands.previousBoilerplate);
    assert.ok(doc.offsetAt(editor.selection.active) < lead, 'back to the block before the lead paragraph');
  });
});

describe('Clean text, status bar and the Sources view', () => {
  let api: SourceAnnotatorApi;
  before(async () => {
    api = await extensionApi();
  });
  after(closeAll);

  it('copies the article without its boilerplate lines', async () => {
    await openArticle(...SEED);
    await vscode.env.clipboard.writeText('');
    await vscode.commands.executeCommand(Commands.copyCleanText);
    const clean = await vscode.env.clipboard.readText();
    assert.ok(clean.includes('Russian Foreign Minister Sergei Lavrov rejected calls'));
    assert.ok(!clean.includes('Subscribe to our channel'));
    assert.ok(!clean.includes('Please enter your comment'));
  });

  it('saves the clean text beside the article', async () => {
    const editor = await openArticle(...SEED);
    const target = await vscode.commands.executeCommand<vscode.Uri>(Commands.exportCleanText);
    assert.ok(target);
    assert.equal(target.toString(), vscode.Uri.joinPath(editor.document.uri, '..', '000_03cb73ca90429b2a.clean.txt').toString());
    const saved = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    assert.ok(saved.includes('Lavrov said') || saved.includes('Lavrov'));
    assert.ok(!saved.includes('Video ID:'));
    await vscode.workspace.fs.delete(target);
  });

  it('shows line and word counts with Show Article Info', async () => {
    const editor = await openArticle(...SEED);
    const info = await vscode.commands.executeCommand<{ lines: number; words: number }>(Commands.showInfo);
    assert.equal(info.lines, editor.document.lineCount);
    // Counted by hand: `wc -w` gives 303 tokens, 3 of them lone dashes or bullets.
    assert.equal(info.words, 300);
  });

  it('summarises the active article in the status bar', async () => {
    const editor = await openArticle(...SEED);
    const analysis = api.analysisFor(editor.document.uri);
    const text = await waitFor('status bar', () => api.statusBarText());
    assert.match(text, new RegExp(`${analysis?.quotes.length} quotes · \\d+ speakers? · \\d+% boilerplate`));
    await vscode.commands.executeCommand(Commands.showSources);
  });

  it('lists speakers across the workspace, with their articles and quotes', async () => {
    const roots = await api.speakerTree();
    const lavrov = roots.find((n) => n.type === 'speaker' && n.name === 'Sergei Lavrov');
    assert.ok(lavrov, `speakers: ${roots.map((n) => (n.type === 'speaker' ? n.name : '')).join(', ')}`);
    const articles = await api.speakerTree(lavrov);
    assert.ok(articles.length >= 1);
    const first = articles[0];
    assert.ok(first);
    const quotes = await api.speakerTree(first);
    const quote = quotes[0];
    assert.ok(quote && quote.type === 'quote');
    await vscode.commands.executeCommand(Commands.revealRange, quote.uri.toString(), quote.start, quote.end);
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), quote.uri.toString());
    assert.equal(editor?.document.offsetAt(editor.selection.start), quote.start);
  });
});
