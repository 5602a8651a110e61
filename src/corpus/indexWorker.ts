// Entry of a corpus-index worker thread (bundled on its own as dist/corpusWorker.js): answers each
// task with its result; the extension host's thread never analyses a file of the index.
import { parentPort } from 'node:worker_threads';
import type { IndexTask } from './indexTask';
import { runIndexTask } from './indexTask';

parentPort?.on('message', (task: IndexTask) => {
  parentPort?.postMessage(runIndexTask(task));
});
