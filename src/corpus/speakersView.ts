import * as vscode from 'vscode';
import { Disposable } from '../base/dispose';
import { Commands } from '../base/constants';
import type { CorpusPerson, SpeakerDirectory } from '../core/corpus/people';
import type { ArticleOrigin } from '../core/corpus/summary';
import { labelExcerpt } from '../core/text/excerpt';
import { articleFileUri } from './corpusLookup';
import type { WorkspaceIndex } from './workspaceIndex';

export type SpeakerNode =
  | {
      readonly type: 'speaker';
      /** The merged person's name (its most used full form). */
      readonly name: string;
      readonly person: CorpusPerson;
      readonly id: number;
      readonly directory: SpeakerDirectory;
    }
  | {
      readonly type: 'article';
      readonly personId: number;
      /** The file (for an article of an archive export, the export file). */
      readonly uri: vscode.Uri;
      /** The article's id: the file's URI, or `…/export.txt#N` for article N of an export. */
      readonly article: string;
      /** Set for an article of an export: where it stands and what its archive says of it. */
      readonly origin?: ArticleOrigin;
      readonly quotes: readonly QuoteRef[];
    }
  | ({ readonly type: 'quote' } & QuoteRef);

export interface QuoteRef {
  readonly uri: vscode.Uri;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

const plural = (n: number, one: string, many: string): string => (n === 1 ? vscode.l10n.t(one) : vscode.l10n.t(many, n));

/**
 * An article of an archive export, named by its headline, with the export file, its place and the
 * archive's source and date; the file's icon, as for an ordinary article.
 */
export function archivedArticleItem(uri: vscode.Uri, origin: ArticleOrigin, collapsible = vscode.TreeItemCollapsibleState.Expanded): vscode.TreeItem {
  const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
  const item = new vscode.TreeItem(origin.headline ?? vscode.l10n.t('Article {0} of {1}', origin.number, name), collapsible);
  const about = [origin.fields.source, origin.fields.date].filter((f): f is string => f !== undefined && f !== '');
  item.description = [`${name} #${origin.number}`, ...about].join(' · ');
  item.tooltip = [origin.headline, `${vscode.workspace.asRelativePath(uri)} #${origin.number}`, ...about].filter((l): l is string => l !== undefined).join('\n');
  item.resourceUri = uri;
  item.iconPath = vscode.ThemeIcon.File;
  return item;
}

/** The Speakers tree: person (merged across articles) → articles → quotes. */
export class SpeakersTreeProvider extends Disposable implements vscode.TreeDataProvider<SpeakerNode> {
  private readonly emitter = this.register(new vscode.EventEmitter<SpeakerNode | undefined>());
  readonly onDidChangeTreeData = this.emitter.event;

  constructor(private readonly index: WorkspaceIndex) {
    super();
    this.register(index.onDidChange(() => this.emitter.fire(undefined)));
  }

  getChildren(node?: SpeakerNode): SpeakerNode[] {
    if (!node) {
      const directory = this.index.people();
      return directory.people.flatMap((person, id) => (person.quotes > 0 ? [{ type: 'speaker' as const, name: person.name, person, id, directory }] : []));
    }
    if (node.type === 'speaker') return this.articlesOf(node);
    if (node.type === 'article') return node.quotes.map((q) => ({ type: 'quote', ...q }));
    return [];
  }

  private articlesOf(node: Extract<SpeakerNode, { type: 'speaker' }>): SpeakerNode[] {
    const out: SpeakerNode[] = [];
    for (const key of node.person.articles) {
      const summary = this.index.articleSummary(key);
      const row = node.directory.assignments.get(key);
      if (!summary || !row) continue;
      const uri = articleFileUri(key);
      const quotes = summary.quotes.filter((q) => q.speaker !== null && row[q.speaker] === node.id).map((q) => ({ uri, start: q.start, end: q.end, text: q.text }));
      if (quotes.length > 0) out.push({ type: 'article', personId: node.id, uri, article: key, ...(summary.origin ? { origin: summary.origin } : {}), quotes });
    }
    return out;
  }

  getTreeItem(node: SpeakerNode): vscode.TreeItem {
    switch (node.type) {
      case 'speaker': {
        const { person } = node;
        const item = new vscode.TreeItem(labelExcerpt(person.name, 120), vscode.TreeItemCollapsibleState.Collapsed);
        item.description = `${plural(person.quotes, '1 quote', '{0} quotes')} · ${plural(person.articles.length, '1 article', '{0} articles')}`;
        const others = person.variants.filter((v) => v.name !== person.name).map((v) => v.name);
        item.tooltip = others.length > 0 ? vscode.l10n.t('{0}, also written {1}', person.name, others.join(', ')) : person.name;
        item.iconPath = new vscode.ThemeIcon(person.kind === 'organisation' ? 'organization' : 'person');
        item.contextValue = 'speaker';
        item.id = `person:${person.kind}:${person.name}`;
        return item;
      }
      case 'article': {
        const item = node.origin ? archivedArticleItem(node.uri, node.origin) : new vscode.TreeItem(node.uri, vscode.TreeItemCollapsibleState.Expanded);
        if (!node.origin) item.description = vscode.workspace.asRelativePath(vscode.Uri.joinPath(node.uri, '..'));
        item.contextValue = 'article';
        item.id = `person:${node.personId}:${node.article}`;
        return item;
      }
      case 'quote': {
        const item = new vscode.TreeItem(`“${labelExcerpt(node.text, 80)}”`, vscode.TreeItemCollapsibleState.None);
        item.tooltip = node.text;
        item.iconPath = new vscode.ThemeIcon('quote');
        item.contextValue = 'quote';
        item.command = { command: Commands.revealRange, title: vscode.l10n.t('Open Quote'), arguments: [node.uri.toString(), node.start, node.end] };
        return item;
      }
    }
  }
}
