import * as vscode from 'vscode';
import { isArticleDocument } from './language';
import { showInfo } from '../base/notify';

/**
 * The article editor a command works on: the one showing `uri` (opened if needed) when a hover
 * link or a script names it, else the active editor if it shows an article. Otherwise says what
 * to do (`hint`) and returns undefined.
 */
export async function articleEditor(uri?: string, hint?: string): Promise<vscode.TextEditor | undefined> {
  if (uri) {
    const target = vscode.Uri.parse(uri);
    const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === target.toString());
    return visible ?? vscode.window.showTextDocument(await vscode.workspace.openTextDocument(target));
  }
  const editor = vscode.window.activeTextEditor;
  if (editor && isArticleDocument(editor.document)) return editor;
  void showInfo(hint ?? vscode.l10n.t('Open an article (a .txt file of the workspace) first.'));
  return undefined;
}
