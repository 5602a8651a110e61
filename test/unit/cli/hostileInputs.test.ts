// The command line on hostile file names, sidecars and output folders: nothing a person tagged is lost
// or moved without a word, and every failure is one clear line.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ARTICLE, makeTempFolder, run, sidecarFor, spawnCli, writeTaggedArticle } from './cliHarness';

describe('command line: hostile file names, sidecars and output folders', () => {
  let tmp = '';
  beforeEach(() => {
    tmp = makeTempFolder();
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('check: a sidecar whose name is not UTF-8 is checked, not silently replaced by a same-looking name', async () => {
    // `\xff.txt` reads back from readdir as `\ufffd.txt`, which is another file here.
    writeTaggedArticle(tmp, '\ufffd.txt');
    const bad = Buffer.concat([Buffer.from(tmp + '/'), Buffer.from([0xff]), Buffer.from('.txt')]);
    fs.writeFileSync(bad, ARTICLE);
    fs.writeFileSync(Buffer.concat([bad, Buffer.from('.annotations.yaml')]), 'version: 1\nannotations: [broken\n');
    const r = await run(['check', tmp]);
    assert.notEqual(r.status, 0, `the broken sidecar was never read: ${r.err}`);
  });

  it('check and reanchor: a sidecar that is not UTF-8 (a note saved as Latin-1) is refused at its line and left byte for byte as it was', async () => {
    const article = writeTaggedArticle(tmp);
    const sidecar = `${article}.annotations.yaml`;
    const yaml = fs.readFileSync(sidecar, 'utf8').replace('  author: ana\n', '  author: ana\n  note: caf\u00e9\n');
    const bytes = Buffer.from(yaml, 'latin1');
    fs.writeFileSync(sidecar, bytes);
    const line = yaml.slice(0, yaml.indexOf('caf\u00e9')).split('\n').length;
    const checked = await run(['check', tmp]);
    assert.equal(checked.status, 1);
    assert.match(checked.out, new RegExp(`article\\.txt\\.annotations\\.yaml:${line}:\\d+: error: cannot read: not valid UTF-8 at line ${line}, column \\d+ \\(byte e9\\)`), checked.out);
    fs.writeFileSync(article, `${ARTICLE}One more line.\n`); // an edit that would make reanchor rewrite the sidecar
    const reanchored = await run(['reanchor', tmp]);
    assert.equal(reanchored.status, 1);
    assert.match(reanchored.err, /not valid UTF-8 at line \d+, column \d+ \(byte e9\)/, reanchored.err);
    assert.ok(fs.readFileSync(sidecar).equals(bytes), 'the sidecar is untouched: its note was not replaced by U+FFFD');
  });

  it('check: a sidecar with hundreds of thousands of problems lists the first 200 and counts the rest, with no internal error', () => {
    writeTaggedArticle(tmp);
    const sidecar = path.join(tmp, 'article.txt.annotations.yaml');
    const header = fs.readFileSync(sidecar, 'utf8').split('annotations:')[0] ?? '';
    fs.writeFileSync(sidecar, `${header}annotations: [${Array.from({ length: 40000 }, () => '{}').join(',')}]\n`);
    const r = spawnCli(['check', tmp]);
    assert.equal(r.status, 1);
    assert.doesNotMatch(r.out, /internal error/, r.out.slice(0, 400));
    assert.match(r.err, /checked 1 file: 240000 errors/, r.err);
    assert.match(r.out, /article\.txt\.annotations\.yaml: … and \d{3},\d{3} more problems not listed/, r.out.slice(-400));
    assert.equal(r.out.split('\n').filter((l) => /: error: /.test(l)).length, 200);
  });

  it('export: an article whose name is not UTF-8 is exported or reported, never silently left out', async () => {
    writeTaggedArticle(tmp, '\ufffd.txt');
    const bad = Buffer.concat([Buffer.from(tmp + '/'), Buffer.from([0xff]), Buffer.from('.txt')]);
    fs.writeFileSync(bad, ARTICLE.replace('Lavrov in Geneva', 'Another story'));
    const r = await run(['export', '--format', 'jsonl', '--out', path.join(tmp, 'out'), tmp]);
    const lines = fs.readFileSync(path.join(tmp, 'out', 'annotations.jsonl'), 'utf8').trim().split('\n');
    assert.equal(lines.length, 1, 'the article with a readable name is exported');
    assert.equal(r.status, 1);
    assert.match(r.err, /\\ufffd\.txt: its name is not valid UTF-8 \(bytes ff 2e 74 78 74\); not read — rename it|�\.txt: its name is not valid UTF-8 \(bytes ff 2e 74 78 74\); not read — rename it/, r.err);
  });

  it('corpus --json: stays valid JSON when a file name or quote holds DEL or a C1 control', () => {
    fs.writeFileSync(path.join(tmp, 'a\u007fb.txt'), ARTICLE);
    fs.writeFileSync(path.join(tmp, 'c.txt'), ARTICLE.replace('block extremists', 'block\u0085extremists'));
    const r = spawnCli(['corpus', '--json', '--jobs', '1', tmp]);
    assert.equal(r.status, 0, r.err);
    assert.doesNotThrow(() => JSON.parse(r.out), `not JSON: ${r.out.slice(0, 300)}`);
  });

  it('export: a write that fails is one clear line, and no half export is left behind', () => {
    const corpus = path.join(tmp, 'in');
    fs.mkdirSync(corpus);
    writeTaggedArticle(corpus, 'a.txt');
    fs.writeFileSync(path.join(corpus, 'c.txt'), ARTICLE);
    const out = path.join(tmp, 'out');
    fs.mkdirSync(path.join(out, 'c.ann'), { recursive: true }); // c's .ann cannot be written
    const r = spawnCli(['export', '--format', 'brat', '--out', out, corpus]);
    assert.equal(r.status, 1);
    assert.doesNotMatch(r.err, /unexpected error/, r.err);
    assert.deepEqual(fs.readdirSync(out).sort(), ['c.ann'], 'files of a failed export left in the output folder');
  });

  it('import: a sidecar that belongs to another article is refused, as check and reanchor refuse it, not re-anchored onto this article', async () => {
    const corpus = path.join(tmp, 'corpus');
    fs.mkdirSync(corpus);
    const other = 'Kremlin briefing\n\nLavrov said the talks in Geneva were over.\n';
    fs.writeFileSync(path.join(corpus, 'b.txt'), other);
    // a.txt's sidecar, now beside b.txt (a rename of the pair gone wrong)
    fs.writeFileSync(path.join(corpus, 'b.txt.annotations.yaml'), sidecarFor(ARTICLE, 'a.txt'));
    const before = await run(['check', corpus]);
    assert.equal(before.status, 1, 'check refuses it');
    const input = path.join(tmp, 'in.jsonl');
    fs.writeFileSync(input, `${JSON.stringify({ text: other, meta: { file: 'b.txt' }, spans: [{ start: 0, end: 7, label: 'quote' }] })}\n`);
    const r = await run(['import', '--format', 'jsonl', '--author', 'bo', input, '--into', corpus]);
    const after = await run(['check', corpus]);
    assert.ok(r.status !== 0 && after.status !== 0, `import: ${r.status} ${r.out} ${r.err}\ncheck afterwards: ${after.status} ${after.out}\n${fs.readFileSync(path.join(corpus, 'b.txt.annotations.yaml'), 'utf8')}`);
  });

  it('split: a separator with overlapping alternatives inside a repetition runs in linear time, even on a line of 40 letters', () => {
    fs.writeFileSync(path.join(tmp, 'x.txt'), `SEP\n\nFirst article body.\n\nSEP\n\nSecond\nS${'a'.repeat(40)}!\n`);
    // (\w|\w)+ backtracks as badly as (a+)+ in JavaScript's engine: a line of 40 letters would take days there.
    const r = spawnCli(['split', '--separator', '^S(\\w|\\w)+$', '--out', path.join(tmp, 'out'), path.join(tmp, 'x.txt')], { timeout: 60_000 });
    assert.equal(r.status, 0, r.err);
    assert.equal(fs.readdirSync(path.join(tmp, 'out')).filter((f) => f.endsWith('.txt')).length, 2, 'two articles, cut at the two SEP lines');
  });

  it('reanchor: a sidecar whose `file:` is the article name in another Unicode normalization (NFD vs NFC) is not refused', async () => {
    const nfc = 'caf\u00e9.txt';
    const nfd = 'cafe\u0301.txt';
    fs.writeFileSync(path.join(tmp, nfc), `An added first line\n${ARTICLE}`);
    fs.writeFileSync(path.join(tmp, `${nfc}.annotations.yaml`), sidecarFor(ARTICLE, nfd));
    const r = await run(['reanchor', tmp]);
    assert.equal(r.status, 0, r.out + r.err);
  });

  it('reanchor: the sidecar of an article with a 230-byte name (sidecar 247 bytes, under NAME_MAX) can be rewritten', async () => {
    const name = `${'L'.repeat(226)}.txt`;
    fs.writeFileSync(path.join(tmp, name), `An added first line\n${ARTICLE}`);
    fs.writeFileSync(path.join(tmp, `${name}.annotations.yaml`), sidecarFor(ARTICLE, name));
    const r = await run(['reanchor', tmp]);
    assert.equal(r.status, 0, r.err.replace(/L{20,}/g, 'L…L'));
  });

  it('import: tags of the sidecar that its write orphans are counted and named, as reanchor does', async () => {
    const corpus = path.join(tmp, 'corpus');
    fs.mkdirSync(corpus);
    const changed = ARTICLE.replace('“The international community is required to block extremists,” Lavrov said.\n\n', '');
    writeTaggedArticle(corpus, 'a.txt');
    fs.writeFileSync(path.join(corpus, 'a.txt'), changed); // edited outside the editor: the quote is gone
    const input = path.join(tmp, 'in.jsonl');
    fs.writeFileSync(input, `${JSON.stringify({ text: changed, meta: { file: 'a.txt' }, spans: [{ start: 0, end: 6, label: 'quote' }] })}\n`);
    const r = await run(['import', '--format', 'jsonl', '--author', 'bo', input, '--into', corpus]);
    const written = fs.readFileSync(path.join(corpus, 'a.txt.annotations.yaml'), 'utf8');
    const orphaned = (written.match(/status: orphaned/g) ?? []).length;
    assert.ok(orphaned > 0, 'precondition: the write orphaned tags');
    assert.match(r.out, /a\.txt: 1 added, 0 already present, 0 orphaned/, 'the imported tags');
    assert.match(r.err, new RegExp(`a\\.txt: its text changed since its sidecar was written; of the tags it already had, ${orphaned} are now orphaned`), r.err);
  });

  it('split: a sidecar that belongs to another article is refused, as check and reanchor refuse it', async () => {
    const other = ARTICLE;
    const exportText = fs.readFileSync(path.join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'archive', 'factiva.txt'), 'utf8')
      .replace('Markets had expected the decision.', 'Markets had expected the decision. “The international community is required to block extremists,” Lavrov said. Geneva talks were cancelled.');
    const file = path.join(tmp, 'exp.txt');
    fs.writeFileSync(file, exportText);
    fs.writeFileSync(`${file}.annotations.yaml`, sidecarFor(other, 'other.txt'));
    assert.equal((await run(['check', file])).status, 1, 'check refuses it');
    const r = await run(['split', '--out', path.join(tmp, 'out'), file]);
    assert.notEqual(r.status, 0, r.out);
  });

  it('export: an --out that is a file is one clear line, and nothing is written', async () => {
    writeTaggedArticle(tmp, 'a.txt');
    const out = path.join(tmp, 'out');
    fs.writeFileSync(out, 'not a folder');
    const r = await run(['export', '--format', 'brat', '--out', out, tmp]);
    assert.equal(r.status, 1);
    assert.match(r.err, /--out .*out is a file, not a folder; nothing was written/);
    assert.equal(fs.readFileSync(out, 'utf8'), 'not a folder');
  });

  it('import/export: an article name with a line break cannot forge an output line', () => {
    const corpus = path.join(tmp, 'corpus');
    fs.mkdirSync(corpus);
    fs.writeFileSync(path.join(corpus, 'x\nsource-annotator: all good.txt'), ARTICLE);
    fs.writeFileSync(path.join(corpus, 'x\nsource-annotator: all good.txt.annotations.yaml'), 'version: 1\n[broken\n');
    const r = spawnCli(['export', '--format', 'csv', '--out', path.join(tmp, 'out'), corpus]);
    assert.doesNotMatch(r.err, /^source-annotator: all good\.txt/m, r.err);
    assert.match(r.err, /x\\nsource-annotator: all good\.txt: skipped, its sidecar has problems/, 'the name is there, its line break escaped');
  });

  it('every command takes the names after -- as files, even one starting with a dash', () => {
    fs.writeFileSync(path.join(tmp, '-rf.txt'), ARTICLE);
    const commands: string[][] = [
      ['corpus', '--json', '--'],
      ['report', '--out', path.join(tmp, 'r.html'), '--'],
      ['export', '--format', 'csv', '--out', path.join(tmp, 'out'), '--'],
      ['agreement', '--'],
      ['analyze', '--'],
      ['check', '--'],
    ];
    for (const command of commands) {
      const r = spawnCli([...command, '-rf.txt'], { cwd: tmp });
      assert.equal(r.status, 0, `${command.join(' ')} -rf.txt: ${r.err}`);
    }
    const split = spawnCli(['split', '--out', path.join(tmp, 'split'), '--', '-rf.txt'], { cwd: tmp });
    assert.match(split.err, /-rf\.txt: no archive layout recognised/, 'split read it as a file');
  });
});
