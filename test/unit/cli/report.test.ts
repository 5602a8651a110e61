import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot } from '../core/analysis/helpers';
import { ARTICLES, sidecarFor, tagAt } from '../core/report/reportFixtures';
import { run, spawnCli } from './cliHarness';

describe('report command', () => {
  let tmp = '';
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sa-report-'));
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('reports a sidecar that is a FIFO at once, never waits on it, and writes the report of the others', async () => {
    const corpus = path.join(tmp, 'corpus');
    fs.mkdirSync(corpus);
    const seeds = path.join(repoRoot(), 'test', 'fixtures', 'workspace', 'seeds');
    const [first, second] = fs.readdirSync(seeds).filter((f) => f.endsWith('.txt'));
    fs.copyFileSync(path.join(seeds, first ?? ''), path.join(corpus, 'a.txt'));
    fs.copyFileSync(path.join(seeds, second ?? ''), path.join(corpus, 'b.txt'));
    execFileSync('mkfifo', [path.join(corpus, 'a.txt.annotations.yaml')]);
    const out = path.join(tmp, 'report.html');
    const r = await run(['report', '--jobs', '1', '--out', out, corpus]);
    assert.equal(r.status, 1);
    assert.match(r.err, /a\.txt\.annotations\.yaml: not a regular file but a FIFO \(named pipe\); skipped/);
    assert.match(fs.readFileSync(out, 'utf8'), /<html/);
  });

  it('writes the same document to standard output as to a file, a tab or a direction mark in a quote included', () => {
    const corpus = path.join(tmp, 'corpus');
    fs.mkdirSync(corpus);
    fs.writeFileSync(path.join(corpus, 'a.txt'), 'Council vote\n\n“We will\tbuild it with much \u202e money and no delay,” Mayor Ana Ruiz said on Monday.\n');
    const file = path.join(tmp, 'report.html');
    const toFile = spawnCli(['report', '--jobs', '1', '--out', file, corpus], { cwd: tmp });
    assert.equal(toFile.status, 0, toFile.err);
    const toStdout = spawnCli(['report', '--jobs', '1', '--out', '-', corpus], { cwd: tmp });
    assert.equal(toStdout.status, 0, toStdout.err);
    const written = fs.readFileSync(file, 'utf8');
    assert.equal(toStdout.out, written);
    assert.match(written, /We will&#x9;build it with much &#x202e; money/);
    assert.doesNotMatch(written, /[\t\u202e]/);
  });

  it('keeps the previous report when the new one cannot be written, and says so in one line', async () => {
    const out = path.join(tmp, 'report.html');
    fs.writeFileSync(out, 'previous report');
    // The folder the report goes to cannot take a new file (a file stands where it should be).
    const blocked = path.join(tmp, 'blocked');
    fs.writeFileSync(blocked, 'a file');
    const r = await run(['report', '--jobs', '1', '--out', path.join(blocked, 'report.html'), path.join(repoRoot(), 'test', 'fixtures', 'workspace', 'seeds')]);
    assert.equal(r.status, 1);
    assert.match(r.err, /cannot write .*blocked.report\.html: .*; nothing written$/m);
    assert.doesNotMatch(r.err, /unexpected error/);
    assert.equal(fs.readFileSync(out, 'utf8'), 'previous report');
  });

  it('writes the seeds report as one HTML file with inline CSS and SVG, no script, and links that resolve', async () => {
    const out = path.join(tmp, 'out dir', 'seeds report.html');
    fs.mkdirSync(path.dirname(out));
    const r = await run(['report', '--jobs', '1', '--out', out, path.join(repoRoot(), 'test', 'fixtures', 'workspace', 'seeds')]);
    assert.equal(r.status, 0, r.err);
    const html = fs.readFileSync(out, 'utf8');
    assert.match(html, /^<!DOCTYPE html>/);
    assert.match(html, /<style>[^<]*--vscode-charts-blue/);
    assert.match(html, /<svg class="chart"/);
    assert.ok(!html.includes('<script'));
    assert.match(html, /Sergei Lavrov/);
    assert.match(html, /5 articles · 26 quotes/);
    const links = [...html.matchAll(/<a class="place" href="([^"]+)"/g)].map((m) => decodeURIComponent(m[1] ?? ''));
    assert.ok(links.length > 10);
    for (const link of links) {
      assert.ok(!path.isAbsolute(link), link);
      assert.ok(fs.existsSync(path.resolve(path.dirname(out), link)), `${link} does not resolve`);
    }
  });

  it('reads the sidecars for tagging progress, and names an unreadable one with its line (exit 1)', async () => {
    const site = path.join(tmp, 'site');
    fs.mkdirSync(site);
    const a1 = ARTICLES['siteA/a1.txt'];
    fs.writeFileSync(path.join(site, 'a1.txt'), a1);
    fs.writeFileSync(path.join(site, 'a1.txt.annotations.yaml'), sidecarFor(a1, [tagAt(a1, 'Council news', 'headline', 'alice')]).replace('file: x.txt', 'file: a1.txt'));
    fs.writeFileSync(path.join(site, 'a2.txt'), ARTICLES['siteA/a2.txt']);
    fs.writeFileSync(path.join(site, 'a2.txt.annotations.yaml'), 'version: 1\nannotations: [\n');
    const r = await run(['report', '--jobs', '1', '--out', '-', site]);
    assert.equal(r.status, 1);
    assert.match(r.err, /a2\.txt\.annotations\.yaml: line \d+: /);
    assert.match(r.out, /<dt>Articles with tags<\/dt><dd>1<\/dd>/);
    assert.match(r.out, /<dt>Without tags<\/dt><dd>1<\/dd>/);
    assert.match(r.out, /Sidecars that could not be read/);
  });

  it('exits 2 without inputs or on an unknown option, 1 on a missing folder', async () => {
    assert.equal((await run(['report'])).status, 2);
    assert.equal((await run(['report', '--bogus', tmp])).status, 2);
    const missing = await run(['report', '--out', path.join(tmp, 'r.html'), path.join(tmp, 'nope')]);
    assert.equal(missing.status, 1);
    assert.match(missing.err, /no such file or folder/);
  });
});
