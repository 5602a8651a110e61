import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { takeScreenshot } from './index';
import { closeAll, extensionApi, openArticle, setSetting } from './support';

/**
 * Pictures of what a reader sees: a seed article with its highlights and an open hover, in a
 * dark and a light theme. The code-server host saves them (test/host/.tmp/screenshots); the
 * README shows copies of them from media/.
 */
describe('Screenshots of a seed article', () => {
  before(async () => {
    // The hover opens below the line, so the headline and lead paragraph stay in the picture.
    await setSetting('editor.hover.above', false);
  });
  after(async () => {
    await setSetting('editor.hover.above', undefined);
    await setSetting('workbench.colorTheme', undefined);
    await closeAll();
  });

  for (const [name, theme] of [
    ['screenshot-dark', 'Default Dark Modern'],
    ['screenshot-light', 'Default Light Modern'],
  ] as const) {
    it(`shows highlights and a hover in ${theme}`, async function () {
      const api = await extensionApi();
      await setSetting('workbench.colorTheme', theme);
      await vscode.commands.executeCommand('workbench.action.closeSidebar');
      await vscode.commands.executeCommand('workbench.action.closeAuxiliaryBar');
      const editor = await openArticle('seeds', '000_03cb73ca90429b2a.txt');
      const doc = editor.document;
      const quote = api.analysisFor(doc.uri)?.quotes.find((q) => doc.getText().slice(q.start, q.end).startsWith('The international community'));
      assert.ok(quote);
      const at = doc.positionAt(quote.start + 20);
      editor.selection = new vscode.Selection(at, at);
      editor.revealRange(new vscode.Range(0, 0, 0, 0), vscode.TextEditorRevealType.AtTop);
      await new Promise((resolve) => setTimeout(resolve, 800));
      await vscode.commands.executeCommand('editor.action.showHover');
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const file = await takeScreenshot(name);
      if (file === undefined) this.skip();
      assert.ok(fs.statSync(file).size > 10_000, 'a real picture was written');
    });
  }
});
