// Full analyses of large open documents on one worker thread. One job runs at a time; each
// document has at most one job waiting, the newest version asked for: asking again replaces it
// (the replaced one answers undefined), so typing never builds a queue. A running job is left to
// finish: its result, though a few keystrokes old, is brought forward by the caller.
import { Worker } from 'node:worker_threads';
import type { ArrivedAnalysis } from '../core/analysis/liveAnalysis';
import type { Analysis, ArticleScope } from '../core/analysis/types';
import type { DisposableLike } from '../base/dispose';

export interface AnalysisRequest {
  readonly id: number;
  /** The document's key: the worker remembers its articles from one analysis to the next. */
  readonly key: string;
  readonly text: string;
  /** The source of the user's archive separator pattern, compiled in the worker. */
  readonly separator?: string;
  /**
   * The articles (as `AnalysisReply.articles`) the extension host expects: when the analysis finds
   * exactly these, its detections are left out of the reply (the host's quick answer equals them).
   */
  readonly expected?: string;
}

/**
 * `articles`: the export's articles alone (JSON, `null` when the text is not an export), read at
 * once; `json`: the whole analysis, parsed only when needed, and absent when the articles were
 * the ones expected (a 5 MB export's detections are some 20 MB of JSON to make, send and copy).
 */
export type AnalysisReply =
  | {
      readonly id: number;
      readonly ok: true;
      readonly articles: string;
      readonly json?: string;
      /** The detections as objects, when their JSON would pass the longest string V8 can make. */
      readonly analysis?: Analysis;
    }
  | { readonly id: number; readonly ok: false; readonly error: string };

/** The analysis failed (the worker threw, ran out of memory or stopped): why, in words. */
export interface FailedAnalysis {
  readonly failed: string;
}

/** What a request gets: the analysis, why it failed, or undefined when a newer request replaced it (or it was cancelled). */
export type AnalysisOutcome = ArrivedAnalysis | FailedAnalysis | undefined;

export const isFailed = (outcome: AnalysisOutcome): outcome is FailedAnalysis => outcome !== undefined && 'failed' in outcome;

interface Job {
  readonly key: string;
  readonly request: AnalysisRequest;
  readonly resolve: (outcome: AnalysisOutcome) => void;
}

export class BackgroundAnalyzer implements DisposableLike {
  private worker: Worker | undefined;
  private running: { job: Job; fail: (why: string | undefined) => void } | undefined;
  private readonly waiting = new Map<string, Job>();
  private nextId = 1;
  private disposed = false;

  constructor(
    private readonly script: string,
    private readonly onError: (message: string) => void,
  ) {}

  /**
   * The analysis of `text`, why it failed, or undefined when a newer request for the same key
   * replaced this one. `expected`: the articles the caller expects (see `AnalysisRequest`).
   */
  analyze(key: string, text: string, separator: string | undefined, expected?: readonly ArticleScope[]): Promise<AnalysisOutcome> {
    if (this.disposed) return Promise.resolve(undefined);
    return new Promise((resolve) => {
      this.waiting.get(key)?.resolve(undefined);
      const request: AnalysisRequest = {
        id: this.nextId++,
        key,
        text,
        ...(separator === undefined ? {} : { separator }),
        ...(expected === undefined ? {} : { expected: JSON.stringify(expected) }),
      };
      this.waiting.set(key, { key, request, resolve });
      this.pump();
    });
  }

  /** Whether a job for `key` is running or waiting. */
  isBusyWith(key: string): boolean {
    return this.running?.job.key === key || this.waiting.has(key);
  }

  /** Forgets the waiting job of a closed document. */
  cancel(key: string): void {
    this.waiting.get(key)?.resolve(undefined);
    this.waiting.delete(key);
  }

  dispose(): void {
    this.disposed = true;
    for (const job of this.waiting.values()) job.resolve(undefined);
    this.waiting.clear();
    this.running?.fail(undefined);
    void this.worker?.terminate();
    this.worker = undefined;
  }

  private pump(): void {
    if (this.running || this.disposed) return;
    const next = this.waiting.values().next();
    if (next.done) return;
    const job = next.value;
    this.waiting.delete(job.key);
    const worker = (this.worker ??= this.spawn());
    let settled = false;
    const finish = (outcome: AnalysisOutcome): void => {
      if (settled) return;
      settled = true;
      worker.off('message', answered);
      this.running = undefined;
      job.resolve(outcome);
      this.pump();
    };
    const answered = (reply: AnalysisReply): void => {
      if (reply.id !== job.request.id) return;
      if (reply.ok) finish(arrivedOf(reply));
      else {
        this.onError(reply.error);
        finish({ failed: reply.error });
      }
    };
    this.running = { job, fail: (why) => finish(why === undefined ? undefined : { failed: why }) };
    worker.on('message', answered);
    worker.postMessage(job.request);
  }

  private spawn(): Worker {
    const worker = new Worker(this.script);
    // An idle worker must not keep the extension host alive.
    worker.unref();
    const lost = (why: string): void => {
      if (this.worker === worker) this.worker = undefined;
      if (!this.disposed) this.onError(why);
      this.running?.fail(why);
    };
    worker.on('error', (e) => lost(`analysis worker failed: ${e.message}`));
    worker.on('exit', (code) => lost(`analysis worker stopped with code ${code}`));
    return worker;
  }
}

/** A worker's answer: the articles read now, the detections (when sent) when first asked for (once). */
function arrivedOf(reply: { readonly articles: string; readonly json?: string; readonly analysis?: Analysis }): ArrivedAnalysis {
  let analysis = reply.analysis;
  const { json } = reply;
  return {
    articles: (JSON.parse(reply.articles) as readonly ArticleScope[] | null) ?? undefined,
    analysis: () => (analysis ??= json === undefined ? undefined : (JSON.parse(json) as Analysis)),
  };
}
