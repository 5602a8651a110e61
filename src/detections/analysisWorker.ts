// Entry of the worker thread that analyses large open documents (bundled on its own as
// dist/analysisWorker.js): the extension host's thread never runs a full analysis of one.
import { parentPort } from 'node:worker_threads';
import { analyzeArticle } from '../core/analysis/analyze';
import type { AnalyzeOptions } from '../core/analysis/archive';
import { analyzeArchive } from '../core/analysis/archive';
import { ArticleMemo } from '../core/analysis/articleMemo';
import { compileSeparatorPattern } from '../core/archive/separatorPattern';
import type { Analysis } from '../core/analysis/types';
import type { AnalysisReply, AnalysisRequest } from './backgroundAnalyzer';

/** Documents whose articles are remembered between analyses (the few being typed in). */
const MEMOS_KEPT = 4;
const memos = new Map<string, ArticleMemo>();

function optionsOf(separator: string | undefined): AnalyzeOptions {
  if (separator === undefined) return {};
  const compiled = compileSeparatorPattern(separator);
  return compiled.ok ? { separator: compiled.pattern } : {};
}

/** The document's memo, most recently used last; the least recently used is dropped past MEMOS_KEPT. */
function memoOf(key: string): ArticleMemo {
  const memo = memos.get(key) ?? new ArticleMemo(analyzeArticle);
  memos.delete(key);
  memos.set(key, memo);
  for (const old of memos.keys()) {
    if (memos.size <= MEMOS_KEPT) break;
    memos.delete(old);
  }
  return memo;
}

/**
 * The detections as JSON, or as objects when their JSON would pass the longest string V8 can make
 * (some 30 characters per character of a text dense with quotes: about 17 MB of such text).
 */
export function detections(analysis: Analysis): { json: string } | { analysis: Analysis } {
  try {
    return { json: JSON.stringify(analysis) };
  } catch (e) {
    if (e instanceof RangeError) return { analysis };
    throw e;
  }
}

parentPort?.on('message', (request: AnalysisRequest) => {
  let reply: AnalysisReply;
  try {
    // An export edited since its last analysis: only the articles whose text changed are analysed again.
    const memo = memoOf(request.key);
    memo.next();
    // JSON crosses the thread boundary faster than a structured clone of many small objects.
    const analysis = analyzeArchive(request.text, memo.analyze, optionsOf(request.separator));
    // The articles apart: the extension host compares them with what it shows and, when they
    // match, never needs to parse the detections.
    const articles = JSON.stringify(analysis.articles ?? null);
    reply = request.expected === articles ? { id: request.id, ok: true, articles } : { id: request.id, ok: true, articles, ...detections(analysis) };
  } catch (e) {
    reply = { id: request.id, ok: false, error: e instanceof Error ? e.message : String(e) };
  }
  parentPort?.postMessage(reply);
});
