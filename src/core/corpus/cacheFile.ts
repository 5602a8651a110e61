// The corpus index as saved between sessions: a JSON-lines file, one header line naming the format
// and the engine that produced it, then one line per article (its key, the hash of what was
// analysed, its summary). Anything unexpected, from a wrong header to one malformed line, discards
// the whole file: a cache is only a shortcut, so it is rebuilt rather than trusted.
import type { ArticleSummary } from './summary';

export const CACHE_FORMAT = 'source-annotator-corpus';
/** 2: summaries of archive exports list their articles, and speakers name their article. */
export const CACHE_FORMAT_VERSION = 2;

export interface CachedArticle {
  /** The article's key (its URI as a string); equals `summary.path`. */
  readonly key: string;
  /** Hash of the text and sidecar the summary was computed from. */
  readonly hash: string;
  readonly summary: ArticleSummary;
}

export type CacheParseResult = { readonly ok: true; readonly articles: CachedArticle[] } | { readonly ok: false; readonly reason: string };

interface Header {
  readonly format: string;
  readonly version: number;
  readonly engine: string;
}

export function serialiseCorpusCache(articles: Iterable<CachedArticle>, engine: string): string {
  const header: Header = { format: CACHE_FORMAT, version: CACHE_FORMAT_VERSION, engine };
  const lines = [JSON.stringify(header)];
  for (const a of articles) lines.push(JSON.stringify(a));
  return `${lines.join('\n')}\n`;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const isNumberArray = (v: unknown, length?: number): boolean =>
  Array.isArray(v) && (length === undefined || v.length === length) && v.every((x) => typeof x === 'number' && Number.isFinite(x));
const isStringArray = (v: unknown): boolean => Array.isArray(v) && v.every((x) => typeof x === 'string');

function isSpeaker(v: unknown, articles: number): boolean {
  if (!isObject(v) || typeof v.name !== 'string' || !(v.kind === 'person' || v.kind === 'organisation' || v.kind === 'other') || !isStringArray(v.mentions) || !isInt(v.quotes)) return false;
  return v.article === undefined || (isInt(v.article) && v.article < articles);
}

const isStringRecord = (v: unknown): boolean => isObject(v) && Object.values(v).every((x) => typeof x === 'string');

/** The articles of an export, in text order and not overlapping (the views search them by offset). */
function isArticleList(v: unknown): boolean {
  if (!Array.isArray(v)) return false;
  let end = 0;
  for (const a of v as unknown[]) {
    if (!isObject(a) || !isInt(a.start) || !isInt(a.end) || a.start < end || a.end < a.start || !isStringRecord(a.fields)) return false;
    if (a.headline !== undefined && typeof a.headline !== 'string') return false;
    end = a.end;
  }
  return true;
}

function isQuote(v: unknown, speakers: number): boolean {
  if (!isObject(v) || !isInt(v.start) || !isInt(v.end) || v.end < v.start || typeof v.text !== 'string') return false;
  return v.speaker === null || (isInt(v.speaker) && v.speaker < speakers);
}

function isLines(v: unknown): boolean {
  if (!isObject(v) || !Array.isArray(v.hashes)) return false;
  const n = v.hashes.length;
  return isNumberArray(v.hashes) && isNumberArray(v.starts, n) && isNumberArray(v.ends, n) && isNumberArray(v.noise, n);
}

/** A structural check of a summary read back from disk: every field the combiners index into. */
export function isArticleSummary(v: unknown): v is ArticleSummary {
  if (!isObject(v) || typeof v.path !== 'string' || typeof v.folder !== 'string') return false;
  // The summary of a file, as saved: `origin` marks the views made of one article of an export, never saved.
  if (v.origin !== undefined) return false;
  if (v.articles !== undefined && !isArticleList(v.articles)) return false;
  const articles = Array.isArray(v.articles) ? v.articles.length : 0;
  if (!Array.isArray(v.speakers) || !v.speakers.every((s) => isSpeaker(s, articles))) return false;
  const speakers = v.speakers.length;
  return Array.isArray(v.quotes) && v.quotes.every((q) => isQuote(q, speakers)) && isLines(v.lines);
}

function parseLine(line: string): unknown {
  try {
    return JSON.parse(line) as unknown;
  } catch {
    return undefined;
  }
}

/** Reads a saved cache; any mismatch of format, version or engine, or any bad line, rejects all of it. */
export function parseCorpusCache(text: string, engine: string): CacheParseResult {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const header = parseLine(lines[0] ?? '');
  if (!isObject(header) || header.format !== CACHE_FORMAT) return { ok: false, reason: 'not a corpus cache' };
  if (header.version !== CACHE_FORMAT_VERSION) return { ok: false, reason: `cache format ${String(header.version)}, expected ${CACHE_FORMAT_VERSION}` };
  if (header.engine !== engine) return { ok: false, reason: `made by engine ${String(header.engine)}, this is ${engine}` };
  const articles: CachedArticle[] = [];
  const seen = new Set<string>();
  for (let i = 1; i < lines.length; i++) {
    const entry = parseLine(lines[i] ?? '');
    const key = isObject(entry) ? entry.key : undefined;
    const hash = isObject(entry) ? entry.hash : undefined;
    const summary = isObject(entry) ? entry.summary : undefined;
    const valid = typeof key === 'string' && typeof hash === 'string' && isArticleSummary(summary) && summary.path === key && !seen.has(key);
    if (!valid) return { ok: false, reason: `line ${i + 1} is not a valid entry` };
    seen.add(key);
    articles.push({ key, hash, summary });
  }
  return { ok: true, articles };
}
