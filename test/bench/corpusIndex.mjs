#!/usr/bin/env node
// Corpus index bench (the extension side, driven in plain Node): N articles (default 10,000) built
// from the seeds and noise-dev pages are indexed by the extension's worker pool (dist/corpusWorker.js)
// into the pure IndexedCorpus; then the index is saved, loaded back by a fresh process and every file
// re-checked against its hash (a reopened workspace). Reports cold index time, warm reopen time,
// cache size, people/statement recombination time, and the memory the index holds (heap after GC:
// summaries only, no texts). Prints; asserts nothing.
//
//   node esbuild.js && node test/bench/corpusIndex.mjs [--articles N]
import esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

function sourceTexts() {
  const shared = [path.resolve(root, '..', 'shared', 'eval'), path.resolve(root, '..', '..', 'shared', 'eval')].find((d) => fs.existsSync(d)) ?? '';
  const dirs = ['seeds', 'noise-dev', 'noise-dev-2'].map((d) => path.join(shared, d)).filter((d) => fs.existsSync(d));
  if (dirs.length === 0) dirs.push(path.join(root, 'test', 'fixtures', 'workspace', 'seeds'));
  return dirs.flatMap((d) => fs.readdirSync(d).sort().filter((f) => f.endsWith('.txt')).map((f) => fs.readFileSync(path.join(d, f), 'utf8')));
}

/** Distinct articles: paragraphs of the real texts drawn by a fixed generator, 25 sites with their own header and footer. */
function buildCorpus(dir, articles) {
  const paragraphs = sourceTexts().flatMap((t) => t.split(/\n\s*\n|\n/).filter((p) => p.trim().length > 0));
  let s = 7;
  const rnd = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 4294967296);
  let bytes = 0;
  for (let n = 0; n < articles; n++) {
    const site = n % 25;
    const body = Array.from({ length: 20 + Math.floor(rnd() * 30) }, () => paragraphs[Math.floor(rnd() * paragraphs.length)]);
    const text = [`Site ${site} News | Home | World`, `Article ${n}`, ...body, `Copyright Site ${site} Media. All rights reserved.`].join('\n\n');
    fs.mkdirSync(path.join(dir, `site-${site}`), { recursive: true });
    fs.writeFileSync(path.join(dir, `site-${site}`, `${String(n).padStart(6, '0')}.txt`), text);
    bytes += Buffer.byteLength(text);
  }
  return bytes;
}

const RUN = `
const fs = require('node:fs');
const path = require('node:path');
const { IndexPool, IndexedCorpus } = require(process.argv[1]);
const [, , dir, cacheFile, mode] = process.argv;
const files = fs.readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('.txt')).sort().map((f) => path.join(dir, f));
const storage = { read: async () => (fs.existsSync(cacheFile) ? fs.readFileSync(cacheFile, 'utf8') : undefined), write: async (t) => fs.writeFileSync(cacheFile, t) };
(async () => {
  const corpus = new IndexedCorpus('bench');
  const t0 = performance.now();
  const loaded = await corpus.load(storage);
  const loadMs = performance.now() - t0;
  const queue = files.map((file) => ({ key: 'file://' + file, folder: 'file://' + path.dirname(file), file }));
  let analysed = 0;
  const t1 = performance.now();
  await new IndexPool(${JSON.stringify(path.join(root, 'dist', 'corpusWorker.js'))}).run({
    next: async () => { const t = queue.shift(); return t && { ...t, knownHash: corpus.hashOf(t.key) }; },
    onResult: (r) => { if (r.ok && r.summary) { analysed++; corpus.set(r.key, r.hash, r.summary); } },
    isCancelled: () => false,
  });
  const indexMs = performance.now() - t1;
  const t2 = performance.now();
  const people = corpus.index.people().people.length;
  const groups = corpus.index.quoteGroups().length;
  const combineMs = performance.now() - t2;
  const t3 = performance.now();
  await corpus.save(storage);
  const saveMs = performance.now() - t3;
  global.gc();
  const heapMB = process.memoryUsage().heapUsed / 1048576;
  process.stderr.write(JSON.stringify({ mode, loaded: loaded.loaded, analysed, loadMs, indexMs, combineMs, saveMs, people, groups, heapMB, maxRssMB: process.resourceUsage().maxRSS / 1024, cacheMB: fs.statSync(cacheFile).size / 1048576 }) + '\\n');
})();`;

export async function benchCorpusIndex(articles = 10_000) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sa-bench-index-'));
  const entry = path.join(tmp, 'index.ts');
  fs.writeFileSync(entry, [
    `export { IndexPool } from ${JSON.stringify(path.join(root, 'src', 'corpus', 'indexPool'))};`,
    `export { IndexedCorpus } from ${JSON.stringify(path.join(root, 'src', 'core', 'corpus', 'indexedCorpus'))};`,
  ].join('\n'));
  const bundle = path.join(tmp, 'index.cjs');
  await esbuild.build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', target: 'node20', supported: { 'regexp-unicode-property-escapes': true }, outfile: bundle, logLevel: 'warning' });
  const dir = path.join(tmp, 'corpus');
  const bytes = buildCorpus(dir, articles);
  const cacheFile = path.join(tmp, 'corpus-index.jsonl');
  console.log(`\nCorpus index (extension side): ${articles.toLocaleString()} articles, ${(bytes / 1048576).toFixed(1)} MB, ${Math.max(1, os.availableParallelism() - 1)} worker(s)`);
  for (const mode of ['cold', 'warm']) {
    const r = spawnSync(process.execPath, ['--expose-gc', '-e', RUN, bundle, dir, cacheFile, mode], { encoding: 'utf8', maxBuffer: 1 << 28 });
    if (r.status !== 0) throw new Error(r.stderr);
    const m = JSON.parse(r.stderr.trim().split('\n').pop());
    console.log(
      `  ${mode.padEnd(4)}: loaded ${m.loaded} from cache in ${(m.loadMs / 1000).toFixed(2)} s, analysed ${m.analysed} files, indexing ${(m.indexMs / 1000).toFixed(1)} s; ` +
        `people+statements ${(m.combineMs / 1000).toFixed(2)} s (${m.people} people, ${m.groups} statements); save ${(m.saveMs / 1000).toFixed(2)} s, cache ${m.cacheMB.toFixed(1)} MB; ` +
        `heap after GC ${m.heapMB.toFixed(0)} MB, peak RSS ${m.maxRssMB.toFixed(0)} MB`,
    );
  }
  fs.rmSync(tmp, { recursive: true, force: true });
}

/**
 * People across articles when a surname is shared: N articles each naming another "… Smith" and N
 * quoting a bare "Smith" (each bare one asks which Smith it can mean). Time should double with N.
 */
export async function benchBareSurnames(counts = [4000, 8000, 16000]) {
  const outfile = path.join(os.tmpdir(), `sa-bench-people-${process.pid}.cjs`);
  await esbuild.build({ entryPoints: [path.join(root, 'src', 'core', 'corpus', 'people.ts')], bundle: true, platform: 'node', format: 'cjs', outfile, logLevel: 'warning' });
  const { mergeSpeakers } = (await import(outfile)).default;
  fs.rmSync(outfile, { force: true });
  const lines = { hashes: [], starts: [], ends: [], noise: [] };
  const letters = (i) => i.toString(26).replace(/[0-9a-p]/g, (c) => String.fromCharCode(97 + parseInt(c, 26)));
  console.log('\npeople with a shared surname: N full names "… Smith", N bare "Smith"\n');
  console.log('| N | ms | people |\n|---|---|---|');
  for (const n of counts) {
    const summaries = [];
    for (let i = 0; i < n; i++) summaries.push({ path: `f${i}`, folder: 'd', speakers: [{ name: `Given${letters(i)} Smith`, kind: 'person', mentions: [], quotes: 1 }], quotes: [], lines });
    for (let i = 0; i < n; i++) summaries.push({ path: `b${i}`, folder: 'd', speakers: [{ name: 'Smith', kind: 'person', mentions: [], quotes: 1 }], quotes: [], lines });
    const t0 = performance.now();
    const people = mergeSpeakers(summaries).people.length;
    console.log(`| ${n} | ${(performance.now() - t0).toFixed(0)} | ${people} |`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { articles: { type: 'string', default: '10000' } } });
  await benchCorpusIndex(Number(values.articles));
  await benchBareSurnames();
}
