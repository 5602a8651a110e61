import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { Commands } from '../../src/base/constants';
import type { ReportPanelHandle } from '../../src/report/reportPanel';
import { REPORT_VIEW_TYPE } from '../../src/report/reportPanel';
import { takeScreenshot } from './index';
import { writeReportCorpus } from './reportCorpus';
import { closeAll, extensionApi, setSetting, waitFor, workspaceUri } from './support';

async function showReport(scope?: vscode.Uri): Promise<ReportPanelHandle> {
  const api = await extensionApi();
  await vscode.commands.executeCommand(Commands.showReport, scope);
  const handle = await waitFor('the report panel', () => api.reportPanel());
  await handle.whenRendered();
  return handle;
}

async function readText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

describe('Corpus report', () => {
  afterEach(async () => {
    (await extensionApi()).reportPanel()?.panel.dispose();
    await closeAll();
  });

  it('opens a panel with the report of the whole workspace from the palette', async () => {
    const handle = await showReport();
    assert.equal(handle.scope, undefined);
    assert.ok(handle.panel.visible);
    assert.equal(handle.panel.title, 'Corpus Report');
    const data = handle.data();
    assert.ok(data && data.articles >= 5, `${data?.articles} articles`);
    assert.ok(data.voices.some((v) => v.name === 'Sergei Lavrov'));
  });

  it('reports on the folder chosen in the Explorer', async () => {
    const handle = await showReport(workspaceUri('seeds'));
    const data = handle.data();
    assert.equal(data?.articles, 5);
    assert.equal(data?.quotes, 26);
    assert.equal(data?.outlets.length, 1);
    assert.equal(data?.voices[0]?.name, 'Sergei Lavrov');
    assert.match(handle.panel.title, /seeds/);
  });

  it('comes back after a reload: the panel VS Code restores shows the report of the same folder', async () => {
    const api = await extensionApi();
    const restored = vscode.window.createWebviewPanel(REPORT_VIEW_TYPE, 'restored', vscode.ViewColumn.Active, {});
    const handle = api.restoreReportPanel(restored, { filter: '', open: [], scroll: 0, scope: workspaceUri('seeds').toString() });
    await handle.whenRendered();
    assert.equal(handle.panel, restored);
    assert.equal(handle.scope?.toString(), workspaceUri('seeds').toString());
    assert.equal(handle.data()?.articles, 5);
    assert.match(restored.title, /seeds/);
    assert.ok(restored.webview.options.enableScripts, 'its script may run again');
    assert.match(restored.webview.html, /data-scope="[^"]*seeds"/, 'the page keeps the folder for the next reload');
    assert.equal(api.reportPanel(), handle, 'the restored panel is the one the command reveals');

    // A state naming no folder of the workspace (edited page data) falls back to the workspace.
    const other = vscode.window.createWebviewPanel(REPORT_VIEW_TYPE, 'restored', vscode.ViewColumn.Active, {});
    const fallback = api.restoreReportPanel(other, { scope: 'file:///etc' });
    assert.equal(fallback.scope, undefined);
    assert.equal(api.reportPanel(), fallback, 'the earlier panel was replaced');
  });

  it('opens the article at the quote when a quote of a speaker is chosen', async () => {
    const handle = await showReport(workspaceUri('seeds'));
    const place = handle.data()?.voices[0]?.places[2];
    assert.ok(place);
    await handle.receive({ type: 'open', path: place.path, start: place.start, end: place.end });
    const editor = await waitFor('the article', () => vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === place.path));
    const doc = editor.document;
    assert.equal(doc.offsetAt(editor.selection.start), place.start);
    assert.equal(doc.offsetAt(editor.selection.end), place.end);
    assert.equal(doc.getText(editor.selection).slice(0, 300), place.text);
    assert.ok(handle.panel.visible, 'the report stays in view beside the article');
  });

  it('ignores messages of another shape or naming an article outside the report', async () => {
    const handle = await showReport(workspaceUri('seeds'));
    const outside = workspaceUri('requirements.txt').toString();
    await handle.receive({ type: 'open', path: outside, start: 0, end: 4 });
    await handle.receive({ type: 'open', path: handle.data()?.voices[0]?.places[0]?.path, start: 9, end: 2 });
    await handle.receive({ type: 'run', command: 'workbench.action.terminal.new' });
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.deepEqual(vscode.window.visibleTextEditors.map((e) => e.document.uri.toString()), []);
  });

  it('copies a table as CSV', async () => {
    const handle = await showReport(workspaceUri('seeds'));
    await handle.receive({ type: 'copyCsv', table: 'voices' });
    const csv = await vscode.env.clipboard.readText();
    assert.match(csv, /^speaker,kind,quotes,articles\r\nSergei Lavrov,person,16,5\r\n/);
  });

  it('saves the report as one HTML file with links relative to it', async () => {
    const handle = await showReport(workspaceUri('seeds'));
    const target = workspaceUri('corpus-report.html');
    try {
      await handle.saveHtmlTo(target);
      const html = await readText(target);
      assert.match(html, /^<!DOCTYPE html>/);
      assert.match(html, /<style>/);
      assert.ok(!html.includes('<script'));
      assert.match(html, /<a class="place" href="seeds\/000_03cb73ca90429b2a\.txt">/);
    } finally {
      await vscode.workspace.fs.delete(target);
    }
  });

  it('refreshes when a sidecar is written beside an article', async () => {
    const handle = await showReport(workspaceUri('seeds'));
    assert.equal(handle.data()?.tagging.tagged, 0);
    const article = workspaceUri('seeds', '001_fafea784eeeba758.txt');
    const api = await extensionApi();
    const doc = await vscode.workspace.openTextDocument(article);
    await vscode.window.showTextDocument(doc);
    const start = doc.getText().indexOf('Lavrov');
    await vscode.commands.executeCommand(Commands.tagSelection, { uri: article.toString(), start, end: start + 6, label: 'claim' });
    await api.flushAnnotations();
    const sidecar = vscode.Uri.joinPath(workspaceUri('seeds'), '001_fafea784eeeba758.txt.annotations.yaml');
    try {
      await waitFor('the report to count the tag', () => handle.data()?.tagging.tagged === 1);
      assert.deepEqual(handle.data()?.tagging.byLabel, [{ name: 'claim', count: 1 }]);
    } finally {
      await closeAll();
      await vscode.workspace.fs.delete(sidecar).then(undefined, () => undefined);
    }
  });
});

describe('Screenshots of the corpus report', () => {
  const corpus = (): vscode.Uri => workspaceUri('report-corpus');
  before(async function () {
    this.timeout(120_000);
    const seeds = await Promise.all(['000_03cb73ca90429b2a.txt', '002_2831f1d8eb210064.txt', '003_c85226f8b914c529.txt'].map((n) => readText(workspaceUri('seeds', n))));
    await writeReportCorpus(corpus(), seeds, 320);
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    await vscode.commands.executeCommand('workbench.action.closeAuxiliaryBar');
    await vscode.commands.executeCommand('workbench.action.closePanel');
  });
  after(async () => {
    (await extensionApi()).reportPanel()?.panel.dispose();
    await vscode.workspace.fs.delete(corpus(), { recursive: true });
    await setSetting('workbench.colorTheme', undefined);
    await closeAll();
  });

  for (const [name, theme, folder] of [
    ['report-seeds-dark', 'Default Dark Modern', 'seeds'],
    ['report-seeds-light', 'Default Light Modern', 'seeds'],
    ['report-corpus-dark', 'Default Dark Modern', 'report-corpus'],
    ['report-corpus-light', 'Default Light Modern', 'report-corpus'],
  ] as const) {
    it(`shows the report of ${folder} in ${theme}`, async function () {
      this.timeout(120_000);
      await setSetting('workbench.colorTheme', theme);
      const handle = await showReport(workspaceUri(folder));
      if (folder === 'report-corpus') {
        // Files written a moment ago may reach the index (through its file watchers) after the
        // report first showed it: the report follows the index as it changes.
        await waitFor('the report to count the 320 articles written', () => handle.data()?.articles === 320, 30_000);
        assert.equal(handle.data()?.outlets.length, 8);
        assert.ok((handle.data()?.voices.length ?? 0) >= 10, `${handle.data()?.voices.length} voices`);
      }
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const file = await takeScreenshot(name);
      if (file === undefined) this.skip();
      assert.ok(fs.statSync(file).size > 10_000, 'a real picture was written');
    });
  }
});
