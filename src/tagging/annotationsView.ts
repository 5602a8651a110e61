import * as vscode from 'vscode';
import { Commands } from '../base/constants';
import { labelExcerpt } from '../core/text/excerpt';
import type { AnnotationRow } from './annotationsTree';
import type { AnnotationStore } from './store/annotationStore';

/** The Annotations view: the active article's annotations by label, then orphaned ones of the workspace. */
export function annotationRows(store: AnnotationStore<vscode.Uri>): AnnotationRow[] {
  const rows: AnnotationRow[] = [];
  const active = vscode.window.activeTextEditor?.document.uri;
  const file = active ? store.get(active) : undefined;
  if (file) {
    if (file.problem !== undefined) rows.push({ label: vscode.l10n.t('Read-only: {0}', file.problem), tooltip: file.sidecarUri.fsPath });
    if (file.unsaved) rows.push({ label: vscode.l10n.t('Not saved yet: the sidecar could not be written') });
    const byLabel = new Map<string, AnnotationRow[]>();
    for (const a of file.annotations) {
      if (a.status !== 'active') continue;
      const list = byLabel.get(a.label) ?? [];
      const review = file.review.has(a.id);
      const note = review ? vscode.l10n.t('check its place') : a.note;
      list.push({
        label: review ? `⚠ “${labelExcerpt(a.text, 68)}”` : `“${labelExcerpt(a.text, 70)}”`,
        ...(note === undefined ? {} : { description: note }),
        tooltip: review
          ? vscode.l10n.t('Found again after the article changed outside the editor, but not surely: check that it is on the right words, then run “Confirm Annotation Place” (or move it).')
          : `${a.label} · ${a.author} · ${a.created}`,
        command: { command: Commands.revealRange, title: vscode.l10n.t('Open Annotation'), arguments: [file.textUri.toString(), a.start, a.end] },
      });
      byLabel.set(a.label, list);
    }
    for (const [label, children] of [...byLabel].sort(([x], [y]) => x.localeCompare(y))) rows.push({ label, description: String(children.length), children });
  }
  const orphans: AnnotationRow[] = [];
  for (const f of store.all()) {
    for (const a of f.annotations) {
      if (a.status !== 'orphaned') continue;
      orphans.push({
        label: `“${labelExcerpt(a.text, 60)}”`,
        description: `${a.label} · ${vscode.workspace.asRelativePath(f.textUri)}`,
        tooltip: vscode.l10n.t('Its passage was deleted or not found again. Select the right words and run “Reattach Annotation”.'),
        command: { command: Commands.revealRange, title: vscode.l10n.t('Open Article'), arguments: [f.textUri.toString(), a.start, a.end] },
      });
    }
  }
  if (orphans.length > 0) rows.push({ label: vscode.l10n.t('Orphaned'), description: String(orphans.length), children: orphans });
  return rows;
}
