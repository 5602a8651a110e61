import * as vscode from 'vscode';
import { articleEditor } from '../articles/editor';
import { Colors, Commands, ContextKeys, LANGUAGE_ID } from '../base/constants';
import { Disposable } from '../base/dispose';
import type { Annotation } from '../core/annotations/model/types';
import type { AnnotatorComparison } from '../core/interchange/curation';
import type { Disagreement } from '../core/interchange/disagreements';
import { labelExcerpt } from '../core/text/excerpt';
import { currentAuthor } from '../tagging/author';
import type { TagsDrawnElsewhere } from '../tagging/tagsDrawnElsewhere';
import type { AnnotationStore } from '../tagging/store/annotationStore';
import { errorText } from './articleFiles';
import { interchangeCore } from '../base/lazyBundles';
import { showError, showInfo } from '../base/notify';

export const DISAGREEMENT_CODE = 'annotator-disagreement';

/** Arguments of `sourceAnnotator.compareAnnotators` for scripts and tests (no quick pick). */
export interface CompareArguments {
  readonly first: string;
  readonly second: string;
}

/** Arguments of the internal `sourceAnnotator.adoptVersion` command. */
export interface AdoptArguments {
  readonly uri: string;
  readonly firstId?: string;
  readonly secondId?: string;
  readonly side: 'first' | 'second';
}

/** The comparison on screen, as the API reports it to tests. */
export interface ComparisonView {
  readonly uri: vscode.Uri;
  readonly comparison: AnnotatorComparison;
  readonly firstRanges: readonly vscode.Range[];
  readonly secondRanges: readonly vscode.Range[];
}

interface Active {
  readonly doc: vscode.TextDocument;
  readonly firstAuthor: string;
  readonly secondAuthor: string;
  comparison: AnnotatorComparison;
}

function formatRatio(value: number): string {
  return Number.isNaN(value) ? '—' : value.toFixed(2);
}

/** The agreement line of the summary: exact and overlap F1, and αu. */
export function agreementText(c: AnnotatorComparison): string {
  const o = c.agreement.overall;
  return vscode.l10n.t('F1 {0} exact, {1} overlap; αu {2}', formatRatio(o.exact.f1), formatRatio(o.overlap.f1), formatRatio(o.alpha));
}

/**
 * Compare Annotators: two authors' tags of one article side by side (two decoration styles),
 * their disagreements as information Problems on the article with code actions to adopt either
 * version through the store, recorded with the curator's name.
 */
export class AnnotatorComparisons extends Disposable implements vscode.CodeActionProvider {
  private readonly diagnostics = this.register(vscode.languages.createDiagnosticCollection('source-annotator-comparison'));
  private readonly firstStyle = this.register(vscode.window.createTextEditorDecorationType({
    backgroundColor: new vscode.ThemeColor(Colors.compareFirstBackground),
    border: '2px solid',
    borderColor: new vscode.ThemeColor(Colors.compareFirstBorder),
    overviewRulerColor: new vscode.ThemeColor(Colors.compareFirstBorder),
    overviewRulerLane: vscode.OverviewRulerLane.Left,
  }));
  private readonly secondStyle = this.register(vscode.window.createTextEditorDecorationType({
    backgroundColor: new vscode.ThemeColor(Colors.compareSecondBackground),
    borderStyle: 'none none dashed none',
    borderWidth: '0 0 3px 0',
    borderColor: new vscode.ThemeColor(Colors.compareSecondBorder),
    overviewRulerColor: new vscode.ThemeColor(Colors.compareSecondBorder),
    overviewRulerLane: vscode.OverviewRulerLane.Right,
  }));
  private active: Active | undefined;

  constructor(
    private readonly store: AnnotationStore<vscode.Uri>,
    private readonly drawnElsewhere: TagsDrawnElsewhere,
  ) {
    super();
    this.register(store.onDidChange((uri) => this.active?.doc.uri.toString() === uri.toString() && this.refresh()));
    this.register(vscode.window.onDidChangeVisibleTextEditors(() => this.paint()));
    this.register(vscode.workspace.onDidCloseTextDocument((doc) => doc === this.active?.doc && this.end()));
    this.register(vscode.languages.registerCodeActionsProvider({ language: LANGUAGE_ID }, this, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }));
  }

  view(): ComparisonView | undefined {
    const a = this.active;
    if (!a) return undefined;
    return { uri: a.doc.uri, comparison: a.comparison, firstRanges: this.ranges(a.comparison.first), secondRanges: this.ranges(a.comparison.second) };
  }

  /** `sourceAnnotator.compareAnnotators`: asks for two authors of the active article's tags. */
  async start(args: unknown): Promise<AnnotatorComparison | undefined> {
    const editor = await articleEditor();
    if (!editor) return undefined;
    const loaded = await this.store.load(editor.document);
    const authors = interchangeCore().tagAuthors(loaded?.annotations ?? []);
    const given = args as Partial<CompareArguments> | undefined;
    const pair = typeof given?.first === 'string' && typeof given.second === 'string' ? [given.first, given.second] : await pickTwo(authors);
    const [first, second] = pair ?? [];
    if (first === undefined || second === undefined) return undefined;
    this.active = { doc: editor.document, firstAuthor: first, secondAuthor: second, comparison: this.compute(editor.document, first, second) };
    this.publish();
    await vscode.commands.executeCommand('setContext', ContextKeys.comparing, true);
    const c = this.active.comparison;
    void showInfo(
      vscode.l10n.t('Comparing {0} and {1} in {2}: {3} disagreements (in Problems). {4}.', first, second, vscode.workspace.asRelativePath(editor.document.uri), c.disagreements.length, agreementText(c)),
    );
    return c;
  }

  /** `sourceAnnotator.endComparison`: clears the styles and the listed disagreements. */
  end(): void {
    this.active = undefined;
    this.diagnostics.clear();
    this.drawnElsewhere.set(undefined);
    for (const editor of vscode.window.visibleTextEditors) {
      editor.setDecorations(this.firstStyle, []);
      editor.setDecorations(this.secondStyle, []);
    }
    void vscode.commands.executeCommand('setContext', ContextKeys.comparing, false);
  }

  /** `sourceAnnotator.adoptVersion`: one side's version of a disagreement, through the store. */
  async adopt(args: unknown): Promise<boolean> {
    const given = args as Partial<AdoptArguments> | undefined;
    const a = this.active;
    if (!a || given?.uri !== a.doc.uri.toString() || (given.side !== 'first' && given.side !== 'second')) return false;
    const side = given.side;
    const found = a.comparison.disagreements.find((d) => d.first?.id === given.firstId && d.second?.id === given.secondId);
    if (!found) return false;
    try {
      const curator = await currentAuthor();
      const now = new Date().toISOString();
      await this.store.update(a.doc, (current) => ({ annotations: interchangeCore().adoptVersion(current.annotations, found, side, curator, now), rejections: current.rejections }));
      return true;
    } catch (err) {
      void showError(errorText(err));
      return false;
    }
  }

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const a = this.active;
    if (!a || document !== a.doc) return [];
    // Each diagnostic to its own disagreement, by place and by message (two may cover the same words:
    // a label changed, and a tag only one side made); the same place and message twice (one side
    // tagged the same words twice alike) are taken in order, each once.
    const taken = new Set<Disagreement<Annotation>>();
    return context.diagnostics
      .filter((d) => d.code === DISAGREEMENT_CODE)
      .flatMap((d) => {
        const found = a.comparison.disagreements.find((x) => !taken.has(x) && this.rangeOf(x).isEqual(d.range) && this.messageOf(a, x) === d.message);
        if (!found) return [];
        taken.add(found);
        return (['first', 'second'] as const).map((side) => {
          const author = side === 'first' ? a.firstAuthor : a.secondAuthor;
          const title = vscode.l10n.t("Adopt {0}'s version", author);
          const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
          action.diagnostics = [d];
          const args: AdoptArguments = { uri: document.uri.toString(), side, ...(found.first ? { firstId: found.first.id } : {}), ...(found.second ? { secondId: found.second.id } : {}) };
          action.command = { title, command: Commands.adoptVersion, arguments: [args] };
          return action;
        });
      });
  }

  private compute(doc: vscode.TextDocument, first: string, second: string): AnnotatorComparison {
    const annotations = this.store.get(doc.uri)?.annotations ?? [];
    return interchangeCore().compareAnnotators(vscode.workspace.asRelativePath(doc.uri), doc.getText().length, annotations, first, second);
  }

  private refresh(): void {
    const a = this.active;
    if (!a) return;
    a.comparison = this.compute(a.doc, a.firstAuthor, a.secondAuthor);
    this.publish();
  }

  private publish(): void {
    const a = this.active;
    if (!a) return;
    this.diagnostics.set(a.doc.uri, a.comparison.disagreements.map((d) => this.diagnosticOf(a, d)));
    // The compared tags carry their author here; the tag painter leaves them out meanwhile.
    const labels = new Map<string, string>();
    for (const t of a.comparison.first) labels.set(t.id, `${a.firstAuthor}: ${t.label}`);
    for (const t of a.comparison.second) labels.set(t.id, `${a.secondAuthor}: ${t.label}`);
    this.drawnElsewhere.set(a.doc.uri, labels);
    this.paint();
  }

  private paint(): void {
    const a = this.active;
    if (!a) return;
    for (const editor of vscode.window.visibleTextEditors) {
      if (editor.document !== a.doc) continue;
      editor.setDecorations(this.firstStyle, this.decorations(a.comparison.first, a.firstAuthor));
      editor.setDecorations(this.secondStyle, this.decorations(a.comparison.second, a.secondAuthor));
    }
  }

  /** Each tag framed in its side's style; its label with the author's name follows it as an inlay hint (see TagsDrawnElsewhere). */
  private decorations(tags: readonly Annotation[], author: string): vscode.DecorationOptions[] {
    return tags.map((t) => {
      const hoverMessage = new vscode.MarkdownString();
      hoverMessage.appendText(vscode.l10n.t('{0}: {1}', author, t.label));
      return { range: this.rangeOf(t), hoverMessage };
    });
  }

  private ranges(tags: readonly Annotation[]): vscode.Range[] {
    return tags.map((t) => this.rangeOf(t));
  }

  private rangeOf(span: { start: number; end: number }): vscode.Range {
    const doc = this.active?.doc;
    return doc ? new vscode.Range(doc.positionAt(span.start), doc.positionAt(span.end)) : new vscode.Range(0, 0, 0, 0);
  }

  private diagnosticOf(a: Active, d: Disagreement<Annotation>): vscode.Diagnostic {
    const diagnostic = new vscode.Diagnostic(this.rangeOf(d), this.messageOf(a, d), vscode.DiagnosticSeverity.Information);
    diagnostic.source = 'Source Annotator';
    diagnostic.code = DISAGREEMENT_CODE;
    return diagnostic;
  }

  private messageOf(a: Active, d: Disagreement<Annotation>): string {
    const words = (t: Annotation): string => `“${labelExcerpt(t.text, 60)}”`;
    const [f, s] = [d.first, d.second];
    let message: string;
    if (d.kind === 'onlyFirst' && f) message = vscode.l10n.t('Only {0} tagged {1} as {2}.', a.firstAuthor, words(f), f.label);
    else if (d.kind === 'onlySecond' && s) message = vscode.l10n.t('Only {0} tagged {1} as {2}.', a.secondAuthor, words(s), s.label);
    else if (d.kind === 'differentLabel' && f && s) message = vscode.l10n.t('Same words, different labels: {0} says {1}, {2} says {3} ({4}).', a.firstAuthor, f.label, a.secondAuthor, s.label, words(f));
    else message = vscode.l10n.t('Overlapping tags: {0} tagged {1} as {2}, {3} tagged {4} as {5}.', a.firstAuthor, f ? words(f) : '', f?.label ?? '', a.secondAuthor, s ? words(s) : '', s?.label ?? '');
    return message;
  }
}

async function pickTwo(authors: readonly string[]): Promise<[string, string] | undefined> {
  if (authors.length < 2) {
    void showInfo(vscode.l10n.t('Compare Annotators needs tags by two authors in the active article; it has tags by {0}.', authors.length === 0 ? vscode.l10n.t('nobody') : authors.join(', ')));
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(authors.map((label) => ({ label })), { canPickMany: true, title: vscode.l10n.t('Compare the tags of two annotators'), placeHolder: vscode.l10n.t('Pick two authors') });
  const [first, second] = picked ?? [];
  if (first && second && picked?.length === 2) return [first.label, second.label];
  if (picked) void showInfo(vscode.l10n.t('Pick exactly two authors to compare.'));
  return undefined;
}
