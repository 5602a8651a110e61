import * as vscode from 'vscode';
import { Registrations } from '../base/dispose';
import { Commands } from '../base/constants';
import type { Services } from '../base/services';
import { DetectionHoverProvider, registerDetectionHover } from './hover';
import { registerNavigation } from './navigation';
import { registerOutlineAndFolding } from './outline';
import { DetectionPainter, type ShownHighlights } from './painter';
import { ArticleStatusBar } from './statusBar';

/** The detections feature as other features and the API see it. */
export interface DetectionsFeature extends vscode.Disposable {
  /** Other features add their command links under each detection's hover. */
  readonly hover: DetectionHoverProvider;
  shownHighlights(uri: vscode.Uri): ShownHighlights | undefined;
  /** Fires with a document's uri each time what its editors show changed. */
  readonly onDidPaint: vscode.Event<vscode.Uri>;
  whenIdle(): Promise<void>;
  statusBarText(): string | undefined;
}

/** Highlights, hovers, outline and folding, navigation and the status bar, over the analysis cache. */
export function registerDetections(services: Services): DetectionsFeature {
  const { cache, corpus } = services;
  const r = new Registrations();
  const painter = r.add(new DetectionPainter(cache, corpus));
  const statusBar = r.add(new ArticleStatusBar(cache, painter.onDidPaint));
  const hover = new DetectionHoverProvider(cache, corpus);
  r.add(registerDetectionHover(hover));
  r.add(registerOutlineAndFolding(cache));
  r.add(registerNavigation(cache));
  r.add(vscode.commands.registerCommand(Commands.toggleHighlights, () => painter.toggle()));
  return {
    hover,
    shownHighlights: (uri) => painter.shownFor(uri),
    onDidPaint: painter.onDidPaint,
    whenIdle: () => painter.whenIdle(),
    statusBarText: () => statusBar.text,
    dispose: () => r.dispose(),
  };
}
