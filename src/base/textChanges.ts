// An editor's content changes in the offsets the core reads: `[start, end)` of the text just
// before, replaced by `text` (edit maps of the analysis, tags moving with typing).
import type * as vscode from 'vscode';

export interface OffsetChange {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export function offsetChanges(changes: readonly Pick<vscode.TextDocumentContentChangeEvent, 'rangeOffset' | 'rangeLength' | 'text'>[]): OffsetChange[] {
  return changes.map((c) => ({ start: c.rangeOffset, end: c.rangeOffset + c.rangeLength, text: c.text }));
}
