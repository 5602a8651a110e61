import * as vscode from 'vscode';
import { Registrations } from '../../base/dispose';
import { SIDECAR_SUFFIX } from '../../core/annotations/sidecar/types';
import type { AnnotationStore } from './annotationStore';
import { fileName, sidecarUri } from './sidecarFiles';
import { showInfo } from '../../base/notify';

/**
 * Keeps the store in step with VS Code: documents opening, changing, saving and closing, sidecars
 * changing on disk, and article files renamed (their sidecar moves along) or deleted.
 */
export function watchForStore(store: AnnotationStore<vscode.Uri>): vscode.Disposable {
  const r = new Registrations();
  const watcher = r.add(vscode.workspace.createFileSystemWatcher(`**/*${SIDECAR_SUFFIX}`));
  const onSidecarEvent = (uri: vscode.Uri): void => void store.sidecarChangedOnDisk(uri);
  r.add(watcher.onDidChange(onSidecarEvent));
  r.add(watcher.onDidCreate(onSidecarEvent));
  r.add(watcher.onDidDelete(onSidecarEvent));
  r.add(vscode.workspace.onDidOpenTextDocument((doc) => void store.load(doc)));
  r.add(vscode.workspace.onDidCloseTextDocument((doc) => store.forget(doc.uri)));
  r.add(vscode.workspace.onDidChangeTextDocument((e) => store.textChanged(e.document, e.contentChanges)));
  // Written while the text is saved, so both are on disk when the save completes.
  r.add(
    vscode.workspace.onWillSaveTextDocument((e) => {
      const write = store.writeOnSave(e.document);
      if (write) e.waitUntil(write);
    }),
  );
  // A save participant that edited the text after us moved positions again.
  r.add(vscode.workspace.onDidSaveTextDocument((doc) => void store.writeOnSave(doc)));
  r.add(vscode.workspace.onWillRenameFiles((e) => e.waitUntil(sidecarRenames(store, e.files))));
  r.add(vscode.workspace.onDidDeleteFiles((e) => void reportKeptSidecars(e.files)));
  for (const doc of vscode.workspace.textDocuments) void store.load(doc);
  return r;
}

async function sidecarRenames(store: AnnotationStore<vscode.Uri>, files: readonly { oldUri: vscode.Uri; newUri: vscode.Uri }[]): Promise<vscode.WorkspaceEdit> {
  const edit = new vscode.WorkspaceEdit();
  for (const { oldUri, newUri } of files) {
    if (oldUri.path.endsWith(SIDECAR_SUFFIX)) continue;
    const from = sidecarUri(oldUri);
    try {
      const stat = await vscode.workspace.fs.stat(oldUri);
      if (stat.type !== vscode.FileType.File) continue;
      await vscode.workspace.fs.stat(from);
    } catch {
      continue;
    }
    await store.writesOf(oldUri);
    store.articleRenamed(oldUri, newUri);
    edit.renameFile(from, sidecarUri(newUri), { overwrite: false, ignoreIfExists: false });
  }
  return edit;
}

async function reportKeptSidecars(files: readonly vscode.Uri[]): Promise<void> {
  for (const uri of files) {
    if (uri.path.endsWith(SIDECAR_SUFFIX)) continue;
    try {
      await vscode.workspace.fs.stat(sidecarUri(uri));
    } catch {
      continue;
    }
    void showInfo(vscode.l10n.t('{0} was deleted; its annotations are kept in {1}.', fileName(uri), vscode.workspace.asRelativePath(sidecarUri(uri))));
  }
}
