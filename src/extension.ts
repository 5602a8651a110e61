import * as vscode from 'vscode';
import { AnalysisCache, detectionKey } from './detections/analysisCache';
import { registerTaggingCommands } from './tagging/commands';
import { addDetectionActions, registerAnnotationHover } from './tagging/hover';
import { LabelRegistry } from './tagging/labelRegistry';
import { AnnotationPainter } from './tagging/decorations';
import { AnnotationStore } from './tagging/store';
import { annotationRows } from './tagging/annotationsView';
import type { SourceAnnotatorApi } from './api';
import { registerArticleLanguage } from './articles/language';
import { Commands } from './base/constants';
import { registerArticleCommands } from './articles/commands';
import { HighlightController } from './detections/highlights';
import { DetectionHoverProvider, registerHover } from './detections/hover';
import { registerNavigation } from './detections/navigation';
import { ArticleStatusBar } from './detections/statusBar';
import { registerSymbolsAndFolding } from './detections/outline';
import { registerSourcesView } from './base/sourcesView';
import { WorkspaceIndex } from './corpus/workspaceIndex';

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
