#!/usr/bin/env node
// node test/bench/interchange.mjs (after `npm run build`): wall time of the exchange commands on a
// generated corpus (real articles copied to N files, every sentence and every emoji-bearing word
// tagged by two authors), through dist/cli.js's main() in this process: import (which writes the
// sidecars), export in every format, import back into a fresh copy, agreement. Prints wall and CPU
// time (CPU is what to compare on a busy machine); asserts nothing.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = path.join(root, 'dist', 'cli.js');
const copies = Number(process.argv[2] ?? 20);
const shared = path.resolve(root, '..', '..', 'shared', 'eval', 'seeds');
const seedDir = fs.existsSync(shared) ? shared : path.join(root, 'test', 'fixtures', 'workspace', 'seeds');
const seeds = fs.readdirSync(seedDir).filter((f) => f.endsWith('.txt')).sort().map((f) => fs.readFileSync(path.join(seedDir, f), 'utf8'));

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sa-bench-interchange-'));
const corpus = path.join(tmp, 'corpus');
fs.mkdirSync(corpus);
const lines = [];
let tagCount = 0;
for (let c = 0; c < copies; c++) {
  for (const [i, seed] of seeds.entries()) {
    const name = `a${c}_${i}.txt`;
    const text = `${seed}\n😀 ${c} 🚀\n`;
    fs.writeFileSync(path.join(corpus, name), text);
    const spans = [];
    const points = [...text];
    // Sentences (by code points, as JSON lines count) for one author, the same shifted by one for the other.
    let start = 0;
    for (let k = 0; k < points.length; k++) {
      if (points[k] !== '.' && k !== points.length - 1) continue;
      if (k - start > 3) {
        spans.push({ start, end: k + 1, label: 'claim', author: 'ana' });
        spans.push({ start: start + 1, end: k + 1, label: 'claim', author: 'bo' });
      }
      start = k + 2;
    }
    tagCount += spans.length;
    lines.push(JSON.stringify({ text, meta: { file: name }, spans }));
  }
}
fs.writeFileSync(path.join(tmp, 'tags.jsonl'), `${lines.join('\n')}\n`);
const bytes = seeds.reduce((n, s) => n + Buffer.byteLength(s), 0) * copies;

const { main } = createRequire(import.meta.url)(cli);

async function timed(label, args) {
  const errors = [];
  const started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const status = await main(args, { out: () => {}, err: (s) => errors.push(s) });
  const used = process.cpuUsage(cpu);
  const wall = Number(process.hrtime.bigint() - started) / 1e6;
  if (status !== 0) console.error(`${label} exited ${status}: ${errors.join('\n').slice(0, 500)}`);
  console.log(`${label.padEnd(34)} wall ${wall.toFixed(0).padStart(6)} ms   cpu ${((used.user + used.system) / 1000).toFixed(0).padStart(6)} ms`);
}

console.log(`${seeds.length * copies} articles, ${(bytes / 1e6).toFixed(2)} MB, ${tagCount} tags (from ${path.relative(root, seedDir)})`);
await timed('import jsonl (new sidecars)', ['import', '--format', 'jsonl', path.join(tmp, 'tags.jsonl'), '--into', corpus]);
for (const format of ['brat', 'w3c', 'label-studio', 'inception', 'jsonl', 'csv']) await timed(`export ${format}`, ['export', '--format', format, '--out', path.join(tmp, 'out', format), corpus]);
for (const format of ['brat', 'w3c', 'label-studio', 'jsonl']) {
  const fresh = path.join(tmp, 'fresh', format);
  fs.mkdirSync(fresh, { recursive: true });
  for (const f of fs.readdirSync(corpus)) if (f.endsWith('.txt')) fs.copyFileSync(path.join(corpus, f), path.join(fresh, f));
  await timed(`import ${format} (fresh copy)`, ['import', '--format', format, '--author', 'x', path.join(tmp, 'out', format), '--into', fresh]);
  await timed(`import ${format} again (no-op)`, ['import', '--format', format, '--author', 'x', path.join(tmp, 'out', format), '--into', fresh]);
}
await timed('agreement --by author', ['agreement', '--json', corpus]);

// One article of the seeds again and again (about 1 MB), each sentence made its own by a number and W3C tags known by their words alone (a quote
// selector with its context, no position, as Hypothesis writes them): one a sentence (words up to a full stop).
const big = path.join(tmp, 'big');
fs.mkdirSync(big);
const bigText = Array.from({ length: Math.ceil(1e6 / seeds.join('\n').length) }, (_, c) => seeds.map((s) => s.replaceAll('. ', ` ${c}. `)).join('\n')).join('');
fs.writeFileSync(path.join(big, 'big.txt'), bigText);
const quotes = [];
for (const m of bigText.matchAll(/[^.\n]{4,}\./g)) {
  const at = m.index;
  const end = at + m[0].length;
  const selector = [{ type: 'TextQuoteSelector', exact: m[0], prefix: bigText.slice(Math.max(0, at - 32), at), suffix: bigText.slice(end, end + 32) }];
  quotes.push({ type: 'Annotation', id: `urn:x:${quotes.length}`, creator: 'ana', body: [{ purpose: 'tagging', value: 'claim' }], target: { source: 'big.txt', selector } });
}
fs.writeFileSync(path.join(tmp, 'words-only.jsonld'), JSON.stringify(quotes));
console.log(`one article of ${(Buffer.byteLength(bigText) / 1e6).toFixed(2)} MB, ${quotes.length} W3C tags by their words alone`);
await timed('import w3c words alone', ['import', '--format', 'w3c', '--author', 'x', path.join(tmp, 'words-only.jsonld'), '--into', big]);
fs.rmSync(tmp, { recursive: true, force: true });
