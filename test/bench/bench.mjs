#!/usr/bin/env node
// npm run bench: throughput of `analyze` (MB/s, median of several runs) on real articles, each once and
// concatenated to 1, 5 and 10 MB and on pathological inputs, so that a cost growing faster than linearly shows;
// then the time to re-anchor stored tags after outside edits, on an article and on a 1 MB text.
// Prints; asserts nothing. Uses ../shared/eval when present, else the fixture seeds.
import esbuild from 'esbuild';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const outFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sa-bench-')), 'core.cjs');
const entry = path.join(path.dirname(outFile), 'core.ts');
fs.writeFileSync(
  entry,
  [
    `export { analyze } from ${JSON.stringify(path.join(root, 'src', 'core', 'analysis', 'analyze'))};`,
    `export { reanchorAll } from ${JSON.stringify(path.join(root, 'src', 'core', 'annotations', 'anchoring', 'reanchor'))};`,
    `export { anchorAt } from ${JSON.stringify(path.join(root, 'src', 'core', 'annotations', 'anchoring', 'capture'))};`,
    `export { positionAt } from ${JSON.stringify(path.join(root, 'src', 'core', 'annotations', 'anchoring', 'positions'))};`,
    `export { sentenceAt } from ${JSON.stringify(path.join(root, 'src', 'core', 'tagging', 'lookup'))};`,
  ].join('\n'),
);
await esbuild.build({
  entryPoints: [entry],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  supported: { 'regexp-unicode-property-escapes': true }, // as esbuild.js: regex literals stay literals
  outfile: outFile,
  logLevel: 'warning',
});
const { analyze, reanchorAll, anchorAt, positionAt, sentenceAt } = createRequire(import.meta.url)(outFile);

function texts() {
  // The shared data sits beside the main checkout (../shared) or two levels up from a worktree.
  const shared = [path.resolve(root, '..', 'shared', 'eval'), path.resolve(root, '..', '..', 'shared', 'eval')].find((d) => fs.existsSync(d)) ?? '';
  const dirs = [path.join(shared, 'seeds'), path.join(shared, 'noise-dev')].filter((d) => fs.existsSync(d));
  if (dirs.length === 0) dirs.push(path.join(root, 'test', 'fixtures', 'workspace', 'seeds'));
  const out = [];
  for (const d of dirs) for (const f of fs.readdirSync(d).sort()) if (f.endsWith('.txt')) out.push(fs.readFileSync(path.join(d, f), 'utf8'));
  return { source: dirs.map((d) => path.relative(root, d)).join(', '), out };
}

function concatTo(parts, bytes) {
  const chunks = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const t = parts[i % parts.length];
    chunks.push(t);
    size += Buffer.byteLength(t, 'utf8') + 2;
  }
  return chunks.join('\n\n');
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function measure(name, text, runs) {
  analyze(text.slice(0, 10000)); // warm up
  const times = [];
  let last;
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    last = analyze(text);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  const mb = Buffer.byteLength(text, 'utf8') / (1024 * 1024);
  const ms = median(times);
  console.log(`| ${name} | ${mb.toFixed(2)} | ${ms.toFixed(0)} | ${(mb / (ms / 1000)).toFixed(2)} | ${last.quotes.length} | ${last.noise.length} |`);
}

const { source, out } = texts();
console.log(`analyze() throughput, median of runs; articles from ${source} (${out.length} files)\n`);
console.log('| input | MB | median ms | MB/s | quotes | noise lines |\n|---|---|---|---|---|---|');
measure('articles, 1 MB', concatTo(out, 1 << 20), 5);
measure('articles, 5 MB', concatTo(out, 5 << 20), 3);
measure('articles, 10 MB', concatTo(out, 10 << 20), 3);
// Each article once: no line repeats another article's, as in a folder of different pages.
measure('articles, each once', out.join('\n\n'), 7);
const MB = 1 << 20;
measure('1 MB without a newline', 'Lavrov said the "ceasefire" would mean surrender, officials said. '.repeat(Math.ceil(MB / 66)), 5);
measure('100,000 quote marks', '"'.repeat(100000), 5);
measure('1,000,000 quote marks', '"'.repeat(1000000), 3);
measure('1 MB of mixed quote marks', '“‘"\'”’«»„‹›'.repeat(Math.ceil(MB / 33)), 3);
measure('1 MB of apostrophes', "'’".repeat(Math.ceil(MB / 4)), 3);
measure('1 MB of blank lines', '\n'.repeat(MB), 3);
measure('1 MB of unclosed quotes, one per line', '“an unclosed quote\n'.repeat(Math.ceil(MB / 20)), 3);

// The worst input found for each rule family, at two sizes: MB/s that holds from 1 to 4 MB shows a cost
// linear in the input (a quadratic rule would lose three quarters of its speed).
const BODY = 'Officials said on Monday that the budget would be presented to parliament before the end of the month.\n\n';
const ADVERSARIAL = [
  ['breadcrumb separators (one line)', (n) => `a ${'> '.repeat(Math.ceil(n / 2))}!`],
  ['"minutes ago": a line of digits', (n) => `${BODY}${'1'.repeat(n)}\n`],
  ['"privacy policy" without "terms"', (n) => `${BODY}${'privacy policy '.repeat(Math.ceil(n / 15))}\n`],
  ['short lines after the body (tail list)', (n) => `${BODY.repeat(20)}${'Short line here\n'.repeat(Math.ceil(n / 16))}`],
  ['dots (sentence breaks)', (n) => '.'.repeat(n)],
  ['one paragraph of cues ("Bob said. ")', (n) => 'Bob said. '.repeat(Math.ceil(n / 10))],
  ['one paragraph of quotes ("“a,” he said. ")', (n) => '“a,” he said. '.repeat(Math.ceil(n / 14))],
  ['lone CR line breaks', (n) => `${BODY}“We will win,” she said.\r`.repeat(Math.ceil(n / 124)).replace(/\n/g, '\r')],
  ['decomposed accents in names', (n) => '“We will win,” said Jose\u0301 Ortega. '.repeat(Math.ceil(n / 39))],
  // Each quote reads its sentence back for a cue: a line of quotes without a full stop.
  ['quotes without a full stop ("a "a "a …)', (n) => '"a '.repeat(Math.ceil(n / 3))],
  ['short quoted words ("a" "a" …)', (n) => '"a" '.repeat(Math.ceil(n / 4))],
  // Each line another person opening it, asked whether the name is an ordinary word (an interview's labels).
  // Each mention's prefix looks back for a quote mark: one paragraph of angle or full-width quotes, each followed by its source.
  ['one paragraph of angle quotes, each with its source ("‹Yes.› John Smith said, ")', (n) => '‹Yes.› John Smith said, '.repeat(Math.ceil(n / 23))],
  ['one paragraph of full-width quotes ("＂Yes．＂ John Smith said, ")', (n) => '\uFF02Yes\uFF0E\uFF02 John Smith said, '.repeat(Math.ceil(n / 23))],
  ['interview lines of distinct people', (n) => Array.from({ length: Math.ceil(n / 33) }, (_, i) => `Zq${String(i).replace(/\d/g, (d) => 'abcdefghij'[Number(d)])}: ‘We will win the vote.’`).join('\n\n')],
];
console.log('\nadversarial inputs: the worst pattern of each rule family at 1 and 4 MB (MB/s should hold)\n');
console.log('| input | MB | median ms | MB/s | quotes | noise lines |\n|---|---|---|---|---|---|');
for (const [name, make] of ADVERSARIAL) for (const size of [MB, 4 * MB]) measure(`${name}, ${size / MB} MB`, make(size), 2);

function measureSentenceAt(name, text) {
  const t0 = process.hrtime.bigint();
  sentenceAt(text, text.length >> 1);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const mb = text.length / MB;
  console.log(`| ${name} | ${mb.toFixed(2)} | ${ms.toFixed(0)} | ${(mb / (ms / 1000)).toFixed(2)} | | |`);
}
measureSentenceAt('sentence finder of tagging: dots, 1 MB', '.'.repeat(MB));
measureSentenceAt('sentence finder of tagging: dots, 4 MB', '.'.repeat(4 * MB));

/** Tags every `every`-th sentence of `text`, as stored in a sidecar (line/character positions). */
function storedAnchors(text, every) {
  return [...text.matchAll(/[A-Z][^.\n]{40,200}\./g)]
    .filter((_, i) => i % every === 0)
    .map((m) => {
      const anchor = anchorAt(text, m.index, m.index + m[0].length);
      return { ...anchor, start: positionAt(text, anchor.start), end: positionAt(text, anchor.end) };
    });
}

function measureReanchor(name, original, edited, every, runs) {
  const anchors = storedAnchors(original, every);
  reanchorAll(edited, anchors.slice(0, 5)); // warm up
  const times = [];
  let found = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    const results = reanchorAll(edited, anchors);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    found = results.filter((r) => r.method !== 'orphaned').length;
  }
  console.log(`| ${name} | ${anchors.length} | ${(edited.length / MB).toFixed(3)} | ${median(times).toFixed(1)} | ${found} |`);
}

console.log('\nre-anchoring after an outside edit (a line added on top, CRLF, "the" → "teh" everywhere), median of runs\n');
console.log('| text | tags | MB | median ms | found again |\n|---|---|---|---|---|');
const edit = (t) => `Inserted line.\n${t.replace(/\n/g, '\r\n').replace(/ the /g, ' teh ')}`;
const article = out.find((t) => t.length > 2000) ?? out[0];
measureReanchor('one article', article, edit(article), 1, 9);
const long = concatTo(out, MB);
measureReanchor('1 MB of articles', long, edit(long), 40, 3);
fs.rmSync(path.dirname(outFile), { recursive: true, force: true });
await (await import('./incremental.mjs')).benchIncremental(); // a keystroke in a large document: quick splice against full analysis
await (await import('./distinct.mjs')).benchDistinct(); // distinct real text: warm, cold, linearity
await (await import('./annotations.mjs')).benchAnnotations();
await import('./corpus.mjs'); // command line over 10,000 articles: corpus --jobs 1 and 2, analyzeMany, combiners
const corpusIndexBench = await import('./corpusIndex.mjs');
await corpusIndexBench.benchCorpusIndex(); // extension index: cold, warm reopen, memory
await corpusIndexBench.benchBareSurnames(); // people sharing a surname: linear
