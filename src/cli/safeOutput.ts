// The command line's output streams. Writes go straight to the file descriptors, synchronously, so
// a failure is known at the write that caused it: a reader that went away (`| head -1`, EPIPE)
// ends the run quietly as Unix tools do, and a full disk on standard output is one line on
// standard error, never a stack trace from an unhandled 'error' event.
import * as fs from 'node:fs';
import type { CliIo } from './io';
import { describeError, errorCode } from './fileErrors';
import { escapeOutputBlock } from './terminalText';

/** Thrown by `out()` once standard output is closed or broken: the command stops, main() exits. */
export class OutputClosedError extends Error {
  constructor(
    /** Whether the reader went away (EPIPE, quiet) or the output failed (reported, status 1). */
    readonly quiet: boolean,
  ) {
    super('standard output is closed');
  }
}

export type WriteSync = (fd: number, data: Uint8Array, offset: number, length: number) => number;

const pause = new Int32Array(new SharedArrayBuffer(4));

/** Writes all of `data`, waiting out a non-blocking descriptor that is momentarily full. */
export function writeAllSync(fd: number, data: Uint8Array, write: WriteSync = fs.writeSync): void {
  let offset = 0;
  while (offset < data.length) {
    try {
      offset += write(fd, data, offset, data.length - offset);
    } catch (e) {
      if (errorCode(e) !== 'EAGAIN') throw e;
      Atomics.wait(pause, 0, 0, 2);
    }
  }
}

export interface ProcessIo extends CliIo {
  /** True once something was written to standard error (a failure was reported). */
  readonly reportedProblems: boolean;
}

/** The streams of this process; `write` is the seam tests use to simulate a full disk. */
export function processIo(write: WriteSync = fs.writeSync, stdout = 1, stderr = 2): ProcessIo {
  let reportedProblems = false;
  let closed: OutputClosedError | undefined;
  const encoder = new TextEncoder();
  const err = (text: string): void => {
    reportedProblems = true;
    try {
      writeAllSync(stderr, encoder.encode(`${escapeOutputBlock(text)}\n`), write);
    } catch {
      // Nowhere left to say it; the exit status still tells.
    }
  };
  return {
    get reportedProblems() {
      return reportedProblems;
    },
    out(text: string): void {
      if (closed) throw closed;
      try {
        writeAllSync(stdout, encoder.encode(`${escapeOutputBlock(text)}\n`), write);
      } catch (e) {
        const quiet = errorCode(e) === 'EPIPE';
        if (!quiet) err(`source-annotator: cannot write to standard output: ${describeError(e)}`);
        closed = new OutputClosedError(quiet);
        throw closed;
      }
    },
    err,
  };
}
