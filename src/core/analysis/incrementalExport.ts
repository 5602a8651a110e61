// The quick re-analysis of an archive export. Every article of an export is analysed alone (see
// archive.ts), so after edits the analysis is a splice: the articles whose bodies the edits
// touched are analysed again and put in place of their old detections; every other article keeps
// its own. Before the first edit they are the very same objects; after it, copies moved by what
// the edits added or removed; nothing is sorted, keyed by string or renumbered beyond that, so a
// keystroke costs one article's analysis plus one move of what follows it. Speaker ids run across
// the file in article order (`s0`, `s1`, …) exactly as a full analysis numbers them; they change
// after the edit only when the edited article gained or lost a speaker.

import type { AnalyzeArticle } from './archive';
import type { EditMap } from './editMap';
import type { Analysis, ArticleScope, Cue, NoiseLine, Quote, Speaker, SpeakerMention, Span } from './types';

/** Touched article bodies longer than this in all are not re-analysed here (a replace-all): their detections are dropped until the full analysis. */
const MAX_FRESH_TEXT = 200_000;

/** One touched article: where its body was, and its detections analysed afresh at their new place. */
interface Refreshed {
  /** The body in the coordinates of the previous analysis. */
  readonly old: Span;
  readonly quotes: readonly Quote[];
  /** Speaker ids as the article alone numbers them (`s0`…), renamed when spliced. */
  readonly speakers: readonly Speaker[];
  readonly cues: readonly Cue[];
  readonly noise: readonly NoiseLine[];
}

/**
 * `previous` (an analysis of an export before `edits`) brought to `text`. Equal to `analyze(text)`
 * as long as the edits did not change where articles begin and end (a separator typed or deleted
 * shows after the full analysis) and did not touch a metadata line (dropped until then).
 */
export function reanalyzeExport(previous: Analysis, previousArticles: readonly ArticleScope[], edits: EditMap, text: string, analyzeArticle: AnalyzeArticle): Analysis {
  const dirty = edits.dirty();
  const articles = previousArticles.map((a) => movedScope(a, edits));
  const touched = touchedArticles(articles, dirty);
  const freshText = touched.reduce((n, i) => n + bodyLength(articles[i]), 0);
  const refreshed = touched.map((i) => refreshedArticle(previousArticles[i], articles[i], text, freshText <= MAX_FRESH_TEXT ? analyzeArticle : undefined));
  const { speakers, renamed, freshIds } = splicedSpeakers(previous.speakers, previous.quotes, refreshed, edits);
  const speakerOf = (id: string | null): string | null => (id === null ? null : (renamed.get(id) ?? id));
  const moveQuote = renamed.size === 0 ? (q: Quote) => movedQuote(q, edits) : (q: Quote) => renamedQuote(movedQuote(q, edits), speakerOf);
  const quotes = spliced(
    previous.quotes,
    refreshed.map((r, w) => r.quotes.map((q) => withSpeaker(q, q.speakerId === null ? null : (freshIds[w]?.get(q.speakerId) ?? null)))),
    refreshed,
    moveQuote,
  );
  const cues = spliced(
    previous.cues,
    refreshed.map((r) => r.cues),
    refreshed,
    (c) => edits.span(c),
  );
  const noise = spliced(
    previous.noise,
    refreshed.map((r) => r.noise),
    refreshed,
    (n) => edits.span(n),
  );
  return { quotes, speakers, cues, noise, articles };
}

/**
 * Whether `reanalyzeExport(previous, previousArticles, edits, …)` equals a full analysis of the
 * edited text whenever that analysis cuts it into the same articles (places and fields), given
 * that `previous` equalled one: every edit replaced text inside one article's body, so the text
 * outside the bodies (the metadata lines) did not change, and the touched bodies are analysed
 * again, not dropped. A separator typed inside a body shows as other articles, which the caller
 * compares.
 */
export function spliceIsExact(previousArticles: readonly ArticleScope[], edits: EditMap): boolean {
  const replaced = edits.replaced();
  const written = edits.dirty();
  let i = 0;
  let last = -1;
  let fresh = 0;
  for (const [k, r] of replaced.entries()) {
    while (i < previousArticles.length && (previousArticles[i]?.bodyEnd ?? 0) < r.start) i++;
    const a = previousArticles[i];
    if (!a || a.bodyEnd <= a.bodyStart || r.start < a.bodyStart || r.end > a.bodyEnd) return false;
    if (i !== last) fresh += bodyLength(a);
    last = i;
    const w = written[k];
    fresh += w ? Math.max(0, w.end - w.start - (r.end - r.start)) : 0;
  }
  return fresh <= MAX_FRESH_TEXT;
}

const bodyLength = (a: ArticleScope | undefined): number => (a ? a.bodyEnd - a.bodyStart : 0);

/** Indices of the articles whose (non-empty) body an edit wrote into, in order. */
function touchedArticles(articles: readonly ArticleScope[], dirty: readonly Span[]): number[] {
  const out: number[] = [];
  let d = 0;
  for (let i = 0; i < articles.length && d < dirty.length; i++) {
    const a = articles[i];
    if (!a || a.bodyEnd <= a.bodyStart) continue;
    while (d < dirty.length && (dirty[d]?.end ?? 0) < a.bodyStart) d++;
    const edit = dirty[d];
    if (edit && edit.start <= a.bodyEnd) out.push(i);
  }
  return out;
}

/** The article's body analysed alone and moved to its place; nothing when it is not to be analysed now. */
function refreshedArticle(before: ArticleScope | undefined, now: ArticleScope | undefined, text: string, analyzeArticle: AnalyzeArticle | undefined): Refreshed {
  const old = { start: before?.bodyStart ?? 0, end: before?.bodyEnd ?? 0 };
  if (!now || !analyzeArticle) return { old, quotes: [], speakers: [], cues: [], noise: [] };
  const by = now.bodyStart;
  const a = analyzeArticle(text.slice(now.bodyStart, now.bodyEnd));
  const span = <T extends Span>(s: T): T => ({ ...s, start: s.start + by, end: s.end + by });
  const mention = (m: SpeakerMention | null): SpeakerMention | null => (m ? span(m) : null);
  const { headline } = now;
  // As in a full analysis: the headline the archive names is the article's title, never boilerplate.
  const noise = headline ? a.noise.map(span).filter((n) => n.end <= headline.start || n.start >= headline.end) : a.noise.map(span);
  return {
    old,
    quotes: a.quotes.map((q) => ({ ...span(q), mention: mention(q.mention), cue: q.cue ? span(q.cue) : null })),
    speakers: a.speakers.map((s) => ({ ...s, mentions: s.mentions.map(span) })),
    cues: a.cues.map(span),
    noise,
  };
}

const inside = (s: Span, body: Span): boolean => s.start >= body.start && s.end <= body.end;

/**
 * The previous detections (sorted by start) with those inside a touched body replaced by its
 * fresh ones, and the rest moved by `move` (dropped when an edit touched them).
 */
function spliced<T extends Span>(items: readonly T[], fresh: readonly (readonly T[])[], refreshed: readonly Refreshed[], move: (item: T) => T | undefined): T[] {
  const out: T[] = [];
  let w = 0;
  const flush = (): void => {
    for (const f of fresh[w] ?? []) out.push(f);
    w++;
  };
  for (const item of items) {
    let body = refreshed[w]?.old;
    while (body && item.start >= body.end && !inside(item, body)) {
      flush();
      body = refreshed[w]?.old;
    }
    if (body && inside(item, body)) continue;
    const moved = move(item);
    if (moved) out.push(moved);
  }
  while (w < refreshed.length) flush();
  return out;
}

/**
 * The speakers in article order with the touched articles' own in place of their old ones, each
 * numbered by its place (as a full analysis numbers them). `renamed`: previous ids that changed;
 * `freshIds`: per touched article, its own ids to the file's.
 */
function splicedSpeakers(previous: readonly Speaker[], quotes: readonly Quote[], refreshed: readonly Refreshed[], edits: EditMap): { speakers: Speaker[]; renamed: Map<string, string>; freshIds: Map<string, string>[] } {
  const speakers: Speaker[] = [];
  const renamed = new Map<string, string>();
  const freshIds = refreshed.map(() => new Map<string, string>());
  let w = 0;
  const flush = (): void => {
    for (const s of refreshed[w]?.speakers ?? []) {
      const id = `s${speakers.length}`;
      freshIds[w]?.set(s.id, id);
      speakers.push({ ...s, id });
    }
    w++;
  };
  // A speaker's place is its first mention (every mention lies in its article), or for one without
  // mentions its first quote; failing both, the place of the speaker before it.
  const quoted = firstQuotes(previous, quotes);
  let at = -Infinity;
  for (const s of previous) {
    at = s.mentions[0]?.start ?? quoted.get(s.id) ?? at;
    let body = refreshed[w]?.old;
    while (body && at >= body.end) {
      flush();
      body = refreshed[w]?.old;
    }
    if (body && at >= body.start) continue;
    const kept = movedSpeaker(s, `s${speakers.length}`, edits);
    if (!kept) continue;
    if (kept.id !== s.id) renamed.set(s.id, kept.id);
    speakers.push(kept);
  }
  while (w < refreshed.length) flush();
  return { speakers, renamed, freshIds };
}

/** Where the first quote of each speaker without mentions starts (such speakers are rare: no walk over the quotes without one). */
function firstQuotes(speakers: readonly Speaker[], quotes: readonly Quote[]): Map<string, number> {
  const wanted = new Set<string>();
  for (const s of speakers) if (s.mentions.length === 0) wanted.add(s.id);
  const first = new Map<string, number>();
  if (wanted.size === 0) return first;
  for (const q of quotes) if (q.speakerId !== null && wanted.has(q.speakerId) && !first.has(q.speakerId)) first.set(q.speakerId, q.start);
  return first;
}

/** The speaker with its mentions moved and its new id: the same object when neither changed; undefined when edits touched every mention it had. */
function movedSpeaker(s: Speaker, id: string, edits: EditMap): Speaker | undefined {
  // A speaker the analysis gave no mention (known only through its quotes) is kept as it is, renumbered.
  if (s.mentions.length === 0) return id === s.id ? s : { ...s, id };
  let changed = id !== s.id;
  const mentions: SpeakerMention[] = [];
  for (const m of s.mentions) {
    const moved = edits.span(m);
    if (!moved) continue;
    if (moved !== m) changed = true;
    mentions.push(moved);
  }
  if (mentions.length !== s.mentions.length) changed = true;
  if (!changed) return s;
  return mentions.length > 0 ? { ...s, id, mentions } : undefined;
}

/** A quote moved with its mention and cue, or undefined when an edit touched any of them. */
export function movedQuote(q: Quote, edits: EditMap): Quote | undefined {
  // Shifts first, objects only for what moved: a keystroke moves every quote after it.
  const shifts = quoteShifts(q, edits);
  if (!shifts) return undefined;
  const [by, mentionBy, cueBy] = shifts;
  if (by === 0 && mentionBy === 0 && cueBy === 0) return q;
  return {
    ...q,
    start: q.start + by,
    end: q.end + by,
    mention: q.mention && mentionBy !== 0 ? { ...q.mention, start: q.mention.start + mentionBy, end: q.mention.end + mentionBy } : q.mention,
    cue: q.cue && cueBy !== 0 ? { ...q.cue, start: q.cue.start + cueBy, end: q.cue.end + cueBy } : q.cue,
  };
}

/** How far a quote, its mention and its cue moved (0 for a part it lacks), or undefined when an edit touched any of them. */
export function quoteShifts(q: Quote, edits: EditMap): readonly [number, number, number] | undefined {
  const by = edits.shift(q);
  const mentionBy = q.mention ? edits.shift(q.mention) : 0;
  const cueBy = q.cue ? edits.shift(q.cue) : 0;
  return by === undefined || mentionBy === undefined || cueBy === undefined ? undefined : [by, mentionBy, cueBy];
}

function renamedQuote(q: Quote | undefined, speakerOf: (id: string | null) => string | null): Quote | undefined {
  return q ? withSpeaker(q, speakerOf(q.speakerId)) : undefined;
}

function withSpeaker(q: Quote, speakerId: string | null): Quote {
  return q.speakerId === speakerId ? q : { ...q, speakerId };
}

/** The article's place after the edits: the same object when they did not move it. */
function movedScope(a: ArticleScope, edits: EditMap): ArticleScope {
  const start = edits.point(a.start, 'before');
  const end = edits.point(a.end, 'after');
  const bodyStart = edits.point(a.bodyStart, 'before');
  const bodyEnd = edits.point(a.bodyEnd, 'after');
  const headline = a.headline ? edits.span(a.headline) : undefined;
  if (start === a.start && end === a.end && bodyStart === a.bodyStart && bodyEnd === a.bodyEnd && headline === a.headline) return a;
  const moved = { start, end, bodyStart, bodyEnd, fields: a.fields };
  return headline ? { ...moved, headline: { start: headline.start, end: headline.end } } : moved;
}
