import * as vscode from 'vscode';
import { Registrations } from '../base/dispose';
import { Commands, Views } from '../base/constants';
import type { Services } from '../base/services';
import type { QuoteHit } from '../core/corpus/quoteSearch';
import { IndexStatus } from './indexStatus';
import { parseQuoteQuery } from '../core/corpus/quoteQuery';
import { searchQuotesCommand } from './searchQuotes';
import { SpeakersTreeProvider, type SpeakerNode } from './speakersView';
import { StatementsTreeProvider, type StatementNode } from './statementsView';

/** The corpus feature as the API sees it. */
export interface CorpusFeature extends vscode.Disposable {
  speakerTree(node?: SpeakerNode): SpeakerNode[];
  statementTree(node?: StatementNode): StatementNode[];
  searchQuotes(query: string): QuoteHit[];
  whenIndexed(): Promise<void>;
}

/** The Speakers and Statements views over the workspace index, quote search, and indexing progress. */
export function registerCorpus(services: Services): CorpusFeature {
  const { index } = services;
  const r = new Registrations();
  const speakers = r.add(new SpeakersTreeProvider(index));
  const statements = r.add(new StatementsTreeProvider(index));
  r.add(vscode.window.createTreeView(Views.speakers, { treeDataProvider: speakers, showCollapseAll: true }));
  r.add(vscode.window.createTreeView(Views.statements, { treeDataProvider: statements, showCollapseAll: true }));
  r.add(new IndexStatus(index));
  r.add(vscode.commands.registerCommand(Commands.showSources, () => vscode.commands.executeCommand(`${Views.speakers}.focus`)));
  r.add(vscode.commands.registerCommand(Commands.refreshSources, () => index.refresh()));
  r.add(vscode.commands.registerCommand(Commands.cancelIndexing, () => index.cancel()));
  r.add(vscode.commands.registerCommand(Commands.searchQuotes, (query?: unknown) => searchQuotesCommand(index, query)));
  void index.start();
  return {
    speakerTree: (node) => speakers.getChildren(node),
    statementTree: (node) => statements.getChildren(node),
    searchQuotes: (query) => index.searchQuotes(parseQuoteQuery(query)),
    whenIndexed: () => index.whenIndexed(),
    dispose: () => r.dispose(),
  };
}
