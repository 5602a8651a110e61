import * as vscode from 'vscode';

/** One row of the Annotations view; the tagging feature supplies them. */
export interface AnnotationRow {
  readonly label: string;
  readonly description?: string;
  readonly tooltip?: string;
  readonly command?: vscode.Command;
  readonly children?: readonly AnnotationRow[];
}

/** The Annotations view of the Sources container; empty (with its welcome text) until rows are supplied. */
export class AnnotationsTreeProvider implements vscode.TreeDataProvider<AnnotationRow>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<AnnotationRow | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private rows: () => readonly AnnotationRow[] = () => [];

  setSource(rows: () => readonly AnnotationRow[]): void {
    this.rows = rows;
    this.emitter.fire(undefined);
  }

  refresh(): void {
    this.emitter.fire(undefined);
  }

  getChildren(row?: AnnotationRow): AnnotationRow[] {
    return [...(row ? (row.children ?? []) : this.rows())];
  }

  getTreeItem(row: AnnotationRow): vscode.TreeItem {
    const item = new vscode.TreeItem(row.label, row.children && row.children.length > 0 ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
    if (row.description !== undefined) item.description = row.description;
    if (row.tooltip !== undefined) item.tooltip = row.tooltip;
    if (row.command) item.command = row.command;
    return item;
  }

  dispose(): void {
    this.emitter.dispose();
  }
}
