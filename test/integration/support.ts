// Helpers shared by the integration suites: activating the extension, opening fixture articles
// and waiting for what the editor shows.
import * as vscode from 'vscode';
import type { SourceAnnotatorApi } from '../../src/api';
import { EXTENSION_ID, LANGUAGE_ID } from '../../src/base/constants';

export async function extensionApi(): Promise<SourceAnnotatorApi> {
  const extension = vscode.extensions.getExtension<SourceAnnotatorApi>(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not installed in this host`);
  return extension.activate();
}

export function workspaceUri(...segments: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, ...segments);
}

export async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Opens a workspace file in an editor and waits until it is a painted Source Text article. */
export async function openArticle(...segments: string[]): Promise<vscode.TextEditor> {
  const api = await extensionApi();
  const uri = workspaceUri(...segments);
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
  const doc = await waitFor(`${uri.path} to open as ${LANGUAGE_ID}`, () =>
    vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString() && d.languageId === LANGUAGE_ID),
  );
  const editor = await waitFor('its editor', () => vscode.window.visibleTextEditors.find((e) => e.document === doc));
  await waitFor('its highlights', () => api.shownHighlights(uri)?.version === doc.version);
  return editor;
}

/** Closes every editor so suites do not see each other's state. */
export async function closeAll(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

export function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}

export async function hoversAt(doc: vscode.TextDocument, offset: number): Promise<vscode.Hover[]> {
  return vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(offset));
}

/** Reads a setting update back once VS Code has applied it. */
export async function setSetting(key: string, value: unknown): Promise<void> {
  const [section, ...rest] = key.split('.');
  await vscode.workspace.getConfiguration(section).update(rest.join('.'), value, vscode.ConfigurationTarget.Workspace);
}

/** The tag labels the editor shows in `doc`, asked of VS Code itself. */
export async function labelHints(doc: vscode.TextDocument): Promise<vscode.InlayHint[]> {
  const whole = new vscode.Range(0, 0, doc.lineCount, 0);
  return (await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', doc.uri, whole)).filter((h) => typeof h.label === 'string');
}
