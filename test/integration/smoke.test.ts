import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';

const EXTENSION_ID = 'source-annotator.source-annotator';

describe('Extension host smoke test', () => {
  it('loads and activates the extension', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not loaded: check engines.vscode against the host's VS Code`);
    await extension.activate();
    assert.equal(extension.isActive, true);
  });

  it('opens the fixture workspace copy, not the fixture itself', () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'no workspace folder is open');
    assert.ok(!folder.uri.fsPath.includes(path.join('test', 'fixtures')), `tests must not write into the source fixture: ${folder.uri.fsPath}`);
  });
});
