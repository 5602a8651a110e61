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
