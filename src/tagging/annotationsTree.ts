import * as vscode from 'vscode';
import { Disposable } from '../base/dispose';
import { annotationRows } from './annotationsView';
import type { AnnotationStore } from './store/annotationStore';

/** One row of the Annotations view. */
export interface AnnotationRow {
  readonly label: string;
  readonly description?: string;
  readonly tooltip?: string;
  readonly command?: vscode.Command;
  readonly children?: readonly AnnotationRow[];
}

/** The Annotations view of the Sources container; refreshes itself when annotations or the active editor change. */
export class AnnotationsTreeProvider extends Disposable implements vscode.TreeDataProvider<AnnotationRow> {
  private readonly emitter = this.register(new vscode.EventEmitter<AnnotationRow | undefined>());
  readonly onDidChangeTreeData = this.emitter.event;

  constructor(private readonly store: AnnotationStore<vscode.Uri>) {
    super();
    this.register(store.onDidChange(() => this.emitter.fire(undefined)));
    this.register(vscode.window.onDidChangeActiveTextEditor(() => this.emitter.fire(undefined)));
  }

  getChildren(row?: AnnotationRow): AnnotationRow[] {
    return [...(row ? (row.children ?? []) : annotationRows(this.store))];
  }

  getTreeItem(row: AnnotationRow): vscode.TreeItem {
    const item = new vscode.TreeItem(row.label, row.children && row.children.length > 0 ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
    if (row.description !== undefined) item.description = row.description;
    if (row.tooltip !== undefined) item.tooltip = row.tooltip;
    if (row.command) item.command = row.command;
    return item;
  }
}
