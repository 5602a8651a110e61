import * as vscode from 'vscode';
import { AnalysisCache, detectionKey } from './analysisCache';
import { registerTaggingCommands } from './annotations/commands';
import { addDetectionActions, registerAnnotationHover } from './annotations/hover';
import { LabelRegistry } from './annotations/labelRegistry';
import { AnnotationPainter } from './annotations/painter';
import { AnnotationStore } from './annotations/store';
import { annotationRows } from './annotations/view';
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
  const labels = new LabelRegistry();
  const store = new AnnotationStore();
  cache.setRejectedDetections((uri) => new Set((store.get(uri)?.rejections ?? []).filter((r) => r.status === 'active').map((r) => detectionKey(r.kind, r.start, r.end))));
  const highlights = new HighlightController(cache);
  const painter = new AnnotationPainter(store, labels);
  const statusBar = new ArticleStatusBar(cache, highlights.onDidPaint);
  const hover = new DetectionHoverProvider(cache, index);
  context.subscriptions.push(cache, index, labels, store, highlights, painter, statusBar);

  registerArticleLanguage(context);
  registerHover(context, hover);
  registerAnnotationHover(context, store);
  addDetectionActions(hover);
  registerSymbolsAndFolding(context, cache);
  registerNavigation(context, cache);
  registerArticleCommands(context, cache);
  registerTaggingCommands(context, { store, cache, labels });
  const views = registerSourcesView(context, index);
  views.annotations.setSource(() => annotationRows(store));
  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.toggleHighlights, () => highlights.toggle()),
    store.onDidChange(() => {
      cache.rejectionsChanged();
      highlights.repaint();
      statusBar.update();
      views.annotations.refresh();
    }),
    vscode.window.onDidChangeActiveTextEditor(() => views.annotations.refresh()),
  );

  return {
    analysisFor: (uri) => {
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      return doc ? cache.get(doc) : undefined;
    },
    shownHighlights: (uri) => highlights.shownFor(uri),
    whenIdle: () => highlights.whenIdle(),
    statusBarText: () => statusBar.text,
    speakerTree: (node) => views.speakers.getChildren(node),
    annotations: (uri) => store.get(uri),
    loadAnnotations: async (uri) => {
      const doc = await vscode.workspace.openTextDocument(uri);
      return store.load(doc);
    },
    shownAnnotations: (uri) => painter.shownFor(uri),
    annotationsView: () => annotationRows(store),
    flushAnnotations: () => store.flush(),
  };
}

export function deactivate(): void {
  // Everything is owned by context.subscriptions.
}
