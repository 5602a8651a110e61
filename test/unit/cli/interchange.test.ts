import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadAnnotations } from '../../../src/core/annotations/sidecar/load';
import { parseSidecar } from '../../../src/core/annotations/sidecar/parse';
import { serialiseSidecar } from '../../../src/core/annotations/sidecar/serialise';
import { sha256Of } from '../../../src/cli/commands/interchangeFiles';
import { orphanedTag, sampleTags, TEXT } from '../core/interchange/testArticle';
import { run } from './cliHarness';

function writeArticle(dir: string, name: string, withTags: boolean): void {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, name), TEXT);
  if (!withTags) return;
  const set = { file: name, sha256: sha256Of(TEXT), annotations: [...sampleTags(), orphanedTag()], rejections: [] };
  fs.writeFileSync(path.join(dir, `${name}.annotations.yaml`), serialiseSidecar(undefined, set, TEXT));
}

function tagsIn(dir: string, name: string): { label: string; start: number; end: number; text: string; note: string; status: string }[] {
  const parsed = parseSidecar(fs.readFileSync(path.join(dir, `${name}.annotations.yaml`), 'utf8'));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return loadAnnotations(parsed.sidecar, TEXT, sha256Of(TEXT))
    .set.annotations.map((a) => ({ label: a.label, start: a.start, end: a.end, text: a.text, note: a.note ?? '', status: a.status }))
    .sort((a, b) => a.start - b.start || a.label.localeCompare(b.label));
}

describe('command line: export and import', () => {
  let tmp = '';
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sa-interchange-'));
    writeArticle(path.join(tmp, 'corpus'), 'story.txt', true);
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('export: a sidecar or label file that is a FIFO, a folder or unreadable is reported at once, never waited on; the others export', async () => {
    const corpus = path.join(tmp, 'corpus');
    writeArticle(corpus, 'fifo.txt', false);
    writeArticle(corpus, 'folder.txt', false);
    execFileSync('mkfifo', [path.join(corpus, 'fifo.txt.annotations.yaml')]);
    fs.mkdirSync(path.join(corpus, 'folder.txt.annotations.yaml'));
    execFileSync('mkfifo', [path.join(corpus, '.source-annotator.yaml')]);
    const out = path.join(tmp, 'out');
    const r = await run(['export', '--format', 'jsonl', '--out', out, corpus]);
    assert.equal(r.status, 1);
    assert.match(r.err, /fifo\.txt\.annotations\.yaml:1:1: not a regular file but a FIFO \(named pipe\); skipped\n.*fifo\.txt: skipped, its sidecar has problems/);
    assert.match(r.err, /folder\.txt\.annotations\.yaml:1:1: not a regular file but a folder; skipped/);
    assert.match(r.err, /\.source-annotator\.yaml: not a regular file but a FIFO \(named pipe\); the default labels are used/);
    assert.match(r.out, /exported \d+ tags of 1 articles/);
    assert.ok(fs.existsSync(path.join(out, 'annotations.jsonl')));
  });

  it('export: names a sidecar whose article is missing, whose tags it cannot export', async () => {
    const corpus = path.join(tmp, 'corpus');
    writeArticle(corpus, 'gone.txt', true);
    fs.rmSync(path.join(corpus, 'gone.txt'));
    const r = await run(['export', '--format', 'csv', '--out', path.join(tmp, 'out'), corpus]);
    assert.equal(r.status, 1);
    assert.match(r.err, /gone\.txt\.annotations\.yaml: its article gone\.txt is missing \(renamed or deleted\?\); its tags are not exported/);
    assert.match(r.out, /of 1 articles/);
  });

  for (const format of ['w3c', 'label-studio', 'jsonl', 'brat'] as const) {
    it(`${format}: exports, then imports into a fresh copy of the articles with the same tags; a second import adds nothing`, async () => {
      const out = path.join(tmp, 'out');
      const exported = await run(['export', '--format', format, '--out', out, path.join(tmp, 'corpus')]);
      assert.equal(exported.status, 0, exported.err);
      assert.match(exported.out, new RegExp(`exported \\d+ tags of 1 articles as ${format}`));
      const fresh = path.join(tmp, 'fresh');
      writeArticle(fresh, 'story.txt', false);
      const imported = await run(['import', '--format', format, '--author', 'ana', out, '--into', fresh]);
      assert.equal(imported.status, 0, imported.err);
      const keepsOrphans = format === 'w3c' || format === 'jsonl';
      const expected = tagsIn(path.join(tmp, 'corpus'), 'story.txt').filter((t) => keepsOrphans || t.status !== 'orphaned');
      assert.deepEqual(tagsIn(fresh, 'story.txt'), expected);
      assert.match(imported.out, new RegExp(`story.txt: ${expected.length} added, 0 already present, ${keepsOrphans ? 1 : 0} orphaned`));

      const sidecar = fs.readFileSync(path.join(fresh, 'story.txt.annotations.yaml'), 'utf8');
      const again = await run(['import', '--format', format, '--author', 'ana', out, '--into', fresh]);
      assert.match(again.out, new RegExp(`story.txt: 0 added, ${expected.length} already present`));
      assert.equal(fs.readFileSync(path.join(fresh, 'story.txt.annotations.yaml'), 'utf8'), sidecar);
    });
  }

  it('imports into a sidecar that is a link by writing the file it points to, keeping its mode', async () => {
    const out = path.join(tmp, 'out');
    assert.equal((await run(['export', '--format', 'jsonl', '--out', out, path.join(tmp, 'corpus')])).status, 0);
    const fresh = path.join(tmp, 'fresh');
    writeArticle(fresh, 'story.txt', false);
    const shared = path.join(tmp, 'shared.yaml');
    fs.writeFileSync(shared, serialiseSidecar(undefined, { file: 'story.txt', sha256: sha256Of(TEXT), annotations: [], rejections: [] }, TEXT));
    fs.chmodSync(shared, 0o640);
    fs.symlinkSync(shared, path.join(fresh, 'story.txt.annotations.yaml'));
    const imported = await run(['import', '--format', 'jsonl', '--author', 'ana', out, '--into', fresh]);
    assert.equal(imported.status, 0, imported.err);
    assert.ok(fs.lstatSync(path.join(fresh, 'story.txt.annotations.yaml')).isSymbolicLink(), 'still a link');
    assert.ok(tagsIn(fresh, 'story.txt').length > 0);
    assert.equal(fs.statSync(shared).mode & 0o777, 0o640);
    assert.deepEqual(fs.readdirSync(fresh).filter((n) => n.endsWith('.tmp')), []);
  });

  it('a full disk: names the article, leaves its sidecar whole and no temporary file, and goes on', async () => {
    const out = path.join(tmp, 'out');
    assert.equal((await run(['export', '--format', 'jsonl', '--out', out, path.join(tmp, 'corpus')])).status, 0);
    const small = path.join(tmp, 'small');
    fs.mkdirSync(small);
    // One page for the article and an empty sidecar, none left for the new sidecar.
    assert.equal(spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=8k', 'tmpfs', small]).status, 0, 'a tmpfs can be mounted (the test runs as root)');
    try {
      writeArticle(small, 'story.txt', false);
      const empty = serialiseSidecar(undefined, { file: 'story.txt', sha256: sha256Of(TEXT), annotations: [], rejections: [] }, TEXT);
      fs.writeFileSync(path.join(small, 'story.txt.annotations.yaml'), empty);
      // Fill what is left.
      try {
        fs.writeFileSync(path.join(small, 'filler'), Buffer.alloc(64 * 1024));
      } catch {
        // Full: as meant.
      }
      const r = await run(['import', '--format', 'jsonl', '--author', 'ana', out, '--into', small]);
      assert.equal(r.status, 1);
      assert.match(r.err, /^story\.txt: nothing imported: no space left on the device \(ENOSPC\)$/m);
      assert.equal(fs.readFileSync(path.join(small, 'story.txt.annotations.yaml'), 'utf8'), empty);
      assert.deepEqual(fs.readdirSync(small).filter((n) => n.endsWith('.tmp')), []);
    } finally {
      spawnSync('umount', [small]);
    }
  });

  for (const format of ['brat', 'w3c', 'inception', 'csv'] as const) {
    it(`${format}: two inputs each holding story.txt export both, named after their folders`, async () => {
      const tags = sampleTags();
      for (const [dir, chosen] of [['siteA', tags.slice(0, 2)], ['siteB', tags.slice(2)]] as const) {
        fs.mkdirSync(path.join(tmp, dir));
        fs.writeFileSync(path.join(tmp, dir, 'story.txt'), TEXT);
        const set = { file: 'story.txt', sha256: sha256Of(TEXT), annotations: chosen, rejections: [] };
        fs.writeFileSync(path.join(tmp, dir, 'story.txt.annotations.yaml'), serialiseSidecar(undefined, set, TEXT));
      }
      const out = path.join(tmp, 'out');
      const r = await run(['export', '--format', format, '--out', out, path.join(tmp, 'siteA'), path.join(tmp, 'siteB')]);
      assert.equal(r.status, 0, r.err);
      assert.match(r.out, new RegExp(`exported ${tags.length} tags of 2 articles`));
      const written = fs.readdirSync(out, { recursive: true }).map(String).sort();
      if (format !== 'csv') assert.ok(written.includes(path.join('siteA', `story.${{ brat: 'ann', w3c: 'jsonld', inception: 'json' }[format]}`)), written.join(', '));
      const all = written.filter((f) => fs.statSync(path.join(out, f)).isFile()).map((f) => fs.readFileSync(path.join(out, f), 'utf8')).join('\n');
      if (format === 'brat') assert.equal((all.match(/^T\d+\t/gm) ?? []).length, tags.length, 'every tag is in an .ann file');
      else for (const tag of tags) assert.ok(all.includes(tag.id), `tag ${tag.id} is in the export`);
    });
  }

  it('export: inputs in folders of the same name are named by their path under the folder holding both', async () => {
    for (const year of ['2023', '2024']) writeArticle(path.join(tmp, year, 'news'), 'story.txt', true);
    const out = path.join(tmp, 'out');
    const r = await run(['export', '--format', 'w3c', '--out', out, path.join(tmp, '2023', 'news'), path.join(tmp, '2024', 'news')]);
    assert.equal(r.status, 0, r.err);
    assert.deepEqual(fs.readdirSync(out, { recursive: true }).map(String).filter((f) => f.endsWith('.jsonld')).sort(), [path.join('2023', 'news', 'story.jsonld'), path.join('2024', 'news', 'story.jsonld')]);
  });

  it('export: names differing only in case are left out of brat, W3C and INCEpTION, not of JSON lines', async () => {
    writeArticle(tmp, 'Story.txt', true);
    writeArticle(tmp, 'story.txt', true);
    const out = path.join(tmp, 'jsonl');
    const r = await run(['export', '--format', 'jsonl', '--out', out, tmp]);
    assert.equal(r.status, 0, r.err);
    assert.match(r.out, /of 3 articles/);
  });

  it('export: two articles whose names differ only in case are reported and left out, the others export', async () => {
    writeArticle(tmp, 'Story.txt', true);
    writeArticle(tmp, 'story.txt', true);
    writeArticle(tmp, 'other.txt', true);
    const out = path.join(tmp, 'out');
    const r = await run(['export', '--format', 'w3c', '--out', out, tmp]);
    assert.equal(r.status, 1);
    assert.match(r.err, /[Ss]tory\.txt, .*[Ss]tory\.txt: not exported, their w3c files would have the same name/);
    assert.deepEqual(fs.readdirSync(out).sort(), ['corpus', 'other.jsonld']);
  });

  it('says how many orphaned tags a format had to leave out', async () => {
    const r = await run(['export', '--format', 'label-studio', '--out', path.join(tmp, 'out'), path.join(tmp, 'corpus')]);
    assert.match(r.out, /1 orphaned or rejected tags were skipped/);
  });

  it('writes inception and csv files', async () => {
    for (const format of ['inception', 'csv']) {
      const r = await run(['export', '--format', format, '--out', path.join(tmp, format), path.join(tmp, 'corpus')]);
      assert.equal(r.status, 0, r.err);
    }
    assert.ok(fs.existsSync(path.join(tmp, 'inception', 'story.json')));
    assert.match(fs.readFileSync(path.join(tmp, 'csv', 'annotations.csv'), 'utf8'), /^file,id,label,start,end,/);
  });

  it('finds the article by its text when the file name differs', async () => {
    const out = path.join(tmp, 'out');
    await run(['export', '--format', 'jsonl', '--out', out, path.join(tmp, 'corpus')]);
    const fresh = path.join(tmp, 'fresh');
    writeArticle(fresh, 'renamed.txt', false);
    const r = await run(['import', '--format', 'jsonl', out, '--into', fresh]);
    assert.equal(r.status, 0, r.err);
    assert.match(r.out, /renamed.txt: 5 added/);
  });

  it('never touches a sidecar with problems, and says so with its line', async () => {
    const out = path.join(tmp, 'out');
    await run(['export', '--format', 'w3c', '--out', out, path.join(tmp, 'corpus')]);
    const fresh = path.join(tmp, 'fresh');
    writeArticle(fresh, 'story.txt', false);
    const broken = 'version: 1\nfile: story.txt\nsha256: nothex\nannotations: []\n';
    fs.writeFileSync(path.join(fresh, 'story.txt.annotations.yaml'), broken);
    const r = await run(['import', '--format', 'w3c', out, '--into', fresh]);
    assert.equal(r.status, 1);
    assert.match(r.err, /story.txt.annotations.yaml:3:\d+: .*\n.*left untouched/);
    assert.equal(fs.readFileSync(path.join(fresh, 'story.txt.annotations.yaml'), 'utf8'), broken);
  });

  it('reports a document with no matching article and exits 1', async () => {
    const file = path.join(tmp, 'other.jsonl');
    fs.writeFileSync(file, `${JSON.stringify({ text: 'Some other article.', meta: { file: 'other.txt' }, spans: [{ start: 0, end: 4, label: 'claim' }] })}\n{broken\n`);
    const r = await run(['import', '--format', 'jsonl', file, '--into', path.join(tmp, 'corpus')]);
    assert.equal(r.status, 1);
    assert.match(r.err, /other.jsonl:2: not JSON/);
    assert.match(r.err, /other.txt: not imported, no article is named other.txt or has its text/);
  });

  for (const command of [['export', '--format', 'csv', '--out', 'OUT'], ['agreement'], ['corpus'], ['report', '--out', 'OUT/r.html']]) {
    it(`${command[0]}: finds articles as every command does, names what it cannot use and goes on`, async () => {
      const corpus = path.join(tmp, 'corpus');
      writeArticle(path.join(corpus, 'site'), 'a.txt', true);
      writeArticle(path.join(corpus, 'node_modules', 'pkg'), 'readme.txt', true);
      fs.symlinkSync(corpus, path.join(corpus, 'site', 'loop'));
      fs.symlinkSync(path.join(corpus, 'nowhere.txt'), path.join(corpus, 'broken.txt'));
      const out = path.join(tmp, 'out');
      fs.mkdirSync(out);
      const argv = command.map((a) => a.replace('OUT', out));
      const r = await run([...argv, corpus, path.join(tmp, 'missing')]);
      assert.equal(r.status, 1, r.err);
      const problems = r.err.split('\n').filter((l) => l.startsWith('source-annotator: cannot read'));
      assert.deepEqual(problems.map((l) => l.split(tmp).join('TMP')).sort(), [
        'source-annotator: cannot read TMP/corpus/broken.txt: broken symbolic link (it points to TMP/corpus/nowhere.txt, which does not exist)',
        'source-annotator: cannot read TMP/corpus/site/loop: symbolic link loop: it leads back to TMP/corpus; not followed',
        'source-annotator: cannot read TMP/missing: no such file or folder (ENOENT)',
      ]);
      assert.doesNotMatch(`${r.out}${r.err}`, /readme/, 'installed packages are not searched');
    });
  }

  it('rejects a wrong command line with the usage', async () => {
    assert.equal((await run(['export', '--format', 'docx', '--out', tmp])).status, 2);
    assert.equal((await run(['import', '--format', 'csv', tmp, '--into', tmp])).status, 2);
    assert.equal((await run(['import', '--format', 'jsonl', tmp])).status, 2);
  });
});
