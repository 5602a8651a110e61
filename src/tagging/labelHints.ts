import * as vscode from 'vscode';
import { Disposable } from '../base/dispose';
import { LANGUAGE_ID } from '../base/constants';
import { labelExcerpt } from '../core/text/excerpt';
import type { AnnotationStore } from './store/annotationStore';
import type { TagsDrawnElsewhere } from './tagsDrawnElsewhere';

/** Longer labels are cut, the whole label kept in the hint's tooltip. */
const MAX_LABEL_CHARS = 48;

/**
 * The label after each tagged passage, as an inlay hint. The editor wraps a line around inlay hints
 * as around its own words; a decoration's text after a passage is drawn over the line instead, so a
 * label near the end of a wrapped line would push the line's last words out of sight. A person
 * hides the labels with the editor's own setting (`editor.inlayHints.enabled`).
 */
export class TagLabelHints extends Disposable implements vscode.InlayHintsProvider {
  private readonly emitter = this.register(new vscode.EventEmitter<void>());
  readonly onDidChangeInlayHints = this.emitter.event;

  constructor(
    private readonly store: AnnotationStore<vscode.Uri>,
    private readonly drawnElsewhere: TagsDrawnElsewhere,
  ) {
    super();
    this.register(store.onDidChange(() => this.emitter.fire()));
    this.register(drawnElsewhere.onDidChange(() => this.emitter.fire()));
  }

  provideInlayHints(doc: vscode.TextDocument, range: vscode.Range): vscode.InlayHint[] {
    const file = this.store.get(doc.uri);
    if (!file) return [];
    const from = doc.offsetAt(range.start);
    const to = doc.offsetAt(range.end);
    const hints: vscode.InlayHint[] = [];
    for (const a of file.annotations) {
      if (a.status !== 'active' || a.end < from || a.end > to) continue;
      const elsewhere = this.drawnElsewhere.labelOf(doc.uri, a.id);
      const review = elsewhere === undefined && file.review.has(a.id);
      // A sidecar may hold any label: one line, and short, so a hint never hides the text it follows.
      const label = labelExcerpt(elsewhere ?? a.label, MAX_LABEL_CHARS);
      const hint = new vscode.InlayHint(doc.positionAt(a.end), review ? `${label} ⚠` : label);
      hint.paddingLeft = true;
      const whole = labelExcerpt(a.label, 400);
      hint.tooltip = review ? vscode.l10n.t('Tag “{0}” by {1}: its place should be checked', whole, a.author) : vscode.l10n.t('Tag “{0}” by {1}', whole, a.author);
      hints.push(hint);
    }
    return hints;
  }
}

export function registerTagLabelHints(store: AnnotationStore<vscode.Uri>, drawnElsewhere: TagsDrawnElsewhere): vscode.Disposable {
  const hints = new TagLabelHints(store, drawnElsewhere);
  const registration = vscode.languages.registerInlayHintsProvider([{ language: LANGUAGE_ID }], hints);
  return vscode.Disposable.from(registration, hints);
}
