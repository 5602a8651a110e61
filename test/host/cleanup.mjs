// One place that undoes what a host script set up (server process groups, browsers, temp folders),
// whichever way the script ends: normal return, timeout, Ctrl-C, SIGTERM or an uncaught error.
import fs from 'node:fs';

/** @type {{ name: string, async?: () => Promise<void>, sync: () => void }[]} */
const tasks = [];
let cleaning;

/**
 * Registers an undo step. `sync` must work inside process.on('exit'), where nothing asynchronous
 * runs any more; `async` (optional) is the gentler version used on every other path.
 */
export function onCleanup(name, sync, async) {
  const task = { name, sync, async };
  tasks.push(task);
  return () => {
    const index = tasks.indexOf(task);
    if (index >= 0) tasks.splice(index, 1);
  };
}

/** True once cleanup() has begun, e.g. because of Ctrl-C: the script is on its way out. */
export function cleanupStarted() {
  return cleaning !== undefined;
}

/** Runs every undo step once, newest first; never throws. */
export function cleanup() {
  cleaning ??= (async () => {
    while (tasks.length > 0) {
      // Removed only once done, so that an exit in the middle still runs its synchronous part.
      const task = tasks[tasks.length - 1];
      try {
        if (task.async) await withTimeout(task.async(), 10_000);
        else task.sync();
      } catch (error) {
        try {
          task.sync();
        } catch (syncError) {
          console.error(`Cleanup of ${task.name} failed: ${syncError.message ?? syncError} (after ${error.message ?? error})`);
        }
      }
      const index = tasks.indexOf(task);
      if (index >= 0) tasks.splice(index, 1);
    }
  })();
  return cleaning;
}

function withTimeout(promise, ms) {
  let timer;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    }),
  ]);
}

/** Removes a folder tree; used for the per-run temp folders. */
export function removeFolder(dir) {
  fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
}

/** Sends a signal to a whole process group; a group that is already gone is fine. */
export function signalGroup(pid, signal) {
  if (!pid) return false;
  try {
    process.kill(-pid, signal);
    return true;
  } catch (error) {
    if (error.code === 'ESRCH') return false;
    throw error;
  }
}

/**
 * Makes signals, uncaught errors and a whole-run timeout end the process through cleanup().
 * `onAbort(reason)` lets the script report before it exits (e.g. write its result file).
 */
export function installExitHandlers({ timeoutMs, onAbort = () => {} } = {}) {
  let aborting = false;
  const abort = (reason, exitCode) => {
    if (aborting) {
      // A second Ctrl-C: stop waiting; the 'exit' handler below still kills and removes.
      process.exit(exitCode);
    }
    aborting = true;
    console.error(`\n${reason}`);
    try {
      onAbort(reason);
    } catch (error) {
      console.error(error);
    }
    void cleanup().finally(() => process.exit(exitCode));
  };
  process.on('SIGINT', () => abort('Interrupted (SIGINT): cleaning up.', 130));
  process.on('SIGTERM', () => abort('Terminated (SIGTERM): cleaning up.', 143));
  process.on('SIGHUP', () => abort('Hang-up (SIGHUP): cleaning up.', 129));
  process.on('uncaughtException', (error) => abort(`Uncaught error: ${error.stack ?? error}`, 1));
  process.on('unhandledRejection', (error) => abort(`Unhandled rejection: ${error?.stack ?? error}`, 1));
  // Last resort when something calls process.exit() directly: only synchronous steps can run.
  process.on('exit', () => {
    while (tasks.length > 0) {
      const task = tasks.pop();
      try {
        task.sync();
      } catch {
        // Exiting anyway; nothing left to report to.
      }
    }
  });
  if (timeoutMs) {
    const timer = setTimeout(() => abort(`Timed out after ${Math.round(timeoutMs / 1000)} s: cleaning up.`, 124), timeoutMs);
    timer.unref();
  }
}
