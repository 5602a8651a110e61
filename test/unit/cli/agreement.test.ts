import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { sha256Of } from '../../../src/cli/commands/interchangeFiles';
import { createAnnotation } from '../../../src/core/annotations/model/create';
import type { Annotation } from '../../../src/core/annotations/model/types';
import { serialiseSidecar } from '../../../src/core/annotations/sidecar/serialise';
import { NOW, TEXT } from '../core/interchange/testArticle';
import { run } from './cliHarness';

let ids = 0;
function tag(words: string, label: string, author: string, trim = 0): Annotation {
  const start = TEXT.indexOf(words);
  return createAnnotation(TEXT, { id: (++ids).toString(16).padStart(12, '0'), label, start: start + trim, end: start + words.length, author, now: NOW });
}

function writeCorpus(dir: string, annotations: readonly Annotation[]): void {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'story.txt'), TEXT);
  fs.writeFileSync(path.join(dir, 'story.txt.annotations.yaml'), serialiseSidecar(undefined, { file: 'story.txt', sha256: sha256Of(TEXT), annotations, rejections: [] }, TEXT));
}

interface JsonResult {
  pairs: { first: string; second: string; articles: number; overall: { exact: { f1: number | null; matched: number }; overlap: { f1: number | null; matched: number; onlyFirst: number; onlySecond: number }; alpha: number | null }; labels: Record<string, { exact: { f1: number | null } }> }[];
}

describe('command line: agreement', () => {
  let tmp = '';
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sa-agreement-'));
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  // ana and bo: same speaker; the quote with different boundaries; one claim only ana tagged.
  const twoAuthors = (): Annotation[] => [
    tag('Ana Ruiz', 'speaker', 'ana'),
    tag('Ana Ruiz', 'speaker', 'bo'),
    tag('“We will win 😀,”', 'quote', 'ana'),
    tag('“We will win 😀,”', 'quote', 'bo', 1),
    tag('is final.', 'claim', 'ana'),
  ];

  it('compares the authors within the sidecars, per label and overall', async () => {
    writeCorpus(path.join(tmp, 'corpus'), twoAuthors());
    const r = await run(['agreement', '--json', path.join(tmp, 'corpus')]);
    assert.equal(r.status, 0, r.err);
    const result = JSON.parse(r.out) as JsonResult;
    const pair = result.pairs[0];
    assert.equal(result.pairs.length, 1);
    assert.deepEqual([pair?.first, pair?.second, pair?.articles], ['ana', 'bo', 1]);
    // exact: speaker only → 2·1/(3+2); overlap: speaker and quote → 2·2/(3+2)
    assert.equal(pair?.overall.exact.f1, 2 / 5);
    assert.equal(pair?.overall.overlap.f1, 4 / 5);
    assert.deepEqual([pair?.overall.overlap.onlyFirst, pair?.overall.overlap.onlySecond], [1, 0]);
    assert.equal(pair?.labels['speaker']?.exact.f1, 1);
    assert.equal(pair?.labels['claim']?.exact.f1, 0);
    assert.ok((pair?.overall.alpha ?? 1) < 1);
  });

  it('prints a table by default', async () => {
    writeCorpus(path.join(tmp, 'corpus'), twoAuthors());
    const r = await run(['agreement', '--by', 'author', path.join(tmp, 'corpus')]);
    assert.match(r.out, /^ana vs bo: 1 articles\nlabel\s+exact F1\s+overlap F1\s+αu\s+matched\s+only ana\s+only bo\n/);
    assert.match(r.out, /\nspeaker\s+1\.000\s+1\.000\s+1\.000\s+1\s+0\s+0\n/);
    assert.match(r.out, /\nall labels\s+0\.400\s+0\.800\s/);
  });

  it('compares two copies of a corpus', async () => {
    const tags = twoAuthors();
    writeCorpus(path.join(tmp, 'a'), tags.filter((t) => t.author === 'ana'));
    writeCorpus(path.join(tmp, 'b'), tags.filter((t) => t.author === 'bo'));
    const r = await run(['agreement', '--json', path.join(tmp, 'a'), path.join(tmp, 'b')]);
    assert.equal(r.status, 0, r.err);
    const pair = (JSON.parse(r.out) as JsonResult).pairs[0];
    assert.equal(pair?.overall.exact.f1, 2 / 5);
    assert.equal(pair?.overall.overlap.f1, 4 / 5);
  });

  it('says when there is nobody to compare', async () => {
    writeCorpus(path.join(tmp, 'corpus'), [tag('Ana Ruiz', 'speaker', 'ana')]);
    const r = await run(['agreement', path.join(tmp, 'corpus')]);
    assert.match(r.err, /fewer than two authors/);
  });
});
