// Incremental re-analysis after a one-character edit (pure, in Node): the time the extension host
// spends on a keystroke in a large document before repainting, against a full analysis.
import esbuild from 'esbuild';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export async function benchIncremental() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sa-bench-incremental-'));
  const entry = path.join(dir, 'entry.ts');
  const analysis = (name) => JSON.stringify(path.join(root, 'src', 'core', 'analysis', name));
  fs.writeFileSync(entry, [`export { analyze, analyzeArticle } from ${analysis('analyze')};`, `export { EditMap } from ${analysis('editMap')};`, `export { reanalyze } from ${analysis('incremental')};`, `export { splitArchive } from ${JSON.stringify(path.join(root, 'src', 'core', 'archive', 'splitArchive'))};`, `export { syntheticArchive } from ${JSON.stringify(path.join(root, 'test', 'bench', 'syntheticArchive'))};`].join('\n'));
  await esbuild.build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', target: 'node20', supported: { 'regexp-unicode-property-escapes': true }, outfile: path.join(dir, 'core.cjs'), logLevel: 'warning' });
  const { analyze, analyzeArticle, EditMap, reanalyze, splitArchive, syntheticArchive } = createRequire(import.meta.url)(path.join(dir, 'core.cjs'));
  fs.rmSync(dir, { recursive: true, force: true });

  const seedsDir = path.join(root, 'test', 'fixtures', 'workspace', 'seeds');
  const seeds = fs.readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort().map((f) => fs.readFileSync(path.join(seedsDir, f), 'utf8'));
  const archive = fs.readFileSync(path.join(root, 'test', 'fixtures', 'archive', 'lexisnexis.txt'), 'utf8');
  const middle = (text, i) => text.indexOf(' ', Math.floor(text.length / 2) + i * 97) + 1;
  const grow = (unit, bytes) => {
    const parts = [];
    for (let size = 0, i = 0; size < bytes; i++) {
      const t = typeof unit === 'string' ? unit : unit[i % unit.length];
      parts.push(t);
      size += t.length + 2;
    }
    return parts.join('\n\n');
  };
  // A synthetic LexisNexis export of about 5 MB; the edit falls inside the body of its middle article.
  const big = syntheticArchive(5 << 20);
  const split = splitArchive(big.text);
  if (split.articles.length !== big.bodies.length) throw new Error(`the synthetic export split into ${split.articles.length} articles, not ${big.bodies.length}`);
  const middleArticle = Math.floor(big.bodies.length / 2);
  const body = big.bodies[middleArticle];
  const inMiddleArticle = (text, i) => text.indexOf(' ', Math.floor((body.start + body.end) / 2) + i * 7) + 1;
  const cases = [
    ['one article, 5 KB', seeds.find((s) => s.length > 4000 && s.length < 8000) ?? seeds[0], middle],
    ['one long article, 5 MB (seeds one after another)', grow(seeds, 5 << 20), middle],
    ['archive export of 3 articles (LexisNexis layout)', archive, middle],
    [`archive export, 5 MB (synthetic LexisNexis layout, ${big.bodies.length} articles), edit in article ${middleArticle + 1}`, big.text, inMiddleArticle],
  ];
  console.log('\nincremental re-analysis after a one-character edit in the middle (median of 9), against a full analysis\n');
  console.log('| text | MB | full analyze ms | reanalyze ms | quotes |\n|---|---|---|---|---|');
  for (const [name, text, editAt] of cases) {
    const t0 = process.hrtime.bigint();
    const before = analyze(text);
    const full = Number(process.hrtime.bigint() - t0) / 1e6;
    const times = [];
    let quotes = 0;
    // Two runs first: the first calls of a bundle pay for compilation, not for the edit.
    for (let i = -2; i < 9; i++) {
      // A letter typed inside the word nearest the middle, a different place each run.
      const at = editAt(text, i + 2);
      const edited = `${text.slice(0, at)}x${text.slice(at)}`;
      // Read once so the engine gets a flat string, as the editor's getText() gives it, and the
      // copy that joins the two halves is not counted as re-analysis.
      edited.charCodeAt(edited.length >> 1);
      const t1 = process.hrtime.bigint();
      const quick = reanalyze(before, EditMap.of([{ start: at, end: at, text: 'x' }]), edited, analyzeArticle);
      if (i >= 0) times.push(Number(process.hrtime.bigint() - t1) / 1e6);
      quotes = quick.quotes.length;
    }
    console.log(`| ${name} | ${(text.length / (1 << 20)).toFixed(2)} | ${full.toFixed(0)} | ${median(times).toFixed(1)} | ${quotes} |`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await benchIncremental();
