import * as vscode from 'vscode';
import { DEFAULT_LABELS, LABEL_CONFIG_FILE, parseLabelConfig, type Label } from '../core/annotations/labels/labelConfig';
import { readTextIfExists } from './sidecarFiles';

/**
 * The labels a workspace tags with: the defaults, or those of `.source-annotator.yaml` at the root
 * of the first workspace folder. Mistakes in that file appear in the Problems panel with their line.
 */
export class LabelRegistry implements vscode.Disposable {
  private current: readonly Label[] = DEFAULT_LABELS;
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('source-annotator-labels');
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;
  private readonly disposables: vscode.Disposable[] = [];
  readonly ready: Promise<void>;

  constructor() {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (folder) {
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, LABEL_CONFIG_FILE));
      const reload = (): void => void this.reload();
      this.disposables.push(watcher, watcher.onDidChange(reload), watcher.onDidCreate(reload), watcher.onDidDelete(reload));
    }
    this.disposables.push(this.diagnostics, this.emitter);
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
    try {
      text = uri ? await readTextIfExists(uri) : undefined;
    } catch {
      text = undefined;
    }
    if (!uri || text === undefined) {
      this.current = DEFAULT_LABELS;
      if (uri) this.diagnostics.delete(uri);
      this.emitter.fire();
      return;
    }
    const config = parseLabelConfig(text);
    this.current = config.labels;
    this.diagnostics.set(
      uri,
      config.problems.map((p) => {
        const at = new vscode.Position(Math.max(0, p.line - 1), Math.max(0, p.column - 1));
        const d = new vscode.Diagnostic(new vscode.Range(at, at.translate(0, 1)), p.message, p.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning);
        d.source = 'Source Annotator';
        return d;
      }),
    );
    this.emitter.fire();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
