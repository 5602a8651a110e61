import * as vscode from 'vscode';
import { Commands } from '../base/constants';
import type { IndexedArticle, WorkspaceIndex } from './workspaceIndex';
import { excerpt } from '../core/text/markdown';

export type SpeakerNode =
  | { readonly type: 'speaker'; readonly name: string; readonly articles: readonly ArticleQuotes[] }
  | { readonly type: 'article'; readonly speaker: string; readonly entry: ArticleQuotes }
  | { readonly type: 'quote'; readonly uri: vscode.Uri; readonly start: number; readonly end: number; readonly text: string };

export interface ArticleQuotes {
  readonly article: IndexedArticle;
  readonly quotes: readonly { readonly start: number; readonly end: number }[];
}

/** Groups the quotes of every analysed article by canonical speaker name (case-insensitive). */
export function groupBySpeaker(articles: readonly IndexedArticle[]): SpeakerNode[] {
  const groups = new Map<string, { name: string; articles: ArticleQuotes[] }>();
  for (const article of articles) {
    for (const speaker of article.analysis.speakers) {
      const quotes = article.analysis.quotes.filter((q) => q.speakerId === speaker.id);
      if (quotes.length === 0) continue;
      const key = speaker.name.toLocaleLowerCase();
      const group = groups.get(key) ?? { name: speaker.name, articles: [] };
      // Prefer the fullest spelling across articles.
      if (speaker.name.length > group.name.length) group.name = speaker.name;
      group.articles.push({ article, quotes });
      groups.set(key, group);
    }
  }
  const count = (g: { articles: ArticleQuotes[] }): number => g.articles.reduce((n, a) => n + a.quotes.length, 0);
  return [...groups.values()]
    .sort((a, b) => count(b) - count(a) || a.name.localeCompare(b.name))
    .map((g) => ({ type: 'speaker', name: g.name, articles: g.articles }));
}

/** The Speakers tree: speaker → articles → quotes, across the workspace. */
export class SpeakersTreeProvider implements vscode.TreeDataProvider<SpeakerNode>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<SpeakerNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly index: WorkspaceIndex) {
    this.subscription = index.onDidChange(() => this.emitter.fire(undefined));
  }

  async getChildren(node?: SpeakerNode): Promise<SpeakerNode[]> {
    if (!node) return groupBySpeaker(await this.index.all());
    if (node.type === 'speaker') return node.articles.map((entry) => ({ type: 'article', speaker: node.name, entry }));
    if (node.type === 'article') {
      const { article, quotes } = node.entry;
      return quotes.map((q) => ({ type: 'quote', uri: article.uri, start: q.start, end: q.end, text: article.text.slice(q.start, q.end) }));
    }
    return [];
  }

  getTreeItem(node: SpeakerNode): vscode.TreeItem {
    switch (node.type) {
      case 'speaker': {
        const n = node.articles.reduce((sum, a) => sum + a.quotes.length, 0);
        const item = new vscode.TreeItem(node.name, vscode.TreeItemCollapsibleState.Collapsed);
        item.description = n === 1 ? vscode.l10n.t('1 quote') : vscode.l10n.t('{0} quotes', n);
        item.iconPath = new vscode.ThemeIcon('person');
        item.contextValue = 'speaker';
        item.id = `speaker:${node.name.toLocaleLowerCase()}`;
        return item;
      }
      case 'article': {
        const item = new vscode.TreeItem(node.entry.article.uri, vscode.TreeItemCollapsibleState.Expanded);
        item.description = vscode.workspace.asRelativePath(vscode.Uri.joinPath(node.entry.article.uri, '..'));
        item.contextValue = 'article';
        item.id = `speaker:${node.speaker.toLocaleLowerCase()}:${node.entry.article.uri.toString()}`;
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

  refresh(): void {
    this.index.refresh();
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
  }
}
