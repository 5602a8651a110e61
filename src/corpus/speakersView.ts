import * as vscode from 'vscode';
import { Disposable } from '../base/dispose';
import { Commands } from '../base/constants';
import type { IndexedArticle, WorkspaceIndex } from './workspaceIndex';
import { groupBySpeaker, type ArticleQuotes } from '../core/corpus/speakerGroups';
import { excerpt } from '../core/text/excerpt';

export type SpeakerNode =
  | { readonly type: 'speaker'; readonly name: string; readonly key: string; readonly quoteCount: number; readonly articles: readonly ArticleQuotes<IndexedArticle>[] }
  | { readonly type: 'article'; readonly speakerKey: string; readonly entry: ArticleQuotes<IndexedArticle> }
  | { readonly type: 'quote'; readonly uri: vscode.Uri; readonly start: number; readonly end: number; readonly text: string };

/** The Speakers tree: speaker → articles → quotes, across the workspace. */
export class SpeakersTreeProvider extends Disposable implements vscode.TreeDataProvider<SpeakerNode> {
  private readonly emitter = this.register(new vscode.EventEmitter<SpeakerNode | undefined>());
  readonly onDidChangeTreeData = this.emitter.event;

  constructor(private readonly index: WorkspaceIndex) {
    super();
    this.register(index.onDidChange(() => this.emitter.fire(undefined)));
  }

  async getChildren(node?: SpeakerNode): Promise<SpeakerNode[]> {
    if (!node) return groupBySpeaker(await this.index.all()).map((g) => ({ type: 'speaker', ...g }));
    if (node.type === 'speaker') return node.articles.map((entry) => ({ type: 'article', speakerKey: node.key, entry }));
    if (node.type === 'article') {
      const { article, quotes } = node.entry;
      return quotes.map((q) => ({ type: 'quote', uri: article.uri, start: q.start, end: q.end, text: article.text.slice(q.start, q.end) }));
    }
    return [];
  }

  getTreeItem(node: SpeakerNode): vscode.TreeItem {
    switch (node.type) {
      case 'speaker': {
        const item = new vscode.TreeItem(node.name, vscode.TreeItemCollapsibleState.Collapsed);
        item.description = node.quoteCount === 1 ? vscode.l10n.t('1 quote') : vscode.l10n.t('{0} quotes', node.quoteCount);
        item.iconPath = new vscode.ThemeIcon('person');
        item.contextValue = 'speaker';
        item.id = `speaker:${node.key}`;
        return item;
      }
      case 'article': {
        const item = new vscode.TreeItem(node.entry.article.uri, vscode.TreeItemCollapsibleState.Expanded);
        item.description = vscode.workspace.asRelativePath(vscode.Uri.joinPath(node.entry.article.uri, '..'));
        item.contextValue = 'article';
        item.id = `speaker:${node.speakerKey}:${node.entry.article.uri.toString()}`;
        return item;
      }
      case 'quote': {
        const item = new vscode.TreeItem(`“${excerpt(node.text, 80)}”`, vscode.TreeItemCollapsibleState.None);
        item.tooltip = node.text;
        item.iconPath = new vscode.ThemeIcon('quote');
        item.contextValue = 'quote';
        item.command = { command: Commands.revealRange, title: vscode.l10n.t('Open Quote'), arguments: [node.uri.toString(), node.start, node.end] };
        return item;
      }
    }
  }
}
