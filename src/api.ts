import * as vscode from 'vscode';
import type { Analysis } from './core/analysis/types';
import { loadedBundles } from './base/lazyBundles';
import type { Services } from './base/services';
import type { CorpusFeature } from './corpus/feature';
import type { SpeakerNode } from './corpus/speakersView';
import type { StatementNode } from './corpus/statementsView';
import type { QuoteHit } from './core/corpus/quoteSearch';
import type { CorpusLookup } from './detections/hover';
import type { DetectionsFeature } from './detections/feature';
import type { ComparisonView } from './interchange/compare';
import type { InterchangeFeature } from './interchange/feature';
import type { ReportFeature } from './report/feature';
import type { ReportPanelHandle } from './report/reportPanel';
import type { ShownHighlights } from './detections/painter';
import type { AnnotationRow } from './tagging/annotationsTree';
import type { TaggingFeature } from './tagging/feature';
import type { FileAnnotations } from './tagging/store/fileState';

/** What `activate()` returns: a read-only view of what the extension shows, for scripts and tests. */
export interface SourceAnnotatorApi {
  /** The detections of an open document as shown (rejected ones left out), cached per version. */
  analysisFor(uri: vscode.Uri): Analysis | undefined;
  /**
   * Activation in milliseconds: evaluating dist/extension.js (`loadMillis`), VS Code's own work
   * between loading it and calling activate() (`hostMillis`, e.g. preparing the extension's
   * storage), and activate() itself, in wall time and in CPU time of the extension host process
   * (steadier while VS Code starts everything else at the same moment); and the lazy bundles
   * loaded by then (none).
   */
  readonly activation: { readonly loadMillis: number; readonly hostMillis: number; readonly activateMillis: number; readonly activateCpuMillis: number; readonly bundlesAtActivation: readonly string[] };
  /** The bundles loaded on first use so far (dist/engine.js…), with the milliseconds each took to load. */
  loadedBundles(): ReadonlyMap<string, number>;
  /** How far the analysis of an open document is: the version answered, whether it covers all of it and equals a full analysis, whether a full one runs in the background, and why it failed if it did. */
  analysisState(uri: vscode.Uri): { readonly version: number; readonly complete: boolean; readonly exact: boolean; readonly background: boolean; readonly failed?: string } | undefined;
  /** The highlights currently painted in the visible editor of `uri`. */
  shownHighlights(uri: vscode.Uri): ShownHighlights | undefined;
  /** Fires with a document's uri each time its highlights were painted (or what is known of them changed). */
  readonly onDidPaint: vscode.Event<vscode.Uri>;
  /** Resolves when no debounced repaint is pending. */
  whenIdle(): Promise<void>;
  /** The status bar text for the active article, or undefined when hidden. */
  statusBarText(): string | undefined;
  /** Children of a node of the Speakers tree (the roots, one per person across the corpus, without an argument). */
  speakerTree(node?: SpeakerNode): Promise<SpeakerNode[]>;
  /** Children of a node of the Statements tree (statements quoted in several articles, then their versions). */
  statementTree(node?: StatementNode): StatementNode[];
  /** The tree items the Speakers and Statements views show for a node. */
  speakerItem(node: SpeakerNode): vscode.TreeItem;
  statementItem(node: StatementNode): vscode.TreeItem;
  /** Quotes of the corpus matching words and/or `speaker:name`, as the Search Quotes command finds them. */
  searchQuotes(query: string): QuoteHit[];
  /** Where Search Quotes says a hit was quoted (for an article of an export: its number, headline, source and date). */
  hitPlace(hit: QuoteHit): string;
  /** Resolves once every article of the workspace is indexed (or indexing was stopped). */
  whenCorpusIndexed(): Promise<void>;
  /** How far the current indexing run is, or undefined when none runs. */
  corpusProgress(): { readonly done: number; readonly total: number } | undefined;
  /** Files the corpus index analysed since activation (not found unchanged in its saved cache). */
  corpusAnalysedFiles(): number;
  /** Article files the corpus index could not read or analyse, by URI, with why. */
  corpusNotIndexed(): ReadonlyMap<string, string>;
  /** The corpus index's status bar text (indexing progress, or files not indexed), or undefined when hidden. */
  indexStatusText(): string | undefined;
  /** What the corpus says of a document: quotes elsewhere, the person behind a speaker, repeated lines. */
  readonly corpus: CorpusLookup;
  /** The annotations of an open article, once loaded. */
  annotations(uri: vscode.Uri): FileAnnotations<vscode.Uri> | undefined;
  /** Opens (if needed) and loads the annotations of an article. */
  loadAnnotations(uri: vscode.Uri): Promise<FileAnnotations<vscode.Uri> | undefined>;
  /** The ranges of annotations painted in the visible editor of `uri`. */
  shownAnnotations(uri: vscode.Uri): readonly vscode.Range[] | undefined;
  /** The rows of the Annotations view as it shows them now. */
  annotationsView(): AnnotationRow[];
  /** Resolves when every sidecar write started so far has finished. */
  flushAnnotations(): Promise<void>;
  /** The Compare Annotators comparison on screen, if any: both sides' painted ranges and the disagreements. */
  comparison(): ComparisonView | undefined;
  /** The merge-conflict Problems shown on a sidecar. */
  conflictProblems(sidecar: vscode.Uri): readonly vscode.Diagnostic[];
  /** The open corpus report panel: its data, and a way to send it what its webview would. */
  reportPanel(): ReportPanelHandle | undefined;
  /** What VS Code's restore after a reload does: the report drawn into the given panel. */
  restoreReportPanel(panel: vscode.WebviewPanel, state: unknown): ReportPanelHandle;
}

export function createApi(services: Services, detections: DetectionsFeature, tagging: TaggingFeature, corpus: CorpusFeature, interchange: InterchangeFeature, report: ReportFeature, activation: SourceAnnotatorApi['activation']): SourceAnnotatorApi {
  const { cache, store } = services;
  return {
    activation,
    loadedBundles: () => new Map(loadedBundles),
    analysisFor: (uri) => {
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      return doc ? cache.get(doc) : undefined;
    },
    analysisState: (uri) => {
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      return doc ? cache.state(doc) : undefined;
    },
    shownHighlights: (uri) => detections.shownHighlights(uri),
    onDidPaint: detections.onDidPaint,
    whenIdle: () => detections.whenIdle(),
    statusBarText: () => detections.statusBarText(),
    // The roots once the workspace is indexed, so a script sees the whole corpus.
    speakerTree: async (node) => {
      if (!node) await corpus.whenIndexed();
      return corpus.speakerTree(node);
    },
    statementTree: (node) => corpus.statementTree(node),
    speakerItem: (node) => corpus.speakerItem(node),
    statementItem: (node) => corpus.statementItem(node),
    searchQuotes: (query) => corpus.searchQuotes(query),
    hitPlace: (hit) => corpus.hitPlace(hit),
    whenCorpusIndexed: () => corpus.whenIndexed(),
    corpusAnalysedFiles: () => services.index.analysedFiles,
    corpusNotIndexed: () => new Map([...services.index.notIndexed()].map(([key, { reason }]) => [key, reason])),
    indexStatusText: () => corpus.indexStatusText(),
    corpusProgress: () => services.index.progress,
    corpus: services.corpus,
    annotations: (uri) => store.get(uri),
    loadAnnotations: async (uri) => store.load(await vscode.workspace.openTextDocument(uri)),
    shownAnnotations: (uri) => tagging.shownAnnotations(uri),
    annotationsView: () => tagging.annotationsView(),
    flushAnnotations: () => store.flush(),
    comparison: () => interchange.comparison(),
    conflictProblems: (sidecar) => interchange.conflictProblems(sidecar),
    reportPanel: () => report.reportPanel(),
    restoreReportPanel: (panel, state) => report.restore(panel, state),
  };
}
