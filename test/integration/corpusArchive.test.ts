// The corpus views with an archive export in the workspace: each article of the export counts as
// an article (people "in N articles", statements "quoted in N articles"), is named by its headline,
// and opens its file at the quote; the separator setting reaches the index's workers.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SourceAnnotatorApi } from '../../src/api';
import { Commands } from '../../src/base/constants';
import type { SpeakerNode } from '../../src/corpus/speakersView';
import type { ReportPanelHandle } from '../../src/report/reportPanel';
import { COUNCIL_EXPORT, lexisNexisExport } from '../unit/core/archive/lexisNexisExport';
import { closeAll, extensionApi, hoverText, setSetting, waitFor, workspaceUri } from './support';

const FOLDER = 'archive-corpus';
const CLIPS = 'Tram line to reopen\n\n“The new rails will carry the first trams by the end of June,” said Ines Moreau, the works manager.\n\n=====\nBakery wins prize\n\n“Flour, water and time are all our bread has ever needed,” said Karl Brandt, the baker.\n';

async function write(name: string, text: string): Promise<vscode.Uri> {
  const uri = workspaceUri(FOLDER, name);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}

async function reindexed(api: SourceAnnotatorApi): Promise<void> {
  await vscode.commands.executeCommand(Commands.refreshSources);
  await api.whenCorpusIndexed();
}

/** The label a tree item shows: its own, or the file name VS Code takes from its resource. */
function label(item: vscode.TreeItem): string {
  const own = typeof item.label === 'string' ? item.label : item.label?.label;
  return own ?? item.resourceUri?.path.slice(item.resourceUri.path.lastIndexOf('/') + 1) ?? '';
}

describe('Archive exports in the corpus views', function () {
  this.timeout(120_000);
  let api: SourceAnnotatorApi;
  let exportUri: vscode.Uri;

  before(async () => {
    api = await extensionApi();
    await vscode.workspace.fs.createDirectory(workspaceUri(FOLDER));
    exportUri = await write('council.txt', lexisNexisExport(COUNCIL_EXPORT));
    await write('abernethy.txt', 'Sea wall\n\n“Nobody on the eastern shore should fear the next winter storm,” said Ruth Abernethy.\n');
    await reindexed(api);
  });

  after(async () => {
    await setSetting('sourceAnnotator.archive.separator', undefined);
    (await extensionApi()).reportPanel()?.panel.dispose();
    await closeAll();
    await vscode.workspace.fs.delete(workspaceUri(FOLDER), { recursive: true });
  });

  it('counts a speaker of two articles of one export in two articles, each shown by its headline', async () => {
    const abernethy = await waitFor('Abernethy in three articles', async () => {
      const roots = await api.speakerTree();
      const node = roots.find((n) => n.type === 'speaker' && /Abernethy/.test(n.name));
      return node?.type === 'speaker' && node.person.articles.length === 3 ? node : undefined;
    }, 30_000);
    assert.match(String(api.speakerItem(abernethy).description), /3 quotes · 3 articles/);
    const articles = (await api.speakerTree(abernethy)).filter((n): n is Extract<SpeakerNode, { type: 'article' }> => n.type === 'article');
    const items = articles.map((a) => api.speakerItem(a));
    assert.deepEqual(items.map(label).sort(), ['Council approves new sea wall after two-year dispute', 'Sea wall works begin on the eastern shore', 'abernethy.txt'].sort());
    const third = items.find((i) => label(i) === 'Sea wall works begin on the eastern shore');
    assert.equal(third?.description, 'council.txt #3 · The Harbour Gazette · April 6, 2024 Saturday');
    assert.equal(third?.resourceUri?.toString(), exportUri.toString());
  });

  it('lists a statement quoted in three articles, two of one export, and opens the export at the quote', async () => {
    const statement = await waitFor('the statement', () =>
      api.statementTree().find((s) => s.type === 'statement' && s.group.versions.some((v) => v.text.includes('fear the next winter storm')) && s.group.articles === 3),
    );
    const versions = api.statementTree(statement);
    const items = versions.map((v) => api.statementItem(v));
    assert.ok(items.some((i) => label(i) === 'Sea wall works begin on the eastern shore' && /^council\.txt #3 · /.test(String(i.description))), items.map(label).join(', '));
    const command = items.find((i) => label(i) === 'Sea wall works begin on the eastern shore')?.command;
    assert.ok(command);
    const args: unknown[] = command.arguments ?? [];
    await vscode.commands.executeCommand(command.command, ...args);
    const editor = await waitFor('the export opened at the quote', () => vscode.window.activeTextEditor?.document.uri.toString() === exportUri.toString() && vscode.window.activeTextEditor);
    assert.equal(editor.document.getText(editor.selection), 'Nobody on the eastern shore should fear the next winter storm,');
    assert.ok(editor.document.offsetAt(editor.selection.start) > editor.document.getText().indexOf('3 of 3 DOCUMENTS'));
  });

  it('finds a quote by its words, naming its article, and the hover counts the export’s other article as elsewhere', async () => {
    const [hit] = api.searchQuotes('boardroom');
    assert.ok(hit);
    assert.equal(hit.path, `${exportUri.toString()}#2`);
    assert.equal(api.hitPlace(hit), `${FOLDER}/council.txt #2 · “Rail operator fined over winter cancellations” · Northern Ledger · April 5, 2024 Friday`);
    await vscode.commands.executeCommand(Commands.revealRange, hit.path, hit.start, hit.end);
    const editor = await waitFor('the export', () => vscode.window.activeTextEditor?.document.uri.toString() === exportUri.toString() && vscode.window.activeTextEditor);
    assert.equal(editor.document.getText(editor.selection), hit.text);
    const first = editor.document.getText().indexOf('Nobody on the eastern shore should fear');
    const elsewhere = await waitFor('the other versions of the quote', () => {
      const found = api.corpus.quotedElsewhere(exportUri, first);
      return found.length > 0 && found;
    });
    assert.deepEqual(elsewhere.map((o) => o.version.path.slice(o.version.path.lastIndexOf('/') + 1)).sort(), ['abernethy.txt', 'council.txt#3']);
    assert.deepEqual(elsewhere.map((o) => o.uri.fragment).sort(), ['', '3'], 'an article of the export keeps its number');
    const hover = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', exportUri, editor.document.positionAt(first + 3));
    assert.match(hoverText(hover), /Also quoted in\*\* 2 other articles[\s\S]*council\\?\.txt \\?#3/);
  });

  it('reports the folder with the export’s articles counted under their sources and placed on the timeline', async () => {
    await vscode.commands.executeCommand(Commands.showReport, workspaceUri(FOLDER));
    const handle: ReportPanelHandle = await waitFor('the report panel', () => api.reportPanel());
    const data = await handle.whenRendered();
    assert.equal(data.articles, 4);
    // The export's articles count for the sources their metadata name; the ordinary article for its folder.
    assert.deepEqual(data.outlets.map((o) => [o.by === 'folder' ? o.name.replace(/^.*\//, '') : o.name, o.by, o.articles]), [
      ['The Harbour Gazette', 'source', 2],
      ['Northern Ledger', 'source', 1],
      [FOLDER, 'folder', 1],
    ]);
    assert.deepEqual(data.timeline.months.map((m) => [m.month, m.articles]), [
      ['2024-03', 1],
      ['2024-04', 2],
    ]);
    const place = data.voices.find((v) => /Abernethy/.test(v.name))?.places.find((p) => p.path.endsWith('#3'));
    assert.ok(place);
    await handle.receive({ type: 'open', path: place.path, start: place.start, end: place.end });
    const editor = await waitFor('the export', () => vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === exportUri.toString()));
    assert.equal(editor.document.getText(editor.selection), place.text);
  });

  it('cuts a file at the separator setting in the index’s workers', async () => {
    await write('clips.txt', CLIPS);
    await reindexed(api);
    const before = api.searchQuotes('flour water time bread');
    assert.equal(before[0]?.path, workspaceUri(FOLDER, 'clips.txt').toString(), 'one article without the setting');
    await setSetting('sourceAnnotator.archive.separator', '^={5,}$');
    const hits = await waitFor('the article of the separator', async () => {
      await reindexed(api);
      const found = api.searchQuotes('flour water time bread');
      return found[0]?.path.endsWith('clips.txt#2') ? found : undefined;
    }, 30_000);
    assert.match(api.hitPlace(hits[0]!), /clips\.txt #2 · “Bakery wins prize”/);
  });
});
