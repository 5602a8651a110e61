// The merge driver in real `git merge` runs, in a temporary repository.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../../src/cli/main';
import { sha256Of } from '../../../src/cli/commands/interchangeFiles';
import { createAnnotation } from '../../../src/core/annotations/model/create';
import type { Annotation } from '../../../src/core/annotations/model/types';
import { loadAnnotations } from '../../../src/core/annotations/sidecar/load';
import { parseSidecar } from '../../../src/core/annotations/sidecar/parse';
import { serialiseSidecar } from '../../../src/core/annotations/sidecar/serialise';
import { recordedConflicts } from '../../../src/core/interchange/sidecarConflicts';
import { repoRoot } from '../core/analysis/helpers';
import { makeTempFolder } from './cliHarness';
import { NOW, sampleTags, TEXT } from '../core/interchange/testArticle';

const SIDECAR = 'story.txt.annotations.yaml';

function git(repo: string, ...args: string[]): { status: number; out: string } {
  const r = spawnSync('git', args, { cwd: repo, encoding: 'utf8' });
  return { status: r.status ?? 1, out: `${r.stdout}${r.stderr}` };
}

async function quietly(args: string[]): Promise<{ status: number; out: string }> {
  const lines: string[] = [];
  const status = await main(args, { out: (s) => lines.push(s), err: (s) => lines.push(s) });
  return { status, out: lines.join('\n') };
}

function read(repo: string, file: string): string {
  return fs.readFileSync(path.join(repo, file), 'utf8');
}

/** Writes the sidecar the way the editor does: over the previous file, for the article as it is now. */
function writeTags(repo: string, annotations: readonly Annotation[]): void {
  const text = read(repo, 'story.txt');
  const file = path.join(repo, SIDECAR);
  const previous = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
  fs.writeFileSync(file, serialiseSidecar(previous, { file: 'story.txt', sha256: sha256Of(text), annotations, rejections: [] }, text));
}

function tagsNow(repo: string): Annotation[] {
  const parsed = parseSidecar(read(repo, SIDECAR));
  if (!parsed.ok) throw new Error(`the merged sidecar does not parse: ${JSON.stringify(parsed.errors)}\n${read(repo, SIDECAR)}`);
  const text = read(repo, 'story.txt');
  return [...loadAnnotations(parsed.sidecar, text, sha256Of(text)).set.annotations];
}

function tag(id: string, label: string, words: string, text = TEXT): Annotation {
  const start = text.indexOf(words);
  return createAnnotation(text, { id, label, start, end: start + words.length, author: 'cy', now: NOW });
}

describe('merge driver on sides it cannot read', () => {
  let dir = '';
  beforeEach(() => {
    dir = makeTempFolder();
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('leaves our version as it was when a side is a FIFO or a folder, and says why (git reports a conflict)', async () => {
    const ours = path.join(dir, 'ours.yaml');
    const oursText = serialiseSidecar(undefined, { file: 'story.txt', sha256: sha256Of(TEXT), annotations: [{ ...sampleTags()[0], note: 'our precious note' } as Annotation], rejections: [] }, TEXT);
    fs.writeFileSync(ours, oursText);
    const base = path.join(dir, 'base.yaml');
    fs.writeFileSync(base, '');
    const fifo = path.join(dir, 'theirs.fifo');
    spawnSync('mkfifo', [fifo]);
    const viaFifo = await quietly(['merge-sidecar', base, ours, fifo]);
    assert.equal(viaFifo.status, 1);
    assert.match(viaFifo.out, /theirs\.fifo: not a regular file but a FIFO \(named pipe\)[\s\S]*not merged; our version is left as it was/);
    assert.equal(fs.readFileSync(ours, 'utf8'), oursText);
    const folder = path.join(dir, 'theirs-folder');
    fs.mkdirSync(folder);
    const viaFolder = await quietly(['merge-sidecar', base, ours, folder]);
    assert.equal(viaFolder.status, 1);
    assert.match(viaFolder.out, /theirs-folder: not a regular file but a folder/);
    assert.equal(fs.readFileSync(ours, 'utf8'), oursText, 'our tags and note are still there');
    // A side that does not exist is an empty side, as before: the merge goes on.
    const missing = await quietly(['merge-sidecar', path.join(dir, 'no-base.yaml'), ours, ours]);
    assert.equal(missing.status, 0, missing.out);
  });
});

describe('merge driver in real git merges', function () {
  this.timeout(30_000);
  let repo = '';

  beforeEach(async () => {
    repo = fs.mkdtempSync(path.join(os.tmpdir(), 'sa-merge-'));
    git(repo, 'init', '-q', '-b', 'main');
    git(repo, 'config', 'user.name', 'Test');
    git(repo, 'config', 'user.email', 'test@example.invalid');
    git(repo, 'config', 'commit.gpgsign', 'false');
    fs.writeFileSync(path.join(repo, 'story.txt'), TEXT);
    writeTags(repo, sampleTags());
    const cli = path.join(repoRoot(), 'dist', 'cli.js');
    const setup = await quietly(['git-setup', '--command', `"${process.execPath}" "${cli}"`, repo]);
    assert.equal(setup.status, 0, setup.out);
    git(repo, 'add', '.');
    assert.equal(git(repo, 'commit', '-qm', 'base').status, 0);
    git(repo, 'checkout', '-qb', 'theirs');
  });
  afterEach(() => fs.rmSync(repo, { recursive: true, force: true }));

  function commitAll(message: string): void {
    git(repo, 'add', '.');
    const r = git(repo, 'commit', '-qm', message);
    assert.equal(r.status, 0, r.out);
  }

  it('git-setup is idempotent and says what it did', async () => {
    assert.match(read(repo, '.gitattributes'), /^\*\.txt\.annotations\.yaml merge=source-annotator\n$/);
    const again = await quietly(['git-setup', '--command', 'x', repo]);
    assert.equal(again.status, 0);
    assert.match(again.out, /already routes sidecars/);
    assert.equal(read(repo, '.gitattributes').match(/merge=source-annotator/g)?.length, 1);
    assert.equal(git(repo, 'config', '--get', 'merge.source-annotator.driver').out.trim(), 'x merge-sidecar %O %A %B %P');
  });

  it('keeps tags added on both sides', () => {
    writeTags(repo, [...sampleTags(), tag('0000000000b1', 'claim', 'is final.')]);
    commitAll('theirs adds');
    git(repo, 'checkout', '-q', 'main');
    writeTags(repo, [...sampleTags(), tag('0000000000a1', 'claim', 'End')]);
    commitAll('ours adds');
    const merge = git(repo, 'merge', '-q', 'theirs', '-m', 'merge');
    assert.equal(merge.status, 0, merge.out);
    const ids = tagsNow(repo).map((a) => a.id).sort();
    assert.deepEqual(ids, [...sampleTags().map((a) => a.id), '0000000000a1', '0000000000b1'].sort());
  });

  it('takes a change made on one side, keeping comments and hand-added keys of the other', () => {
    writeTags(repo, sampleTags().map((a) => (a.id === '00000000000b' ? { ...a, note: 'their note', label: 'quote' } : a)));
    commitAll('theirs edits');
    git(repo, 'checkout', '-q', 'main');
    fs.writeFileSync(path.join(repo, SIDECAR), read(repo, SIDECAR).replace('annotations:\n', '# reviewed by the desk\nreviewed: yes\nannotations:\n'));
    commitAll('ours comments');
    const merge = git(repo, 'merge', '-q', 'theirs', '-m', 'merge');
    assert.equal(merge.status, 0, merge.out);
    const edited = tagsNow(repo).find((a) => a.id === '00000000000b');
    assert.equal(edited?.note, 'their note');
    assert.equal(edited?.label, 'quote');
    assert.match(read(repo, SIDECAR), /# reviewed by the desk\nreviewed: yes\n/);
  });

  it('keeps both versions of a tag changed differently on both sides, as a conflict git reports', () => {
    writeTags(repo, sampleTags().map((a) => (a.id === '00000000000a' ? { ...a, note: 'their note', author: 'Bo Li' } : a)));
    commitAll('theirs edits');
    git(repo, 'checkout', '-q', 'main');
    writeTags(repo, sampleTags().map((a) => (a.id === '00000000000a' ? { ...a, note: 'our note' } : a)));
    commitAll('ours edits');
    const merge = git(repo, 'merge', '-q', 'theirs', '-m', 'merge');
    assert.notEqual(merge.status, 0, 'git reports the conflict');
    assert.match(merge.out, /tag 00000000000a changed on both sides/);
    const kept = tagsNow(repo).find((a) => a.id === '00000000000a');
    assert.equal(kept?.note, 'our note', 'the tag stays as ours');
    const conflicts = recordedConflicts(read(repo, SIDECAR));
    assert.deepEqual(conflicts.map((c) => [c.id, c.side, c.deleted, c.author]), [['00000000000a', 'theirs', false, 'Bo Li']]);
    assert.match(read(repo, SIDECAR), /conflict:\n\s+side: theirs\n[\s\S]*note: their note/);
    assert.equal(tagsNow(repo).length, sampleTags().length, 'nothing lost, nothing doubled');
  });

  it('keeps a tag changed on one side and deleted on the other, marked as a conflict', () => {
    writeTags(repo, sampleTags().filter((a) => a.id !== '00000000000c'));
    commitAll('theirs deletes');
    git(repo, 'checkout', '-q', 'main');
    writeTags(repo, sampleTags().map((a) => (a.id === '00000000000c' ? { ...a, note: 'still needed' } : a)));
    commitAll('ours edits');
    assert.notEqual(git(repo, 'merge', '-q', 'theirs', '-m', 'merge').status, 0);
    assert.equal(tagsNow(repo).find((a) => a.id === '00000000000c')?.note, 'still needed');
    assert.deepEqual(recordedConflicts(read(repo, SIDECAR)).map((c) => [c.id, c.deleted]), [['00000000000c', true]]);
  });

  it('re-anchors to the merged text when the article changed on one side', () => {
    const edited = `UPDATE: this story was corrected.\r\n${TEXT.replace('Breaking', 'Latest')}`;
    fs.writeFileSync(path.join(repo, 'story.txt'), edited);
    writeTags(repo, loadAnnotations(parsed(read(repo, SIDECAR)), edited, sha256Of(edited)).set.annotations);
    commitAll('theirs edits the text');
    git(repo, 'checkout', '-q', 'main');
    writeTags(repo, [...sampleTags(), tag('0000000000a1', 'claim', 'End')]);
    commitAll('ours adds on the old text');
    const merge = git(repo, 'merge', '-q', 'theirs', '-m', 'merge');
    assert.equal(merge.status, 0, merge.out);
    assert.equal(read(repo, 'story.txt'), edited);
    const sidecar = parsed(read(repo, SIDECAR));
    assert.equal(sidecar.sha256, sha256Of(edited), 'the merged sidecar describes the merged text');
    const tags = tagsNow(repo);
    assert.equal(tags.length, sampleTags().length + 1);
    for (const a of tags) assert.equal(edited.slice(a.start, a.end).replace(/\r\n/g, '\n'), a.text, a.id);
    assert.equal(edited.slice(tags.find((a) => a.id === '0000000000a1')?.start), edited.slice(edited.indexOf('End')));
  });
});

function parsed(yaml: string): Extract<ReturnType<typeof parseSidecar>, { ok: true }>['sidecar'] {
  const result = parseSidecar(yaml);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.sidecar;
}
