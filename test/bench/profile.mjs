#!/usr/bin/env node
// Where analyze() spends its time on distinct real text: runs the warm workload of distinct.mjs
// (after a 1.5 MB warm-up over other texts, the PolNeAR train articles and the noise pages not used
// for it, each once) under the V8 CPU profiler and prints the functions with the most self time,
// named by their source file under src/ (regular expressions by their source).
//
//   node test/bench/profile.mjs [--top N] [--keep FILE] [--under FUNCTION] [--settled]
//   (--keep writes the .cpuprofile, for DevTools; --settled reads the warm-up SETTLE_ROUNDS times
//   first, as distinct.mjs's "compilation settled" row, so the profile is of optimized code)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundle, corpora, runWorker, SETTLE_ROUNDS, upTo, WARM_UP } from './distinct.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const argv = process.argv.slice(2);
const opt = (name, fallback) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : fallback);
const top = Number(opt('--top', 25));
const keep = opt('--keep', null);
/** The function whose callees make the stage table (`--under findBoilerplate` breaks one stage down). */
const under = opt('--under', 'analyzeArticle');
const settled = argv.includes('--settled');

/** esbuild marks each module of a bundle with a `// src/…` comment line: bundle line → source file. */
function sourceOfLine(bundleText) {
  const marks = [];
  bundleText.split('\n').forEach((line, i) => {
    const m = /^\/\/ (\S+\.ts)$/.exec(line);
    if (m) marks.push([i, m[1]]);
  });
  return (line) => {
    let file = '?';
    for (const [at, f] of marks) if (at <= line) file = f;
    return file;
  };
}

/** Self time per function (name + source file) from a V8 .cpuprofile. */
function selfTimes(profile, fileOf) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    self.set(id, (self.get(id) ?? 0) + dt);
  });
  const rows = new Map();
  let total = 0;
  for (const [id, us] of self) {
    const cf = byId.get(id).callFrame;
    if (cf.functionName === '(idle)') continue;
    const inBundle = cf.url.endsWith('analyze.cjs');
    const where = inBundle ? fileOf(cf.lineNumber) : cf.url ? path.basename(cf.url) : '';
    let name = cf.functionName || '(anonymous)';
    if (name.startsWith('RegExp: ')) name = `RegExp /${name.slice(8, 90)}${name.length > 90 ? '…' : ''}/`;
    const key = `${name.replace(/\|/g, '\\|')}\t${where}`;
    rows.set(key, (rows.get(key) ?? 0) + us);
    total += us;
  }
  return { total, rows: [...rows].sort((a, b) => b[1] - a[1]) };
}

/** Functions whose time is counted wherever they are called from (shared machinery). */
const ACROSS = ['tokenize', 'cueAt', 'fullNames', 'countWords', 'isTitleCase'];

/**
 * Inclusive time per stage: each sample is charged to the function called by analyzeArticle on its
 * stack (analyze() itself and the archive split counted apart; another parent with --under), and to every ACROSS function on it.
 */
function stageTimes(profile) {
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const rows = new Map();
  const across = new Map(ACROSS.map((f) => [f, 0]));
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    const chain = [];
    for (let at = id; at !== undefined; at = parent.get(at)) chain.push(byId.get(at).callFrame.functionName);
    const top = chain.indexOf('analyze');
    if (top < 0) return;
    total += dt;
    const article = chain.indexOf(under);
    const stage = article < 0 ? `(outside ${under}) ${chain[top - 1] ?? 'analyze'}` : article === 0 ? `${under} (self)` : chain[article - 1] || '(anonymous)';
    rows.set(stage, (rows.get(stage) ?? 0) + dt);
    for (const f of new Set(chain)) if (across.has(f)) across.set(f, across.get(f) + dt);
  });
  return { total, rows: [...rows].sort((a, b) => b[1] - a[1]), across: [...across] };
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sa-profile-'));
try {
  const bundlePath = await bundle(root, dir);
  const list = corpora(root);
  const files = list.flatMap((c) => c.files);
  const warmup = upTo(list.flatMap((c) => c.files.slice(0, Math.floor(c.files.length / 2))), WARM_UP);
  const profFile = keep ? path.resolve(keep) : path.join(dir, 'warm.cpuprofile');
  const r = runWorker(dir, { mode: 'warm', bundle: bundlePath, warmup, files: files.filter((f) => !warmup.includes(f)), profile: profFile, warmupRounds: settled ? SETTLE_ROUNDS : 1 });
  const warmCount = warmup.length;
  const { total, rows } = selfTimes(JSON.parse(fs.readFileSync(profFile, 'utf8')), sourceOfLine(fs.readFileSync(bundlePath, 'utf8')));
  console.log(`profile of ${r.files} distinct files (${(r.bytes / (1 << 20)).toFixed(2)} MB, ${r.cpuMs.toFixed(0)} ms CPU) after ${warmCount} warm-up files${settled ? ` read ${SETTLE_ROUNDS}×` : ''}; ${(total / 1000).toFixed(0)} ms sampled, idle excluded\n`);
  console.log('| self % | self ms | function | file |\n|---|---|---|---|');
  for (const [key, us] of rows.slice(0, top)) {
    const [name, file] = key.split('\t');
    console.log(`| ${((100 * us) / total).toFixed(1)} | ${(us / 1000).toFixed(0)} | ${name} | ${file} |`);
  }
  const byFile = new Map();
  for (const [key, us] of rows) {
    const file = key.split('\t')[1] || '(V8: regular expressions, GC, builtins)';
    byFile.set(file, (byFile.get(file) ?? 0) + us);
  }
  console.log('\nby file\n\n| self % | file |\n|---|---|');
  for (const [file, us] of [...byFile].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`| ${((100 * us) / total).toFixed(1)} | ${file} |`);
  const profile = JSON.parse(fs.readFileSync(profFile, 'utf8'));
  const stages = stageTimes(profile);
  console.log(`\nby stage of ${under} (inclusive; a lazy shared step such as tokenizing counts in the stage that first asks)\n\n| % of analyze | ms | stage |\n|---|---|---|`);
  for (const [stage, us] of stages.rows) console.log(`| ${((100 * us) / stages.total).toFixed(1)} | ${(us / 1000).toFixed(0)} | ${stage} |`);
  console.log(`\nacross stages (inclusive): ${stages.across.map(([f, us]) => `${f} ${((100 * us) / stages.total).toFixed(1)} %`).join(', ')}`);
  if (keep) console.log(`\nprofile kept: ${profFile}`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
