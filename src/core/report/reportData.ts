// The corpus report as plain data: who is quoted most, what each outlet (source or folder) publishes, which
// statements several articles quote, and how far tagging has come. Built from article summaries
// and sidecar readings only, so the webview and the command line show the same numbers.
import { dayOrderOf, parseArticleDate, type DayOrder } from '../archive/articleDate';
import { allArticleViews } from '../corpus/articleViews';
import { articleIndexOf } from '../archive/articleSpans';
import { mergeSpeakers } from '../corpus/people';
import { groupQuotes } from '../corpus/quoteGroups';
import type { QuoteRelation, WordChange } from '../corpus/quoteDiff';
import type { ArticleOrigin, ArticleSummary } from '../corpus/summary';
import type { ArticleTagging, TagSummary } from './tagging';
import { cutAt } from '../text/excerpt';

/** One place in an article: what a click opens. */
export interface ArticlePlace {
  readonly path: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface Voice {
  readonly name: string;
  readonly kind: 'person' | 'organisation';
  readonly quotes: number;
  readonly articles: number;
  /** The other ways articles write the name ("Sergey Lavrov" for "Sergei Lavrov"), at most REPORT_LIMITS.spellings. */
  readonly spellings: readonly string[];
  /** Its quotes in corpus order, at most QUOTES_PER_VOICE. */
  readonly places: readonly ArticlePlace[];
}

/**
 * Who published a group of articles: the source an archive export names for an article (its
 * `source` metadata line, e.g. "The Harbour Gazette"), else the folder of an ordinary article
 * (scraped articles are saved one folder per site).
 */
export interface Outlet {
  readonly name: string;
  readonly by: 'source' | 'folder';
  readonly articles: number;
  readonly quotes: number;
  /** Quotes with a speaker, of all quotes (0 when there are none). */
  readonly attributedShare: number;
  /** Boilerplate lines, of the lines long enough to compare. */
  readonly boilerplateShare: number;
}

export interface StatementVersion extends ArticlePlace {
  readonly folder: string;
  readonly speaker: string | null;
  readonly relation: QuoteRelation;
  readonly changes: readonly WordChange[];
}

export interface SharedStatement {
  readonly articles: number;
  readonly outlets: number;
  /** How many versions the statement has (`versions` lists at most REPORT_LIMITS.versionsPerStatement). */
  readonly versionCount: number;
  readonly versions: readonly StatementVersion[];
}

export interface CountRow {
  readonly name: string;
  readonly count: number;
}

export interface ListedTag extends TagSummary {
  readonly path: string;
}

export interface TaggingProgress {
  readonly tagged: number;
  readonly untagged: number;
  readonly byLabel: readonly CountRow[];
  readonly byAuthor: readonly CountRow[];
  /** The first REPORT_LIMITS.listedTags of them; the counts are of all. */
  readonly orphaned: readonly ListedTag[];
  readonly flagged: readonly ListedTag[];
  readonly orphanedCount: number;
  readonly flaggedCount: number;
  readonly accepted: number;
  readonly rejected: number;
  /** Sidecars that could not be read: path and reason. */
  readonly unreadable: readonly { readonly path: string; readonly error: string }[];
}

/** Articles and quotes published in one month, by the dates archive exports give their articles. */
export interface TimelineRow {
  /** `YYYY-MM`. */
  readonly month: string;
  readonly articles: number;
  readonly quotes: number;
}

export interface Timeline {
  /** Months in order, from the first dated article to the last (months without articles included). */
  readonly months: readonly TimelineRow[];
  /** Articles with no date the report can read (every ordinary article file). */
  readonly undated: number;
  /**
   * Dated articles outside the months shown: a timeline spans at most MAX_TIMELINE_MONTHS, those
   * holding the most articles, so that a stray date (a typo's 2204, a default 1970) neither draws
   * centuries nor pushes the real months out.
   */
  readonly outside: number;
}

export interface ReportData {
  /** Articles: an archive export counts each of its articles. */
  readonly articles: number;
  readonly quotes: number;
  /** Every person and organisation quoted (`voices` lists at most REPORT_LIMITS.voices of them). */
  readonly voiceCount: number;
  readonly voices: readonly Voice[];
  readonly outlets: readonly Outlet[];
  readonly statements: readonly SharedStatement[];
  readonly timeline: Timeline;
  readonly tagging: TaggingProgress;
}

/** Bounds what a report lists (a corpus may name thousands of speakers); counts stay exact. */
export const REPORT_LIMITS = { voices: 200, quotesPerVoice: 50, statements: 100, versionsPerStatement: 20, listedTags: 200, placeText: 300, spellings: 20 } as const;

/** Labels an accepted detection becomes (see core/detections/lookup.ts). */
const DETECTION_LABELS: ReadonlySet<string> = new Set(['quote', 'speaker', 'cue', 'noise']);

function voicesOf(summaries: readonly ArticleSummary[]): { voices: Voice[]; count: number } {
  const { people, assignments } = mergeSpeakers(summaries);
  const shown = people.slice(0, REPORT_LIMITS.voices);
  const places: ArticlePlace[][] = shown.map(() => []);
  for (const s of summaries) {
    const row = assignments.get(s.path);
    if (!row) continue;
    for (const q of s.quotes) {
      const id = q.speaker === null ? null : (row[q.speaker] ?? null);
      const list = id === null ? undefined : places[id];
      if (list && list.length < REPORT_LIMITS.quotesPerVoice) list.push({ path: s.path, start: q.start, end: q.end, text: cutAt(q.text, REPORT_LIMITS.placeText) });
    }
  }
  const voices = shown.map((p, i) => ({
    name: p.name,
    kind: p.kind,
    quotes: p.quotes,
    articles: p.articles.length,
    spellings: p.variants.map((v) => v.name).filter((n) => n !== p.name).slice(0, REPORT_LIMITS.spellings),
    places: places[i] ?? [],
  }));
  return { voices, count: people.length };
}

/**
 * The outlet of an article (see Outlet); the key keeps a source and a folder of the same name apart.
 * A source is read in NFC: one paper's name written with a precomposed "ü" by one export and "u"
 * and an accent by another is one outlet.
 */
function outletOf(s: ArticleSummary): { readonly key: string; readonly name: string; readonly by: Outlet['by'] } {
  const source = s.origin?.fields.source?.normalize('NFC').replace(/\s+/g, ' ').trim();
  return source ? { key: `source\u0000${source}`, name: source, by: 'source' } : { key: `folder\u0000${s.folder}`, name: s.folder, by: 'folder' };
}

function outletsOf(summaries: readonly ArticleSummary[]): Outlet[] {
  const totals = new Map<string, { name: string; by: Outlet['by']; articles: number; quotes: number; attributed: number; lines: number; noise: number }>();
  for (const s of summaries) {
    const outlet = outletOf(s);
    const t = totals.get(outlet.key) ?? { name: outlet.name, by: outlet.by, articles: 0, quotes: 0, attributed: 0, lines: 0, noise: 0 };
    t.articles++;
    t.quotes += s.quotes.length;
    t.attributed += s.quotes.filter((q) => q.speaker !== null).length;
    t.lines += s.lines.noise.length;
    t.noise += s.lines.noise.reduce((n, x) => n + x, 0);
    totals.set(outlet.key, t);
  }
  const share = (part: number, whole: number): number => (whole === 0 ? 0 : part / whole);
  return [...totals.values()]
    .map((t) => ({ name: t.name, by: t.by, articles: t.articles, quotes: t.quotes, attributedShare: share(t.attributed, t.quotes), boilerplateShare: share(t.noise, t.lines) }))
    .sort((a, b) => b.articles - a.articles || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function statementsOf(summaries: readonly ArticleSummary[]): SharedStatement[] {
  const folderOf = new Map(summaries.map((s) => [s.path, s.folder]));
  const outletKeyOf = new Map(summaries.map((s) => [s.path, outletOf(s).key]));
  const statements = groupQuotes(summaries).map((g): SharedStatement => ({
    articles: g.articles,
    outlets: new Set(g.versions.map((v) => outletKeyOf.get(v.path) ?? '')).size,
    versionCount: g.versions.length,
    versions: g.versions.slice(0, REPORT_LIMITS.versionsPerStatement).map((v) => ({
      path: v.path,
      folder: folderOf.get(v.path) ?? '',
      start: v.start,
      end: v.end,
      text: cutAt(v.text, REPORT_LIMITS.placeText),
      speaker: v.speaker,
      relation: v.relation,
      changes: v.changes,
    })),
  }));
  statements.sort((a, b) => b.outlets - a.outlets || b.articles - a.articles);
  return statements.slice(0, REPORT_LIMITS.statements);
}

/** A timeline spans at most this many months, those holding the most articles (see Timeline.outside). */
export const MAX_TIMELINE_MONTHS = 240;

/** A month `YYYY-MM` as a count of months. */
function monthNumber(month: string): number {
  const [y, m] = month.split('-').map(Number);
  return (y ?? 0) * 12 + (m ?? 1) - 1;
}

function monthOf(n: number): string {
  return `${String(Math.floor(n / 12)).padStart(4, '0')}-${String((n % 12) + 1).padStart(2, '0')}`;
}

/**
 * The span of at most MAX_TIMELINE_MONTHS months holding the most articles (the latest of equals),
 * as [first, last] month numbers, from months in order with their articles: a window slid over them.
 */
function busiestSpan(months: readonly (readonly [number, number])[]): [number, number] {
  let best: [number, number] = [months[0]?.[0] ?? 0, months[0]?.[0] ?? 0];
  let bestArticles = -1;
  let from = 0;
  let inside = 0;
  for (let to = 0; to < months.length; to++) {
    const [last, articles] = months[to] ?? [0, 0];
    inside += articles;
    while ((months[from]?.[0] ?? last) <= last - MAX_TIMELINE_MONTHS) inside -= months[from++]?.[1] ?? 0;
    if (inside >= bestArticles) {
      bestArticles = inside;
      best = [months[from]?.[0] ?? last, last];
    }
  }
  return best;
}

/**
 * How each export writes its slash dates, from those of its dates that show it (a day past 12):
 * one export comes from one archive, which writes all its dates alike.
 */
function dayOrdersOf(articles: readonly ArticleSummary[]): Map<string, DayOrder> {
  const votes = new Map<string, Record<DayOrder, number>>();
  for (const a of articles) {
    if (!a.origin) continue;
    for (const value of [a.origin.fields.date, a.origin.fields.loadDate]) {
      const order = value === undefined ? undefined : dayOrderOf(value);
      if (order === undefined) continue;
      const v = votes.get(a.origin.file) ?? { 'day-month': 0, 'month-day': 0 };
      v[order]++;
      votes.set(a.origin.file, v);
    }
  }
  const orders = new Map<string, DayOrder>();
  for (const [file, v] of votes) {
    // Both orders in one export: its slash dates cannot be read surely.
    if (v['day-month'] > 0 && v['month-day'] === 0) orders.set(file, 'day-month');
    else if (v['month-day'] > 0 && v['day-month'] === 0) orders.set(file, 'month-day');
  }
  return orders;
}

/** The article's publication date, else the day the archive loaded it (close to it, and enough for a month). */
function articleDay(a: ArticleSummary, orders: ReadonlyMap<string, DayOrder>): string | undefined {
  if (!a.origin) return undefined;
  const order = orders.get(a.origin.file);
  const { date, loadDate } = a.origin.fields;
  return (date === undefined ? undefined : parseArticleDate(date, order)) ?? (loadDate === undefined ? undefined : parseArticleDate(loadDate, order));
}

function timelineOf(articles: readonly ArticleSummary[]): Timeline {
  const byMonth = new Map<string, { articles: number; quotes: number }>();
  let undated = 0;
  const orders = dayOrdersOf(articles);
  for (const a of articles) {
    const date = articleDay(a, orders);
    if (date === undefined) {
      undated++;
      continue;
    }
    const month = date.slice(0, 7);
    const row = byMonth.get(month) ?? { articles: 0, quotes: 0 };
    row.articles++;
    row.quotes += a.quotes.length;
    byMonth.set(month, row);
  }
  const numbered = [...byMonth].map(([month, row]) => [monthNumber(month), row.articles] as const).sort((a, b) => a[0] - b[0]);
  const months: TimelineRow[] = [];
  let outside = 0;
  if (numbered.length > 0) {
    const [first, last] = busiestSpan(numbered);
    for (let n = first; n <= last; n++) {
      const row = byMonth.get(monthOf(n));
      months.push({ month: monthOf(n), articles: row?.articles ?? 0, quotes: row?.quotes ?? 0 });
    }
    for (const [n, articles] of numbered) if (n < first || n > last) outside += articles;
  }
  return { months, undated, outside };
}

function counted(names: Iterable<string>): CountRow[] {
  const counts = new Map<string, number>();
  for (const n of names) counts.set(n, (counts.get(n) ?? 0) + 1);
  return [...counts].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * The tagging of each article. A sidecar belongs to a file: in an export of several articles each
 * tag counts for the article it lies in (a tag outside every article, for the first), and the
 * sidecar's rejections and problems are counted once, for the file.
 */
function perArticle(articles: readonly ArticleSummary[], tagging: readonly ArticleTagging[]): ArticleTagging[] {
  const byPath = new Map(tagging.map((t) => [t.path, t]));
  // Per export file, its tags by article number (1-based; a tag outside every article goes to 1).
  const split = new Map<string, Map<number, TagSummary[]>>();
  const originsOf = new Map<string, ArticleOrigin[]>();
  for (const a of articles) {
    if (!a.origin) continue;
    const list = originsOf.get(a.origin.file);
    if (list) list.push(a.origin);
    else originsOf.set(a.origin.file, [a.origin]);
  }
  const tagsOf = (file: string, t: ArticleTagging): Map<number, TagSummary[]> => {
    let byNumber = split.get(file);
    if (byNumber) return byNumber;
    const origins = originsOf.get(file) ?? [];
    byNumber = new Map();
    for (const tag of t.tags) {
      const number = (articleIndexOf(origins, tag.start) ?? 0) + 1;
      const list = byNumber.get(number);
      if (list) list.push(tag);
      else byNumber.set(number, [tag]);
    }
    split.set(file, byNumber);
    return byNumber;
  };
  const out: ArticleTagging[] = [];
  for (const a of articles) {
    const t = byPath.get(a.origin?.file ?? a.path);
    if (!t) continue;
    if (!a.origin) {
      out.push(t);
      continue;
    }
    const first = a.origin.number === 1;
    const tags = tagsOf(a.origin.file, t).get(a.origin.number) ?? [];
    out.push({ path: a.path, tags, rejected: first ? t.rejected : 0, error: first ? t.error : null });
  }
  return out;
}

function taggingOf(articlePaths: readonly string[], tagging: readonly ArticleTagging[]): TaggingProgress {
  const all: ListedTag[] = [];
  let tagged = 0;
  let rejected = 0;
  const unreadable: { path: string; error: string }[] = [];
  for (const t of tagging) {
    const path = t.path;
    if (t.error !== null) unreadable.push({ path, error: t.error });
    if (t.tags.some((tag) => tag.status !== 'rejected')) tagged++;
    rejected += t.rejected;
    for (const tag of t.tags) all.push({ ...tag, path });
  }
  const live = all.filter((t) => t.status !== 'rejected');
  const orphaned = live.filter((t) => t.status === 'orphaned');
  const flagged = live.filter((t) => t.flagged);
  return {
    tagged,
    untagged: articlePaths.length - tagged,
    byLabel: counted(live.map((t) => t.label)),
    byAuthor: counted(live.map((t) => t.author)),
    orphaned: orphaned.slice(0, REPORT_LIMITS.listedTags),
    flagged: flagged.slice(0, REPORT_LIMITS.listedTags),
    orphanedCount: orphaned.length,
    flaggedCount: flagged.length,
    accepted: live.filter((t) => DETECTION_LABELS.has(t.label)).length,
    rejected,
    unreadable,
  };
}

/**
 * The report of a corpus from the summaries of its files: an archive export counts each of its
 * articles (paths `file#N`). `tagging` holds one entry per file that has a sidecar (others count
 * as untagged).
 */
export function buildReport(summaries: readonly ArticleSummary[], tagging: readonly ArticleTagging[]): ReportData {
  const articles = allArticleViews(summaries);
  const { voices, count } = voicesOf(articles);
  return {
    articles: articles.length,
    quotes: articles.reduce((n, s) => n + s.quotes.length, 0),
    voiceCount: count,
    voices,
    outlets: outletsOf(articles),
    statements: statementsOf(articles),
    timeline: timelineOf(articles),
    tagging: taggingOf(articles.map((s) => s.path), perArticle(articles, tagging)),
  };
}
