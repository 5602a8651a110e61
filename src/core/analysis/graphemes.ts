// Spans never end inside a user-perceived character: a decomposed accent ("José" as e + U+0301), an
// emoji with a skin tone or joined by ZWJ, a variation selector all belong to the character before them.
// A cheap test per code point at span edges (no segmentation of the whole text), so the cost stays linear.

/** Characters that extend the grapheme cluster before them (Unicode's Extend, ZWJ, SpacingMark marks). */
const EXTEND = /^[\p{Grapheme_Extend}\p{Mc}\p{Emoji_Modifier}\u200D]$/u;
/** A pictograph right after a ZWJ joins the emoji before it ("👨‍👩"). */
const PICTOGRAPH = /^\p{Extended_Pictographic}$/u;
const extendTable = new Uint8Array(65536);

/** Whether the code point at `i` (a whole surrogate pair if it starts one) extends the cluster before it. */
export function extendsCluster(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (!(c >= 0x300)) return false;
  if (c >= 0xd800 && c <= 0xdbff) {
    const d = text.charCodeAt(i + 1);
    if (!(d >= 0xdc00 && d <= 0xdfff)) return false;
    const pair = text.slice(i, i + 2);
    return EXTEND.test(pair) || (text.charCodeAt(i - 1) === 0x200d && PICTOGRAPH.test(pair));
  }
  if (c >= 0xdc00 && c <= 0xdfff) return true; // the second half of a pair is never a boundary
  if (text.charCodeAt(i - 1) === 0x200d && PICTOGRAPH.test(String.fromCharCode(c))) return true;
  let known = extendTable[c] ?? 0;
  if (known === 0) {
    known = EXTEND.test(String.fromCharCode(c)) ? 2 : 1;
    extendTable[c] = known;
  }
  return known === 2;
}

/** The first offset at or after `i` (not past `limit`) where a new grapheme cluster may start. */
export function clusterBoundaryFrom(text: string, i: number, limit: number): number {
  let j = i;
  while (j < limit && extendsCluster(text, j)) j += text.charCodeAt(j) >= 0xd800 && text.charCodeAt(j) <= 0xdbff ? 2 : 1;
  return Math.min(j, limit);
}
