// Runs index tasks on worker threads (as many as cores less one, at least one). Tasks are pulled
// one at a time when a worker is free, so the host holds at most one pending text per worker
// however large the workspace. A worker that dies fails only its task and is replaced.
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

export class IndexPool {
  private readonly live = new Set<Worker>();

  constructor(
    private readonly script: string,
    private readonly size = defaultWorkerCount(),
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
        if (!result.ok && result.error.startsWith('worker ')) {
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
    const worker = new Worker(this.script);
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
      const failed = (e: Error): void => done({ key: task.key, ok: false, error: `worker failed: ${e.message}` });
      const exited = (code: number): void => done({ key: task.key, ok: false, error: `worker stopped with code ${code}` });
      worker.on('message', done);
      worker.on('error', failed);
      worker.on('exit', exited);
      worker.postMessage(task);
    });
  }
}
