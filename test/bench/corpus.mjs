#!/usr/bin/env node
// Corpus bench: builds N articles (default 10,000) from real texts — the seeds and the noise-dev
// pages — into a temporary folder, then measures `source-annotator corpus` and analyzeMany() on
// 1 and 2 jobs: wall time, throughput and peak memory (max RSS of a fresh process, workers
// included). No two articles are the same: paragraphs are shuffled between articles and words
// altered; articles are spread over 25 folders ("sites"), each with its own header and footer.
// Prints; asserts nothing.
//
//   node esbuild.js && node test/bench/corpus.mjs [--articles N] [--keep]
import esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const { values } = parseArgs({ options: { articles: { type: 'string', default: '10000' }, keep: { type: 'boolean', default: false } } });
const ARTICLES = Number(values.articles);
const SITES = 25;

/** A small seeded generator, so every run builds the same corpus. */
function random(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sourceTexts() {
  // The shared evaluation data sits beside the checkout (../shared) or beside its worktree folder (../../shared).
  const shared = [path.resolve(root, '..', 'shared', 'eval'), path.resolve(root, '..', '..', 'shared', 'eval')].find((d) => fs.existsSync(d)) ?? '';
  const dirs = ['seeds', 'noise-dev', 'noise-dev-2'].map((d) => path.join(shared, d)).filter((d) => fs.existsSync(d));
  if (dirs.length === 0) dirs.push(path.join(root, 'test', 'fixtures', 'workspace', 'seeds'));
  const texts = [];
  for (const d of dirs) for (const f of fs.readdirSync(d).sort()) if (f.endsWith('.txt')) texts.push(fs.readFileSync(path.join(d, f), 'utf8'));
  return { dirs: dirs.map((d) => path.relative(root, d)), texts };
}

const SWAPS = ['said', 'stated', 'told', 'the', 'a', 'new', 'old', 'major', 'minor', 'first', 'last', 'local', 'national'];

function alter(paragraph, rnd) {
  if (rnd() < 0.6) return paragraph;
  const words = paragraph.split(' ');
  const i = Math.floor(rnd() * words.length);
  words[i] = SWAPS[Math.floor(rnd() * SWAPS.length)];
  return words.join(' ');
}

function buildCorpus(dir) {
  const { dirs, texts } = sourceTexts();
  const rnd = random(11);
  const paragraphs = texts.flatMap((t) => t.split(/\n\s*\n|\n/).filter((p) => p.trim().length > 0));
  // A third of the paragraphs drawn hold a quotation, so statements recur across articles as in a news corpus.
  const quoted = paragraphs.filter((p) => /["“”]/.test(p) && p.length > 80);
  let bytes = 0;
  for (let site = 0; site < SITES; site++) fs.mkdirSync(path.join(dir, `site-${site}`), { recursive: true });
  for (let n = 0; n < ARTICLES; n++) {
    const site = n % SITES;
    const count = 20 + Math.floor(rnd() * 40);
    const body = [];
    for (let k = 0; k < count; k++) {
      const pool = rnd() < 0.33 && quoted.length > 0 ? quoted : paragraphs;
      body.push(alter(pool[Math.floor(rnd() * pool.length)], rnd));
    }
    const text = [`Site ${site} News | Home | World | Politics | Business`, `Article ${n}: ${body[0]?.slice(0, 60) ?? ''}`, ...body, `Copyright 2024 Site ${site} Media Group. All rights reserved.`, `Follow Site ${site} on social media for more news`].join('\n\n');
    fs.writeFileSync(path.join(dir, `site-${site}`, `${String(n).padStart(6, '0')}.txt`), text);
    bytes += Buffer.byteLength(text);
  }
  return { dirs, paragraphs: paragraphs.length, bytes };
}

/** Runs a script in a fresh Node process and returns its wall time and peak memory. */
function measure(script, args) {
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['-e', script, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (r.status !== 0) throw new Error(`run failed (${r.status}): ${r.stderr}`);
  const stats = JSON.parse(r.stderr.trim().split('\n').pop());
  return { ms, ...stats };
}

// Child scripts print {maxRssMB, ...} on their last stderr line.
const CORPUS_RUN = `
const { main } = require(${JSON.stringify(path.join(root, 'dist', 'cli.js'))});
let outBytes = 0;
main(['corpus', '--json', '--jobs', process.argv[1], process.argv[2]], { out: (s) => { outBytes += s.length; }, err: () => {} }).then((status) => {
  process.stderr.write(JSON.stringify({ status, outMB: outBytes / 1048576, maxRssMB: process.resourceUsage().maxRSS / 1024, cpuS: (process.resourceUsage().userCPUTime + process.resourceUsage().systemCPUTime) / 1e6 }) + '\\n');
});`;

const poolBundle = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sa-bench-pool-')), 'pool.cjs');
const poolEntry = path.join(path.dirname(poolBundle), 'pool.ts');
fs.writeFileSync(
  poolEntry,
  [
    `export { analyzeMany, summariseMany } from ${JSON.stringify(path.join(root, 'src', 'cli', 'workerPool'))};`,
    `export { corpusReport } from ${JSON.stringify(path.join(root, 'src', 'core', 'corpus', 'report'))};`,
  ].join('\n'),
);
await esbuild.build({ entryPoints: [poolEntry], bundle: true, platform: 'node', format: 'cjs', target: 'node20', supported: { 'regexp-unicode-property-escapes': true }, outfile: poolBundle, logLevel: 'warning' });
const POOL_RUN = `
const fs = require('node:fs');
const path = require('node:path');
const { analyzeMany } = require(${JSON.stringify(poolBundle)});
const dir = process.argv[2];
const files = fs.readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('.txt')).sort().map((f) => path.join(dir, f));
let quotes = 0;
analyzeMany(files, Number(process.argv[1]), {
  workerScript: ${JSON.stringify(path.join(root, 'dist', 'analyzeWorker.js'))},
  onResult: (r) => { if (r.ok) quotes += r.analysis.quotes.length; },
}).then(() => process.stderr.write(JSON.stringify({ files: files.length, quotes, maxRssMB: process.resourceUsage().maxRSS / 1024, cpuS: (process.resourceUsage().userCPUTime + process.resourceUsage().systemCPUTime) / 1e6 }) + '\\n'));`;

// The pure combiners alone, over summaries already in memory: what an index pays when a file changes.
const COMBINE_RUN = `
const fs = require('node:fs');
const path = require('node:path');
const { summariseMany, corpusReport } = require(${JSON.stringify(poolBundle)});
const dir = process.argv[2];
const files = fs.readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('.txt')).sort().map((f) => ({ path: path.join(dir, f), folder: path.dirname(path.join(dir, f)) }));
summariseMany(files, Number(process.argv[1]), { workerScript: ${JSON.stringify(path.join(root, 'dist', 'analyzeWorker.js'))} }).then((results) => {
  const summaries = results.filter((r) => r.ok).map((r) => r.summary);
  const summaryMB = summaries.reduce((n, s) => n + JSON.stringify(s).length, 0) / 1048576;
  const times = [];
  const cpu = [];
  let report;
  for (let i = 0; i < 3; i++) {
    const t = process.hrtime.bigint();
    const c = process.cpuUsage();
    report = corpusReport(summaries);
    const used = process.cpuUsage(c);
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
    cpu.push((used.user + used.system) / 1000);
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  process.stderr.write(JSON.stringify({ quotes: report.quotes, people: report.people.length, groups: report.quoteGroups.length, repeated: report.repeatedLines.length, summaryMB, combineMs: times[1], combineCpuMs: cpu[1], maxRssMB: process.resourceUsage().maxRSS / 1024 }) + '\\n');
});`;

if (!fs.existsSync(path.join(root, 'dist', 'analyzeWorker.js'))) throw new Error('run `node esbuild.js` first');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sa-corpus-bench-'));
try {
  const built = buildCorpus(dir);
  const mb = built.bytes / 1048576;
  console.log(`corpus bench: ${ARTICLES} articles, ${mb.toFixed(1)} MB in ${SITES} folders, from ${built.paragraphs} paragraphs of ${built.dirs.join(', ')}; ${os.availableParallelism()} CPUs\n`);
  console.log('| run | jobs | wall s | CPU s | articles/s | MB/s | peak RSS MB | notes |\n|---|---|---|---|---|---|---|---|');
  for (const jobs of [1, 2]) {
    const r = measure(POOL_RUN, [String(jobs), dir]);
    console.log(`| analyzeMany | ${jobs} | ${(r.ms / 1000).toFixed(1)} | ${r.cpuS.toFixed(1)} | ${(ARTICLES / (r.ms / 1000)).toFixed(0)} | ${(mb / (r.ms / 1000)).toFixed(2)} | ${r.maxRssMB.toFixed(0)} | ${r.quotes} quotes |`);
  }
  for (const jobs of [1, 2]) {
    const r = measure(CORPUS_RUN, [String(jobs), dir]);
    console.log(`| corpus --json | ${jobs} | ${(r.ms / 1000).toFixed(1)} | ${r.cpuS.toFixed(1)} | ${(ARTICLES / (r.ms / 1000)).toFixed(0)} | ${(mb / (r.ms / 1000)).toFixed(2)} | ${r.maxRssMB.toFixed(0)} | exit ${r.status}, ${r.outMB.toFixed(1)} MB of JSON |`);
  }
  const c = measure(COMBINE_RUN, ['2', dir]);
  console.log(`\ncombiners alone (corpusReport over ${ARTICLES} summaries in memory, median of 3): ${c.combineMs.toFixed(0)} ms wall, ${c.combineCpuMs.toFixed(0)} ms CPU for ${c.quotes} quotes → ${c.people} people, ${c.groups} quote groups, ${c.repeated} repeated lines; summaries ${c.summaryMB.toFixed(1)} MB as JSON (${((c.summaryMB / mb) * 100).toFixed(0)}% of the text); peak RSS ${c.maxRssMB.toFixed(0)} MB`);
} finally {
  if (values.keep) console.log(`\nkept ${dir}`);
  else fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(path.dirname(poolBundle), { recursive: true, force: true });
}
