import * as vscode from 'vscode';
import { Disposable } from '../base/dispose';

/**
 * Tags another view draws in the editor for now (Compare Annotators frames each author's tags in
 * the author's colour and labels them with the author's name). The tag painter leaves those out and
 * the label after them is the other view's, so no tag carries two frames or two labels at once.
 */
export class TagsDrawnElsewhere extends Disposable {
  private readonly emitter = this.register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.emitter.event;
  private uri: string | undefined;
  private labels: ReadonlyMap<string, string> = new Map();

  /** From now on the tags of the article `uri` keyed in `labels` are drawn by someone else, each labelled as given (undefined: none). */
  set(uri: vscode.Uri | undefined, labels: ReadonlyMap<string, string> = new Map()): void {
    const next = uri ? labels : new Map<string, string>();
    const key = uri?.toString();
    if (key === this.uri && next.size === this.labels.size && [...next].every(([id, label]) => this.labels.get(id) === label)) return;
    this.uri = key;
    this.labels = new Map(next);
    this.emitter.fire();
  }

  has(uri: vscode.Uri, id: string): boolean {
    return this.uri === uri.toString() && this.labels.has(id);
  }

  /** The label the other view gives the tag `id` of `uri`, or undefined when it is drawn here. */
  labelOf(uri: vscode.Uri, id: string): string | undefined {
    return this.uri === uri.toString() ? this.labels.get(id) : undefined;
  }
}
