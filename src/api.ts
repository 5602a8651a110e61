import type * as vscode from 'vscode';
import type { Analysis } from './core/analysis/types';
import type { ShownHighlights } from './editor/decorations';
import type { SpeakerNode } from './views/speakersView';

/** What `activate()` returns: a read-only view of what the extension shows, for scripts and tests. */
export interface SourceAnnotatorApi {
  /** The analysis of an open document (computed on demand, cached per version). */
  analysisFor(uri: vscode.Uri): Analysis | undefined;
  /** The highlights currently painted in the visible editor of `uri`. */
  shownHighlights(uri: vscode.Uri): ShownHighlights | undefined;
  /** Resolves when no debounced repaint is pending. */
  whenIdle(): Promise<void>;
  /** The status bar text for the active article, or undefined when hidden. */
  statusBarText(): string | undefined;
  /** Children of a node of the Speakers tree (the roots without an argument). */
  speakerTree(node?: SpeakerNode): Promise<SpeakerNode[]>;
}
