import * as vscode from 'vscode';
import { Disposable, toDisposable } from '../base/dispose';
import { Colors } from '../base/constants';
import type { Label } from '../core/annotations/labels/labelConfig';
import type { LabelRegistry } from './labelRegistry';
import type { AnnotationStore } from './store/annotationStore';
import type { TagsDrawnElsewhere } from './tagsDrawnElsewhere';

/**
 * Draws annotations (the person's tags) distinctly from detections: a solid frame around the
 * passage (its label follows it as an inlay hint, see labelHints.ts). A label's `color` in
 * `.source-annotator.yaml` (a theme color id or #hex) overrides the contributed annotation colors.
 */
export class AnnotationPainter extends Disposable {
  private readonly types = new Map<string, vscode.TextEditorDecorationType>();
  private readonly shown = new Map<string, vscode.Range[]>();
  /** Tags whose place a person should check: a dashed warning frame over the label's own. */
  private readonly reviewType = this.register(
    vscode.window.createTextEditorDecorationType({
      border: '1px dashed',
      borderColor: new vscode.ThemeColor(Colors.annotationReviewBorder),
      borderRadius: '3px',
      overviewRulerColor: new vscode.ThemeColor(Colors.annotationReviewBorder),
      overviewRulerLane: vscode.OverviewRulerLane.Right,
      rangeBehavior: vscode.DecorationRangeBehavior.ClosedOpen,
    }),
  );

  constructor(
    private readonly store: AnnotationStore<vscode.Uri>,
    private readonly labels: LabelRegistry,
    private readonly drawnElsewhere: TagsDrawnElsewhere,
  ) {
    super();
    this.register(drawnElsewhere.onDidChange(() => this.paintVisible()));
    this.register(store.onDidChange(() => this.paintVisible()));
    this.register(
      labels.onDidChange(() => {
        this.resetTypes();
        this.paintVisible();
      }),
    );
    this.register(vscode.window.onDidChangeVisibleTextEditors(() => this.paintVisible()));
    this.register(toDisposable(() => this.resetTypes()));
    this.paintVisible();
  }

  /** The ranges of active annotations painted in the editor of `uri`. */
  shownFor(uri: vscode.Uri): readonly vscode.Range[] | undefined {
    return this.shown.get(uri.toString());
  }

  private typeFor(label: Label | undefined): vscode.TextEditorDecorationType {
    const key = label?.color ?? '';
    let type = this.types.get(key);
    if (!type) {
      const custom = label?.color;
      const color = custom === undefined ? new vscode.ThemeColor(Colors.annotationBorder) : custom.startsWith('#') ? custom : new vscode.ThemeColor(custom);
      type = vscode.window.createTextEditorDecorationType({
        border: '1px solid',
        borderColor: color,
        borderRadius: '3px',
        backgroundColor: new vscode.ThemeColor(Colors.annotationBackground),
        overviewRulerColor: color,
        overviewRulerLane: vscode.OverviewRulerLane.Left,
        rangeBehavior: vscode.DecorationRangeBehavior.ClosedOpen,
      });
      this.types.set(key, type);
    }
    return type;
  }

  private resetTypes(): void {
    for (const t of this.types.values()) t.dispose();
    this.types.clear();
  }

  private paintVisible(): void {
    for (const editor of vscode.window.visibleTextEditors) this.paint(editor);
  }

  private paint(editor: vscode.TextEditor): void {
    const file = this.store.get(editor.document.uri);
    const doc = editor.document;
    const byType = new Map<vscode.TextEditorDecorationType, vscode.Range[]>();
    for (const t of this.types.values()) byType.set(t, []);
    const ranges: vscode.Range[] = [];
    const inReview: vscode.Range[] = [];
    for (const a of file?.annotations ?? []) {
      if (a.status !== 'active' || this.drawnElsewhere.has(doc.uri, a.id)) continue;
      const range = new vscode.Range(doc.positionAt(a.start), doc.positionAt(a.end));
      ranges.push(range);
      if (file?.review.has(a.id) === true) inReview.push(range);
      const type = this.typeFor(this.labels.find(a.label));
      const list = byType.get(type) ?? [];
      list.push(range);
      byType.set(type, list);
    }
    for (const [type, options] of byType) editor.setDecorations(type, options);
    editor.setDecorations(this.reviewType, inReview);
    this.shown.set(doc.uri.toString(), ranges);
  }
}
