import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyze } from '../../../src/core/analysis/analyze';
import { createRejection } from '../../../src/core/annotations/model/create';
import { serialiseSidecar } from '../../../src/core/annotations/sidecar/serialise';
import { IndexPool } from '../../../src/corpus/indexPool';
import type { IndexResult, IndexTask } from '../../../src/corpus/indexTask';
import { MAX_INDEXED_FILE_BYTES } from '../../../src/corpus/indexLimits';
import { articleHash, runIndexTask } from '../../../src/corpus/indexTask';
import { textSha256 } from '../../../src/tagging/store/textHash';
import { projectRoot, seedArticles } from '../support/fixtureFiles';

const ARTICLE = ['Lavrov in Geneva', '', '“The international community is required to block extremists,” Lavrov said.', ''].join('\n');

function rejectingQuote(text: string): string {
  const quote = analyze(text).quotes[0];
  assert.ok(quote);
  const { start, end } = quote;
  const rejection = createRejection(text, { id: '0000000000ff', kind: 'quote', start, end, author: 'ana', now: '2026-01-01T00:00:00.000Z' });
  return serialiseSidecar(undefined, { file: 'a.txt', sha256: textSha256(text), annotations: [], rejections: [rejection] }, text);
}

describe('corpus index task (what a worker does per article)', () => {
  let tmp = '';
  beforeEach(() => (tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sa-index-'))));
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('summarises a file, then answers "unchanged" without analysing while its hash is the same', () => {
    const file = path.join(tmp, 'a.txt');
    fs.writeFileSync(file, ARTICLE);
    const first = runIndexTask({ key: 'k', folder: 'f', file });
    assert.ok(first.ok && first.summary);
    assert.equal(first.summary.quotes.length, 1);
    assert.equal(first.summary.path, 'k');
    const second = runIndexTask({ key: 'k', folder: 'f', file, knownHash: first.hash });
    assert.deepEqual(second, { key: 'k', ok: true, hash: first.hash, summary: null, identity: first.ok ? first.identity : '' });
    assert.match(first.ok ? (first.identity ?? '') : '', /^\d+:\d+$/, 'the file’s device and inode');
    fs.writeFileSync(file, `${ARTICLE}\nA new line.\n`);
    const third = runIndexTask({ key: 'k', folder: 'f', file, knownHash: first.hash });
    assert.ok(third.ok && third.summary && third.hash !== first.hash);
  });

  it('leaves out the detections rejected in the sidecar, and re-analyses when only the sidecar changed', () => {
    const file = path.join(tmp, 'a.txt');
    fs.writeFileSync(file, ARTICLE);
    const before = runIndexTask({ key: 'k', folder: 'f', file });
    fs.writeFileSync(`${file}.annotations.yaml`, rejectingQuote(ARTICLE));
    const after = runIndexTask({ key: 'k', folder: 'f', file, knownHash: before.ok ? before.hash : '' });
    assert.ok(after.ok && after.summary);
    assert.equal(after.summary.quotes.length, 0);
  });

  it('takes the text the host sent for a file outside the local disk', () => {
    const result = runIndexTask({ key: 'vscode-vfs://x/a.txt', folder: 'f', text: ARTICLE, sidecar: rejectingQuote(ARTICLE) });
    assert.ok(result.ok && result.summary);
    assert.equal(result.summary.quotes.length, 0);
  });

  it('never waits on a FIFO: an article that is one is reported, a sidecar that is one hides nothing', () => {
    const file = path.join(tmp, 'a.txt');
    fs.writeFileSync(file, ARTICLE);
    execFileSync('mkfifo', [`${file}.annotations.yaml`]);
    const withFifoSidecar = runIndexTask({ key: 'k', folder: 'f', file });
    assert.ok(withFifoSidecar.ok && withFifoSidecar.summary);
    assert.equal(withFifoSidecar.summary.quotes.length, 1);
    execFileSync('mkfifo', [path.join(tmp, 'pipe.txt')]);
    const fifoArticle = runIndexTask({ key: 'p', folder: 'f', file: path.join(tmp, 'pipe.txt') });
    assert.deepEqual(fifoArticle, { key: 'p', ok: false, error: 'not a regular file but a FIFO (named pipe)' });
  });

  it('does not read a sidecar larger than any sidecar can be: it hides nothing, as a malformed one', () => {
    const file = path.join(tmp, 'a.txt');
    fs.writeFileSync(file, ARTICLE);
    fs.writeFileSync(`${file}.annotations.yaml`, `${rejectingQuote(ARTICLE)}# ${'x'.repeat(6_000_001)}\n`);
    const result = runIndexTask({ key: 'k', folder: 'f', file });
    assert.ok(result.ok && result.summary);
    assert.equal(result.summary.quotes.length, 1);
    // Unread: the entry is keyed as an article without a sidecar.
    assert.equal(result.hash, articleHash(ARTICLE, undefined));
  });

  it('reports a file that cannot be read, and one gone since it was queued as gone', () => {
    const result = runIndexTask({ key: 'k', folder: 'f', file: path.join(tmp, 'missing.txt') });
    assert.deepEqual(result, { key: 'k', ok: false, error: 'no longer there', gone: true });
    fs.mkdirSync(path.join(tmp, 'folder.txt'));
    const folder = runIndexTask({ key: 'k', folder: 'f', file: path.join(tmp, 'folder.txt') });
    assert.ok(!folder.ok && folder.gone === undefined && /folder/.test(folder.error), JSON.stringify(folder));
  });

  it('does not read an article file larger than the index reads, and says so in MiB', () => {
    const file = path.join(tmp, 'huge.txt');
    // Sparse: the size is all that is looked at, nothing is written or read.
    fs.writeFileSync(file, '');
    fs.truncateSync(file, MAX_INDEXED_FILE_BYTES + 5 * 1024 * 1024);
    const result = runIndexTask({ key: 'k', folder: 'f', file });
    assert.deepEqual(result, { key: 'k', ok: false, error: "133 MiB, larger than the 128 MiB the index reads; not analysed" });
    fs.writeFileSync(file, ARTICLE.repeat(100));
    const small = runIndexTask({ key: 'k', folder: 'f', file, maxBytes: 1000 });
    assert.ok(!small.ok && /^\d+(\.\d)? KiB, larger than the 1 KiB the index reads; not analysed$/.test(small.error), small.ok ? 'indexed' : small.error);
    assert.ok(runIndexTask({ key: 'k', folder: 'f', file, maxBytes: 10_000_000 }).ok);
  });

  it('runs on worker threads: every article answered once, equal to the same task in this thread, and stops when cancelled', async () => {
    const script = path.join(projectRoot(), 'dist', 'corpusWorker.js');
    const seeds = seedArticles();
    seeds.forEach((a) => fs.writeFileSync(path.join(tmp, a.name), a.text));
    const tasks: IndexTask[] = [...seeds, ...seeds].map((a, i) => ({ key: `${i}:${a.name}`, folder: 'seeds', file: path.join(tmp, a.name) }));
    const results: IndexResult[] = [];
    const queue = [...tasks];
    await new IndexPool(script, 2).run({ next: () => Promise.resolve(queue.shift()), onResult: (r) => results.push(r), isCancelled: () => false });
    assert.equal(results.length, tasks.length);
    for (const task of tasks) assert.deepEqual(results.find((r) => r.key === task.key), runIndexTask(task));

    const again: IndexResult[] = [];
    const rest = [...tasks];
    await new IndexPool(script, 2).run({ next: () => Promise.resolve(rest.shift()), onResult: (r) => again.push(r), isCancelled: () => again.length >= 3 });
    assert.ok(again.length >= 3 && again.length < tasks.length, `${again.length} answered after cancelling`);
  });

  it('fails only the task whose analysis outgrows a worker’s heap; the next task gets a new worker', async function () {
    this.timeout(120_000);
    const script = path.join(projectRoot(), 'dist', 'corpusWorker.js');
    const big = path.join(tmp, 'big.txt');
    const seeds = seedArticles();
    const article = seeds.map((a) => a.text).join('\n\n');
    fs.writeFileSync(big, article.repeat(Math.ceil(12_000_000 / article.length)));
    fs.writeFileSync(path.join(tmp, 'small.txt'), ARTICLE);
    const tasks: IndexTask[] = [
      { key: 'big', folder: 'f', file: big },
      { key: 'small', folder: 'f', file: path.join(tmp, 'small.txt') },
    ];
    const results: IndexResult[] = [];
    await new IndexPool(script, 1, 48).run({ next: () => Promise.resolve(tasks.shift()), onResult: (r) => results.push(r), isCancelled: () => false });
    assert.deepEqual(
      results.map((r) => [r.key, r.ok]),
      [
        ['big', false],
        ['small', true],
      ],
    );
    const failed = results[0];
    assert.ok(failed && !failed.ok);
    assert.equal(failed.error, 'its analysis needed more memory than an index worker may take (48 MB)');
    assert.equal(failed.workerLost, true);
  });
});
