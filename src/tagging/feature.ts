import * as vscode from 'vscode';
import { registerCommands } from '../base/commandTable';
import { Registrations } from '../base/dispose';
import { Views } from '../base/constants';
import type { Services } from '../base/services';
import type { DetectionsFeature } from '../detections/feature';
import { AnnotationsTreeProvider, type AnnotationRow } from './annotationsTree';
import { annotationRows } from './annotationsView';
import { taggingCommands } from './commands';
import { addDetectionActions, registerAnnotationHover } from './hover';
import { registerTagLabelHints } from './labelHints';
import { AnnotationPainter } from './painter';
import { AnnotationStore } from './store/annotationStore';
import { watchForStore } from './store/storeEvents';
import { vscodeAnnotationWorkspace, VscodeStoreReporter } from './store/vscodeWorkspace';

/** The tagging feature as the API sees it. */
export interface TaggingFeature extends vscode.Disposable {
  shownAnnotations(uri: vscode.Uri): readonly vscode.Range[] | undefined;
  annotationsView(): AnnotationRow[];
}

/** The annotation store over VS Code's files and documents, kept in step with them. */
export function createAnnotationStore(): AnnotationStore<vscode.Uri> {
  const reporter = new VscodeStoreReporter();
  const store = new AnnotationStore(vscodeAnnotationWorkspace, reporter);
  // The store owns its reporter and its event wiring, so one dispose releases all three.
  store.own(reporter);
  store.own(watchForStore(store));
  return store;
}

/** Tagging commands, annotation decorations and hover, the detection hover's actions, and the Annotations view. */
export function registerTagging(services: Services, detections: DetectionsFeature): TaggingFeature {
  const { store, labels, cache } = services;
  const r = new Registrations();
  const painter = r.add(new AnnotationPainter(store, labels, services.drawnElsewhere));
  r.add(registerTagLabelHints(store, services.drawnElsewhere));
  r.add(registerAnnotationHover(store));
  addDetectionActions(detections.hover);
  r.add(registerCommands(taggingCommands({ store, cache, labels })));
  const tree = r.add(new AnnotationsTreeProvider(store));
  r.add(vscode.window.createTreeView(Views.annotations, { treeDataProvider: tree }));
  return {
    shownAnnotations: (uri) => painter.shownFor(uri),
    annotationsView: () => annotationRows(store),
    dispose: () => r.dispose(),
  };
}
