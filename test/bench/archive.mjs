#!/usr/bin/env node
// Throughput of the archive splitter (MB/s of CPU time, median of runs) on synthetic exports of each layout grown
// to many documents, and on hostile inputs, so that a cost growing faster than linearly shows; then the
// time to move tags onto the split articles. Prints; asserts nothing. Run after `node esbuild.js` or
// alone: `node test/bench/archive.mjs`.
import esbuild from 'esbuild';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sa-bench-archive-'));
const entry = path.join(dir, 'archive.ts');
const core = (...p) => JSON.stringify(path.join(root, 'src', 'core', ...p));
fs.writeFileSync(
  entry,
  [
    `export { splitArchive } from ${core('archive', 'splitArchive')};`,
    `export { compileSeparatorPattern } from ${core('archive', 'separatorPattern')};`,
    `export { articleText } from ${core('archive', 'articleText')};`,
    `export { moveTags } from ${core('archive', 'moveTags')};`,
    `export { createAnnotation } from ${core('annotations', 'model', 'create')};`,
    `export { analyze } from ${core('analysis', 'analyze')};`,
    `export { summariseArticle } from ${core('corpus', 'summary')};`,
    `export { allArticleViews } from ${core('corpus', 'articleViews')};`,
    `export { corpusReport } from ${core('corpus', 'report')};`,
    `export { analysisParts } from ${core('archive', 'analysisParts')};`,
    `export { buildReport } from ${core('report', 'reportData')};`,
  ].join('\n'),
);
const outfile = path.join(dir, 'archive.cjs');
await esbuild.build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', target: 'node20', supported: { 'regexp-unicode-property-escapes': true }, outfile, logLevel: 'warning' });
const { splitArchive, compileSeparatorPattern, articleText, moveTags, createAnnotation, analyze, summariseArticle, allArticleViews, corpusReport, analysisParts, buildReport } = createRequire(import.meta.url)(outfile);

const fixture = (name) => fs.readFileSync(path.join(root, 'test', 'fixtures', 'archive', `${name}.txt`), 'utf8');
const MB = 1 << 20;

/** The fixture's documents repeated to `count` documents (LexisNexis markers renumbered). */
function grown(name, count) {
  const text = fixture(name);
  if (name !== 'lexisnexis') {
    const copies = Math.ceil(count / (text.match(/End of Document|^Document /gm) ?? []).length);
    return text.repeat(copies);
  }
  const docs = text.split(/^(?= *\d+ of \d+ DOCUMENTS$)/m);
  return Array.from({ length: count }, (_, i) => (docs[i % docs.length] ?? '').replace(/\d+ of \d+ DOCUMENTS/, `${i + 1} of ${count} DOCUMENTS`)).join('');
}

function median(xs) {
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
}

function timed(runs, fn) {
  fn();
  const times = [];
  let last;
  for (let i = 0; i < runs; i++) {
    // CPU time of this process, not wall time: the machine is shared, and others' load must not count.
    const t0 = process.cpuUsage();
    last = fn();
    const used = process.cpuUsage(t0);
    times.push((used.user + used.system) / 1000);
  }
  return { ms: median(times), last };
}

function measure(name, text, runs, options) {
  const { ms, last } = timed(runs, () => splitArchive(text, options));
  const mb = Buffer.byteLength(text, 'utf8') / MB;
  console.log(`| ${name} | ${mb.toFixed(2)} | ${ms.toFixed(0)} | ${(mb / (ms / 1000)).toFixed(1)} | ${last.layout ?? 'not split'} | ${last.articles.length} |`);
}

console.log('splitArchive() throughput, median of runs, CPU time\n');
console.log('| input | MB | median CPU ms | MB/s | layout | articles |\n|---|---|---|---|---|---|');
for (const name of ['lexisnexis', 'nexis-uni', 'factiva']) {
  measure(`${name}, 1,000 documents`, grown(name, 1000), 5);
  measure(`${name}, 10,000 documents`, grown(name, 10000), 3);
}
const separator = compileSeparatorPattern('^=== Item \\d+ ===$').pattern;
measure('custom separator, 100,000 documents', '=== Item 1 ===\nA headline\nA story of one line.\n'.repeat(100000), 3, { separator });
measure('100,000 "End of Document" lines', 'End of Document\n'.repeat(100000), 3);
measure('10 MB without a line break', 'x'.repeat(10 * MB), 3);
measure('10 MB of CR-only blank lines', '\r'.repeat(10 * MB), 3);
measure('1 MB of LexisNexis markers alone', Array.from({ length: 50000 }, (_, i) => `${i + 1} of 50000 DOCUMENTS`).join('\n'), 3);

const text = grown('lexisnexis', 10000);
const split = splitArchive(text);
const texts = split.articles.map((a) => articleText(text, a));
const annotations = split.articles.map((a, i) => createAnnotation(text, { id: String(i).padStart(12, '0'), label: 'claim', start: a.bodyStart, end: a.bodyStart + 10, author: 'bench', now: '2026-01-01T00:00:00.000Z' }));
const { ms } = timed(3, () => moveTags({ file: 'x.txt', sha256: '', annotations, rejections: [] }, split.articles, texts));
console.log(`\nmoveTags(): ${annotations.length} tags onto ${split.articles.length} articles, median ${ms.toFixed(0)} ms of CPU`);

// Each article of an export counted as an article: the analysis cut into per-article rows, the
// summary cut into per-article views, and what the corpus and the report combine from them.
const exportText = grown('lexisnexis', 10000);
const analysed = timed(1, () => analyze(exportText));
const summary = summariseArticle(exportText, analysed.last, { path: 'export.txt', folder: 'exports' });
console.log(`\nA LexisNexis export of 10,000 documents (${(Buffer.byteLength(exportText) / MB).toFixed(1)} MB), median CPU ms:\n`);
console.log('| step | CPU ms |\n|---|---|');
console.log(`| analyze() of the file | ${analysed.ms.toFixed(0)} |`);
console.log(`| analysisParts(): one row per article | ${timed(5, () => analysisParts('export.txt', analysed.last)).ms.toFixed(0)} |`);
console.log(`| allArticleViews(): one summary per article | ${timed(5, () => allArticleViews([summary])).ms.toFixed(0)} |`);
console.log(`| corpusReport(): people, statements, repeated lines | ${timed(3, () => corpusReport([summary])).ms.toFixed(0)} |`);
console.log(`| buildReport(): the report, with its timeline | ${timed(3, () => buildReport([summary], [])).ms.toFixed(0)} |`);
fs.rmSync(dir, { recursive: true, force: true });
