import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createAnnotation, createRejection } from '../../../src/core/annotations/model/create';
import { loadAnnotations } from '../../../src/core/annotations/sidecar/load';
import { parseSidecar } from '../../../src/core/annotations/sidecar/parse';
import { serialiseSidecar } from '../../../src/core/annotations/sidecar/serialise';
import { placeNew } from '../../../src/cli/commands/split';
import { readProjectFile } from '../support/fixtureFiles';
import { run } from './cliHarness';

const NOW = '2026-11-30T05:00:00.000Z';
const sha256 = (text: string): string => createHash('sha256').update(text.replace(/^\uFEFF/, ''), 'utf8').digest('hex');

/** Writes `text` as `name` in `dir` with a sidecar tagging each passage (label = passage's first word). */
function exportWithTags(dir: string, name: string, text: string, passages: readonly string[]): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  const annotations = passages.map((passage, i) => {
    const start = text.indexOf(passage);
    assert.ok(start >= 0, passage);
    return createAnnotation(text, { id: `00000000000${i}`, label: 'claim', start, end: start + passage.length, author: 'Jane Doe', now: NOW });
  });
  const quote = text.indexOf('"It is a fair settlement,"');
  const rejections = quote < 0 ? [] : [createRejection(text, { id: 'ffffffffffff', kind: 'quote', start: quote, end: quote + 26, author: 'Jane Doe', now: NOW })];
  fs.writeFileSync(`${file}.annotations.yaml`, serialiseSidecar(undefined, { file: name, sha256: sha256(text), annotations, rejections }, text));
  return file;
}

function tagsOf(file: string): { text: string; id: string; status: string }[] {
  const text = fs.readFileSync(file, 'utf8');
  const parsed = parseSidecar(fs.readFileSync(`${file}.annotations.yaml`, 'utf8'));
  assert.ok(parsed.ok, 'the written sidecar loads');
  const loaded = loadAnnotations(parsed.sidecar, text, sha256(text));
  assert.equal(loaded.textChanged, false, 'the sidecar hash is that of the written article');
  return [...loaded.set.annotations, ...loaded.set.rejections].map((t) => ({ text: text.slice(t.start, t.end), id: t.id, status: t.status }));
}

describe('source-annotator split', () => {
  let tmp = '';
  let out = '';
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sa-split-'));
    out = path.join(tmp, 'out folder');
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('writes one article per document with its fields, and moves the tags to their articles', async () => {
    const factiva = readProjectFile('test', 'fixtures', 'archive', 'factiva.txt').replace(/\n/g, '\r\n');
    const file = exportWithTags(tmp, 'week 20.txt', factiva, ['fourth meeting in a row', 'Port strike ends']);
    const r = await run(['split', '--out', out, file]);
    assert.equal(r.status, 0, r.err);
    assert.match(r.out, /factiva export, 3 articles written to .*\(3 tags moved\)/);
    assert.deepEqual(fs.readdirSync(out).sort(), [
      'week 20-01-central-bank-holds-rates-steady-amid-slowing.meta.json',
      'week 20-01-central-bank-holds-rates-steady-amid-slowing.txt',
      'week 20-01-central-bank-holds-rates-steady-amid-slowing.txt.annotations.yaml',
      'week 20-02-port-strike-ends-after-pay-deal.meta.json',
      'week 20-02-port-strike-ends-after-pay-deal.txt',
      'week 20-02-port-strike-ends-after-pay-deal.txt.annotations.yaml',
      'week 20-03-heatwave-warning-issued-for-southern-regions.meta.json',
      'week 20-03-heatwave-warning-issued-for-southern-regions.txt',
    ]);
    const second = path.join(out, 'week 20-02-port-strike-ends-after-pay-deal.txt');
    assert.equal(fs.readFileSync(second, 'utf8'), 'Port strike ends after pay deal\r\n\r\nDock workers at the country\'s largest container port returned to work on Wednesday.\r\n\r\n"It is a fair settlement," he said.\r\n');
    assert.deepEqual(tagsOf(second), [
      { text: 'Port strike ends', id: '000000000001', status: 'active' },
      { text: '"It is a fair settlement,"', id: 'ffffffffffff', status: 'active' },
    ]);
    assert.deepEqual(tagsOf(path.join(out, 'week 20-01-central-bank-holds-rates-steady-amid-slowing.txt')), [{ text: 'fourth meeting in a row', id: '000000000000', status: 'active' }]);
    const meta = JSON.parse(fs.readFileSync(second.replace(/\.txt$/, '.meta.json'), 'utf8')) as { export: string; layout: string; article: number; of: number; fields: Record<string, string>; metadata: { line: number; field: string; value: string }[] };
    assert.deepEqual([meta.export, meta.layout, meta.article, meta.of], ['week 20.txt', 'factiva', 2, 3]);
    assert.deepEqual(meta.fields, { id: 'SHPWK00020240515ek5f0000b', headline: 'Port strike ends after pay deal', length: '388 words', date: '15 May 2024', source: 'Shipping Weekly', language: 'English' });
    assert.deepEqual(meta.metadata[0], { line: 20, field: 'words', value: '388 words' });
  });

  it('reports each tag it cannot move, lists it in <name>.unplaced.json and exits 1', async () => {
    const text = readProjectFile('test', 'fixtures', 'archive', 'lexisnexis.txt');
    const file = exportWithTags(tmp, 'ln.txt', text, ['Tom Eriksen', 'on Tuesday.']);
    const r = await run(['split', `--out=${out}`, file]);
    assert.equal(r.status, 1);
    assert.match(r.out, /lexisnexis export, 3 articles .*\(1 tags moved, 1 not moved \(listed in ln.unplaced.json\)\)/);
    assert.match(r.err, /ln\.txt: tag claim \(id 000000000000\) at line 43 "Tom Eriksen" not moved: it covers archive metadata/);
    const unplaced = JSON.parse(fs.readFileSync(path.join(out, 'ln.unplaced.json'), 'utf8')) as { file: string; unplaced: { id: string; reason: string; list: string; start: { line: number } }[] };
    assert.equal(unplaced.file, 'ln.txt');
    assert.deepEqual(unplaced.unplaced.map((u) => [u.id, u.reason, u.list, u.start.line]), [['000000000000', 'metadata', 'annotations', 43]]);
    assert.equal(fs.readFileSync(`${file}.annotations.yaml`, 'utf8').includes('Tom Eriksen'), true, 'the export keeps its own sidecar');
  });

  it('skips a file without a clear layout, and one whose sidecar does not load, naming the line', async () => {
    const plain = path.join(tmp, 'plain.txt');
    fs.writeFileSync(plain, readProjectFile('test', 'fixtures', 'archive', 'ordinary-end-of-document.txt'));
    const broken = path.join(tmp, 'broken.txt');
    fs.writeFileSync(broken, readProjectFile('test', 'fixtures', 'archive', 'nexis-uni.txt'));
    fs.writeFileSync(`${broken}.annotations.yaml`, 'version: 1\nfile: broken.txt\nannotations: [\n');
    const good = path.join(tmp, 'good.txt');
    fs.writeFileSync(good, readProjectFile('test', 'fixtures', 'archive', 'nexis-uni.txt'));
    const r = await run(['split', '--out', out, plain, broken, path.join(tmp, 'missing.txt'), good]);
    assert.equal(r.status, 1);
    const lines = r.err.split('\n');
    assert.equal(lines.length, 3, r.err);
    assert.match(lines[0] ?? '', /plain\.txt: no archive layout recognised .*; not split$/);
    assert.match(lines[1] ?? '', /broken\.txt\.annotations\.yaml:\d+:\d+: .*not split, so its tags stay together$/);
    assert.match(lines[2] ?? '', /missing\.txt: cannot read/);
    assert.deepEqual(fs.readdirSync(out).filter((f) => f.endsWith('.txt')), ['good-01-wind-farm-plan-clears-final-hurdle.txt', 'good-02-hospital-waiting-lists-fall-for-third-month.txt']);
  });

  it('keeps names distinct across exports of the same name, and never overwrites without --force', async () => {
    for (const dir of ['a', 'b']) {
      fs.mkdirSync(path.join(tmp, dir));
      fs.writeFileSync(path.join(tmp, dir, 'export.txt'), readProjectFile('test', 'fixtures', 'archive', 'nexis-uni.txt'));
    }
    const inputs = [path.join(tmp, 'a', 'export.txt'), path.join(tmp, 'b', 'export.txt')];
    assert.equal((await run(['split', '--out', out, ...inputs])).status, 0);
    assert.equal(fs.readdirSync(out).filter((f) => f.endsWith('.txt')).length, 4);
    assert.ok(fs.existsSync(path.join(out, 'export-01-wind-farm-plan-clears-final-hurdle-2.txt')));

    const again = await run(['split', '--out', out, inputs[0] ?? '']);
    assert.equal(again.status, 1);
    assert.match(again.err, /already exists; not split \(use --force to overwrite\)/);
    assert.equal((await run(['split', '--force', '--out', out, inputs[0] ?? ''])).status, 0);
  });

  it('reports an output folder it cannot write into', async () => {
    const file = path.join(tmp, 'export.txt');
    fs.writeFileSync(file, readProjectFile('test', 'fixtures', 'archive', 'factiva.txt'));
    const notAFolder = path.join(tmp, 'taken');
    fs.writeFileSync(notAFolder, 'a file');
    const r = await run(['split', '--out', notAFolder, file]);
    assert.equal(r.status, 1);
    assert.match(r.err, /export\.txt: cannot write into .*taken/);
  });

  it('never writes through a symbolic link in the output folder, even one pointing nowhere', async () => {
    const file = path.join(tmp, 'export.txt');
    fs.writeFileSync(file, readProjectFile('test', 'fixtures', 'archive', 'factiva.txt'));
    const first = await run(['split', '--out', out, file]);
    assert.equal(first.status, 0, first.err);
    const written = fs.readdirSync(out).filter((f) => f.endsWith('.txt'));
    const victim = path.join(tmp, 'outside.txt');
    const fresh = path.join(tmp, 'fresh');
    fs.mkdirSync(fresh);
    // A link pointing nowhere where the first article goes: it is there, so nothing is written.
    fs.symlinkSync(victim, path.join(fresh, written[0] ?? ''));
    const refused = await run(['split', '--out', fresh, file]);
    assert.equal(refused.status, 1);
    assert.match(refused.err, /already exists; not split/);
    assert.equal(fs.existsSync(victim), false, 'nothing written where the link points');
    // With --force the link is replaced by the article, and the file it pointed to stays as it was.
    fs.writeFileSync(victim, 'not an article');
    const forced = await run(['split', '--force', '--out', fresh, file]);
    assert.equal(forced.status, 0, forced.err);
    assert.equal(fs.readFileSync(victim, 'utf8'), 'not an article');
    assert.equal(fs.lstatSync(path.join(fresh, written[0] ?? '')).isSymbolicLink(), false);
    assert.equal(fs.readFileSync(path.join(fresh, written[0] ?? ''), 'utf8'), fs.readFileSync(path.join(out, written[0] ?? ''), 'utf8'));
  });

  it('writes all of an export’s articles or none: a name too long leaves no file behind', async () => {
    // The articles' names fit (248 bytes), the sidecar of the tagged one (17 more) does not.
    const file = exportWithTags(tmp, `${'x'.repeat(190)}.txt`, readProjectFile('test', 'fixtures', 'archive', 'factiva.txt'), ['Central bank holds rates steady']);
    const r = await run(['split', '--out', out, file]);
    assert.equal(r.status, 1);
    assert.match(r.err, /cannot write .*\.txt\.annotations\.yaml: its name is longer than 255 bytes .*; none of its articles written/);
    assert.deepEqual(fs.existsSync(out) ? fs.readdirSync(out) : [], [], 'no article, sidecar or temporary file left');
    const again = await run(['split', '--out', out, file]);
    assert.doesNotMatch(again.err, /already exists/, 'a second run meets no debris of the first');
  });

  it('puts an article in place only where nothing is, so two runs at once cannot replace each other’s files', () => {
    const target = path.join(tmp, 'a-1.txt');
    const temporary = path.join(tmp, '.written.tmp');
    fs.writeFileSync(temporary, 'ours');
    placeNew(temporary, target);
    assert.equal(fs.readFileSync(target, 'utf8'), 'ours');
    assert.ok(!fs.existsSync(temporary), 'the temporary file is gone');
    // Another run wrote the name between our check and our rename.
    fs.writeFileSync(temporary, 'late');
    assert.throws(() => placeNew(temporary, target), (e: unknown) => (e as NodeJS.ErrnoException).code === 'EEXIST');
    assert.equal(fs.readFileSync(target, 'utf8'), 'ours', 'the other run’s file is untouched');
  });

  it('splits at a custom --separator', async () => {
    const file = path.join(tmp, 'clips.txt');
    fs.writeFileSync(file, '#### 1\nFirst story\nText one.\n#### 2\nSecond story\nText two.\n');
    const r = await run(['split', '--out', out, '--separator', '^#{4} \\d+$', file]);
    assert.equal(r.status, 0, r.err);
    assert.equal(fs.readFileSync(path.join(out, 'clips-02-second-story.txt'), 'utf8'), 'Second story\nText two.\n');
  });

  it('exits 2 on a usage error, with a clear message for a bad pattern', async () => {
    assert.equal((await run(['split', 'x.txt'])).status, 2);
    assert.equal((await run(['split', '--out', out])).status, 2);
    assert.equal((await run(['split', '--out', out, '--bogus', 'x.txt'])).status, 2);
    const bad = await run(['split', '--out', out, '--separator', '(unclosed', 'x.txt']);
    assert.equal(bad.status, 2);
    assert.match(bad.err, /The separator pattern "\(unclosed" is not a valid regular expression/);
    const slow = await run(['split', '--out', out, '--separator', '^(?=x)(x+x+)+y$', 'x.txt']);
    assert.equal(slow.status, 2);
    assert.match(slow.err, /exponential time/);
  });
  it('refuses a FIFO or a folder given as an export instead of waiting on it, and goes on with the others', async () => {
    const pipe = path.join(tmp, 'pipe.txt');
    execFileSync('mkfifo', [pipe]);
    const file = path.join(tmp, 'export.txt');
    fs.writeFileSync(file, readProjectFile('test', 'fixtures', 'archive', 'factiva.txt'));
    const r = await run(['split', '--out', out, pipe, tmp, file]);
    assert.equal(r.status, 1);
    assert.match(r.err, /pipe\.txt: cannot read: .*FIFO/i);
    assert.match(r.err, /cannot read: not a regular file but a folder/);
    assert.match(r.out, /export\.txt: factiva export/);
  });

  it('escapes control characters of a file name in its messages', async () => {
    const file = path.join(tmp, 'bad\u001b[2Jname.txt');
    fs.writeFileSync(file, 'An ordinary article, not an export.\n');
    const r = await run(['split', '--out', out, file]);
    assert.equal(r.status, 1);
    assert.ok(!r.err.includes('\u001b'), JSON.stringify(r.err));
    assert.match(r.err, /bad\\x1b\[2Jname\.txt: no archive layout recognised/);
  });
});
