import * as vscode from 'vscode';
import { isArticleDocument } from '../../articles/language';
import { SIDECAR_SUFFIX, type SidecarError } from '../../core/annotations/sidecar/types';
import { lineDiagnostic } from '../../base/diagnostics';
import { Disposable } from '../../base/dispose';
import { fileName, readYamlTextIfExists, sidecarUri, writeSidecarAtomically } from './sidecarFiles';
import type { AnnotationWorkspace, ArticleDocument, StoreReporter } from './workspace';
import { showError, showInfo, showWarning } from '../../base/notify';

/** The annotation store's workspace in VS Code: `vscode.workspace.fs` and the open text documents. */
export const vscodeAnnotationWorkspace: AnnotationWorkspace<vscode.Uri> = {
  key: (uri) => uri.toString(),
  sidecarOf: sidecarUri,
  textOf: (uri) => (uri.path.endsWith(SIDECAR_SUFFIX) ? uri.with({ path: uri.path.slice(0, -SIDECAR_SUFFIX.length) }) : undefined),
  fileName,
  relativePath: (uri) => vscode.workspace.asRelativePath(uri),
  readText: readYamlTextIfExists,
  writeAtomically: (uri, content, unchangedSince) => writeSidecarAtomically(uri, content, unchangedSince),
  openDocument: (uri) => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()),
  isOpen: (doc) => vscode.workspace.textDocuments.includes(doc as vscode.TextDocument),
  isArticle: (doc: ArticleDocument<vscode.Uri>) => isArticleDocument(doc as vscode.TextDocument),
};

/** Problems in sidecars: in the Problems panel with their line, and as notifications. */
export class VscodeStoreReporter extends Disposable implements StoreReporter<vscode.Uri> {
  private readonly diagnostics = this.register(vscode.languages.createDiagnosticCollection('source-annotator-sidecar'));

  t(message: string, ...args: (string | number)[]): string {
    return vscode.l10n.t(message, ...args);
  }

  sidecarUnusable(uri: vscode.Uri, problem: string): void {
    void showError(vscode.l10n.t('Source Annotator: {0}: {1}. Its annotations are read-only and the file is left untouched until it is fixed.', vscode.workspace.asRelativePath(uri), problem));
  }

  sidecarErrors(uri: vscode.Uri, errors: readonly SidecarError[]): void {
    if (errors.length === 0) {
      this.diagnostics.delete(uri);
      return;
    }
    this.diagnostics.set(uri, errors.map((e) => lineDiagnostic(e.line, e.column, e.message, vscode.DiagnosticSeverity.Error)));
  }

  writeFailed(uri: vscode.Uri, reason: string): void {
    void showError(
      vscode.l10n.t('Source Annotator: could not save {0} ({1}). The previous file is intact; your annotations are kept and will be saved when possible.', vscode.workspace.asRelativePath(uri), reason),
    );
  }

  writeRecovered(textUri: vscode.Uri): void {
    void showInfo(vscode.l10n.t('Source Annotator: the annotations of {0} are saved now.', fileName(textUri)));
  }

  mergeConflicts(sidecarUri: vscode.Uri, count: number): void {
    void showWarning(
      vscode.l10n.t('Source Annotator: {0} changed on disk while you were tagging; both sets of tags are kept, and {1} tag(s) changed on both sides are marked as conflicts in the Problems panel.', vscode.workspace.asRelativePath(sidecarUri), count),
    );
  }
}
