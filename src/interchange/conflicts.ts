import * as vscode from 'vscode';
import { Commands } from '../base/constants';
import { lineDiagnostic } from '../base/diagnostics';
import { Disposable } from '../base/dispose';
import { SIDECAR_SUFFIX } from '../core/annotations/sidecar/types';
import type { ConflictSide } from '../core/interchange/resolveConflict';
import type { RecordedConflict } from '../core/interchange/sidecarConflicts';
import { readYamlTextIfExists, writeSidecarAtomically } from '../tagging/store/sidecarFiles';
import { ARTICLE_LIMIT, errorText } from './articleFiles';
import { interchangeCore } from '../base/lazyBundles';
import { showError } from '../base/notify';

/** Set on each conflict's diagnostic, so the quick fix knows which ones are ours. */
export const CONFLICT_CODE = 'sidecar-merge-conflict';
const SIDECAR_GLOB = `**/*${SIDECAR_SUFFIX}`;

/** Arguments of the internal `sourceAnnotator.resolveConflict` command (the quick fix passes them). */
export interface ResolveConflictArguments {
  readonly uri: string;
  readonly id: string;
  readonly keep: ConflictSide;
}

function version(side: string, v: { author?: string; label?: string; note?: string }, deleted: boolean): string {
  if (deleted) return vscode.l10n.t('{0}: deleted', side);
  const by = v.author === undefined ? '' : vscode.l10n.t(' by {0}', v.author);
  const note = v.note === undefined ? '' : vscode.l10n.t(', note “{0}”', v.note);
  return `${side}: “${v.label ?? '?'}”${by}${note}`;
}

function conflictMessage(c: RecordedConflict): string {
  const entrySide = c.side === 'theirs' ? 'ours' : 'theirs';
  const held = version(c.side, c, c.deleted);
  const kept = version(entrySide, c.entry, false);
  const [ours, theirs] = c.side === 'theirs' ? [kept, held] : [held, kept];
  return vscode.l10n.t('Merge conflict on tag {0}: {1}; {2}. Keep one version (quick fix) to settle it.', c.id, ours, theirs);
}

/**
 * Conflicts the sidecar merge driver left (`conflict:` under an entry) shown as Problems on the
 * sidecar, one per conflict with both versions, and a quick fix to keep ours or theirs.
 */
export class ConflictProblems extends Disposable implements vscode.CodeActionProvider {
  private readonly diagnostics = this.register(vscode.languages.createDiagnosticCollection('source-annotator-conflicts'));

  constructor() {
    super();
    const watcher = this.register(vscode.workspace.createFileSystemWatcher(SIDECAR_GLOB));
    this.register(watcher.onDidCreate((uri) => void this.check(uri)));
    this.register(watcher.onDidChange((uri) => void this.check(uri)));
    this.register(watcher.onDidDelete((uri) => this.diagnostics.delete(uri)));
    this.register(vscode.workspace.onDidChangeTextDocument((e) => this.isSidecar(e.document.uri) && this.show(e.document.uri, e.document.getText())));
    this.register(vscode.workspace.onDidOpenTextDocument((doc) => this.isSidecar(doc.uri) && this.show(doc.uri, doc.getText())));
    this.register(vscode.languages.registerCodeActionsProvider({ pattern: SIDECAR_GLOB }, this, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }));
    void this.checkWorkspace();
  }

  /** The conflicts shown for a sidecar (for tests and the API). */
  shown(uri: vscode.Uri): readonly vscode.Diagnostic[] {
    return this.diagnostics.get(uri) ?? [];
  }

  private isSidecar(uri: vscode.Uri): boolean {
    return uri.path.endsWith(SIDECAR_SUFFIX);
  }

  private async checkWorkspace(): Promise<void> {
    const uris = await vscode.workspace.findFiles(SIDECAR_GLOB, '**/node_modules/**', ARTICLE_LIMIT);
    for (const uri of uris) {
      if (this.isDisposed) return;
      await this.check(uri);
    }
  }

  private async check(uri: vscode.Uri): Promise<void> {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    const text = open ? open.getText() : await readYamlTextIfExists(uri).catch(() => undefined);
    if (!this.isDisposed) this.show(uri, text ?? '');
  }

  private show(uri: vscode.Uri, text: string): void {
    // Most sidecars have no conflict; skip parsing them.
    const conflicts = text.includes('conflict:') ? interchangeCore().recordedConflicts(text) : [];
    if (conflicts.length === 0) {
      this.diagnostics.delete(uri);
      return;
    }
    const lines = text.split('\n');
    this.diagnostics.set(
      uri,
      conflicts.map((c) => {
        const d = lineDiagnostic(c.line, 1, conflictMessage(c), vscode.DiagnosticSeverity.Warning);
        // The whole `conflict:` line, so the quick fix shows wherever the cursor is on it.
        d.range = new vscode.Range(c.line - 1, 0, c.line - 1, (lines[c.line - 1] ?? '').replace(/\r$/, '').length);
        d.code = CONFLICT_CODE;
        return d;
      }),
    );
  }

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const ours = context.diagnostics.filter((d) => d.code === CONFLICT_CODE);
    if (ours.length === 0) return [];
    const conflicts = interchangeCore().recordedConflicts(document.getText());
    return ours.flatMap((d) => {
      const conflict = conflicts.find((c) => c.line - 1 === d.range.start.line);
      if (!conflict) return [];
      return (['ours', 'theirs'] as const).map((keep) => {
        const title = keep === 'ours' ? vscode.l10n.t('Keep ours for tag {0}', conflict.id) : vscode.l10n.t('Keep theirs for tag {0}', conflict.id);
        const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
        action.diagnostics = [d];
        const args: ResolveConflictArguments = { uri: document.uri.toString(), id: conflict.id, keep };
        action.command = { title, command: Commands.resolveConflict, arguments: [args] };
        return action;
      });
    });
  }

  /** `sourceAnnotator.resolveConflict`: settles one conflict in the sidecar and saves it. */
  async resolve(args: unknown): Promise<boolean> {
    const given = args as Partial<ResolveConflictArguments> | undefined;
    if (typeof given?.uri !== 'string' || typeof given.id !== 'string' || (given.keep !== 'ours' && given.keep !== 'theirs')) return false;
    const uri = vscode.Uri.parse(given.uri);
    try {
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      const text = open ? open.getText() : await readYamlTextIfExists(uri);
      const result = interchangeCore().resolveConflict(text ?? '', given.id, given.keep);
      if (!result.ok) throw new Error(result.reason);
      if (open) {
        const edit = new vscode.WorkspaceEdit();
        edit.replace(uri, new vscode.Range(open.positionAt(0), open.positionAt(open.getText().length)), result.text);
        if (!(await vscode.workspace.applyEdit(edit)) || !(await open.save())) throw new Error(vscode.l10n.t('the edit could not be saved'));
      } else {
        await writeSidecarAtomically(uri, result.text, { text });
      }
      this.show(uri, result.text);
      return true;
    } catch (err) {
      void showError(vscode.l10n.t('Source Annotator: the conflict on tag {0} in {1} could not be settled ({2}).', given.id, vscode.workspace.asRelativePath(uri), errorText(err)));
      return false;
    }
  }
}
