#!/usr/bin/env node
// Where analyze() spends its time on distinct real text: runs the warm workload of distinct.mjs
// (PolNeAR train articles and the noise pages, each once, after a warm-up) under `node --cpu-prof`
// and prints the functions with the most self time, named by their source file under src/.
//
//   node test/bench/profile.mjs [--top N] [--keep DIR]   (--keep leaves the .cpuprofile for DevTools)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundle, corpora, runWorker } from './distinct.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const argv = process.argv.slice(2);
const opt = (name, fallback) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : fallback);
const top = Number(opt('--top', 25));
const keep = opt('--keep', null);

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
    const n = byId.get(id);
    const cf = n.callFrame;
    const where = cf.url.endsWith('analyze.cjs') ? fileOf(cf.lineNumber) : cf.url ? path.basename(cf.url) : '';
    const key = `${cf.functionName || '(anonymous)'}  ${where}${cf.url.endsWith('analyze.cjs') ? '' : ''}`;
    rows.set(key, (rows.get(key) ?? 0) + us);
    total += us;
  }
  return { total, rows: [...rows].sort((a, b) => b[1] - a[1]) };
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sa-profile-'));
try {
  const bundlePath = await bundle(root, dir);
  const files = corpora(root).flatMap((c) => c.files);
  const warmCount = Math.min(60, Math.floor(files.length / 10));
  const profDir = keep ? path.resolve(keep) : path.join(dir, 'prof');
  fs.mkdirSync(profDir, { recursive: true });
  const r = runWorker(dir, { mode: 'warm', bundle: bundlePath, warmup: files.slice(0, warmCount), files: files.slice(warmCount) }, ['--cpu-prof', `--cpu-prof-dir=${profDir}`]);
  const profFile = fs.readdirSync(profDir).filter((f) => f.endsWith('.cpuprofile')).map((f) => path.join(profDir, f)).sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs)[0];
  const { total, rows } = selfTimes(JSON.parse(fs.readFileSync(profFile, 'utf8')), sourceOfLine(fs.readFileSync(bundlePath, 'utf8')));
  console.log(`profile of ${r.files} distinct files (${(r.bytes / (1 << 20)).toFixed(2)} MB, ${r.cpuMs.toFixed(0)} ms CPU) after ${warmCount} warm-up files; whole process ${(total / 1000).toFixed(0)} ms sampled\n`);
  console.log('| self % | self ms | function | file |\n|---|---|---|---|');
  for (const [key, us] of rows.slice(0, top)) {
    const [name, file] = key.split('  ');
    console.log(`| ${((100 * us) / total).toFixed(1)} | ${(us / 1000).toFixed(0)} | ${name} | ${file} |`);
  }
  const byFile = new Map();
  for (const [key, us] of rows) byFile.set(key.split('  ')[1] || '(native)', (byFile.get(key.split('  ')[1] || '(native)') ?? 0) + us);
  console.log('\nby file\n\n| self % | file |\n|---|---|');
  for (const [file, us] of [...byFile].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`| ${((100 * us) / total).toFixed(1)} | ${file} |`);
  if (keep) console.log(`\nprofile kept: ${profFile}`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
