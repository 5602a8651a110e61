import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { describeError, isDestinationError } from '../../../src/cli/fileErrors';

function nodeError(code: string, message: string): NodeJS.ErrnoException {
  return Object.assign(new Error(message), { code });
}

describe('file errors as one line', () => {
  const cases: [string, string][] = [
    ['ENOENT', 'no such file or folder (ENOENT)'],
    ['EACCES', 'permission denied (EACCES)'],
    ['EPERM', 'operation not permitted (read-only or protected) (EPERM)'],
    ['ENOSPC', 'no space left on the device (ENOSPC)'],
    ['EEXIST', 'already exists (EEXIST)'],
    ['ENOTDIR', 'a part of the path is a file, not a folder (ENOTDIR)'],
    ['ELOOP', 'symbolic link loop (a link that points back to itself) (ELOOP)'],
  ];
  for (const [code, expected] of cases) {
    it(`describes ${code} in words`, () => assert.equal(describeError(nodeError(code, `${code}: something, open '/x'`)), expected));
  }

  it('keeps the first line of an unknown error, never a stack', () => {
    const e = nodeError('EWHATEVER', 'EWHATEVER: odd failure\n    at Object.openSync (node:fs:1:1)');
    assert.equal(describeError(e), 'EWHATEVER: odd failure');
    assert.equal(describeError('plain'), 'plain');
  });

  it('describes a real failure from the file system', () => {
    let error: unknown;
    try {
      fs.readFileSync('/nonexistent/sa-cli-test');
    } catch (e) {
      error = e;
    }
    assert.equal(describeError(error), 'no such file or folder (ENOENT)');
  });

  it('tells failures of the whole destination from those of one file', () => {
    assert.ok(isDestinationError(nodeError('ENOSPC', '')));
    assert.ok(isDestinationError(nodeError('EROFS', '')));
    assert.ok(!isDestinationError(nodeError('EISDIR', '')));
    assert.ok(!isDestinationError(new Error('x')));
  });
});
