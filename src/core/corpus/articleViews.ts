// A file holding several articles of an archive export is summarised once (one analysis, one
// hash, one entry in the index), but the corpus counts articles: people "in N articles",
// statements "quoted in N articles", search hits and report rows each name one article. These
// views cut such a summary into one summary per article, named `file#N` (see articleIds), with the
// article's speakers and quotes and offsets still those of the file, so opening a view opens the
// file at the right place.
import { articleId } from '../archive/articleIds';
import type { ArticleSummary, LineDigest, QuoteSummary, SpeakerSummary } from './summary';
import { articleIndexOf } from '../archive/articleSpans';

const NO_LINES: LineDigest = { hashes: [], starts: [], ends: [], noise: [] };

/** One summary per article: the summary itself for an ordinary file. Linear in the summary. */
export function articleViews(summary: ArticleSummary): ArticleSummary[] {
  const articles = summary.articles;
  if (!articles || articles.length === 0) return [summary];
  const speakers: SpeakerSummary[][] = articles.map(() => []);
  const quotes: QuoteSummary[][] = articles.map(() => []);
  const lines = articles.map(() => ({ hashes: [] as number[], starts: [] as number[], ends: [] as number[], noise: [] as number[] }));
  // Speaker indices change from the file's numbering to the article's.
  const newIndex = summary.speakers.map((s) => {
    const list = s.article === undefined ? undefined : speakers[s.article];
    if (!list) return null;
    list.push({ name: s.name, kind: s.kind, mentions: s.mentions, quotes: s.quotes });
    return list.length - 1;
  });
  for (const q of summary.quotes) {
    const list = quotes[articleIndexOf(articles, q.start) ?? -1];
    if (list) list.push({ ...q, speaker: q.speaker === null ? null : (newIndex[q.speaker] ?? null) });
  }
  summary.lines.hashes.forEach((hash, i) => {
    const at = lines[articleIndexOf(articles, summary.lines.starts[i] ?? -1) ?? -1];
    if (!at) return;
    at.hashes.push(hash);
    at.starts.push(summary.lines.starts[i] ?? 0);
    at.ends.push(summary.lines.ends[i] ?? 0);
    at.noise.push(summary.lines.noise[i] ?? 0);
  });
  return articles.map((a, i) => ({
    path: articleId(summary.path, i),
    folder: summary.folder,
    speakers: speakers[i] ?? [],
    quotes: quotes[i] ?? [],
    lines: lines[i] ?? NO_LINES,
    origin: { file: summary.path, number: i + 1, start: a.start, end: a.end, ...(a.headline === undefined ? {} : { headline: a.headline }), fields: a.fields },
  }));
}

/** Every article of the summaries, in their order. */
export function allArticleViews(summaries: Iterable<ArticleSummary>): ArticleSummary[] {
  const out: ArticleSummary[] = [];
  for (const s of summaries) for (const v of articleViews(s)) out.push(v);
  return out;
}

/** The view holding `offset` of the file summarised by `summary` (the summary itself for an ordinary file). */
export function articleViewAt(summary: ArticleSummary, offset: number): ArticleSummary | undefined {
  const articles = summary.articles;
  if (!articles || articles.length === 0) return summary;
  const index = articleIndexOf(articles, offset);
  return index === undefined ? undefined : articleViews(summary)[index];
}

/** The article view and the speaker's index in it, for speaker `index` of the file's summary. */
export function speakerInView(summary: ArticleSummary, index: number): { readonly path: string; readonly index: number } | undefined {
  const article = summary.speakers[index]?.article;
  if (!summary.articles || summary.articles.length === 0) return { path: summary.path, index };
  if (article === undefined) return undefined;
  let inArticle = 0;
  for (let i = 0; i < index; i++) if (summary.speakers[i]?.article === article) inArticle++;
  return { path: articleId(summary.path, article), index: inArticle };
}
