import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { sidecarFileName } from '../../core/annotations/sidecar/types';

export function sidecarUri(textUri: vscode.Uri): vscode.Uri {
  const name = textUri.path.slice(textUri.path.lastIndexOf('/') + 1);
  return vscode.Uri.joinPath(textUri, '..', sidecarFileName(name));
}

export function fileName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

/** The file's text, or undefined when it does not exist. Other read errors propagate. */
export async function readTextIfExists(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
  } catch (err) {
    if (err instanceof vscode.FileSystemError && err.code === 'FileNotFound') return undefined;
    throw err;
  }
}

/**
 * Writes atomically: the content goes to a temporary file in the same folder, which then replaces
 * the target in one rename, so a failure (read-only folder, full disk) leaves the old file whole.
 */
export async function writeAtomically(uri: vscode.Uri, content: string): Promise<void> {
  const temporary = vscode.Uri.joinPath(uri, '..', `.${fileName(uri)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await vscode.workspace.fs.writeFile(temporary, new TextEncoder().encode(content));
    await vscode.workspace.fs.rename(temporary, uri, { overwrite: true });
  } catch (err) {
    await Promise.resolve(vscode.workspace.fs.delete(temporary)).catch(() => undefined);
    throw err;
  }
}
