import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot } from '../core/analysis/helpers';
import { run } from './cliHarness';

const seeds = (): string => path.join(repoRoot(), 'test', 'fixtures', 'workspace', 'seeds');

interface JsonReport {
  articles: number;
  people: { name: string; variants: { name: string }[]; quotes: number; articles: string[] }[];
  quoteGroups: { articles: number; versions: { path: string; relation: string; text: string }[] }[];
  repeatedLines: { folder: string; count: number; text: string }[];
}

describe('corpus command', () => {
  let tmp = '';
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sa-corpus-'));
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('prints people with their spellings, shared quotes with positions, and repeated lines', async () => {
    const r = await run(['corpus', '--jobs', '1', seeds()]);
    assert.equal(r.status, 0, r.err);
    assert.match(r.out, /^5 articles, 26 quotes, 5 persons, 2 organisations/);
    assert.match(r.out, /Sergei Lavrov: 16 quotes in 5 articles; also written Sergey Lavrov \(1\)/);
    assert.match(r.out, /“This is capitulating before terrorists.*” in 3 articles/);
    assert.match(r.out, /002_2831f1d8eb210064\.txt:4:2 \(Sergey Lavrov\): overlaps/);
    assert.match(r.out, /Repeated lines \(in at least 3 articles of a folder: 0\)/);
  });

  it('prints the same results as JSON with --json, on two jobs', async () => {
    const r = await run(['corpus', '--json', '--jobs=2', seeds()]);
    assert.equal(r.status, 0, r.err);
    const report = JSON.parse(r.out) as JsonReport;
    assert.equal(report.articles, 5);
    assert.equal(report.people[0]?.name, 'Sergei Lavrov');
    assert.deepEqual(report.people[0]?.variants.map((v) => v.name), ['Sergei Lavrov', 'Sergey Lavrov']);
    const group = report.quoteGroups.find((g) => g.versions.some((v) => v.text.startsWith('This is capitulating')));
    assert.equal(group?.articles, 3);
  });

  it('learns a site footer from one folder and escapes control characters in what it prints', async () => {
    const site = path.join(tmp, 'site one');
    fs.mkdirSync(site);
    const texts = fs.readdirSync(seeds()).filter((f) => f.endsWith('.txt')).map((f) => fs.readFileSync(path.join(seeds(), f), 'utf8'));
    texts.slice(0, 3).forEach((t, i) => fs.writeFileSync(path.join(site, `${i}.txt`), `${t}\nAll rights reserved \u001b[31mSite One\u202e News\n`));
    const r = await run(['corpus', '--jobs', '1', tmp]);
    assert.equal(r.status, 0, r.err);
    assert.match(r.out, /3× All rights reserved \\u\{1b\}\[31mSite One\\u\{202e\} News/);
    assert.doesNotMatch(r.out, /\u001b|\u202e/);
    const json = JSON.parse((await run(['corpus', '--json', '--jobs', '1', tmp])).out) as JsonReport;
    assert.deepEqual(json.repeatedLines.map((l) => [l.folder, l.count, l.text]), [[site, 3, 'All rights reserved \u001b[31mSite One\u202e News']]);
  });

  it('shortens long lists in the readable output and keeps them whole in JSON', async () => {
    const text = '“We will rebuild every school and every hospital in the province before winter,” the governor said.\n';
    for (let i = 0; i < 14; i++) fs.writeFileSync(path.join(tmp, `${String(i).padStart(2, '0')}.txt`), text);
    const r = await run(['corpus', '--jobs', '1', tmp]);
    assert.match(r.out, /” in 14 articles/);
    assert.match(r.out, /… and 2 more \(--json lists all\)/);
    const json = JSON.parse((await run(['corpus', '--json', '--jobs', '1', tmp])).out) as JsonReport;
    assert.equal(json.quoteGroups[0]?.versions.length, 14);
  });

  it('searches quotes by words and by speaker', async () => {
    const r = await run(['corpus', '--jobs', '1', '--search', 'civilians safety', '--speaker', 'Hetherington', seeds()]);
    assert.equal(r.status, 0, r.err);
    assert.match(r.out, /^.*004_7c365add9fe75bb6\.txt:17:2 \(Ruth Hetherington\): “We are urging parties/);
    assert.equal(r.out.split('\n').length, 1);
    const none = await run(['corpus', '--jobs', '1', '--search', 'zeppelin', seeds()]);
    assert.equal(none.out, 'no matching quotes');
  });

  it('exits with 1 for a missing input and 2 for a bad option', async () => {
    const missing = await run(['corpus', path.join(tmp, 'nowhere')]);
    assert.equal(missing.status, 1);
    assert.match(missing.err, /cannot read .*nowhere/);
    const bad = await run(['corpus', '--jobs', '0', seeds()]);
    assert.equal(bad.status, 2);
    assert.match(bad.err, /--jobs needs a whole number/);
    assert.equal((await run(['corpus'])).status, 2);
  });

  it('leaves out of a searched folder what the editor does not take for articles, and reads such a file named alone', async () => {
    const text = fs.readFileSync(path.join(seeds(), fs.readdirSync(seeds()).filter((n) => n.endsWith('.txt')).sort()[0] ?? ''), 'utf8');
    fs.writeFileSync(path.join(tmp, 'a.txt'), text);
    fs.writeFileSync(path.join(tmp, 'a.clean.txt'), text);
    fs.writeFileSync(path.join(tmp, 'LICENSE.txt'), 'Permission is hereby granted, free of charge.\n');
    fs.writeFileSync(path.join(tmp, 'requirements.txt'), 'yaml==6.0\n');
    const folder = await run(['corpus', '--jobs', '1', '--json', tmp]);
    assert.equal(folder.status, 0, folder.err);
    assert.equal((JSON.parse(folder.out) as JsonReport).articles, 1);
    const named = await run(['corpus', '--jobs', '1', '--json', tmp, path.join(tmp, 'a.clean.txt')]);
    assert.equal((JSON.parse(named.out) as JsonReport).articles, 2);
  });
});
