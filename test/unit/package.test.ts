import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot } from './support/repoRoot';

/** File names of a zip archive, read from its central directory. */
function zipEntries(file: string): string[] {
  const buf = fs.readFileSync(file);
  const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(end >= 0, 'not a zip archive');
  const count = buf.readUInt16LE(end + 10);
  let at = buf.readUInt32LE(end + 16);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    assert.equal(buf.readUInt32LE(at), 0x02014b50, 'broken central directory');
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    names.push(buf.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

describe('The .vsix package', function () {
  this.timeout(120_000);
  let entries: string[];

  before(() => {
    const root = repoRoot();
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'source-annotator-vsix-'));
    try {
      const vsix = path.join(out, 'test.vsix');
      execFileSync(process.execPath, [path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', vsix], { cwd: root, stdio: 'pipe' });
      entries = zipEntries(vsix).filter((e) => e.startsWith('extension/')).map((e) => e.slice('extension/'.length));
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });

  it('holds the bundles, media, grammar, manifest and documents', () => {
    for (const needed of ['dist/extension.js', 'dist/cli.js', 'dist/analyzeWorker.js', 'package.json', 'readme.md', 'LICENSE.txt', 'changelog.md', 'media/sources.svg', 'media/report/report.css', 'media/report/report.js', 'syntaxes/source-text.tmLanguage.json']) {
      assert.ok(entries.some((e) => e.toLowerCase() === needed.toLowerCase()), `${needed} missing from ${entries.join(', ')}`);
    }
  });

  it('holds every bundle the build writes beside extension.js (those loaded on first use, and the workers)', () => {
    const bundles = fs.readdirSync(path.join(repoRoot(), 'dist')).filter((f) => f.endsWith('.js'));
    for (const name of ['engine.js', 'corpus.js', 'sidecar.js', 'interchange.js', 'report.js', 'analysisWorker.js', 'corpusWorker.js']) assert.ok(bundles.includes(name), `the build wrote no dist/${name}`);
    for (const name of bundles) assert.ok(entries.includes(`dist/${name}`), `dist/${name} missing from the package`);
  });

  it('leaves out sources, tests, maps and node_modules', () => {
    const unwanted = entries.filter((e) => /^(src|test|node_modules|\.ci)\//.test(e) || e.endsWith('.ts') || e.endsWith('.map') || e.startsWith('dist/test/'));
    assert.deepEqual(unwanted, []);
  });

  it('ships only allow-listed top-level entries', () => {
    const tops = new Set(entries.map((e) => e.split('/')[0] ?? ''));
    for (const top of tops) assert.ok(['dist', 'media', 'syntaxes', 'package.json', 'package.nls.json', 'readme.md', 'LICENSE.txt', 'changelog.md'].some((a) => a.toLowerCase() === top.toLowerCase()), `unexpected ${top}`);
  });
});
