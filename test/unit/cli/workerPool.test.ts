import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyze } from '../../../src/core/analysis/analyze';
import { analyzeMany, summariseMany } from '../../../src/cli/workerPool';
import { repoRoot } from '../core/analysis/helpers';

const seedDir = (): string => path.join(repoRoot(), 'test', 'fixtures', 'workspace', 'seeds');
const seedFiles = (): string[] =>
  fs
    .readdirSync(seedDir())
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => path.join(seedDir(), f));

describe('worker pool', () => {
  let tmp = '';
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sa-pool-'));
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  for (const jobs of [1, 2, 3]) {
    it(`analyses files on ${jobs} job(s) with the results in input order, equal to analyze()`, async () => {
      // Repeated and interleaved so that workers finish out of order.
      const files = [...seedFiles(), ...seedFiles().reverse(), ...seedFiles()];
      const results = await analyzeMany(files, jobs);
      assert.deepEqual(results.map((r) => r.file), files);
      for (const r of results) {
        assert.ok(r.ok);
        assert.deepEqual(r.analysis, analyze(fs.readFileSync(r.file, 'utf8')));
      }
    });
  }

  it('reports an unreadable file in its place and goes on', async () => {
    const files = seedFiles();
    const missing = path.join(tmp, 'gone.txt');
    const list = [files[0] ?? '', missing, files[1] ?? ''];
    const results = await analyzeMany(list, 2);
    assert.deepEqual(results.map((r) => r.ok), [true, false, true]);
    const failed = results[1];
    assert.ok(failed && !failed.ok);
    assert.match(failed.error, /cannot read .*gone\.txt/);
  });

  it('streams summaries in input order without collecting them', async () => {
    const files = seedFiles().map((f) => ({ path: f, folder: seedDir() }));
    const seen: string[] = [];
    const collected = await summariseMany(files, 2, {
      onResult: (r, i) => {
        assert.ok(r.ok);
        assert.equal(r.summary.path, files[i]?.path);
        seen.push(r.file);
      },
    });
    assert.deepEqual(collected, []);
    assert.deepEqual(seen, files.map((f) => f.path));
  });

  it('fails only the task of a worker that dies, and goes on with a fresh worker', async () => {
    const script = path.join(tmp, 'dying-worker.js');
    fs.writeFileSync(
      script,
      `const { parentPort } = require('node:worker_threads');
parentPort.on('message', (m) => {
  if (m.task.file.includes('crash')) process.exit(3);
  if (m.task.file.includes('throw')) throw new Error('boom');
  parentPort.postMessage({ seq: m.seq, result: { file: m.task.file, ok: true, text: 'x', analysis: null } });
});`,
    );
    const files = ['a.txt', 'crash.txt', 'b.txt', 'throw.txt', 'c.txt', 'd.txt'];
    const results = await analyzeMany(files, 2, { workerScript: script });
    assert.deepEqual(results.map((r) => [r.file, r.ok]), files.map((f) => [f, !/crash|throw/.test(f)]));
    const errors = results.flatMap((r) => (r.ok ? [] : [r.error]));
    assert.match(errors[0] ?? '', /worker stopped with code 3/);
    assert.match(errors[1] ?? '', /boom/);
  });

  it('handles an empty list and more jobs than files', async () => {
    assert.deepEqual(await analyzeMany([], 4), []);
    const [one] = seedFiles();
    assert.equal((await analyzeMany([one ?? ''], 8)).length, 1);
  });

  it('says clearly when the worker script is missing', async () => {
    await assert.rejects(analyzeMany(seedFiles(), 2, { workerScript: path.join(tmp, 'none.js') }), /worker script .*none\.js is missing/);
  });
});
