// How long the repaint after a keystroke waits. A document whose analysis is slow waits at least
// as long as its last analysis took, so while typing goes on the extension host spends at most
// about half its time re-analysing and typing keeps up with it. An analysis can also be slow
// once for reasons that have nothing to do with the document (the engine loaded and compiled on
// first use, a busy moment of the host): that must not slow every keystroke of a small article.
// Pure (no vscode).

/**
 * Characters per millisecond the engine is trusted to keep up at least, cold: a last analysis that
 * took longer than its document's size explains says nothing about the next one.
 */
export const SLOWEST_CHARS_PER_MS = 500;

/** Milliseconds between a keystroke and its repaint: the debounce, or the last analysis time as far as the document's size accounts for it. */
export function repaintDelay(debounceMs: number, lastAnalysisMs: number, documentChars: number): number {
  const explained = Math.min(lastAnalysisMs, documentChars / SLOWEST_CHARS_PER_MS);
  return Math.max(debounceMs, explained);
}

/** A full analysis of a large document is asked for once typing has paused at least this long. */
export const FULL_AFTER_PAUSE_MS = 750;
/** ... and never waits longer than this for a pause. */
export const LONGEST_FULL_PAUSE_MS = 4_000;

/**
 * How long typing must pause before a large document is analysed whole again: at least as long as
 * its last full analysis took (a 5 MB article's takes seconds of a core, an export's, which
 * re-analyses only the edited article, well under one), so on a machine of few cores the full
 * analyses of a document being typed in do not crowd out the editor.
 */
export function fullAnalysisPause(lastFullMs: number): number {
  return Math.max(FULL_AFTER_PAUSE_MS, Math.min(lastFullMs, LONGEST_FULL_PAUSE_MS));
}
