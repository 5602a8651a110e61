import * as vscode from 'vscode';
import { Disposable } from '../base/dispose';

/**
 * Tags another view draws in the editor for now (Compare Annotators draws each author's tags with
 * the author's name). The tag painter leaves those out, so no tag carries two labels at once.
 */
export class TagsDrawnElsewhere extends Disposable {
  private readonly emitter = this.register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.emitter.event;
  private uri: string | undefined;
  private ids: ReadonlySet<string> = new Set();

  /** From now on the tags `ids` of the article `uri` are drawn by someone else (undefined: none). */
  set(uri: vscode.Uri | undefined, ids: Iterable<string> = []): void {
    const next = new Set(uri ? ids : []);
    const key = uri?.toString();
    if (key === this.uri && next.size === this.ids.size && [...next].every((id) => this.ids.has(id))) return;
    this.uri = key;
    this.ids = next;
    this.emitter.fire();
  }

  has(uri: vscode.Uri, id: string): boolean {
    return this.uri === uri.toString() && this.ids.has(id);
  }
}
