// How one article of a multi-article export is named across the product: the file's path (or URI)
// followed by `#` and the article's 1-based place in the export, e.g. `exports/march.txt#2`. A
// file that holds one ordinary article is named by its path alone. Article files end in `.txt`, so
// a trailing `#<digits>` can only be an article number; in a URI it reads as the fragment, which
// the editor drops to open the file itself.

const ARTICLE_SUFFIX = /#([1-9]\d*)$/;

/** The id of the article at 0-based `index` of the export at `file`. */
export function articleId(file: string, index: number): string {
  return `${file}#${index + 1}`;
}

/** The file an article id names, and the article's 1-based number (undefined for a whole file). */
export function parseArticleId(id: string): { readonly file: string; readonly number?: number } {
  const m = ARTICLE_SUFFIX.exec(id);
  if (!m || !id.slice(0, m.index).toLowerCase().endsWith('.txt')) return { file: id };
  return { file: id.slice(0, m.index), number: Number(m[1]) };
}

/** The file that holds the article `id` names. */
export function fileOfArticle(id: string): string {
  return parseArticleId(id).file;
}
