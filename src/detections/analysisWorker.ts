// Entry of the worker thread that analyses large open documents (bundled on its own as
// dist/analysisWorker.js): the extension host's thread never runs a full analysis of one.
import { parentPort } from 'node:worker_threads';
import { analyze } from '../core/analysis/analyze';
import type { AnalyzeOptions } from '../core/analysis/archive';
import { compileSeparatorPattern } from '../core/archive/separatorPattern';
import type { AnalysisReply, AnalysisRequest } from './backgroundAnalyzer';

function optionsOf(separator: string | undefined): AnalyzeOptions {
  if (separator === undefined) return {};
  const compiled = compileSeparatorPattern(separator);
  return compiled.ok ? { separator: compiled.pattern } : {};
}

parentPort?.on('message', (request: AnalysisRequest) => {
  let reply: AnalysisReply;
  try {
    // JSON crosses the thread boundary faster than a structured clone of many small objects.
    reply = { id: request.id, ok: true, json: JSON.stringify(analyze(request.text, optionsOf(request.separator))) };
  } catch (e) {
    reply = { id: request.id, ok: false, error: e instanceof Error ? e.message : String(e) };
  }
  parentPort?.postMessage(reply);
});
