import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Commands, ContextKeys, EXTENSION_ID, Views } from '../../src/base/constants';
import { extensionApi } from './support';

interface Manifest {
  activationEvents?: string[];
  contributes: { commands: { command: string; category?: string }[]; menus?: { commandPalette?: { command: string; when?: string }[] } };
}

describe('Manifest', () => {
  let manifest: Manifest;
  before(async () => {
    await extensionApi();
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    manifest = extension.packageJSON as Manifest;
  });

  it('registers every contributed command, and contributes every registered one', async () => {
    const registered = new Set((await vscode.commands.getCommands(true)).filter((c) => c.startsWith('sourceAnnotator.')));
    const contributed = new Set(manifest.contributes.commands.map((c) => c.command));
    for (const id of contributed) assert.ok(registered.has(id), `${id} is contributed but not registered`);
    // Tree views register `<view>.focus`-style commands of their own; those are VS Code's.
    const ours = [...registered].filter((id) => !/\.(focus|resetViewLocation|open|toggleVisibility|removeView)$/.test(id));
    for (const id of ours) assert.ok(contributed.has(id), `${id} is registered but not contributed`);
  });

  it('puts every command in the Source Annotator category and hides internal ones from the palette', () => {
    for (const c of manifest.contributes.commands) assert.equal(c.category, 'Source Annotator', c.command);
    const hidden = (manifest.contributes.menus?.commandPalette ?? []).filter((m) => m.when === 'false').map((m) => m.command);
    assert.ok(hidden.includes(Commands.revealRange));
  });

  it('matches the command table of the code', () => {
    const contributed = new Set(manifest.contributes.commands.map((c) => c.command));
    for (const id of Object.values(Commands)) assert.ok(contributed.has(id), `${id} from the code is not in package.json`);
  });

  it('reads in its when clauses only the context keys the code sets', () => {
    // A view's id is compared with `view == …`: a value, not a key.
    const set = new Set<string>([...Object.values(ContextKeys), ...Object.values(Views)]);
    const used = JSON.stringify(manifest.contributes).match(/"when":\s*"[^"]*"/g) ?? [];
    for (const clause of used) for (const key of clause.match(/sourceAnnotator\.[A-Za-z]+/g) ?? []) assert.ok(set.has(key), `${key} in ${clause} is not a context key of the code`);
  });

  it('offers the commands of the workspace’s articles in the palette only when a folder is open', () => {
    const palette = manifest.contributes.menus?.commandPalette ?? [];
    for (const id of [Commands.exportAnnotations, Commands.importAnnotations, Commands.showReport, Commands.searchQuotes, Commands.refreshSources, Commands.showNotIndexed, Commands.showSources]) {
      assert.equal(palette.find((m) => m.command === id)?.when, 'workspaceFolderCount > 0', id);
    }
  });

  it('never activates on every event, nor for a language it contributes (VS Code adds that itself)', () => {
    assert.ok(!(manifest.activationEvents ?? []).includes('onLanguage:source-text'));
    assert.ok(!(manifest.activationEvents ?? []).includes('*'));
  });
});
