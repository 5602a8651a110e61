import * as vscode from 'vscode';
import { AnalysisCache } from './analysisCache';
import type { SourceAnnotatorApi } from './api';
import { registerArticleLanguage } from './articles';
import { Commands } from './constants';
import { registerArticleCommands } from './editor/articleCommands';
import { HighlightController } from './editor/decorations';
import { DetectionHoverProvider, registerHover } from './editor/hover';
import { registerNavigation } from './editor/navigation';
import { ArticleStatusBar } from './editor/statusBar';
import { registerSymbolsAndFolding } from './editor/symbols';
import { registerSourcesView } from './views/sourcesView';
import { WorkspaceIndex } from './workspaceIndex';

export function activate(context: vscode.ExtensionContext): SourceAnnotatorApi {
  const cache = new AnalysisCache();
  const index = new WorkspaceIndex(cache);
  const highlights = new HighlightController(cache);
  const statusBar = new ArticleStatusBar(cache);
  const hover = new DetectionHoverProvider(cache, index);
  context.subscriptions.push(cache, index, highlights, statusBar);

  registerArticleLanguage(context);
  registerHover(context, hover);
  registerSymbolsAndFolding(context, cache);
  registerNavigation(context, cache);
  registerArticleCommands(context, cache);
  const views = registerSourcesView(context, index);
  context.subscriptions.push(vscode.commands.registerCommand(Commands.toggleHighlights, () => highlights.toggle()));

  return {
    analysisFor: (uri) => {
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      return doc ? cache.get(doc) : undefined;
    },
    shownHighlights: (uri) => highlights.shownFor(uri),
    whenIdle: () => highlights.whenIdle(),
    statusBarText: () => statusBar.text,
    speakerTree: (node) => views.speakers.getChildren(node),
  };
}

export function deactivate(): void {
  // Everything is owned by context.subscriptions.
}
