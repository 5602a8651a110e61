import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ARTICLE, makeReadOnly, makeTempFolder, NOW, run, sha256Of, sidecarFor, spawnCli, writeTaggedArticle } from '../cliHarness';
import { createAnnotation } from '../../../../src/core/annotations/model/create';
import { serialiseSidecar } from '../../../../src/core/annotations/sidecar/serialise';

const HEADLINE = 'Breaking: talks in Geneva\n\n';

describe('reanchor', () => {
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

  it('moves every tag with the text and writes the same bytes as tagging the new text would', async () => {
    const article = writeTaggedArticle(tmp);
    fs.writeFileSync(article, HEADLINE + ARTICLE);
    const r = await run(['reanchor', tmp]);
    assert.equal(r.status, 0);
    assert.equal(r.out, `${article}.annotations.yaml: 0 kept, 3 moved, 0 to review, 0 orphaned`);
    assert.equal(r.err, 'rewrote 1, 0 up to date, 0 failed');
    assert.equal(fs.readFileSync(`${article}.annotations.yaml`, 'utf8'), sidecarFor(HEADLINE + ARTICLE));
    const again = await run(['reanchor', tmp]);
    assert.equal(again.out, '');
    assert.equal(again.err, 'rewrote 0, 1 up to date, 0 failed');
    assert.equal((await run(['check', tmp])).status, 0);
  });

  it('keeps hand-written comments and counts tags that stayed in place as kept', async () => {
    const article = writeTaggedArticle(tmp);
    const sidecar = `${article}.annotations.yaml`;
    fs.writeFileSync(sidecar, `# checked against the UN transcript\n${fs.readFileSync(sidecar, 'utf8')}`);
    fs.writeFileSync(article, ARTICLE.replace('officials said', 'aides said'));
    const r = await run(['reanchor', article]);
    assert.equal(r.out, `${sidecar}: 3 kept, 0 moved, 0 to review, 0 orphaned`);
    const written = fs.readFileSync(sidecar, 'utf8');
    assert.ok(written.startsWith('# checked against the UN transcript\n'));
    assert.match(written, new RegExp(`sha256: ${sha256Of(ARTICLE.replace('officials said', 'aides said'))}`));
  });

  it('orphans a tag whose passage is gone, keeps it in the sidecar and names it', async () => {
    const article = writeTaggedArticle(tmp);
    fs.writeFileSync(article, ARTICLE.replace('Geneva talks resume on Monday, officials said.\n', 'No more news.\n'));
    const r = await run(['reanchor', tmp]);
    assert.equal(r.status, 0);
    assert.equal(r.out, [`${article}.annotations.yaml: 2 kept, 0 moved, 0 to review, 1 orphaned`, '  orphaned dismissed quote 0000000000ff: “Geneva talks” is no longer in the text'].join('\n'));
    const written = fs.readFileSync(`${article}.annotations.yaml`, 'utf8');
    assert.match(written, /id: 0000000000ff\n(.*\n)*? {4}status: orphaned/);
  });

  it('says an orphaned tag whose words are still in the text could not be placed, not that its words are gone', async () => {
    const article = path.join(tmp, 'short.txt');
    fs.writeFileSync(article, 'Yes.\nNo.\n');
    fs.writeFileSync(`${article}.annotations.yaml`, serialiseSidecar(undefined, { file: 'short.txt', sha256: sha256Of('Yes.\nNo.\n'), annotations: [createAnnotation('Yes.\nNo.\n', { id: '00000000000c', label: 'claim', start: 0, end: 4, author: 'ana', now: NOW })], rejections: [] }, 'Yes.\nNo.\n'));
    fs.writeFileSync(article, 'No.\nYes.\n'); // the two lines swapped: too little around the words to tell
    const r = await run(['reanchor', tmp]);
    assert.equal(r.status, 0);
    assert.match(r.out, /orphaned tag 00000000000c \(claim\): “Yes\.” is still in the text, but which place was tagged could not be told; tag it again there/, r.out);
  });

  it('flags a passage found only approximately for review', async () => {
    const article = writeTaggedArticle(tmp);
    fs.writeFileSync(article, ARTICLE.replace('is required to block extremists', 'must block the extremists'));
    const r = await run(['reanchor', tmp]);
    assert.equal(r.status, 0);
    assert.equal(r.out, [`${article}.annotations.yaml: 1 kept, 1 moved, 1 to review, 0 orphaned`, '  review tag 00000000000a (quote) at line 3: “The international community must block the extremists” was found, but not surely'].join('\n'));
    // The sidecar records the unchecked place, so the editor (or the next run) still asks for a check.
    const written = fs.readFileSync(`${article}.annotations.yaml`, 'utf8');
    assert.match(written, /id: 00000000000a\n(.*\n)*? {4}review: 0\.\d+\n/);
    assert.equal((written.match(/review:/g) ?? []).length, 1);
  });

  it('--dry-run reports the same counts and writes nothing', async () => {
    const article = writeTaggedArticle(tmp);
    fs.writeFileSync(article, HEADLINE + ARTICLE);
    const before = fs.readFileSync(`${article}.annotations.yaml`);
    const r = await run(['reanchor', '--dry-run', tmp]);
    assert.equal(r.status, 0);
    assert.equal(r.out, `${article}.annotations.yaml: 0 kept, 3 moved, 0 to review, 0 orphaned (dry run: not written)`);
    assert.equal(r.err, 'would rewrite 1, 0 up to date, 0 failed');
    assert.deepEqual(fs.readFileSync(`${article}.annotations.yaml`), before);
    assert.deepEqual(fs.readdirSync(tmp).sort(), ['article.txt', 'article.txt.annotations.yaml']);
  });

  it('leaves a sidecar with problems untouched, prints them, and goes on with the others', async () => {
    const good = writeTaggedArticle(tmp, 'good.txt');
    const bad = writeTaggedArticle(tmp, 'bad.txt');
    const broken = sidecarFor(ARTICLE, 'bad.txt').replace('    status: active\n  - id: 00000000000b', '    status: maybe\n  - id: 00000000000b');
    fs.writeFileSync(`${bad}.annotations.yaml`, broken);
    fs.writeFileSync(bad, HEADLINE + ARTICLE);
    fs.writeFileSync(good, HEADLINE + ARTICLE);
    const r = await run(['reanchor', tmp]);
    assert.equal(r.status, 1);
    assert.equal(r.err, [`${bad}.annotations.yaml:17:13: error: \`annotations[0].status\` must be one of "active", "orphaned", "rejected"`, `source-annotator: ${bad}.annotations.yaml: not valid; left untouched`, 'rewrote 1, 0 up to date, 1 failed'].join('\n'));
    assert.equal(fs.readFileSync(`${bad}.annotations.yaml`, 'utf8'), broken);
    assert.equal(fs.readFileSync(`${good}.annotations.yaml`, 'utf8'), sidecarFor(HEADLINE + ARTICLE, 'good.txt'));
  });

  it('reports a sidecar whose article is missing and leaves it untouched', async () => {
    const article = writeTaggedArticle(tmp);
    const before = fs.readFileSync(`${article}.annotations.yaml`, 'utf8');
    fs.rmSync(article);
    const r = await run(['reanchor', tmp]);
    assert.equal(r.status, 1);
    assert.match(r.err, /article\.txt\.annotations\.yaml: cannot read its article .*article\.txt: no such file or folder \(ENOENT\); left untouched/);
    assert.equal(fs.readFileSync(`${article}.annotations.yaml`, 'utf8'), before);
  });

  it('replaces the sidecar in one rename: a new file with the old permissions, no temporary file left', async () => {
    const article = writeTaggedArticle(tmp);
    const sidecar = `${article}.annotations.yaml`;
    fs.chmodSync(sidecar, 0o640);
    const inodeBefore = fs.statSync(sidecar).ino;
    fs.writeFileSync(article, HEADLINE + ARTICLE);
    assert.equal((await run(['reanchor', tmp])).status, 0);
    const after = fs.statSync(sidecar);
    assert.notEqual(after.ino, inodeBefore, 'replaced by rename, not rewritten in place');
    assert.equal(after.mode & 0o777, 0o640);
    assert.deepEqual(fs.readdirSync(tmp).sort(), ['article.txt', 'article.txt.annotations.yaml']);
  });

  it('a read-only folder: one line, the previous sidecar intact, the other folders done', async () => {
    const locked = path.join(tmp, 'locked');
    const open = path.join(tmp, 'open');
    fs.mkdirSync(locked);
    fs.mkdirSync(open);
    const lockedArticle = writeTaggedArticle(locked);
    const openArticle = writeTaggedArticle(open);
    fs.writeFileSync(lockedArticle, HEADLINE + ARTICLE);
    fs.writeFileSync(openArticle, HEADLINE + ARTICLE);
    const before = fs.readFileSync(`${lockedArticle}.annotations.yaml`, 'utf8');
    cleanups.push(makeReadOnly(locked));
    const r = await run(['reanchor', locked, open]);
    assert.equal(r.status, 1);
    assert.match(r.err, /^source-annotator: cannot write .*locked\/article\.txt\.annotations\.yaml: (operation not permitted|permission denied).*; the previous file is intact\nrewrote 1, 0 up to date, 1 failed$/);
    assert.equal(fs.readFileSync(`${lockedArticle}.annotations.yaml`, 'utf8'), before);
    assert.deepEqual(fs.readdirSync(locked).sort(), ['article.txt', 'article.txt.annotations.yaml']);
    assert.equal(fs.readFileSync(`${openArticle}.annotations.yaml`, 'utf8'), sidecarFor(HEADLINE + ARTICLE));
  });

  it('keeps a symlinked sidecar a link and rewrites the file it points to', async () => {
    const article = writeTaggedArticle(tmp);
    const store = path.join(tmp, 'store');
    fs.mkdirSync(store);
    const real = path.join(store, 'kept.yaml');
    fs.renameSync(`${article}.annotations.yaml`, real);
    fs.symlinkSync(real, `${article}.annotations.yaml`);
    fs.writeFileSync(article, HEADLINE + ARTICLE);
    assert.equal((await run(['reanchor', article])).status, 0);
    assert.ok(fs.lstatSync(`${article}.annotations.yaml`).isSymbolicLink());
    assert.equal(fs.readFileSync(real, 'utf8'), sidecarFor(HEADLINE + ARTICLE));
  });

  it('takes file names after `--`, even one that starts with a dash', async () => {
    const article = writeTaggedArticle(tmp, '-dash.txt');
    fs.writeFileSync(article, HEADLINE + ARTICLE);
    const r = spawnCli(['reanchor', '--dry-run', '--', '-dash.txt'], { cwd: tmp });
    assert.equal(r.status, 0);
    assert.equal(r.out, '-dash.txt.annotations.yaml: 0 kept, 3 moved, 0 to review, 0 orphaned (dry run: not written)\n');
    assert.equal((await run(['check', '--', article])).status, 0);
  });

  it('reads an article with a byte order mark as the editor does (the mark is not text)', async () => {
    const article = writeTaggedArticle(tmp);
    fs.writeFileSync(article, `\uFEFF${ARTICLE}`);
    const r = await run(['reanchor', tmp]);
    assert.equal(r.err, 'rewrote 0, 1 up to date, 0 failed');
  });

  it('exits 2 on an unknown option', async () => {
    const r = await run(['reanchor', '--force', tmp]);
    assert.equal(r.status, 2);
    assert.match(r.err, /unknown option "--force"/);
  });
});
