// Runs index tasks on worker threads (as many as cores less one, at least one). Tasks are pulled
// one at a time when a worker is free, so the host holds at most one pending text per worker
// however large the workspace. Each worker's heap is bounded: a file whose analysis would need more
// (about ten times its size) fails alone instead of taking the extension host's memory. A worker
// that dies fails only its task and is replaced.
import * as os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { IndexResult, IndexTask } from './indexTask';

export interface IndexRun {
  /** The next task, or undefined when there is none left. */
  next(): Promise<IndexTask | undefined>;
  onResult(result: IndexResult): void;
  isCancelled(): boolean;
}

export function defaultWorkerCount(): number {
  return Math.max(1, os.availableParallelism() - 1);
}

/**
 * The heap a worker may take, in MB: room for the largest file the index reads (about 9 MB of
 * memory per MB of text) and no more, so indexing never holds more than this per worker.
 */
export const WORKER_HEAP_MB = 1536;

/** Why a worker failed its task, in words for the list of files not indexed. */
export function failureReason(error: string, heapMb = WORKER_HEAP_MB): string {
  if (/memory limit|out of memory/i.test(error)) return `its analysis needed more memory than an index worker may take (${heapMb.toLocaleString('en')} MB)`;
  return error;
}

export class IndexPool {
  private readonly live = new Set<Worker>();

  constructor(
    private readonly script: string,
    private readonly size = defaultWorkerCount(),
    private readonly heapMb = WORKER_HEAP_MB,
  ) {}

  /** Resolves when every task was answered or the run was cancelled; workers stop afterwards. */
  async run(job: IndexRun): Promise<void> {
    const lanes: Promise<void>[] = [];
    for (let i = 0; i < this.size; i++) lanes.push(this.lane(job));
    try {
      await Promise.all(lanes);
    } finally {
      this.stop();
    }
  }

  /** Stops every worker now (cancellation, disposal). */
  stop(): void {
    for (const w of this.live) void w.terminate();
    this.live.clear();
  }

  private async lane(job: IndexRun): Promise<void> {
    let worker: Worker | undefined;
    try {
      for (let task = await job.next(); task && !job.isCancelled(); task = job.isCancelled() ? undefined : await job.next()) {
        worker ??= this.spawn();
        const result = await this.ask(worker, task);
        if (!result.ok && result.workerLost === true) {
          this.live.delete(worker);
          void worker.terminate();
          worker = undefined;
        }
        if (!job.isCancelled()) job.onResult(result);
      }
    } finally {
      if (worker) {
        this.live.delete(worker);
        void worker.terminate();
      }
    }
  }

  private spawn(): Worker {
    const worker = new Worker(this.script, { resourceLimits: { maxOldGenerationSizeMb: this.heapMb } });
    worker.unref();
    this.live.add(worker);
    return worker;
  }

  private ask(worker: Worker, task: IndexTask): Promise<IndexResult> {
    return new Promise((resolve) => {
      const done = (result: IndexResult): void => {
        worker.off('message', done);
        worker.off('error', failed);
        worker.off('exit', exited);
        resolve(result);
      };
      const failed = (e: Error): void => done({ key: task.key, ok: false, workerLost: true, error: failureReason(e.message, this.heapMb) });
      const exited = (code: number): void => done({ key: task.key, ok: false, workerLost: true, error: `the index worker stopped (exit code ${code})` });
      worker.on('message', done);
      worker.on('error', failed);
      worker.on('exit', exited);
      worker.postMessage(task);
    });
  }
}
