import type * as vscode from 'vscode';
import type { WorkspaceIndex } from '../corpus/workspaceIndex';
import type { AnalysisCache } from '../detections/analysisCache';
import type { CorpusLookup } from '../detections/hover';
import type { LabelRegistry } from '../tagging/labelRegistry';
import type { AnnotationStore } from '../tagging/store/annotationStore';
import type { TagsDrawnElsewhere } from '../tagging/tagsDrawnElsewhere';

/**
 * The state features share, each owned by one feature: the analysis cache (detections), the
 * annotation store and labels (tagging), the workspace index and its lookup (corpus). `activate()` creates them.
 */
export interface Services {
  readonly cache: AnalysisCache;
  readonly store: AnnotationStore<vscode.Uri>;
  readonly labels: LabelRegistry;
  /** Tags a comparison draws itself, which the tag painter leaves out (tagging). */
  readonly drawnElsewhere: TagsDrawnElsewhere;
  readonly index: WorkspaceIndex;
  /** The corpus index as the detections ask it (hovers, repeated lines). */
  readonly corpus: CorpusLookup;
}
