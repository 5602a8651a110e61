import * as vscode from 'vscode';
import { Registrations, toDisposable } from '../base/dispose';
import { Commands, Views } from '../base/constants';
import { isArticleDocument } from '../articles/language';
import type { Services } from '../base/services';
import type { QuoteHit } from '../core/corpus/quoteSearch';
import { IndexStatus, showNotIndexed } from './indexStatus';
import { parseQuoteQuery } from '../core/corpus/quoteQuery';
import { hitPlace, searchQuotesCommand } from './searchQuotes';
import { SpeakersTreeProvider, type SpeakerNode } from './speakersView';
import { StatementsTreeProvider, type StatementNode } from './statementsView';

/** The corpus feature as the API sees it. */
export interface CorpusFeature extends vscode.Disposable {
  speakerTree(node?: SpeakerNode): SpeakerNode[];
  /** How the Speakers view shows a node. */
  speakerItem(node: SpeakerNode): vscode.TreeItem;
  statementTree(node?: StatementNode): StatementNode[];
  /** How the Statements view shows a node. */
  statementItem(node: StatementNode): vscode.TreeItem;
  searchQuotes(query: string): QuoteHit[];
  /** Where Search Quotes says a hit was quoted (its detail line). */
  hitPlace(hit: QuoteHit): string;
  whenIndexed(): Promise<void>;
  /** The indexing status bar item's text, or undefined when hidden. */
  indexStatusText(): string | undefined;
}

/** The Speakers and Statements views over the workspace index, quote search, and indexing progress. */
export function registerCorpus(services: Services): CorpusFeature {
  const { index } = services;
  const r = new Registrations();
  const speakers = r.add(new SpeakersTreeProvider(index));
  const statements = r.add(new StatementsTreeProvider(index));
  r.add(vscode.window.createTreeView(Views.speakers, { treeDataProvider: speakers, showCollapseAll: true }));
  r.add(vscode.window.createTreeView(Views.statements, { treeDataProvider: statements, showCollapseAll: true }));
  const status = r.add(new IndexStatus(index));
  r.add(vscode.commands.registerCommand(Commands.showSources, () => vscode.commands.executeCommand(`${Views.speakers}.focus`)));
  r.add(vscode.commands.registerCommand(Commands.refreshSources, () => index.refresh()));
  r.add(vscode.commands.registerCommand(Commands.cancelIndexing, () => index.cancel()));
  r.add(vscode.commands.registerCommand(Commands.showNotIndexed, () => showNotIndexed(index)));
  r.add(vscode.commands.registerCommand(Commands.searchQuotes, (query?: unknown) => searchQuotesCommand(index, query)));
  // Indexing starts when the workspace is used as a corpus (see WorkspaceIndex.start): here when an
  // article is open already, right after activation, not inside it: loading the saved index loads
  // the corpus code (dist/corpus.js), which activating does not need.
  const start = setTimeout(() => {
    if (vscode.workspace.textDocuments.some(isArticleDocument)) void index.start();
  }, 0);
  r.add(toDisposable(() => clearTimeout(start)));
  return {
    speakerTree: (node) => speakers.getChildren(node),
    speakerItem: (node) => speakers.getTreeItem(node),
    statementTree: (node) => statements.getChildren(node),
    statementItem: (node) => statements.getTreeItem(node),
    searchQuotes: (query) => index.searchQuotes(parseQuoteQuery(query)),
    hitPlace: (hit) => hitPlace(index, hit),
    whenIndexed: () => index.whenIndexed(),
    indexStatusText: () => status.text,
    dispose: () => r.dispose(),
  };
}
