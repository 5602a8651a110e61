/**
 * Whether two readings of a file hold the same text, a leading byte-order mark aside (some readers
 * drop it). Absent (`undefined` or `null`: no file) equals only absent.
 */
export function sameFileText(a: string | null | undefined, b: string | null | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || a === null || b === undefined || b === null) return (a ?? null) === (b ?? null);
  return a.replace(/^\uFEFF/, '') === b.replace(/^\uFEFF/, '');
}
