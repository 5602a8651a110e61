import * as vscode from 'vscode';
import { sidecarFileName } from '../../core/annotations/sidecar/types';
import { MAX_YAML_FILE_BYTES } from '../../base/regularFile';
import { temporaryFileName, writeFileAtomically } from '../../base/atomicWrite';
import { Utf8FaultError, decodeStrictUtf8 } from '../../core/text/strictUtf8';

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
 * A sidecar's or label file's text, or undefined when it does not exist. What cannot be one is
 * refused before it is read, with an error saying why: a folder or another kind of file (a FIFO
 * would never end), or a file larger than such a file may be (a 300 MB file is not read whole to be
 * refused). Other read errors propagate. A byte-order mark stays in the text.
 */
export async function readYamlTextIfExists(uri: vscode.Uri): Promise<string | undefined> {
  let stat: vscode.FileStat;
  try {
    stat = await vscode.workspace.fs.stat(uri);
  } catch (err) {
    if (err instanceof vscode.FileSystemError && err.code === 'FileNotFound') return undefined;
    throw err;
  }
  if ((stat.type & vscode.FileType.File) === 0) throw new Error((stat.type & vscode.FileType.Directory) !== 0 ? 'a folder, not a file' : 'not a regular file');
  if (stat.size > MAX_YAML_FILE_BYTES) throw new Error(`${stat.size.toLocaleString('en')} bytes, more than such a file may hold (${MAX_YAML_FILE_BYTES.toLocaleString('en')}); not read`);
  let bytes: Uint8Array;
  try {
    bytes = await vscode.workspace.fs.readFile(uri);
  } catch (err) {
    if (err instanceof vscode.FileSystemError && err.code === 'FileNotFound') return undefined;
    throw err;
  }
  // A byte-order mark is kept, as the command line keeps it: a rewrite writes it back. Bytes that
  // are not UTF-8 refuse the file, so that no rewrite stores U+FFFD in place of what a person wrote.
  const decoded = decodeStrictUtf8(bytes);
  if ('fault' in decoded) throw new Utf8FaultError(decoded.fault);
  return decoded.text;
}

/**
 * Writes a sidecar atomically, as writeAtomically does. On the local disk, as the command line
 * writes it: a sidecar that is a symbolic link stays one (the file it points to is replaced), it keeps
 * its permissions, and with `unchangedSince` (the text it was read as, undefined for no file) it is
 * read again just before it is replaced and left alone if another program changed it meanwhile.
 */
export async function writeSidecarAtomically(uri: vscode.Uri, content: string, unchangedSince?: { readonly text: string | undefined }): Promise<void> {
  if (uri.scheme !== 'file') return writeAtomically(uri, content);
  writeFileAtomically(uri.fsPath, content, { durable: true, ...(unchangedSince ? { unchangedSince: unchangedSince.text ?? null } : {}) });
  return Promise.resolve();
}

/**
 * Writes atomically: the content goes to a temporary file in the same folder, which then replaces
 * the target in one rename, so a failure (read-only folder, full disk) leaves the old file whole.
 */
export async function writeAtomically(uri: vscode.Uri, content: string): Promise<void> {
  const temporary = vscode.Uri.joinPath(uri, '..', temporaryFileName(fileName(uri)));
  try {
    await vscode.workspace.fs.writeFile(temporary, new TextEncoder().encode(content));
    await vscode.workspace.fs.rename(temporary, uri, { overwrite: true });
  } catch (err) {
    await Promise.resolve(vscode.workspace.fs.delete(temporary)).catch(() => undefined);
    throw err;
  }
}
