// Finding the article that holds an offset, for every place that has an export's articles as a
// list in text order (summaries, analysis rows, exported tags).

/**
 * The 0-based article that holds `offset`, by binary search over articles in text order and not
 * overlapping: [start, end), or [start, end] with `endIncluded` (an offset at an article's very end,
 * such as a tag ending its last line, still belongs to it).
 */
export function articleIndexOf(articles: readonly { readonly start: number; readonly end: number }[], offset: number, endIncluded = false): number | undefined {
  let low = 0;
  let high = articles.length - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const a = articles[mid];
    if (!a) return undefined;
    if (offset < a.start) high = mid - 1;
    else if (offset > a.end || (offset === a.end && !endIncluded)) low = mid + 1;
    else return mid;
  }
  return undefined;
}
