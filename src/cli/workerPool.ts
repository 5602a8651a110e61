// Analyses many articles on several worker threads (node:worker_threads) and hands the results back
// in input order. Used by the command line; the extension's corpus index can use it the same way.
// Each worker holds one task at a time and no task starts more than a window ahead of the oldest
// unfinished one, so memory stays bounded however many files there are and however slow one is.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ArticleFile } from './articleFiles';
import type { AnalyzedFile, AnalyzeTask, SummarisedFile, TaskResult } from './analyzeTask';
import { runTask } from './analyzeTask';

export interface PoolOptions<T> {
  /** Called once per file, in input order; when given, results are not also collected. */
  readonly onResult?: (result: T, index: number) => void;
  /** The bundled worker script; by default dist/analyzeWorker.js (see defaultWorkerScript). */
  readonly workerScript?: string;
  /** A `--separator` pattern's text, already checked. */
  readonly separator?: string;
}

/** Tasks started ahead of the oldest unfinished one, per worker. */
const WINDOW_PER_JOB = 8;

/** dist/analyzeWorker.js: beside this bundle (dist/cli.js, dist/extension.js) or above it (bundled tests under dist/test/). */
export function defaultWorkerScript(): string {
  for (let dir = __dirname, i = 0; i < 5; i++, dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'analyzeWorker.js');
    if (fs.existsSync(candidate)) return candidate;
  }
  return path.join(__dirname, 'analyzeWorker.js');
}

/** Reads and analyses each file; `jobs` ≤ 1 runs in this thread. Unreadable files give `ok: false`. */
export function analyzeMany(files: readonly string[], jobs: number, options: PoolOptions<AnalyzedFile> = {}): Promise<AnalyzedFile[]> {
  return runPool(
    files.map((file) => ({ kind: 'analysis', file, ...separatorOf(options) })),
    jobs,
    options as PoolOptions<TaskResult>,
  ) as Promise<AnalyzedFile[]>;
}

/** Reads, analyses and summarises each article for the corpus (only the summary crosses threads). */
export function summariseMany(articles: readonly ArticleFile[], jobs: number, options: PoolOptions<SummarisedFile> = {}): Promise<SummarisedFile[]> {
  return runPool(
    articles.map((a) => ({ kind: 'summary', file: a.path, folder: a.folder, ...separatorOf(options) })),
    jobs,
    options as PoolOptions<TaskResult>,
  ) as Promise<SummarisedFile[]>;
}

function separatorOf(options: { readonly separator?: string }): { separator?: string } {
  return options.separator === undefined ? {} : { separator: options.separator };
}

async function runPool(tasks: readonly AnalyzeTask[], jobs: number, options: PoolOptions<TaskResult>): Promise<TaskResult[]> {
  const collected: TaskResult[] = [];
  const deliver = options.onResult ?? ((r: TaskResult): void => void collected.push(r));
  const workers = Math.min(Math.max(1, Math.floor(jobs)), tasks.length);
  if (workers <= 1) {
    tasks.forEach((t, i) => deliver(runTask(t), i));
    return collected;
  }
  const script = options.workerScript ?? defaultWorkerScript();
  if (!fs.existsSync(script)) throw new Error(`worker script ${script} is missing (run the build)`);
  await new OrderedPool(tasks, workers, script, deliver).run();
  return collected;
}

interface Reply {
  readonly seq: number;
  readonly result: TaskResult;
}

class OrderedPool {
  private next = 0;
  private delivered = 0;
  private readonly done = new Map<number, TaskResult>();
  private readonly busy = new Map<Worker, number>();
  private readonly window: number;
  private finish: () => void = () => undefined;
  private fail: (e: unknown) => void = () => undefined;

  constructor(
    private readonly tasks: readonly AnalyzeTask[],
    private readonly workers: number,
    private readonly script: string,
    private readonly deliver: (r: TaskResult, index: number) => void,
  ) {
    this.window = workers * WINDOW_PER_JOB;
  }

  run(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.finish = resolve;
      this.fail = reject;
      for (let i = 0; i < this.workers; i++) this.feed(this.spawn());
    }).finally(() => Promise.all([...this.busy.keys()].map((w) => w.terminate())));
  }

  private spawn(): Worker {
    const worker = new Worker(this.script);
    this.busy.set(worker, -1);
    worker.on('message', (reply: Reply) => {
      this.busy.set(worker, -1);
      this.complete(reply.seq, reply.result);
    });
    worker.on('error', (e: Error) => this.lost(worker, e.message));
    worker.on('exit', (code) => {
      if ((this.busy.get(worker) ?? -1) >= 0) this.lost(worker, `worker stopped with code ${code}`);
    });
    return worker;
  }

  /** A worker that dies (out of memory on a hostile file) fails its task only; a fresh one takes over. */
  private lost(worker: Worker, reason: string): void {
    if (!this.busy.has(worker)) return;
    const seq = this.busy.get(worker) ?? -1;
    this.busy.delete(worker);
    void worker.terminate();
    try {
      this.feed(this.spawn());
    } catch (err) {
      this.fail(err);
      return;
    }
    const task = this.tasks[seq];
    if (task) this.complete(seq, { file: task.file, ok: false, error: `analysis failed: ${reason}` });
  }

  private feed(worker: Worker): void {
    if (this.busy.get(worker) !== -1) return;
    if (this.next >= this.tasks.length || this.next >= this.delivered + this.window) return;
    const seq = this.next++;
    this.busy.set(worker, seq);
    worker.postMessage({ seq, task: this.tasks[seq] });
  }

  private complete(seq: number, result: TaskResult): void {
    this.done.set(seq, result);
    for (let r = this.done.get(this.delivered); r !== undefined; r = this.done.get(this.delivered)) {
      this.done.delete(this.delivered);
      try {
        this.deliver(r, this.delivered);
      } catch (e) {
        this.fail(e);
        return;
      }
      this.delivered++;
    }
    // Workers idle because of the window get work again now that it moved.
    for (const [w, s] of this.busy) if (s === -1) this.feed(w);
    if (this.delivered === this.tasks.length) this.finish();
  }
}
