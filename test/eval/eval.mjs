#!/usr/bin/env node
// npm run eval [-- --polnear DIR] [--per-doc] [--keep]   (or POLNEAR_DIR=DIR npm run eval)
// Runs the command line over the shared gold sets and prints the scorer's table for each, plus for
// the seeds the share of quotes whose canonical speaker is right. Reports; never fails on a target.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const shared = path.resolve(root, '..', 'shared', 'eval');
const cli = path.join(root, 'dist', 'cli.js');
const args = process.argv.slice(2);
const perDoc = args.includes('--per-doc');
const polIdx = args.indexOf('--polnear');
const polnear = polIdx >= 0 ? args[polIdx + 1] : process.env.POLNEAR_DIR;
const keep = args.includes('--keep'); // keep the prediction folders for a closer look
const made = [];
process.on('exit', () => {
  if (keep) console.log(`\nprediction folders kept: ${made.join(', ')}`);
  else for (const d of made) fs.rmSync(d, { recursive: true, force: true });
});

if (!fs.existsSync(path.join(shared, 'score.mjs'))) {
  console.error(`eval: the shared evaluation data was not found at ${shared} (expected score.mjs and the gold sets there).`);
  process.exit(1);
}
if (!fs.existsSync(cli)) {
  console.error('eval: dist/cli.js is missing; run `node esbuild.js` first (npm run eval does).');
  process.exit(1);
}

const TARGETS = {
  seeds: { quotes: ['exact', 0.96], speakers: ['overlap', 0.92], noise: ['char', 0.95] },
  'noise-dev': { noise: ['char', 0.85] },
  polnear: { quotes: ['exact', 0.95], speakers: ['overlap', 0.85], cues: ['overlap', 0.8] },
};

function runSet(name, goldDir) {
  const predDir = fs.mkdtempSync(path.join(os.tmpdir(), `sa-eval-${name}-`));
  made.push(predDir);
  const run = spawnSync(process.execPath, [cli, 'analyze', '--pred-dir', predDir, goldDir], { encoding: 'utf8' });
  if (run.status !== 0) {
    console.error(`eval: the command line failed on ${goldDir} (exit ${run.status}):\n${run.stderr}`);
    return null;
  }
  const jsonOut = path.join(predDir, 'score.json');
  const scoreArgs = [path.join(shared, 'score.mjs'), goldDir, predDir, '--json', jsonOut];
  if (perDoc) scoreArgs.push('--per-doc');
  const table = execFileSync(process.execPath, scoreArgs, { encoding: 'utf8' });
  console.log(`\n## ${name} (${goldDir})\n`);
  console.log(table.trimEnd());
  let scores = null;
  try {
    scores = JSON.parse(fs.readFileSync(jsonOut, 'utf8'));
  } catch {
    // the table above is still printed
  }
  return { predDir, scores };
}

function f1Of(scores, cat, level) {
  const c = scores?.categories?.[cat] ?? scores?.[cat];
  const l = c?.[level] ?? c?.levels?.[level];
  return typeof l?.f1 === 'number' ? l.f1 : null;
}

// A predicted canonical name is right when it names the same source as the gold one: equal after
// dropping articles and case, or the same words up to one transliteration letter, or one a subset of the other.
function sameName(pred, gold) {
  const norm = (s) => s.toLowerCase().replace(/['’]s\b/g, '').replace(/^(the|a|an) /, '').split(/\s+/).filter(Boolean);
  const a = norm(pred);
  const b = norm(gold);
  const close = (x, y) => {
    if (x === y) return true;
    if (Math.abs(x.length - y.length) > 1 || x.length < 5) return false;
    // At most one insertion, deletion or substitution.
    if (x.length === y.length) {
      let d = 0;
      for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) d++;
      return d <= 1;
    }
    const [long, short] = x.length > y.length ? [x, y] : [y, x];
    for (let i = 0; i < long.length; i++) if (long.slice(0, i) + long.slice(i + 1) === short) return true;
    return false;
  };
  const within = (xs, ys) => xs.every((x) => ys.some((y) => close(x, y)));
  return a.length > 0 && a.length === b.length && within(a, b) && within(b, a);
}

function speakerShare(goldDir, predDir) {
  let right = 0;
  let total = 0;
  const wrong = [];
  for (const f of fs.readdirSync(goldDir).filter((x) => x.endsWith('.gold.json')).sort()) {
    const id = f.replace(/\.gold\.json$/, '');
    const gold = JSON.parse(fs.readFileSync(path.join(goldDir, f), 'utf8'));
    const predPath = path.join(predDir, `${id}.pred.json`);
    const pred = fs.existsSync(predPath) ? JSON.parse(fs.readFileSync(predPath, 'utf8')) : { quotes: [] };
    for (const g of gold.quotes ?? []) {
      if (!g.speaker) continue;
      total++;
      const p = (pred.quotes ?? []).find((q) => q.start === g.start && q.end === g.end);
      if (p && p.speaker && sameName(p.speaker, g.speaker)) right++;
      else wrong.push(`${id} [${g.start}-${g.end}] gold "${g.speaker}", predicted ${p ? JSON.stringify(p.speaker) : 'no quote'}`);
    }
  }
  return { right, total, wrong };
}

const summary = [];
function report(set, scores) {
  for (const [cat, [level, target]] of Object.entries(TARGETS[set])) {
    const f1 = f1Of(scores, cat, level);
    summary.push({ set, measure: `${cat}, ${level} F1`, value: f1 === null ? '?' : f1.toFixed(3), target: `≥ ${target}`, met: f1 !== null && f1 >= target });
  }
}

const seeds = runSet('seeds', path.join(shared, 'seeds'));
if (seeds) {
  report('seeds', seeds.scores);
  const share = speakerShare(path.join(shared, 'seeds'), seeds.predDir);
  const pct = share.total === 0 ? 0 : (100 * share.right) / share.total;
  console.log(`\nquotes with the right canonical speaker: ${share.right}/${share.total} = ${pct.toFixed(1)}%`);
  for (const w of share.wrong) console.log(`  miss: ${w}`);
  summary.push({ set: 'seeds', measure: 'right canonical speaker', value: `${pct.toFixed(1)}%`, target: '≥ 92%', met: pct >= 92 });
}
const noiseDev = runSet('noise-dev', path.join(shared, 'noise-dev'));
if (noiseDev) report('noise-dev', noiseDev.scores);
if (polnear) {
  if (!fs.existsSync(polnear)) console.log(`\n## PolNeAR dev: folder ${polnear} not found, skipped`);
  else {
    const p = runSet('polnear', path.resolve(polnear));
    if (p) report('polnear', p.scores);
  }
} else {
  console.log('\n## PolNeAR dev: skipped (no folder given; pass --polnear DIR or set POLNEAR_DIR, see ../shared/eval/README.md)');
}

console.log('\n## Targets\n');
console.log('| set | measure | value | target | met |\n|---|---|---|---|---|');
for (const r of summary) console.log(`| ${r.set} | ${r.measure} | ${r.value} | ${r.target} | ${r.met ? 'yes' : 'no'} |`);
