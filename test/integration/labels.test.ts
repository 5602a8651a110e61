import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SourceAnnotatorApi } from '../../src/api';
import { Commands } from '../../src/base/constants';
import { closeAll, extensionApi, openArticle, waitFor, workspaceUri } from './support';

describe('Workspace labels (.source-annotator.yaml)', () => {
  let api: SourceAnnotatorApi;
  const config = (): vscode.Uri => workspaceUri('.source-annotator.yaml');
  before(async () => {
    api = await extensionApi();
  });
  after(async () => {
    await vscode.workspace.fs.delete(config()).then(undefined, () => undefined);
    await closeAll();
  });

  it('uses the workspace’s labels and reports a bad entry in the Problems panel with its line', async () => {
    const yaml = ['labels:', '  - name: fact', '    description: A checkable fact', '    key: f', '  - description: an entry without a name', '    key: z', ''].join('\n');
    await vscode.workspace.fs.writeFile(config(), new TextEncoder().encode(yaml));
    const diagnostics = await waitFor('a diagnostic on the label file', () => {
      const d = vscode.languages.getDiagnostics(config());
      return d.length > 0 ? d : undefined;
    });
    assert.equal(diagnostics[0]?.range.start.line, 4, 'the entry without a name, on its line');
    const editor = await openArticle('seeds', '002_2831f1d8eb210064.txt');
    editor.selection = new vscode.Selection(0, 0, 0, 5);
    const ids = await waitFor('the label “fact” to be usable', async () => {
      const made = await vscode.commands.executeCommand<string[] | undefined>(Commands.tagSelection, { label: 'fact' });
      return made && made.length === 1 ? made : undefined;
    });
    assert.equal(api.annotations(editor.document.uri)?.annotations.find((a) => a.id === ids[0])?.label, 'fact');
    await vscode.commands.executeCommand(Commands.removeAnnotation, { id: ids[0] });
  });

  it('says at its first line why a label configuration too large to be one is not read, and keeps the default labels', async () => {
    const yaml = `labels:\n  - name: fact\n# ${'x'.repeat(6_000_001)}\n`;
    await vscode.workspace.fs.writeFile(config(), new TextEncoder().encode(yaml));
    const diagnostics = await waitFor('the label file refused', () => {
      const d = vscode.languages.getDiagnostics(config());
      return d.some((x) => /cannot be read/.test(x.message)) ? d : undefined;
    });
    assert.match(diagnostics[0]?.message ?? '', /^The label configuration cannot be read \(6,0\d\d,\d{3} bytes, more than such a file may hold \(6,000,000\); not read\); the default labels are used\.$/);
    assert.equal(diagnostics[0]?.range.start.line, 0);
    const editor = await openArticle('seeds', '002_2831f1d8eb210064.txt');
    editor.selection = new vscode.Selection(0, 0, 0, 5);
    assert.equal(await vscode.commands.executeCommand<string[] | undefined>(Commands.tagSelection, { label: 'fact' }), undefined, 'the configured label is not in use');
    const ids = await vscode.commands.executeCommand<string[] | undefined>(Commands.tagSelection, { label: 'claim' });
    assert.equal(ids?.length, 1, 'a default label is');
    await vscode.commands.executeCommand(Commands.removeAnnotation, { id: ids?.[0] });
  });
});
