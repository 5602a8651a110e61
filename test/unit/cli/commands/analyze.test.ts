// What a hostile tester did to `analyze`, each as a test: every failure is one line naming the file
// and the cause, the other inputs are still processed, and the exit status tells.
import * as assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cliPath, makeReadOnly, makeTempFolder, run, seedsFolder, spawnCli } from '../cliHarness';

const SEED = '002_2831f1d8eb210064.txt';
const NO_STACK = /^\s+at /m;

function copySeed(to: string, seed = SEED): void {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.copyFileSync(path.join(seedsFolder(), seed), to);
}

function assertOneLine(err: string, pattern: RegExp): void {
  assert.doesNotMatch(err, NO_STACK, 'no stack trace');
  assert.match(err, pattern);
}

describe('analyze on hostile input', () => {
  let tmp = '';
  let cleanups: (() => void)[] = [];
  beforeEach(() => {
    tmp = makeTempFolder();
    cleanups = [];
  });
  afterEach(() => {
    for (const cleanup of cleanups.reverse()) cleanup();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('--pred-dir pointing at a file: one line, exit 1', () => {
    const file = path.join(tmp, 'taken');
    fs.writeFileSync(file, 'x');
    const r = spawnCli(['analyze', '--pred-dir', file, seedsFolder()]);
    assert.equal(r.status, 1);
    assert.equal(r.err, `source-annotator: cannot use ${file} as the prediction folder: it exists and is not a folder\n`);
  });

  it('--pred-dir under a file: one line naming the cause', () => {
    const file = path.join(tmp, 'taken');
    fs.writeFileSync(file, 'x');
    const r = spawnCli(['analyze', '--pred-dir', path.join(file, 'pred'), seedsFolder()]);
    assert.equal(r.status, 1);
    assertOneLine(r.err, /^source-annotator: cannot use .*taken\/pred as the prediction folder: a part of the path is a file, not a folder \(ENOTDIR\)\n$/);
  });

  it('replaces a link planted at a prediction’s name instead of writing where it points', () => {
    const pred = path.join(tmp, 'pred');
    fs.mkdirSync(pred);
    const outside = path.join(tmp, 'outside.txt');
    fs.writeFileSync(outside, 'not a prediction');
    fs.symlinkSync(outside, path.join(pred, '000_03cb73ca90429b2a.pred.json'));
    const r = spawnCli(['analyze', '--pred-dir', pred, seedsFolder()]);
    assert.equal(r.status, 0, r.err);
    assert.equal(fs.readFileSync(outside, 'utf8'), 'not a prediction');
    assert.ok(fs.lstatSync(path.join(pred, '000_03cb73ca90429b2a.pred.json')).isFile());
  });

  it('a read-only prediction folder: one line, no partial or temporary files', () => {
    const pred = path.join(tmp, 'pred');
    fs.mkdirSync(pred);
    cleanups.push(makeReadOnly(pred));
    const r = spawnCli(['analyze', '--pred-dir', pred, seedsFolder()]);
    assert.equal(r.status, 1);
    assertOneLine(r.err, /^source-annotator: cannot write .*pred\/000_03cb73ca90429b2a\.pred\.json: (operation not permitted|permission denied).*; stopped after writing 0 of 5 prediction files\n$/);
    assert.deepEqual(fs.readdirSync(pred), []);
  });

  it('a full disk: standard output to /dev/full, and (where a tmpfs can be mounted) a full prediction folder', () => {
    const out = fs.openSync('/dev/full', 'w');
    try {
      const r = spawnCli(['analyze', seedsFolder()], { stdio: ['ignore', out, 'pipe'] });
      assert.equal(r.status, 1);
      assert.equal(r.err, 'source-annotator: cannot write to standard output: no space left on the device (ENOSPC)\n');
    } finally {
      fs.closeSync(out);
    }
    const small = path.join(tmp, 'small');
    fs.mkdirSync(small);
    // One 4 KiB page: the first prediction file fits, the second does not.
    if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=4k', 'tmpfs', small]).status !== 0) return;
    cleanups.push(() => spawnSync('umount', [small]));
    const r = spawnCli(['analyze', '--pred-dir', small, seedsFolder()]);
    assert.equal(r.status, 1);
    assertOneLine(r.err, /^source-annotator: cannot write .*small\/001_fafea784eeeba758\.pred\.json: no space left on the device \(ENOSPC\); stopped after writing 1 of 5 prediction files\n$/);
    assert.deepEqual(fs.readdirSync(small), ['000_03cb73ca90429b2a.pred.json'], 'no partial file, no temporary file');
    JSON.parse(fs.readFileSync(path.join(small, '000_03cb73ca90429b2a.pred.json'), 'utf8'));
  });

  it('| head -1 (EPIPE): the first line, then a quiet end with status 0', () => {
    const inputs = Array.from({ length: 12 }, () => `'${seedsFolder()}'`).join(' ');
    const script = `'${process.execPath}' '${cliPath()}' analyze --json ${inputs} | head -c 20; echo; echo "status \${PIPESTATUS[0]}"`;
    const r = spawnSync('bash', ['-c', script], { encoding: 'utf8', timeout: 30_000 });
    assert.equal(r.stderr, '');
    assert.match(r.stdout, /^\{"file":"[^\n]*\nstatus 0\n$/);
  });

  it('a reader that closes its end early ends the run without an error', async () => {
    const child = spawn(process.execPath, [cliPath(), 'analyze', '--json', ...Array.from({ length: 12 }, seedsFolder)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    assert.equal(err, '');
    assert.equal(status, 0);
  });

  it('a FIFO among the articles is refused at once, the others analysed', () => {
    execFileSync('mkfifo', [path.join(tmp, 'b.txt')]);
    copySeed(path.join(tmp, 'a.txt'));
    copySeed(path.join(tmp, 'c.txt'));
    const r = spawnCli(['analyze', tmp]);
    assert.equal(r.status, 1);
    assert.equal(r.err, `source-annotator: ${path.join(tmp, 'b.txt')}: not a regular file but a FIFO (named pipe); skipped\n`);
    assert.match(r.out, /a\.txt\n {2}2 quotes[\s\S]*c\.txt\n {2}2 quotes/);
    const named = spawnCli(['analyze', path.join(tmp, 'b.txt')]);
    assert.equal(named.status, 1);
    assert.match(named.err, /FIFO/);
  });

  it('a self-looping symlink is named as a loop, not "no such file"', () => {
    const loop = path.join(tmp, 'loop.txt');
    fs.symlinkSync('loop.txt', loop);
    const r = spawnCli(['analyze', loop]);
    assert.equal(r.status, 1);
    assert.equal(r.err, `source-annotator: ${loop}: symbolic link loop (a link that points back to itself) (ELOOP)\n`);
  });

  it('a symlinked .txt in a folder is analysed', async () => {
    copySeed(path.join(tmp, 'store', 'real.txt'));
    fs.mkdirSync(path.join(tmp, 'in'));
    fs.symlinkSync(path.join(tmp, 'store', 'real.txt'), path.join(tmp, 'in', 'linked.txt'));
    const r = await run(['analyze', path.join(tmp, 'in')]);
    assert.equal(r.status, 0);
    assert.match(r.out, /in\/linked\.txt\n {2}2 quotes/);
  });

  it('one unreadable input among good ones: named with its cause, the others still analysed', () => {
    copySeed(path.join(tmp, 'a.txt'));
    copySeed(path.join(tmp, 'b.txt'));
    copySeed(path.join(tmp, 'c.txt'));
    fs.chmodSync(path.join(tmp, 'b.txt'), 0o000);
    fs.chmodSync(tmp, 0o755);
    // Root reads anything: run as an unprivileged user then.
    const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const r = spawnCli(['analyze', tmp], asUser);
    assert.equal(r.status, 1);
    assert.equal(r.err, `source-annotator: cannot read ${path.join(tmp, 'b.txt')}: permission denied (EACCES)\n`);
    assert.match(r.out, /a\.txt\n {2}2 quotes[\s\S]*c\.txt\n {2}2 quotes/);
  });

  it('two input folders with a same.txt each: the second is reported, not silently overwritten', async () => {
    copySeed(path.join(tmp, 'x', 'same.txt'), '002_2831f1d8eb210064.txt');
    copySeed(path.join(tmp, 'y', 'same.txt'), '003_c85226f8b914c529.txt');
    const pred = path.join(tmp, 'pred');
    const r = await run(['analyze', '--pred-dir', pred, path.join(tmp, 'x'), path.join(tmp, 'y')]);
    assert.equal(r.status, 1);
    assert.equal(
      r.err,
      `source-annotator: ${path.join(tmp, 'y', 'same.txt')}: not written: its prediction file ${path.join(pred, 'same.pred.json')} already holds ${path.join(tmp, 'x', 'same.txt')} (same file name); rename one of them or analyse the folders separately`,
    );
    assert.equal(r.out, `wrote 1 prediction files to ${pred}`);
    const written = JSON.parse(fs.readFileSync(path.join(pred, 'same.pred.json'), 'utf8')) as { quotes: unknown[] };
    assert.equal(written.quotes.length, 2, "x/same.txt's predictions (the seed with 2 quotes), not y's");
  });

  it('escape sequences in an article never reach the terminal raw', async () => {
    const name = path.join(tmp, 'evil\u001b[2J.txt');
    fs.writeFileSync(name, '“Stocks \u001b]0;owned\u0007 fell \u001b[31msharply\u009b,” said Bob \u001b[5mSmith\u202e.\n');
    const text = await run(['analyze', name]);
    assert.equal(text.status, 0);
    assert.doesNotMatch(text.out, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/u);
    assert.match(text.out, /evil\\x1b\[2J\.txt/);
    assert.match(text.out, /Stocks \\x1b\]0;owned\\x07 fell \\x1b\[31msharply\\x9b/);
    const json = await run(['analyze', '--json', name]);
    assert.doesNotMatch(json.out, /[\u0000-\u001f\u007f-\u009f\u202e]/u);
    assert.equal((JSON.parse(json.out) as { file: string }).file, name);
  });
});
