import * as assert from 'node:assert/strict';
import { OutputClosedError, processIo, writeAllSync } from '../../../src/cli/safeOutput';
import type { WriteSync } from '../../../src/cli/safeOutput';

function failing(code: string, onFd = 1): { write: WriteSync; written: Map<number, string> } {
  const written = new Map<number, string>();
  const write: WriteSync = (fd, data, offset, length) => {
    if (fd === onFd) throw Object.assign(new Error(`${code}: write`), { code });
    written.set(fd, (written.get(fd) ?? '') + Buffer.from(data.subarray(offset, offset + length)).toString('utf8'));
    return length;
  };
  return { write, written };
}

describe('safe output', () => {
  it('ends quietly when the reader went away (EPIPE)', () => {
    const { write, written } = failing('EPIPE');
    const io = processIo(write);
    assert.throws(() => io.out('line'), (e: unknown) => e instanceof OutputClosedError && e.quiet);
    assert.equal(written.get(2), undefined, 'nothing on standard error');
    assert.equal(io.reportedProblems, false);
    assert.throws(() => io.out('next'), OutputClosedError, 'stays closed');
  });

  it('reports a full disk on standard output as one line on standard error (ENOSPC)', () => {
    const { write, written } = failing('ENOSPC');
    const io = processIo(write);
    assert.throws(() => io.out('line'), (e: unknown) => e instanceof OutputClosedError && !e.quiet);
    assert.equal(written.get(2), 'source-annotator: cannot write to standard output: no space left on the device (ENOSPC)\n');
    assert.equal(io.reportedProblems, true);
  });

  it('ignores a broken standard error rather than throwing', () => {
    const { write } = failing('EPIPE', 2);
    const io = processIo(write);
    io.err('a problem');
    assert.equal(io.reportedProblems, true);
  });

  it('escapes controls that reach the streams unescaped, keeping line breaks', () => {
    const { write, written } = failing('none', -1);
    processIo(write).out('a\u001b[2Jb\nc');
    assert.equal(written.get(1), 'a\\x1b[2Jb\nc\n');
  });

  it('waits out a full non-blocking pipe (EAGAIN) and writes everything once', () => {
    let calls = 0;
    let got = '';
    const write: WriteSync = (_fd, data, offset, length) => {
      calls++;
      if (calls % 2 === 1) throw Object.assign(new Error('EAGAIN'), { code: 'EAGAIN' });
      const n = Math.min(3, length);
      got += Buffer.from(data.subarray(offset, offset + n)).toString('latin1');
      return n;
    };
    writeAllSync(1, Buffer.from('abcdefgh', 'latin1'), write);
    assert.equal(got, 'abcdefgh');
  });
});
