#!/usr/bin/env node
// Throughput of analyze() on distinct real text: PolNeAR train articles (when built) and the
// noise-dev pages, each analysed once, never a repeated text (repeats hit caches and lines seen
// before, and flatter the figure).
//   warm    after a warm-up over 1.5 MB of other texts, the other half of the corpus, each file once;
//   settled the same after a warm-up over both corpora (other texts) read SETTLE_ROUNDS times: a long-running process;
//   cold    the first call in a fresh process (what a person waits for when opening one article);
//   linear  one document made of 1×, 2×, 4× as many distinct files, so growth faster than linear shows:
//           its first call, and its compiled cost (the fastest of three calls after it, main thread).
// Every figure is the median over fresh processes; MB/s by CPU time of the process (user +
// system, steadier on a shared machine), by wall time, and by the main thread's CPU time (Linux):
// the process's figure also counts V8 compiling optimized code on other threads, which a young
// process does a lot of (the gap between "warm, each once" and a process that has run for long).
// Prints; asserts nothing.
//
//   node test/bench/distinct.mjs [--runs N]     (npm run bench runs it after bench.mjs's own tables)
//   POLNEAR_TRAIN_DIR=DIR, else test/eval/polnear-train; SHARED_EVAL_DIR=DIR, else ../shared/eval upwards.
import esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const MB = 1 << 20;
const here = path.dirname(fileURLToPath(import.meta.url));
const self = fileURLToPath(import.meta.url);

/** A V8 CPU profile of this process from now until `stop()` (the warm part only, not the warm-up). */
async function startProfiler() {
  const { Session } = await import('node:inspector/promises');
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  return {
    stop: async () => {
      const { profile } = await session.post('Profiler.stop');
      session.disconnect();
      return profile;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Worker: one measurement in this fresh process, result as JSON on stdout.

/**
 * CPU time of this process's main thread, where analyze() runs, from /proc (Linux; null elsewhere).
 * The process's CPU time also counts V8's background threads, which compile optimized code (and
 * mark for the GC) while a process is young: on distinct text that is a large share of the total.
 */
function mainThreadCpuMs() {
  try {
    const stat = fs.readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in clock ticks of 10 ms
  } catch {
    return null;
  }
}

function clock() {
  const wall = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const main = mainThreadCpuMs();
  return () => {
    const c = process.cpuUsage(cpu);
    const mainNow = mainThreadCpuMs();
    const mainMs = main === null || mainNow === null ? null : mainNow - main;
    return { wallMs: Number(process.hrtime.bigint() - wall) / 1e6, cpuMs: (c.user + c.system) / 1000, mainMs };
  };
}

const read = (f) => fs.readFileSync(f, 'utf8');
const bytes = (t) => Buffer.byteLength(t, 'utf8');

async function worker(job) {
  const loadClock = clock();
  const { analyze } = createRequire(import.meta.url)(job.bundle);
  const load = loadClock();
  if (job.mode === 'cold') {
    const text = read(job.files[0]);
    const stop = clock();
    analyze(text);
    return { load, ...stop(), bytes: bytes(text) };
  }
  for (let round = 0; round < (job.warmupRounds ?? 1); round++) for (const f of job.warmup) analyze(read(f));
  if (job.mode === 'warm') {
    const texts = job.files.map(read); // read before timing: the figure is the engine's
    const profiler = job.profile ? await startProfiler() : null;
    const stop = clock();
    for (const t of texts) analyze(t);
    const result = { ...stop(), bytes: texts.reduce((n, t) => n + bytes(t), 0), files: texts.length };
    if (profiler) fs.writeFileSync(job.profile, JSON.stringify(await profiler.stop()));
    return result;
  }
  const text = job.files.map(read).join('\n\n'); // mode 'joined': one document of distinct files
  const stop = clock();
  analyze(text);
  const first = stop();
  // The same document again: its first call pays for compiling what the warm-up never ran (a
  // large share at these sizes); the fastest of the calls after it is the engine's cost alone.
  // By the main thread's CPU time where it is known: V8 goes on compiling on other threads.
  let compiledCpuMs = Infinity;
  for (let pass = 0; pass < JOINED_AGAIN; pass++) {
    const again = clock();
    analyze(text);
    const t = again();
    compiledCpuMs = Math.min(compiledCpuMs, t.mainMs ?? t.cpuMs);
  }
  return { ...first, compiledCpuMs, bytes: bytes(text), files: job.files.length };
}

/** Calls of a joined document after its first, the fastest of which is its compiled cost. */
const JOINED_AGAIN = 3;

// ---------------------------------------------------------------------------------------------
// Driver

function findShared(root) {
  if (process.env.SHARED_EVAL_DIR) return path.resolve(process.env.SHARED_EVAL_DIR);
  for (let dir = root; path.dirname(dir) !== dir; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'shared', 'eval');
    if (fs.existsSync(candidate)) return candidate;
  }
  return null;
}

function txtFiles(dir) {
  if (!dir || !fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => path.join(dir, f));
}

/** Deterministic shuffle, so warm-up and measured files are spread over publishers and sites. */
function shuffled(files) {
  const out = [...files];
  let seed = 20261130;
  for (let i = out.length - 1; i > 0; i--) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    const j = seed % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

export function corpora(root) {
  const shared = findShared(root);
  const train = process.env.POLNEAR_TRAIN_DIR ? path.resolve(process.env.POLNEAR_TRAIN_DIR) : path.join(root, 'test', 'eval', 'polnear-train');
  const out = [];
  const articles = txtFiles(train);
  if (articles.length > 0) out.push({ name: 'PolNeAR train articles', files: shuffled(articles) });
  else console.log(`(no PolNeAR train folder at ${train}: articles skipped; build it as ../shared/eval/README.md says)`);
  const pages = shared ? [...txtFiles(path.join(shared, 'noise-dev')), ...txtFiles(path.join(shared, 'noise-dev-2'))] : [];
  if (pages.length > 0) out.push({ name: 'noise-dev + noise-dev-2 web pages', files: shuffled(pages) });
  if (out.length === 0) out.push({ name: 'fixture seed articles', files: txtFiles(path.join(root, 'test', 'fixtures', 'workspace', 'seeds')) });
  return out;
}

/** The engine bundled for a bench into `dir`; `sourcemap: 'external'` also writes `analyze.cjs.map`. */
export async function bundle(root, dir, { sourcemap = false } = {}) {
  const outfile = path.join(dir, 'analyze.cjs');
  await esbuild.build({
    entryPoints: [path.join(root, 'src', 'core', 'analysis', 'analyze.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    supported: { 'regexp-unicode-property-escapes': true }, // as esbuild.js: regex literals stay literals
    sourcemap,
    outfile,
    logLevel: 'warning',
  });
  return outfile;
}

/** Runs one measurement in a fresh Node process (with `nodeFlags`, e.g. --cpu-prof) and returns its result. */
export function runWorker(dir, job, nodeFlags = []) {
  const jobFile = path.join(dir, `job-${process.pid}-${Math.random().toString(36).slice(2)}.json`);
  fs.writeFileSync(jobFile, JSON.stringify(job));
  const r = spawnSync(process.execPath, [...nodeFlags, self, '--worker', jobFile], { encoding: 'utf8', maxBuffer: 1 << 24 });
  fs.rmSync(jobFile, { force: true });
  if (r.status !== 0) throw new Error(`distinct bench worker failed (${job.mode}): ${r.stderr}`);
  return JSON.parse(r.stdout);
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

const rate = (b, ms) => (b / MB / (ms / 1000)).toFixed(2);
/** MB/s by the main thread's CPU time, and the share of the process's CPU time spent on other threads. */
const mainRate = (r) => (r.mainMs === null || r.mainMs <= 0 ? 'n/a' : `${rate(r.bytes, r.mainMs)} (${Math.max(0, Math.round((100 * (r.cpuMs - r.mainMs)) / r.cpuMs))} % on other threads)`);

/** Runs `job` in `runs` fresh processes; the median run by CPU time. */
function medianRun(dir, job, runs) {
  return medianOf(Array.from({ length: runs }, () => runWorker(dir, job)));
}

/** The run of median CPU time, with the median wall and main-thread times. */
function medianOf(results) {
  const cpu = median(results.map((r) => r.cpuMs));
  const mains = results.map((r) => r.mainMs).filter((x) => x !== null);
  return { ...results.find((r) => r.cpuMs === cpu), wallMs: median(results.map((r) => r.wallMs)), mainMs: mains.length > 0 ? median(mains) : null };
}

/** Up to `limit` bytes of files, in order: the warm-up before a measurement. */
export function upTo(files, limit) {
  const out = [];
  let size = 0;
  for (const f of files) {
    if (size >= limit) break;
    out.push(f);
    size += fs.statSync(f).size;
  }
  return out;
}

// Warm-up: the engine's code and regular expressions keep getting faster over the first few hundred
// articles (JIT tiers), so a measurement after a short warm-up reads low. WARM_UP bytes of other
// texts (the other corpus first, then files of this one that are not measured) come before each.
export const WARM_UP = 1.5 * MB;
/** How many times the warm-up texts are read for the "compilation settled" row. */
export const SETTLE_ROUNDS = 4;

/** a0, b0, a1, b1, …, then what is left of the longer list. */
function interleave(a, b) {
  const out = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (i < a.length) out.push(a[i]);
    if (i < b.length) out.push(b[i]);
  }
  return out;
}

function benchCorpus(dir, bundlePath, corpus, others, runs) {
  const half = Math.floor(corpus.files.length / 2);
  const warmup = upTo([...others, ...corpus.files.slice(0, half)], WARM_UP);
  const measured = corpus.files.slice(half);
  const w = medianRun(dir, { mode: 'warm', bundle: bundlePath, warmup, files: measured }, runs);
  console.log(`| ${corpus.name}: warm, each once | ${w.files} | ${(w.bytes / MB).toFixed(2)} | ${w.cpuMs.toFixed(0)} | ${rate(w.bytes, w.cpuMs)} | ${rate(w.bytes, w.wallMs)} | ${mainRate(w)} |`);
  // The same files after the warm-up texts read SETTLE_ROUNDS times: what a long-running process
  // (the editor's) pays once optimizing compilation has settled; the row above also pays compiling.
  // Its warm-up alternates the other corpus with this one's unmeasured half: the row above warms up on
  // the other corpus alone when it is large, so the code only pages need has never run before.
  const mixed = upTo(interleave(others, corpus.files.slice(0, half)), WARM_UP);
  const settled = medianRun(dir, { mode: 'warm', bundle: bundlePath, warmup: mixed, warmupRounds: SETTLE_ROUNDS, files: measured }, runs);
  console.log(`| ${corpus.name}: warm, each once, compilation settled (mixed warm-up read ${SETTLE_ROUNDS}×) | ${settled.files} | ${(settled.bytes / MB).toFixed(2)} | ${settled.cpuMs.toFixed(0)} | ${rate(settled.bytes, settled.cpuMs)} | ${rate(settled.bytes, settled.wallMs)} | ${mainRate(settled)} |`);
  // Cold: files around the median size, each in a fresh process as its first call.
  const bySize = [...measured].sort((a, b) => fs.statSync(a).size - fs.statSync(b).size);
  const coldFiles = [0.3, 0.4, 0.5, 0.6, 0.7].map((q) => bySize[Math.floor(q * (bySize.length - 1))]);
  const colds = coldFiles.map((f) => runWorker(dir, { mode: 'cold', bundle: bundlePath, files: [f] }));
  const c = colds.find((r) => r.cpuMs === median(colds.map((x) => x.cpuMs)));
  const load = median(colds.map((x) => x.load.wallMs));
  console.log(`| ${corpus.name}: cold first call (median of ${colds.length} files, ~${(c.bytes / 1024).toFixed(0)} KB; module load ${load.toFixed(0)} ms) | 1 | ${(c.bytes / MB).toFixed(3)} | ${c.cpuMs.toFixed(0)} | ${rate(c.bytes, c.cpuMs)} | ${rate(c.bytes, c.wallMs)} | ${mainRate(c)} |`);
}

function benchLinear(dir, bundlePath, corpus, others, runs) {
  const rest = corpus.files.slice(Math.floor(corpus.files.length / 8));
  const warmup = upTo([...others, ...corpus.files.slice(0, Math.floor(corpus.files.length / 8))], WARM_UP);
  const unit = Math.floor(rest.length / 4);
  if (unit < 1) return;
  const rows = [1, 2, 4].map((k) => {
    const jobRuns = Array.from({ length: runs }, () => runWorker(dir, { mode: 'joined', bundle: bundlePath, warmup, files: rest.slice(0, unit * k) }));
    return { k, ...medianOf(jobRuns), compiledCpuMs: median(jobRuns.map((r) => r.compiledCpuMs)) };
  });
  for (const r of rows) {
    const ratio = r.cpuMs / rows[0].cpuMs;
    const compiledRatio = r.compiledCpuMs / rows[0].compiledCpuMs;
    console.log(`| ${corpus.name}: one document of ${r.k}× distinct files | ${r.files} | ${(r.bytes / MB).toFixed(2)} | ${r.cpuMs.toFixed(0)} | ${rate(r.bytes, r.cpuMs)} | ${rate(r.bytes, r.wallMs)} | ${ratio.toFixed(2)} | ${r.compiledCpuMs.toFixed(0)} | ${compiledRatio.toFixed(2)} | ×${(r.bytes / rows[0].bytes).toFixed(2)} |`);
  }
}

export async function benchDistinct(root = path.resolve(here, '..', '..'), runs = 3) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sa-bench-distinct-'));
  try {
    const bundlePath = await bundle(root, dir);
    const list = corpora(root);
    console.log(`\nanalyze() on distinct real text, each file analysed once; median of ${runs} fresh processes; load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')} on ${os.cpus().length} cores\n`);
    console.log('| input | files | MB | CPU ms | MB/s (CPU) | MB/s (wall) | MB/s (main thread CPU) |\n|---|---|---|---|---|---|---|');
    const othersOf = (corpus) => list.filter((c) => c !== corpus).flatMap((c) => c.files);
    for (const corpus of list) benchCorpus(dir, bundlePath, corpus, othersOf(corpus), runs);
    console.log('\nlinearity: one document joining more distinct files (time ratio to 1×, by CPU time; linear = the size ratio). The first call of a document also compiles what the warm-up never ran; "compiled" is the fastest of three calls after it (main thread CPU time), the growth of the engine\'s own cost\n');
    console.log('| input | files | MB | CPU ms, first call | MB/s (CPU) | MB/s (wall) | time ratio | main thread ms, compiled | time ratio, compiled | size ratio |\n|---|---|---|---|---|---|---|---|---|---|');
    for (const corpus of list) benchLinear(dir, bundlePath, corpus, othersOf(corpus), runs);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const argv = process.argv.slice(2);
if (process.argv[1] === self) {
  // Only when run itself: a bench that imports this module runs its own workers with its own flags.
  if (argv[0] === '--worker') {
    process.stdout.write(JSON.stringify(await worker(JSON.parse(fs.readFileSync(argv[1], 'utf8')))));
  } else {
    const i = argv.indexOf('--runs');
    await benchDistinct(undefined, i >= 0 ? Number(argv[i + 1]) : 3);
  }
}
