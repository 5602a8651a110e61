import * as vscode from 'vscode';
import { createApi, type SourceAnnotatorApi } from './api';
import { registerArticles } from './articles/feature';
import { loadedBundles } from './base/lazyBundles';
import type { Services } from './base/services';
import { IndexCorpusLookup } from './corpus/corpusLookup';
import { engineVersion } from './corpus/engine';
import { registerCorpus } from './corpus/feature';
import { WorkspaceIndex } from './corpus/workspaceIndex';
import { AnalysisCache } from './detections/analysisCache';
import { registerDetections } from './detections/feature';
import { registerInterchange } from './interchange/feature';
import { registerReport } from './report/feature';
import { registerTagging, createAnnotationStore } from './tagging/feature';
import { LabelRegistry } from './tagging/labelRegistry';
import { TagsDrawnElsewhere } from './tagging/tagsDrawnElsewhere';
import { rejectionsOf } from './tagging/rejections';

export function activate(context: vscode.ExtensionContext): SourceAnnotatorApi {
  const activateStarted = performance.now();
  const activateCpu = process.cpuUsage();
  const own = <T extends vscode.Disposable>(item: T): T => {
    context.subscriptions.push(item);
    return item;
  };
  const store = own(createAnnotationStore());
  const labels = own(new LabelRegistry());
  const drawnElsewhere = own(new TagsDrawnElsewhere());
  const cache = own(new AnalysisCache(rejectionsOf(store), vscode.Uri.joinPath(context.extensionUri, 'dist', 'analysisWorker.js').fsPath));
  const index = own(
    new WorkspaceIndex({
      cache,
      storageUri: context.storageUri,
      engine: engineVersion(String((context.extension.packageJSON as { version?: unknown }).version)),
      workerScript: vscode.Uri.joinPath(context.extensionUri, 'dist', 'corpusWorker.js').fsPath,
    }),
  );
  const services: Services = { cache, store, labels, drawnElsewhere, index, corpus: new IndexCorpusLookup(index) };
  own(registerArticles(services));
  const detections = own(registerDetections(services));
  const tagging = own(registerTagging(services, detections));
  const corpus = own(registerCorpus(services));
  const interchange = own(registerInterchange(services));
  const report = own(registerReport(services, context.extensionUri));
  const marks = globalThis as { __sourceAnnotatorLoadStarted?: number; __sourceAnnotatorLoaded?: number };
  const loadStarted = marks.__sourceAnnotatorLoadStarted ?? activateStarted;
  const loaded = marks.__sourceAnnotatorLoaded ?? activateStarted;
  const activation = {
    loadMillis: loaded - loadStarted,
    hostMillis: activateStarted - loaded,
    activateMillis: performance.now() - activateStarted,
    activateCpuMillis: cpuMillis(process.cpuUsage(activateCpu)),
    bundlesAtActivation: [...loadedBundles.keys()],
  };
  return createApi(services, detections, tagging, corpus, interchange, report, activation);
}

export function deactivate(): void {
  // Everything is owned by context.subscriptions.
}

/** Milliseconds of CPU (user and system) in a `process.cpuUsage()` difference. */
function cpuMillis(used: NodeJS.CpuUsage): number {
  return (used.user + used.system) / 1000;
}
