import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { SourceAnnotatorApi } from '../../src/api';
import { LANGUAGE_ID } from '../../src/base/constants';
import { closeAll, waitFor } from './support';

const EXTENSION_ID = 'source-annotator.source-annotator';

describe('Extension host smoke test', () => {
  it('loads and activates the extension', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not loaded: check engines.vscode against the host's VS Code`);
    await extension.activate();
    assert.equal(extension.isActive, true);
  });

  it('activates without loading its engine, yaml, corpus, exchange or report code, and loads the engine to analyse', async () => {
    const api = (await vscode.extensions.getExtension<SourceAnnotatorApi>(EXTENSION_ID)?.activate()) as SourceAnnotatorApi;
    assert.deepEqual(api.activation.bundlesAtActivation, [], 'bundles loaded inside activate()');
    const doc = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content: '"We will build it," said the mayor, Ana Lopez.\n' });
    await vscode.window.showTextDocument(doc);
    await waitFor('the quote detected', () => (api.analysisFor(doc.uri)?.quotes.length ?? 0) > 0);
    assert.ok(api.loadedBundles().has('engine.js'), `loaded: ${[...api.loadedBundles().keys()].join(', ')}`);
    await closeAll();
  });

  it('opens the fixture workspace copy, not the fixture itself', () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'no workspace folder is open');
    assert.ok(!folder.uri.fsPath.includes(path.join('test', 'fixtures')), `tests must not write into the source fixture: ${folder.uri.fsPath}`);
  });
});
