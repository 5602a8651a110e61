import * as vscode from 'vscode';
import { Disposable } from '../base/dispose';
import { Commands } from '../base/constants';
import type { QuoteGroup, QuoteVersion } from '../core/corpus/quoteGroups';
import { labelExcerpt } from '../core/text/excerpt';
import { articleFileUri } from './corpusLookup';
import type { WorkspaceIndex } from './workspaceIndex';

export type StatementNode =
  | { readonly type: 'statement'; readonly group: QuoteGroup; readonly rank: number }
  | { readonly type: 'version'; readonly version: QuoteVersion; readonly reference: boolean; readonly rank: number };

/** Statements kept in the view: the most widely quoted first. */
const MAX_STATEMENTS = 500;

const RELATION_TEXT: Readonly<Record<QuoteVersion['relation'], string>> = {
  identical: 'identical',
  contained: 'shorter',
  contains: 'longer',
  overlaps: 'overlapping',
  reworded: 'reworded',
};

function changesText(version: QuoteVersion): string {
  return version.changes
    .slice(0, 3)
    .map((c) => (c.removed === '' ? `+${c.added}` : c.added === '' ? `−${c.removed}` : `${c.removed} → ${c.added}`))
    .join('; ');
}

const fileName = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

/** The Statements tree: each statement quoted in several articles, with its versions side by side. */
export class StatementsTreeProvider extends Disposable implements vscode.TreeDataProvider<StatementNode> {
  private readonly emitter = this.register(new vscode.EventEmitter<StatementNode | undefined>());
  readonly onDidChangeTreeData = this.emitter.event;

  constructor(private readonly index: WorkspaceIndex) {
    super();
    this.register(index.onDidChange(() => this.emitter.fire(undefined)));
  }

  getChildren(node?: StatementNode): StatementNode[] {
    if (!node) return this.index.quoteGroups().slice(0, MAX_STATEMENTS).map((group, rank) => ({ type: 'statement', group, rank }));
    if (node.type === 'statement') return node.group.versions.map((version, i) => ({ type: 'version', version, reference: i === 0, rank: node.rank }));
    return [];
  }

  getTreeItem(node: StatementNode): vscode.TreeItem {
    if (node.type === 'statement') {
      const ref = node.group.versions[0];
      const item = new vscode.TreeItem(`“${labelExcerpt(ref?.text ?? '', 70)}”`, vscode.TreeItemCollapsibleState.Collapsed);
      item.description = vscode.l10n.t('{0} articles', node.group.articles);
      item.tooltip = ref?.speaker ? `${ref.speaker}: ${ref.text}` : ref?.text;
      item.iconPath = new vscode.ThemeIcon('quote');
      item.id = `statement:${ref?.path ?? ''}:${ref?.start ?? 0}`;
      return item;
    }
    const v = node.version;
    const file = articleFileUri(v.path);
    // An article of an archive export is named by its headline and its place in the export.
    const origin = this.index.articleSummary(v.path)?.origin;
    const name = origin ? (origin.headline ?? `${fileName(file.path)} #${origin.number}`) : fileName(v.path);
    const item = new vscode.TreeItem(name, vscode.TreeItemCollapsibleState.None);
    const how = node.reference ? vscode.l10n.t('reference wording') : RELATION_TEXT[v.relation];
    const changes = changesText(v);
    const where = origin ? `${fileName(file.path)} #${origin.number} · ` : '';
    item.description = `${where}${v.speaker ?? vscode.l10n.t('no speaker')} · ${how}${changes ? ` · ${changes}` : ''}`;
    item.tooltip = v.text;
    item.resourceUri = file;
    item.command = { command: Commands.revealRange, title: vscode.l10n.t('Open Quote'), arguments: [file.toString(), v.start, v.end] };
    item.id = `statement:${node.rank}:${v.path}:${v.start}`;
    return item;
  }
}
