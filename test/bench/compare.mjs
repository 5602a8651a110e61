#!/usr/bin/env node
// Two versions of the engine against each other on distinct real text, in fresh processes
// alternated (A B, B A, …): on a shared machine only figures taken side by side say which is faster.
// Each process bundles nothing: it loads the engine of one checkout, warms up over every other text
// of the corpora (PolNeAR train articles when built, and the noise pages) read twice, then analyses
// the remaining texts once each, and reports the CPU time of its main thread (where analyze() runs,
// Linux) and of the whole process (which also counts V8 compiling optimized code on other threads).
// With --hot, each process instead reads every text three times, then times five more passes over
// all of them and keeps the fastest: the engine's own cost once V8 has compiled it, without the
// compilation a young process pays (which "each once" includes). With --interleaved, one process
// loads both engines, reads every text twice with each, then analyses every text with both, in
// alternating order, for N rounds, and reports each round's CPU time of both and the median ratio:
// on a machine whose speed drifts for minutes at a time (as virtual machines' does) this is the one
// comparison the drift cannot favour, both engines meeting it text by text. Prints the medians;
// asserts nothing.
//
//   node test/bench/compare.mjs CHECKOUT_A CHECKOUT_B [--runs N] [--hot | --interleaved]
// Each checkout is a working tree of this project (a `git worktree add --detach DIR REV` of the
// version to compare); its `src/core/analysis/analyze.ts` is bundled once into a temporary folder.
// POLNEAR_TRAIN_DIR and SHARED_EVAL_DIR as for distinct.mjs.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { bundle, corpora } from './distinct.mjs';

const self = fileURLToPath(import.meta.url);
const root = path.resolve(path.dirname(self), '..', '..');

/** CPU time of this process's main thread in ms, from /proc (Linux; null elsewhere). */
function mainThreadMs() {
  try {
    const stat = fs.readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

/** The fastest of five passes over every text after three, by the main thread's CPU time. */
function measureHot(analyze, texts) {
  for (let round = 0; round < 3; round++) for (const t of texts) analyze(t);
  let best = { mainMs: Infinity, cpuMs: Infinity };
  for (let round = 0; round < 5; round++) {
    const main = mainThreadMs();
    const cpu = process.cpuUsage();
    for (const t of texts) analyze(t);
    const c = process.cpuUsage(cpu);
    const mainNow = mainThreadMs();
    const pass = { mainMs: main === null || mainNow === null ? null : mainNow - main, cpuMs: (c.user + c.system) / 1000 };
    if (pass.cpuMs < best.cpuMs) best = pass;
  }
  return { bytes: texts.reduce((n, t) => n + Buffer.byteLength(t, 'utf8'), 0), files: texts.length, ...best };
}

function measure(engine, hot) {
  const { analyze } = createRequire(import.meta.url)(engine);
  const files = corpora(root).flatMap((c) => c.files);
  const texts = files.map((f) => fs.readFileSync(f, 'utf8'));
  if (hot) return measureHot(analyze, texts);
  const warm = texts.filter((_, i) => i % 2 === 0);
  const measured = texts.filter((_, i) => i % 2 === 1);
  for (let round = 0; round < 2; round++) for (const t of warm) analyze(t);
  const main = mainThreadMs();
  const cpu = process.cpuUsage();
  let bytes = 0;
  for (const t of measured) {
    analyze(t);
    bytes += Buffer.byteLength(t, 'utf8');
  }
  const c = process.cpuUsage(cpu);
  const mainNow = mainThreadMs();
  return { bytes, files: measured.length, mainMs: main === null || mainNow === null ? null : mainNow - main, cpuMs: (c.user + c.system) / 1000 };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

/** Both engines in this process, every text analysed by each in alternating order, `rounds` times. */
function measureInterleaved(engines, rounds) {
  const analyses = engines.map((e) => createRequire(import.meta.url)(e).analyze);
  const texts = corpora(root)
    .flatMap((c) => c.files)
    .map((f) => fs.readFileSync(f, 'utf8'));
  for (let round = 0; round < 2; round++) for (const t of texts) for (const analyze of analyses) analyze(t);
  const cpuMs = () => {
    const c = process.cpuUsage();
    return (c.user + c.system) / 1000;
  };
  const perRound = [];
  for (let round = 0; round < rounds; round++) {
    const ms = [0, 0];
    texts.forEach((t, i) => {
      for (const k of (i + round) % 2 === 0 ? [0, 1] : [1, 0]) {
        const before = cpuMs();
        analyses[k](t);
        ms[k] += cpuMs() - before;
      }
    });
    perRound.push(ms);
  }
  return { bytes: texts.reduce((n, t) => n + Buffer.byteLength(t, 'utf8'), 0), files: texts.length, perRound };
}

async function main() {
  const argv = process.argv.slice(2);
  if (argv[0] === '--child') {
    process.stdout.write(`\n${JSON.stringify(measure(argv[1], argv[2] === '--hot'))}\n`);
    return;
  }
  const runsAt = argv.indexOf('--runs');
  const runs = runsAt >= 0 ? Number(argv[runsAt + 1]) : 5;
  const hot = argv.includes('--hot');
  const interleaved = argv.includes('--interleaved');
  const checkouts = argv.filter((a, i) => !a.startsWith('--') && i !== runsAt + 1).slice(0, 2);
  if (checkouts.length !== 2 || !(runs > 0) || (hot && interleaved)) {
    console.error('usage: node test/bench/compare.mjs CHECKOUT_A CHECKOUT_B [--runs N] [--hot | --interleaved]');
    process.exit(2);
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sa-compare-'));
  const engines = [];
  for (const [k, dir] of checkouts.entries()) {
    const out = path.join(tmp, String(k));
    fs.mkdirSync(out);
    engines.push(await bundle(path.resolve(dir), out));
  }
  if (interleaved) {
    const { bytes, files, perRound } = measureInterleaved(engines, runs);
    const mb = bytes / 1048576;
    console.log(`${files} texts (${mb.toFixed(2)} MB), each analysed by both engines in one process, in alternating order, ${runs} rounds after two; load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}\n`);
    console.log(`| round | ${checkouts[0]} CPU ms | ${checkouts[1]} CPU ms | ratio B/A |`);
    console.log('|---|---|---|---|');
    perRound.forEach(([a, b], r) => console.log(`| ${r + 1} | ${a.toFixed(0)} (${(mb / (a / 1000)).toFixed(2)} MB/s) | ${b.toFixed(0)} (${(mb / (b / 1000)).toFixed(2)} MB/s) | ${(b / a).toFixed(3)} |`));
    console.log(`\nmedian ratio B/A: ${median(perRound.map(([a, b]) => b / a)).toFixed(3)}`);
    fs.rmSync(tmp, { recursive: true, force: true });
    return;
  }
  const results = [[], []];
  for (let r = 0; r < runs; r++) {
    for (const k of r % 2 === 0 ? [0, 1] : [1, 0]) {
      const child = spawnSync(process.execPath, [self, '--child', engines[k], ...(hot ? ['--hot'] : [])], { encoding: 'utf8' });
      if (child.status !== 0) throw new Error(child.stderr);
      results[k].push(JSON.parse(child.stdout.trim().split('\n').pop() ?? ''));
    }
  }
  const first = results[0][0];
  const how = hot ? 'the fastest of five passes after three' : 'each once after a warm-up over the others read twice';
  console.log(`${first.files} texts (${(first.bytes / 1048576).toFixed(2)} MB), ${how}; median of ${runs} fresh processes each, alternated; load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}\n`);
  console.log('| checkout | main thread CPU ms | MB/s (main thread) | process CPU ms | MB/s (process) |');
  console.log('|---|---|---|---|---|');
  for (const [k, dir] of checkouts.entries()) {
    const mainMs = median(results[k].map((x) => x.mainMs ?? NaN));
    const cpuMs = median(results[k].map((x) => x.cpuMs));
    const mb = first.bytes / 1048576;
    console.log(`| ${dir} | ${mainMs} | ${(mb / (mainMs / 1000)).toFixed(2)} | ${cpuMs.toFixed(0)} | ${(mb / (cpuMs / 1000)).toFixed(2)} |`);
  }
  fs.rmSync(tmp, { recursive: true, force: true });
}

await main();
