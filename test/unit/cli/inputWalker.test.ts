import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { walkInputs } from '../../../src/cli/inputWalker';
import { NotRegularFileError, readRegularFile } from '../../../src/base/regularFile';
import type { InputEntry } from '../../../src/cli/inputWalker';
import { makeTempFolder } from './cliHarness';

const isTxt = (name: string): boolean => name.endsWith('.txt');

function summary(entries: readonly InputEntry[], root: string): string[] {
  return entries.map((e) => (e.kind === 'file' ? `file ${path.relative(root, e.path)} (${e.relative})` : `problem ${path.relative(root, e.path)}: ${e.message}`));
}

describe('input walker', () => {
  let tmp = '';
  beforeEach(() => {
    tmp = makeTempFolder();
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('finds wanted files recursively in name order and keeps their path under the input folder', () => {
    fs.mkdirSync(path.join(tmp, 'b', 'deep'), { recursive: true });
    fs.writeFileSync(path.join(tmp, 'b', 'deep', 'z.txt'), 'z');
    fs.writeFileSync(path.join(tmp, 'a.txt'), 'a');
    fs.writeFileSync(path.join(tmp, 'notes.md'), 'not wanted');
    for (const skipped of ['.git', '.vscode', 'node_modules']) {
      fs.mkdirSync(path.join(tmp, skipped));
      fs.writeFileSync(path.join(tmp, skipped, 'hidden.txt'), 'never an article');
    }
    assert.deepEqual(summary(walkInputs([tmp], isTxt), tmp), ['file a.txt (a.txt)', `file ${path.join('b', 'deep', 'z.txt')} (${path.join('b', 'deep', 'z.txt')})`]);
  });

  it('follows a symlinked .txt in a folder and a symlinked folder', () => {
    const elsewhere = makeTempFolder();
    try {
      fs.writeFileSync(path.join(elsewhere, 'real.txt'), 'x');
      fs.mkdirSync(path.join(tmp, 'in'));
      fs.symlinkSync(path.join(elsewhere, 'real.txt'), path.join(tmp, 'in', 'linked.txt'));
      fs.symlinkSync(elsewhere, path.join(tmp, 'in', 'linked-folder'));
      fs.writeFileSync(path.join(elsewhere, 'other.txt'), 'y');
      fs.symlinkSync(path.join(elsewhere, 'other.txt'), path.join(tmp, 'in', 'z-other.txt'));
      // real.txt is reached twice (through the folder link and the file link): found once, under its first path.
      assert.deepEqual(summary(walkInputs([path.join(tmp, 'in')], isTxt), tmp), [
        `file ${path.join('in', 'linked-folder', 'other.txt')} (${path.join('linked-folder', 'other.txt')})`,
        `file ${path.join('in', 'linked-folder', 'real.txt')} (${path.join('linked-folder', 'real.txt')})`,
      ]);
    } finally {
      fs.rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  it('searches a folder reached again through a link, or named twice, once: each file is found once', () => {
    fs.mkdirSync(path.join(tmp, 'corpus', 'site'), { recursive: true });
    fs.writeFileSync(path.join(tmp, 'corpus', 'site', 'a.txt'), 'a');
    fs.symlinkSync('site', path.join(tmp, 'corpus', 'zmirror'));
    assert.deepEqual(summary(walkInputs([path.join(tmp, 'corpus'), path.join(tmp, 'corpus', 'site')], isTxt), tmp), [`file ${path.join('corpus', 'site', 'a.txt')} (${path.join('site', 'a.txt')})`]);
  });

  it('finds a file once, however many chains of links lead to it (no walk that doubles with each level)', () => {
    // Level k holds two links, a and b, to level k+1: 2^20 paths lead to the one file at the end.
    const levels = 20;
    for (let k = 0; k <= levels; k++) fs.mkdirSync(path.join(tmp, `n${k}`));
    for (let k = 0; k < levels; k++) for (const link of ['a', 'b']) fs.symlinkSync(path.join(tmp, `n${k + 1}`), path.join(tmp, `n${k}`, link));
    fs.writeFileSync(path.join(tmp, `n${levels}`, 'end.txt'), 'end');
    const found = walkInputs([path.join(tmp, 'n0')], isTxt);
    assert.equal(found.length, 1);
    assert.equal(found[0]?.kind, 'file');
  });

  it('walks a tree 400 folders deep and finds the file at its bottom', () => {
    let deep = path.join(tmp, 'deep');
    for (let k = 0; k < 400; k++) deep = path.join(deep, 'd');
    fs.mkdirSync(deep, { recursive: true });
    fs.writeFileSync(path.join(deep, 'bottom.txt'), 'x');
    const found = walkInputs([path.join(tmp, 'deep')], isTxt);
    assert.deepEqual(found.map((e) => e.kind), ['file']);
  });

  it('reports a folder link that leads back to an ancestor once instead of walking forever', () => {
    fs.mkdirSync(path.join(tmp, 'in', 'sub'), { recursive: true });
    fs.writeFileSync(path.join(tmp, 'in', 'sub', 'a.txt'), 'a');
    fs.symlinkSync('..', path.join(tmp, 'in', 'sub', 'up'));
    const result = summary(walkInputs([path.join(tmp, 'in')], isTxt), tmp);
    assert.equal(result.length, 2);
    assert.equal(result[0], `file ${path.join('in', 'sub', 'a.txt')} (${path.join('sub', 'a.txt')})`);
    assert.match(result[1] ?? '', /^problem in\/sub\/up: symbolic link loop: it leads back to .*\/in; not followed$/);
  });

  it('names a self-looping symlink as a loop, not as a missing file, given or found', () => {
    fs.symlinkSync('loop.txt', path.join(tmp, 'loop.txt'));
    const given = walkInputs([path.join(tmp, 'loop.txt')], isTxt);
    assert.deepEqual(summary(given, tmp), ['problem loop.txt: symbolic link loop (a link that points back to itself) (ELOOP)']);
    assert.deepEqual(summary(walkInputs([tmp], isTxt), tmp), ['problem loop.txt: symbolic link loop (a link that points back to itself) (ELOOP)']);
  });

  it('names a broken link that looks like an article, and ignores others', () => {
    fs.symlinkSync('gone.txt', path.join(tmp, 'broken.txt'));
    fs.symlinkSync('gone.bin', path.join(tmp, 'broken.bin'));
    assert.deepEqual(summary(walkInputs([tmp], isTxt), tmp), ['problem broken.txt: broken symbolic link (it points to gone.txt, which does not exist)']);
  });

  it('refuses FIFOs without opening them, in a folder and when named', () => {
    execFileSync('mkfifo', [path.join(tmp, 'pipe.txt')]);
    fs.writeFileSync(path.join(tmp, 'ok.txt'), 'ok');
    const expected = 'problem pipe.txt: not a regular file but a FIFO (named pipe); skipped';
    assert.deepEqual(summary(walkInputs([tmp], isTxt), tmp), ['file ok.txt (ok.txt)', expected]);
    assert.deepEqual(summary(walkInputs([path.join(tmp, 'pipe.txt')], isTxt), tmp), [expected]);
    assert.deepEqual(walkInputs(['/dev/null'], isTxt), [{ kind: 'problem', path: '/dev/null', message: 'not a regular file but a character device; skipped' }]);
  });

  it('reads a regular file but refuses a FIFO at once instead of waiting for a writer', () => {
    fs.writeFileSync(path.join(tmp, 'a.txt'), 'héllo');
    assert.equal(readRegularFile(path.join(tmp, 'a.txt')), 'héllo');
    execFileSync('mkfifo', [path.join(tmp, 'pipe.txt')]);
    assert.throws(() => readRegularFile(path.join(tmp, 'pipe.txt')), (e: unknown) => e instanceof NotRegularFileError && /FIFO/.test(e.message));
  });

  it('names a folder found under a wanted file’s name, and still searches it', () => {
    fs.mkdirSync(path.join(tmp, 'b.txt'));
    fs.writeFileSync(path.join(tmp, 'b.txt', 'inner.txt'), 'x');
    fs.writeFileSync(path.join(tmp, 'a.txt'), 'a');
    assert.deepEqual(summary(walkInputs([tmp], isTxt), tmp), [
      'file a.txt (a.txt)',
      'problem b.txt: a folder, not a file, under a file’s name; not read as one (its contents are searched)',
      `file ${path.join('b.txt', 'inner.txt')} (${path.join('b.txt', 'inner.txt')})`,
    ]);
  });

  it('finds a file reached by two paths once: a symbolic link to it, a hard link, the file named again', () => {
    fs.writeFileSync(path.join(tmp, 'a.txt'), 'a');
    fs.symlinkSync('a.txt', path.join(tmp, 'b.txt'));
    fs.linkSync(path.join(tmp, 'a.txt'), path.join(tmp, 'c.txt'));
    fs.writeFileSync(path.join(tmp, 'd.txt'), 'a');
    assert.deepEqual(summary(walkInputs([tmp, path.join(tmp, 'a.txt')], isTxt), tmp), ['file a.txt (a.txt)', 'file d.txt (d.txt)']);
  });

  it('names a missing input and goes on with the others', () => {
    fs.writeFileSync(path.join(tmp, 'a.txt'), 'a');
    assert.deepEqual(summary(walkInputs([path.join(tmp, 'missing.txt'), path.join(tmp, 'a.txt')], isTxt), tmp), [
      'problem missing.txt: no such file or folder (ENOENT)',
      'file a.txt (a.txt)',
    ]);
  });
});
