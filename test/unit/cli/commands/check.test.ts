import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ARTICLE, makeTempFolder, run, sidecarFor, spawnCli, writeTaggedArticle } from '../cliHarness';

/** The valid sidecar of ARTICLE with one line edited: [line number (1-based), new line]. */
function brokenSidecar(folder: string, line: number, replacement: string): string {
  const article = writeTaggedArticle(folder);
  const lines = sidecarFor(ARTICLE).split('\n');
  lines[line - 1] = replacement;
  fs.writeFileSync(`${article}.annotations.yaml`, lines.join('\n'));
  return `${article}.annotations.yaml`;
}

describe('check', () => {
  let tmp = '';
  beforeEach(() => {
    tmp = makeTempFolder();
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('passes a valid sidecar and an empty one with exit 0 and no problem lines', async () => {
    writeTaggedArticle(tmp);
    fs.writeFileSync(path.join(tmp, 'untagged.txt'), 'No tags yet.\n');
    fs.writeFileSync(path.join(tmp, 'untagged.txt.annotations.yaml'), '');
    const r = await run(['check', tmp]);
    assert.equal(r.out, '');
    assert.equal(r.err, 'checked 2 files: no problems');
    assert.equal(r.status, 0);
  });

  it('counts a file it could not check among those checked: the summary adds up', async () => {
    writeTaggedArticle(tmp);
    fs.symlinkSync('loop.txt.annotations.yaml', path.join(tmp, 'loop.txt.annotations.yaml'));
    const r = await run(['check', tmp]);
    assert.equal(r.status, 1);
    assert.match(r.out, /loop\.txt\.annotations\.yaml:1:1: error: /);
    assert.equal(r.err, 'checked 2 files: 1 error, 0 warnings (1 file failed)');
  });

  it('reports a folder where a sidecar should be, and still checks the sidecars inside it', async () => {
    writeTaggedArticle(tmp);
    const folder = path.join(tmp, 'other.txt.annotations.yaml');
    fs.mkdirSync(folder);
    writeTaggedArticle(folder);
    const r = await run(['check', tmp]);
    assert.equal(r.status, 1);
    assert.match(r.out, /other\.txt\.annotations\.yaml:1:1: error: a folder, not a file, under a file’s name/);
    assert.equal(r.err, 'checked 3 files: 1 error, 0 warnings (1 file failed)');
  });

  it('refuses a sidecar too large to be one without reading it (3 bytes per character of its bound)', async () => {
    const article = writeTaggedArticle(tmp);
    const sidecar = `${article}.annotations.yaml`;
    fs.appendFileSync(sidecar, `# ${'x'.repeat(6_000_001)}\n`);
    const r = await run(['check', tmp]);
    assert.equal(r.status, 1);
    assert.match(r.out, /annotations\.yaml:1:1: error: cannot read: 6,0\d\d,\d{3} bytes, more than such a file may hold \(6,000,000\); not read/);
    const exported = await run(['export', '--format', 'csv', '--out', path.join(tmp, 'out'), tmp]);
    assert.equal(exported.status, 1);
    assert.match(exported.err, /more than such a file may hold \(6,000,000\); not read; skipped/);
  });

  // [what, sidecar line edited, its new text, the expected line:column: message]
  const problems: [string, number, string, string][] = [
    ['a YAML syntax error', 7, '    label: [quote', '8:5: error: Flow sequence in block collection must be sufficiently indented and end with a ]\n'],
    ['a value the schema refuses', 17, '    status: maybe', '17:13: error: `annotations[0].status` must be one of "active", "orphaned", "rejected"\n'],
    ['a missing required key', 3, 'sha: none', '1:1: error: the file lacks the required key `sha256`\n'],
    ['an id used twice', 18, '  - id: 00000000000a', '18:9: error: The id 00000000000a is used twice; every entry needs its own id'],
    ['a range ending before it starts', 9, '    end: { line: 2, character: 0 }', '9:10: error: `annotations` entry 00000000000a ends before it starts'],
    ['a newer format version', 1, 'version: 2', '1:10: error: This sidecar has format version 2'],
  ];
  for (const [what, line, replacement, expected] of problems) {
    it(`reports ${what} as path:line:column`, async () => {
      const sidecar = brokenSidecar(tmp, line, replacement);
      const r = await run(['check', tmp]);
      assert.equal(r.status, 1);
      assert.ok(`${r.out}\n`.startsWith(`${sidecar}:${expected}`), r.out);
      assert.match(r.err, /^checked 1 file: 1 error, 0 warnings \(1 file failed\)$/);
    });
  }

  it('reports sidecars without their article that cannot be read (nested 1,000 levels), each once, and goes on', async () => {
    for (const name of ['a', 'b']) fs.writeFileSync(path.join(tmp, `${name}.txt.annotations.yaml`), `${'['.repeat(1000)}${']'.repeat(1000)}\n`);
    const r = await run(['check', tmp]);
    assert.equal(r.status, 1);
    const lines = r.out.split('\n').filter((l) => l !== '');
    assert.deepEqual(lines.map((l) => l.slice(tmp.length + 1, l.indexOf(':', tmp.length + 1))), ['a.txt.annotations.yaml', 'a.txt.annotations.yaml', 'b.txt.annotations.yaml', 'b.txt.annotations.yaml']);
    assert.match(lines[0] ?? '', /a\.txt\.annotations\.yaml:1:201: error: A sidecar may nest at most 200 levels/);
    assert.match(lines[1] ?? '', /a\.txt\.annotations\.yaml:1:1: error: its article a\.txt is missing/);
  });

  it('reports a sidecar whose article is missing, at its `file` line', async () => {
    const article = writeTaggedArticle(tmp);
    fs.rmSync(article);
    const r = await run(['check', tmp]);
    assert.equal(r.status, 1);
    assert.equal(r.out, `${article}.annotations.yaml:2:7: error: its article article.txt is missing (renamed or deleted?); the tags have no text to point at`);
  });

  it('refuses a sidecar copied beside another article, and accepts one renamed with its unchanged article', async () => {
    const article = writeTaggedArticle(tmp);
    const renamed = path.join(tmp, 'renamed.txt');
    fs.renameSync(article, renamed);
    fs.renameSync(`${article}.annotations.yaml`, `${renamed}.annotations.yaml`);
    assert.equal((await run(['check', tmp])).status, 0);

    fs.writeFileSync(renamed, 'A different article altogether.\n');
    const r = await run(['check', tmp]);
    assert.equal(r.status, 1);
    assert.ok(r.out.startsWith(`${renamed}.annotations.yaml:2:7: error: This sidecar belongs to "article.txt", not to "renamed.txt"`), r.out);
  });

  it('warns (without failing) about a sidecar whose article changed since it was written', async () => {
    const article = writeTaggedArticle(tmp);
    fs.writeFileSync(article, `New headline\n\n${ARTICLE}`);
    const r = await run(['check', tmp]);
    assert.equal(r.status, 0);
    assert.equal(r.out, `${article}.annotations.yaml:3:9: warning: the article changed since this sidecar was written; \`source-annotator reanchor\` updates it`);
    assert.equal((await run(['reanchor', tmp])).status, 0);
    assert.equal((await run(['check', tmp])).out, '');
  });

  it('warns about a tag whose stored place does not hold its words (a hand edit), at its id line; reanchor records where they are', async () => {
    const article = writeTaggedArticle(tmp);
    const sidecar = `${article}.annotations.yaml`;
    const written = fs.readFileSync(sidecar, 'utf8');
    // The speaker tag's place moved by hand onto line 1's "Lavrov" (the words it stores are on line 3).
    const edited = written.replace(/(id: 00000000000b[\s\S]*?start: )\{ line: 3, character: \d+ \}(\s+end: )\{ line: 3, character: \d+ \}/, '$1{ line: 1, character: 0 }$2{ line: 1, character: 6 }');
    assert.notEqual(edited, written);
    fs.writeFileSync(sidecar, edited);
    const idLine = edited.split('\n').findIndex((l) => l.includes('id: 00000000000b')) + 1;
    const r = await run(['check', tmp]);
    assert.equal(r.status, 0);
    assert.equal(r.out, `${sidecar}:${idLine}:1: warning: the words of 00000000000b are not the article's text at its start and end; the editor finds it by its words, and \`source-annotator reanchor\` records where`);
    assert.equal((await run(['reanchor', tmp])).status, 0);
    assert.equal(fs.readFileSync(sidecar, 'utf8'), written, 'the place of its words is recorded again, the rest unchanged');
    assert.equal((await run(['check', tmp])).out, '');
  });

  it('validates the label configuration at the root of a folder: errors fail, warnings do not', async () => {
    writeTaggedArticle(tmp);
    const config = path.join(tmp, '.source-annotator.yaml');
    fs.writeFileSync(config, 'labels:\n  - name: claim\n    key: c\n  - name: checked\n    key: c\n');
    const warned = await run(['check', tmp]);
    assert.equal(warned.out, `${config}:5:10: warning: The key "c" already picks another label; "checked" gets no key`);
    assert.equal(warned.status, 0);
    fs.writeFileSync(config, 'labels:\n  - name: claim\n  - description: no name\n');
    const failed = await run(['check', tmp]);
    assert.equal(failed.status, 1);
    assert.match(failed.out, new RegExp(`^${config.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3:5: error: .*name.*; this label is skipped$`));
  });

  it('takes files named on the command line: a sidecar, an article for its sidecar, the label configuration', async () => {
    const sidecar = brokenSidecar(tmp, 17, '    status: maybe');
    const byArticle = await run(['check', sidecar.replace(/\.annotations\.yaml$/, '')]);
    assert.equal(byArticle.status, 1);
    assert.ok(byArticle.out.startsWith(`${sidecar}:17:13:`));
    const bySidecar = await run(['check', sidecar]);
    assert.equal(bySidecar.out, byArticle.out);
    const config = path.join(tmp, '.source-annotator.yaml');
    fs.writeFileSync(config, 'labels: [');
    const byConfig = await run(['check', config]);
    assert.equal(byConfig.status, 1);
    assert.match(byConfig.out, /\.source-annotator\.yaml:1:\d+: error: /);
  });

  it('reports an unreadable sidecar (a FIFO) as a problem without waiting on it', () => {
    writeTaggedArticle(tmp, 'good.txt');
    fs.writeFileSync(path.join(tmp, 'odd.txt'), ARTICLE);
    execFileSync('mkfifo', [path.join(tmp, 'odd.txt.annotations.yaml')]);
    const r = spawnCli(['check', tmp]);
    assert.equal(r.status, 1);
    assert.equal(r.out, `${path.join(tmp, 'odd.txt.annotations.yaml')}:1:1: error: not a regular file but a FIFO (named pipe); skipped\n`);
  });

  it('checks the current folder when given nothing, and escapes control characters in names', () => {
    const name = 'evil\u001b[2J.txt';
    writeTaggedArticle(tmp, name);
    fs.rmSync(path.join(tmp, name));
    const r = spawnCli(['check'], { cwd: tmp });
    assert.equal(r.status, 1);
    assert.equal(r.out, 'evil\\x1b[2J.txt.annotations.yaml:2:7: error: its article evil\\x1b[2J.txt is missing (renamed or deleted?); the tags have no text to point at\n');
  });

  it('exits 2 on an unknown option', async () => {
    const r = await run(['check', '--fix', tmp]);
    assert.equal(r.status, 2);
    assert.match(r.err, /unknown option "--fix"/);
  });
});
