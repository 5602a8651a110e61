// Moving ranges through edits made in the editor, the way a person expects tags to follow text:
// typing just before a tag or just after it leaves the tag as it is; typing inside grows it;
// deleting part of it shrinks it; deleting all of it orphans it (kept, never silently dropped).

/** One change, in offsets of the text before the change: [start, end) is replaced by `text`. */
export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface TrackedRange {
  readonly start: number;
  readonly end: number;
  readonly status: string;
}

/**
 * The ranges after one edit. Ranges the edit does not touch are returned as the same objects, so a
 * caller can tell cheaply what changed. A range whose every character the edit removed becomes
 * `orphaned`, collapsed where the edit was.
 */
export function applyEdit<T extends TrackedRange>(ranges: readonly T[], edit: TextEdit): T[] {
  return ranges.map((range) => moveRange(range, edit));
}

/**
 * The ranges after all changes of one document change event. VS Code reports them with offsets
 * into the text before the event, never overlapping; applying them from the last in the text to
 * the first keeps every remaining change's offsets valid, whatever order they came in.
 */
export function applyEdits<T extends TrackedRange>(ranges: readonly T[], edits: readonly TextEdit[]): T[] {
  const lastFirst = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  return lastFirst.reduce<T[]>((moved, edit) => applyEdit(moved, edit), [...ranges]);
}

function moveRange<T extends TrackedRange>(range: T, edit: TextEdit): T {
  const { start, end } = range;
  const delta = edit.text.length - (edit.end - edit.start);
  if (edit.end <= start && !(edit.start === edit.end && edit.start === end)) {
    // Entirely before, or an insertion exactly at the start: the tag does not take in new text.
    return delta === 0 ? range : { ...range, start: start + delta, end: end + delta };
  }
  if (edit.start >= end) return range;
  if (range.status === 'orphaned') {
    // A collapsed orphan inside a changed region: keep it at the start of the change.
    return { ...range, start: Math.min(start, edit.start), end: Math.min(start, edit.start) };
  }
  if (edit.start <= start && edit.end >= end) {
    return { ...range, start: edit.start, end: edit.start, status: 'orphaned' };
  }
  // Replacement text at the edges lies outside the tag; strictly inside it, inside the tag.
  const newStart = edit.start < start ? edit.start + edit.text.length : start;
  const newEnd = edit.end > end ? edit.start : end + delta;
  if (newEnd <= newStart) return { ...range, start: newStart, end: newStart, status: 'orphaned' };
  return { ...range, start: newStart, end: newEnd };
}
