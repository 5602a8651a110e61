import * as vscode from 'vscode';
import { DEFAULT_LABELS, LABEL_CONFIG_FILE, type Label } from '../core/annotations/labels/labelDefaults';
import { Disposable } from '../base/dispose';
import { lineDiagnostic } from '../base/diagnostics';
import { readYamlTextIfExists } from './store/sidecarFiles';
import { sidecarCore } from '../base/lazyBundles';

/**
 * The labels a workspace tags with: the defaults, or those of `.source-annotator.yaml` at the root
 * of the first workspace folder. Mistakes in that file appear in the Problems panel with their line.
 */
export class LabelRegistry extends Disposable {
  private current: readonly Label[] = DEFAULT_LABELS;
  private readonly diagnostics = this.register(vscode.languages.createDiagnosticCollection('source-annotator-labels'));
  private readonly emitter = this.register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.emitter.event;
  readonly ready: Promise<void>;

  constructor() {
    super();
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (folder) {
      const watcher = this.register(vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, LABEL_CONFIG_FILE)));
      const reload = (): void => void this.reload();
      this.register(watcher.onDidChange(reload));
      this.register(watcher.onDidCreate(reload));
      this.register(watcher.onDidDelete(reload));
    }
    this.ready = this.reload();
  }

  get labels(): readonly Label[] {
    return this.current;
  }

  find(name: string): Label | undefined {
    return this.current.find((l) => l.name === name);
  }

  private configUri(): vscode.Uri | undefined {
    const folder = vscode.workspace.workspaceFolders?.[0];
    return folder ? vscode.Uri.joinPath(folder.uri, LABEL_CONFIG_FILE) : undefined;
  }

  async reload(): Promise<void> {
    const uri = this.configUri();
    let text: string | undefined;
    let unreadable: string | undefined;
    try {
      text = uri ? await readYamlTextIfExists(uri) : undefined;
    } catch (err) {
      unreadable = err instanceof Error ? err.message : String(err);
    }
    if (!uri || text === undefined) {
      this.current = DEFAULT_LABELS;
      // A file that is there but cannot be read is said at its first line; the default labels hold meanwhile.
      if (uri && unreadable !== undefined) this.diagnostics.set(uri, [lineDiagnostic(1, 1, vscode.l10n.t('The label configuration cannot be read ({0}); the default labels are used.', unreadable), vscode.DiagnosticSeverity.Error)]);
      else if (uri) this.diagnostics.delete(uri);
      this.emitter.fire();
      return;
    }
    const config = sidecarCore().parseLabelConfig(text);
    this.current = config.labels;
    this.diagnostics.set(
      uri,
      config.problems.map((p) => lineDiagnostic(p.line, p.column, p.message, p.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning)),
    );
    this.emitter.fire();
  }
}
