// The text of one article on its own, as `split` writes it: the headline, a blank line, the body,
// with the export's own line breaks. Each piece remembers where it came from, so a tag on the
// original text can be moved onto the article's text by a shift.

import type { ArchiveArticle } from './types';

/** Original text [from, to) is found in the article's text at `at`. */
export interface TextPiece {
  readonly from: number;
  readonly to: number;
  readonly at: number;
}

export interface ArticleText {
  readonly text: string;
  readonly pieces: readonly TextPiece[];
}

/** The export's first line break (`\r\n`, `\n` or `\r`), `\n` when it has none. */
export function lineBreakOf(text: string): string {
  const match = /\r\n|\n|\r/.exec(text);
  return match?.[0] ?? '\n';
}

export function articleText(original: string, article: ArchiveArticle, lineBreak = lineBreakOf(original)): ArticleText {
  const pieces: TextPiece[] = [];
  let text = '';
  const { headline } = article;
  // A headline inside the body (custom layout) is already part of it.
  if (headline && (headline.end <= article.bodyStart || headline.start >= article.bodyEnd)) {
    pieces.push({ from: headline.start, to: headline.end, at: 0 });
    text = original.slice(headline.start, headline.end);
    if (article.bodyEnd > article.bodyStart) text += lineBreak + lineBreak;
  }
  if (article.bodyEnd > article.bodyStart) {
    pieces.push({ from: article.bodyStart, to: article.bodyEnd, at: text.length });
    text += original.slice(article.bodyStart, article.bodyEnd);
  }
  return { text: text + lineBreak, pieces };
}

/** Where [start, end) of the original lands in the article's text, if it lies within one piece. */
export function mapRange(pieces: readonly TextPiece[], start: number, end: number): { start: number; end: number } | undefined {
  for (const piece of pieces) {
    if (piece.from <= start && end <= piece.to) return { start: start - piece.from + piece.at, end: end - piece.from + piece.at };
  }
  return undefined;
}
