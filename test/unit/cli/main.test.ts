import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot } from '../core/analysis/helpers';
import { run } from './cliHarness';

const seeds = (): string => path.join(repoRoot(), 'test', 'fixtures', 'workspace', 'seeds');

describe('command line', () => {
  let tmp = '';
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sa-cli-'));
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('prints a summary per article with quotes, speakers and the boilerplate share', async () => {
    const r = await run(['analyze', path.join(seeds(), '004_7c365add9fe75bb6.txt')]);
    assert.equal(r.status, 0);
    assert.match(r.out, /9 quotes, 5 speakers, \d+ boilerplate lines \(\d+% of the text\)/);
    assert.match(r.out, /Recep Tayyip Erdogan \(told reporters\): “Russia supports Syria/);
  });

  it('prints JSON lines with --json', async () => {
    const r = await run(['analyze', '--json', path.join(seeds(), '000_03cb73ca90429b2a.txt')]);
    assert.equal(r.status, 0);
    const parsed = JSON.parse(r.out) as { quotes: unknown[]; speakers: { name: string }[] };
    assert.equal(parsed.quotes.length, 3);
    assert.equal(parsed.speakers[0]?.name, 'Sergei Lavrov');
  });

  it('writes one scorer file per .txt found recursively with --pred-dir', async () => {
    const nested = path.join(tmp, 'in', 'folder with spaces');
    fs.mkdirSync(nested, { recursive: true });
    fs.copyFileSync(path.join(seeds(), '002_2831f1d8eb210064.txt'), path.join(nested, 'a.txt'));
    fs.writeFileSync(path.join(nested, 'notes.md'), 'not an article');
    const out = path.join(tmp, 'pred');
    const r = await run(['analyze', '--pred-dir', out, path.join(tmp, 'in')]);
    assert.equal(r.status, 0);
    assert.deepEqual(fs.readdirSync(out), ['a.pred.json']);
    type Span = { start: number; end: number };
    const pred = JSON.parse(fs.readFileSync(path.join(out, 'a.pred.json'), 'utf8')) as Record<
      string,
      (Span & { speaker?: string; kind?: string; mention?: (Span & { kind: string }) | null; cue?: Span | null; rules?: string[] })[]
    >;
    assert.deepEqual(Object.keys(pred).sort(), ['cues', 'noise', 'quotes', 'speakers']);
    assert.deepEqual(
      pred.quotes?.map((q) => q.speaker),
      ['Sergey Lavrov', 'International Committee of the Red Cross'],
    );
    assert.equal(pred.speakers?.length, 2);
    // Each quote names the mention and cue it was attributed from, so an evaluation can trace its errors.
    const text = fs.readFileSync(path.join(nested, 'a.txt'), 'utf8');
    const slice = (s: Span | null | undefined): string => (s ? text.slice(s.start, s.end) : '');
    assert.deepEqual(
      pred.quotes?.map((q) => [slice(q.mention), q.mention?.kind, slice(q.cue)]),
      [
        // The whole phrase naming the source, its title and article included; the speaker stays the name.
        ['Russia’s foreign minister Sergey Lavrov', 'name', 'said'],
        ['The International Committee of the Red Cross', 'organisation', 'said'],
      ],
    );
    assert.deepEqual(
      pred.speakers?.map((s) => s.kind),
      ['name', 'organisation'],
    );
    assert.ok(pred.quotes?.every((q) => q.rules?.includes('cue-after-quote')));
  });

  it('exits 2 on a usage error', async () => {
    assert.equal((await run([])).status, 2);
    assert.equal((await run(['frobnicate'])).status, 2);
    assert.equal((await run(['analyze'])).status, 2);
    const r = await run(['analyze', '--bogus', 'x.txt']);
    assert.equal(r.status, 2);
    assert.match(r.err, /unknown option "--bogus"/);
  });

  it('exits 1 naming an input that cannot be read', async () => {
    const missing = path.join(tmp, 'missing.txt');
    const r = await run(['analyze', missing]);
    assert.equal(r.status, 1);
    assert.ok(r.err.includes(missing));
  });

  it('answers --help and --version', async () => {
    const help = await run(['--help']);
    assert.equal(help.status, 0);
    assert.match(help.out, /Usage: source-annotator <command>/);
    assert.match(help.out, /^ {2}analyze +find quotes/m);
    const analyzeHelp = await run(['analyze', '--help']);
    assert.match(analyzeHelp.out, /Usage: source-annotator analyze/);
    const version = await run(['--version']);
    assert.equal(version.status, 0);
    assert.match(version.out, /^\d+\.\d+\.\d+/);
  });

  it('runs as the bundled executable', () => {
    const cli = path.join(repoRoot(), 'dist', 'cli.js');
    assert.ok(fs.existsSync(cli), 'dist/cli.js is built before the unit tests');
    const r = spawnSync(process.execPath, [cli, 'analyze', path.join(seeds(), '003_c85226f8b914c529.txt')], { encoding: 'utf8' });
    assert.equal(r.status, 0);
    assert.match(r.stdout, /5 quotes/);
    const bad = spawnSync(process.execPath, [cli, 'analyze', path.join(tmp, 'nope')], { encoding: 'utf8' });
    assert.equal(bad.status, 1);
  });
});
