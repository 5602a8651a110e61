// Entry of a worker thread of the pool (bundled on its own as dist/analyzeWorker.js): runs the
// tasks it is sent, one at a time, and answers each with its sequence number.
import { parentPort } from 'node:worker_threads';
import type { AnalyzeTask } from './analyzeTask';
import { runTask } from './analyzeTask';

interface TaskMessage {
  readonly seq: number;
  readonly task: AnalyzeTask;
}

parentPort?.on('message', (message: TaskMessage) => {
  let result;
  try {
    result = runTask(message.task);
  } catch (e) {
    result = { file: message.task.file, ok: false as const, error: e instanceof Error ? e.message : String(e) };
  }
  parentPort?.postMessage({ seq: message.seq, result });
});
