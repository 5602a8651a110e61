import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../../../src/core/analysis/analyze';
import { makeTempFolder, seedsFolder, spawnCli } from '../cliHarness';

describe('analyze --jobs and --jsonl', function () {
  // Each test starts the command line several times, with worker threads, on a shared machine.
  this.timeout(120_000);
  let tmp = '';
  beforeEach(() => (tmp = makeTempFolder()));
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  function corpus(): string {
    for (let copy = 0; copy < 3; copy++) {
      const dir = path.join(tmp, 'in', `copy ${copy}`);
      fs.mkdirSync(dir, { recursive: true });
      for (const name of fs.readdirSync(seedsFolder())) fs.copyFileSync(path.join(seedsFolder(), name), path.join(dir, name));
    }
    fs.writeFileSync(path.join(tmp, 'in', 'copy 1', 'empty.txt'), '');
    return path.join(tmp, 'in');
  }

  for (const mode of [[], ['--json']]) {
    it(`prints the same output on 1, 2 and 3 jobs ${mode.join(' ')}`, () => {
      const input = corpus();
      const one = spawnCli(['analyze', ...mode, '--jobs', '1', input]);
      assert.equal(one.status, 0, one.err);
      assert.ok(one.out.length > 1000);
      for (const jobs of ['2', '3']) {
        const many = spawnCli(['analyze', ...mode, '--jobs', jobs, input], { timeout: 60_000 });
        assert.equal(many.status, 0, many.err);
        assert.equal(many.out, one.out);
      }
    });
  }

  it('writes the same prediction files on 2 jobs', () => {
    const input = corpus();
    assert.equal(spawnCli(['analyze', '--pred-dir', path.join(tmp, 'one'), path.join(input, 'copy 0')]).status, 0);
    assert.equal(spawnCli(['analyze', '--jobs=2', '--pred-dir', path.join(tmp, 'two'), path.join(input, 'copy 0')], { timeout: 60_000 }).status, 0);
    const names = fs.readdirSync(path.join(tmp, 'one')).sort();
    assert.deepEqual(fs.readdirSync(path.join(tmp, 'two')).sort(), names);
    for (const n of names) assert.equal(fs.readFileSync(path.join(tmp, 'two', n), 'utf8'), fs.readFileSync(path.join(tmp, 'one', n), 'utf8'));
  });

  it('refuses a --jobs that is not a whole number of at least 1', () => {
    for (const bad of ['0', 'two', '1.5']) assert.equal(spawnCli(['analyze', '--jobs', bad, seedsFolder()]).status, 2);
  });

  it('streams JSON lines from standard input to standard output', () => {
    const seeds = fs.readdirSync(seedsFolder()).sort().map((name) => ({ id: name, text: fs.readFileSync(path.join(seedsFolder(), name), 'utf8') }));
    const input = `${seeds.map((s) => JSON.stringify(s)).join('\n')}\nnot json\n`;
    const r = spawnCli(['analyze', '--jsonl'], { input });
    assert.equal(r.status, 1);
    const lines = r.out.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    assert.equal(lines.length, seeds.length + 1);
    seeds.forEach((s, i) => {
      const { id, ...analysis } = lines[i] ?? {};
      assert.equal(id, s.id);
      assert.deepEqual(analysis, JSON.parse(JSON.stringify(analyze(s.text))));
    });
    assert.equal(lines[seeds.length]?.line, seeds.length + 1);
    assert.match(r.err, /1 of 6 records/);
  });

  it('takes no files with --jsonl', () => {
    assert.equal(spawnCli(['analyze', '--jsonl', seedsFolder()]).status, 2);
  });
});
