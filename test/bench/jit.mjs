#!/usr/bin/env node
// What V8's optimizing compiler costs on distinct real text: the warm workload of distinct.mjs (the
// other corpus and the unmeasured half of this one, 1.5 MB, then the measured half of the PolNeAR
// train articles, each once) in fresh processes, and for the measured part:
//   - MB/s on one thread (`--single-threaded`: compiling and GC on the thread that analyses, the
//     cost on a single core) and by the default process's main thread and whole CPU time;
//   - the optimizing compiles it still pays (function, how many, their compile time), and every
//     deoptimization that caused one (function, V8's reason, and the source line where it happened,
//     which may be in a function inlined into it).
// A deoptimization throws away a function's optimized code, with every function inlined into it;
// the next compile is paid again. On distinct text this, not analysing, is most of the process's
// CPU time, so the table says where to look. Prints; asserts nothing.
//
//   node test/bench/jit.mjs [--runs N] [--rounds R] [--top K] [--corpus pages]
//     --rounds R  reads the warm-up R times (a process that has run longer)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire, SourceMap } from 'node:module';
import { fileURLToPath } from 'node:url';
import { bundle, corpora, upTo, WARM_UP } from './distinct.mjs';

const self = fileURLToPath(import.meta.url);
const root = path.resolve(path.dirname(self), '..', '..');
const MB = 1 << 20;
const MARK = '=====measured';
const RESULT = '=====result ';

function mainThreadCpuMs() {
  try {
    const stat = fs.readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return null;
  }
}

function worker(job) {
  const { analyze } = createRequire(import.meta.url)(job.bundle);
  const read = (f) => fs.readFileSync(f, 'utf8');
  for (let r = 0; r < job.rounds; r++) for (const f of job.warmup) analyze(read(f));
  const texts = job.files.map(read);
  console.log(MARK);
  const cpu = process.cpuUsage();
  const main = mainThreadCpuMs();
  for (const t of texts) analyze(t);
  const c = process.cpuUsage(cpu);
  const mainNow = mainThreadCpuMs();
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t, 'utf8'), 0);
  console.log(RESULT + JSON.stringify({ bytes, cpuMs: (c.user + c.system) / 1000, mainMs: main === null || mainNow === null ? null : mainNow - main }));
}

/** The engine bundled as distinct.mjs bundles it, with a source map to name deoptimization sites. */
async function bundleWithMap(dir) {
  const outfile = await bundle(root, dir, { sourcemap: 'external' });
  const map = new SourceMap(JSON.parse(fs.readFileSync(`${outfile}.map`, 'utf8')));
  const sources = new Map();
  /** `bundle.cjs:line:col` → `src/…ts:line  source text`. */
  const place = (line, col) => {
    const e = map.findEntry(line - 1, col - 1);
    if (!e || !e.originalSource) return `bundle:${line}:${col}`;
    const file = path.relative(root, path.resolve(dir, e.originalSource.replace(/^file:\/\//, '')));
    if (!sources.has(file)) sources.set(file, fs.existsSync(path.join(root, file)) ? fs.readFileSync(path.join(root, file), 'utf8').split('\n') : []);
    const text = (sources.get(file)[e.originalLine] ?? '').trim().replace(/\|/g, '\\|');
    return `${file}:${e.originalLine + 1}:${e.originalColumn + 1} \`${text.length > 70 ? `${text.slice(0, 70)}…` : text}\``;
  };
  return { outfile, place };
}

/** Compiles and deoptimizations printed by --trace-opt --trace-deopt-verbose after the mark. */
function parseTrace(out, place) {
  const lines = out.slice(out.indexOf(MARK)).split('\n');
  const compiles = [];
  const deopts = [];
  for (const line of lines) {
    let m = /^\[completed compiling 0x[0-9a-f]+ <JSFunction ([^ >]*) ?\(sfi = (0x[0-9a-f]+)\)> \(target (\w+)\) - took ([\d.]+), ([\d.]+), ([\d.]+) ms/.exec(line);
    if (m) {
      compiles.push({ fn: m[1] || '(anonymous)', ms: Number(m[4]) + Number(m[5]) + Number(m[6]) });
      continue;
    }
    m = /^\[bailout \(kind: ([\w-]+), reason: ([^)]*)\): begin\. deoptimizing 0x[0-9a-f]+ <JSFunction ([^ >]*) ?\(sfi.*bytecode offset (\d+)/.exec(line);
    if (m) {
      deopts.push({ fn: m[3] || '(anonymous)', at: Number(m[4]), reason: m[2], kind: m[1], where: '' });
      continue;
    }
    m = /^\s*;;; deoptimize at <[^>]*?:(\d+):(\d+)>/.exec(line);
    const last = deopts[deopts.length - 1];
    if (m && last && last.where === '') last.where = place(Number(m[1]), Number(m[2]));
  }
  return { compiles, deopts };
}

function run(flags, job) {
  const jobFile = path.join(os.tmpdir(), `sa-jit-${process.pid}-${Math.random().toString(36).slice(2)}.json`);
  fs.writeFileSync(jobFile, JSON.stringify(job));
  const r = spawnSync(process.execPath, [...flags, self, '--worker', jobFile], { encoding: 'utf8', maxBuffer: 1 << 28 });
  fs.rmSync(jobFile, { force: true });
  if (r.status !== 0) throw new Error(`jit bench worker failed: ${r.stderr}`);
  const last = r.stdout.slice(r.stdout.lastIndexOf(RESULT) + RESULT.length);
  return { ...JSON.parse(last.split('\n')[0]), stdout: r.stdout };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rate = (bytes, ms) => (bytes / MB / (ms / 1000)).toFixed(2);

async function main(argv) {
  const opt = (name, fallback) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : fallback);
  const runs = Number(opt('--runs', 3));
  const rounds = Number(opt('--rounds', 1));
  const top = Number(opt('--top', 30));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sa-bench-jit-'));
  try {
    const { outfile: bundlePath, place } = await bundleWithMap(dir);
    const list = corpora(root);
    const corpus = (opt('--corpus', 'articles') === 'pages' ? list.find((c) => /pages/.test(c.name)) : list[0]) ?? list[0];
    const others = list.filter((c) => c !== corpus).flatMap((c) => c.files);
    const half = Math.floor(corpus.files.length / 2);
    const job = { bundle: bundlePath, rounds, warmup: upTo([...others, ...corpus.files.slice(0, half)], WARM_UP), files: corpus.files.slice(half) };
    const single = [];
    const normal = [];
    const traces = [];
    for (let i = 0; i < runs; i++) {
      single.push(run(['--single-threaded'], job));
      normal.push(run([], job));
      traces.push(parseTrace(run(['--trace-opt', '--trace-deopt-verbose'], job).stdout, place));
    }
    const bytes = single[0].bytes;
    console.log(`\n${corpus.name}: ${job.files.length} files (${(bytes / MB).toFixed(2)} MB) each once after ${job.warmup.length} other files read ${rounds}×; median of ${runs} fresh processes; load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')} on ${os.cpus().length} cores\n`);
    console.log('| measure | ms | MB/s |\n|---|---|---|');
    const s = median(single.map((r) => r.cpuMs));
    console.log(`| one thread (--single-threaded), CPU | ${s.toFixed(0)} | ${rate(bytes, s)} |`);
    const p = median(normal.map((r) => r.cpuMs));
    console.log(`| default process, CPU | ${p.toFixed(0)} | ${rate(bytes, p)} |`);
    const mains = normal.map((r) => r.mainMs).filter((x) => x !== null);
    if (mains.length > 0) console.log(`| default process, main thread CPU | ${median(mains).toFixed(0)} | ${rate(bytes, median(mains))} |`);
    console.log(`| optimizing compiles (median per run) | ${median(traces.map((t) => t.compiles.length))} | |`);
    console.log(`| deoptimizations (median per run) | ${median(traces.map((t) => t.deopts.length))} | |`);

    const compiles = new Map();
    for (const t of traces) for (const c of t.compiles) {
      const row = compiles.get(c.fn) ?? { n: 0, ms: 0 };
      row.n += 1;
      row.ms += c.ms;
      compiles.set(c.fn, row);
    }
    console.log(`\ncompiles in the measured part, over ${runs} runs (compile time is wall time on a compiler thread)\n\n| function | compiles | ms |\n|---|---|---|`);
    for (const [fn, row] of [...compiles].sort((a, b) => b[1].ms - a[1].ms).slice(0, top)) console.log(`| ${fn} | ${row.n} | ${row.ms.toFixed(1)} |`);
    const deopts = new Map();
    for (const t of traces) for (const d of t.deopts) {
      const key = `${d.fn} | ${d.reason} | ${d.where}`;
      deopts.set(key, (deopts.get(key) ?? 0) + 1);
    }
    console.log(`\ndeoptimizations in the measured part, over ${runs} runs (where: the source line of the deoptimizing operation)\n\n| function | reason | where | times |\n|---|---|---|---|`);
    for (const [key, n] of [...deopts].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`| ${key} | ${n} |`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const argv = process.argv.slice(2);
if (argv[0] === '--worker') worker(JSON.parse(fs.readFileSync(argv[1], 'utf8')));
else await main(argv);
