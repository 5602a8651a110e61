// Bundles the extension, the command line and the compiled test suites into dist/.
// `--production` minifies and drops source maps; `--watch` rebuilds on change.
const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Every `*.test.ts` under a test folder (plus the suite's `index.ts`), as esbuild entry points. */
function testEntries(dir) {
  const root = path.join(__dirname, 'test', dir);
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.test.ts') || f === 'index.ts')
    .map((f) => path.join(root, f));
}

/**
 * Names the detection engine a build contains: a hash of the analysis, archive-splitting and corpus-summary sources.
 * The extension's saved corpus index records it, so a changed engine re-analyses every article.
 */
function engineHash() {
  const hash = require('node:crypto').createHash('sha256');
  for (const dir of ['src/core/analysis', 'src/core/archive', 'src/core/corpus', 'src/core/detections']) {
    const root = path.join(__dirname, dir);
    for (const file of fs.readdirSync(root, { recursive: true }).map(String).sort()) {
      if (file.endsWith('.ts')) hash.update(file).update(fs.readFileSync(path.join(root, file)));
    }
  }
  return hash.digest('hex').slice(0, 16);
}

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  // Node 20 and VS Code's runtime read `\p{…}` in regular expressions; without this esbuild rewrites
  // each such literal as `new RegExp(…)`, built again on every call of the function holding it.
  supported: { 'regexp-unicode-property-escapes': true },
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  // The report's stylesheet (media/report/report.css) is inlined into the HTML the command line writes.
  loader: { '.css': 'text' },
  define: { SOURCE_ANNOTATOR_ENGINE: JSON.stringify(engineHash()) },
};

/**
 * The bundles the extension loads on first use (src/base/lazyBundles.ts), beside extension.js.
 * esbuild's CommonJS output has no code splitting, so each is its own entry point.
 */
const lazyBundles = {
  engine: 'src/base/bundles/engine.ts',
  corpus: 'src/base/bundles/corpus.ts',
  sidecar: 'src/base/bundles/sidecar.ts',
  interchange: 'src/base/bundles/interchange.ts',
  report: 'src/base/bundles/report.ts',
};

/**
 * Test bundles live in dist/test/…, not beside the lazy bundles: they get the same accessors with
 * the modules bundled in (test/unit/support/eagerBundles.ts). The extension under test loads the real ones.
 */
const eagerBundlesForTests = {
  name: 'eager-bundles',
  setup(build) {
    build.onResolve({ filter: /\/lazyBundles$/ }, () => ({ path: path.join(__dirname, 'test', 'unit', 'support', 'eagerBundles.ts') }));
  },
};

const builds = [
  // The banner and footer note when the bundle starts and ends loading, so the extension can report
  // its own load and activation times apart from what VS Code does in between.
  // It holds registration code only: the heavy parts are the lazy bundles below (checkBundleBoundaries).
  {
    ...common,
    entryPoints: { extension: 'src/extension.ts' },
    outdir: 'dist',
    external: ['vscode'],
    metafile: true,
    banner: { js: 'globalThis.__sourceAnnotatorLoadStarted = performance.now();' },
    footer: { js: 'globalThis.__sourceAnnotatorLoaded = performance.now();' },
  },
  { ...common, entryPoints: lazyBundles, outdir: 'dist', metafile: true },
  { ...common, entryPoints: { cli: 'src/cli/main.ts' }, outdir: 'dist', banner: { js: '#!/usr/bin/env node' } },
  // The worker threads of the command line's pool (src/cli/workerPool.ts) load this file beside cli.js.
  { ...common, entryPoints: { analyzeWorker: 'src/cli/analyzeWorker.ts' }, outdir: 'dist' },
  // The corpus index of the extension analyses on worker threads that load this file beside extension.js.
  { ...common, entryPoints: { corpusWorker: 'src/corpus/indexWorker.ts' }, outdir: 'dist' },
  // Large open documents are analysed on a worker thread that loads this file beside extension.js.
  { ...common, entryPoints: { analysisWorker: 'src/detections/analysisWorker.ts' }, outdir: 'dist' },
];
if (!production) {
  builds.push(
    { ...common, entryPoints: testEntries('unit'), outdir: 'dist/test/unit', external: ['vscode', 'mocha', 'recheck', 'typescript'], plugins: [eagerBundlesForTests] },
    { ...common, entryPoints: testEntries('integration'), outdir: 'dist/test/integration', external: ['vscode', 'mocha'], plugins: [eagerBundlesForTests] },
  );
}

/** What extension.js must not contain: it would be loaded at activation instead of on first use. */
const HEAVY_INPUTS = [/^node_modules\//, /^src\/core\/(analysis|interchange)\//, /^src\/core\/report\/(?!html\.ts$)/, /^src\/core\/corpus\/(summary|indexedCorpus|corpusIndex|quoteElsewhere)\.ts$/, /^src\/core\/annotations\/(sidecar\/(parse|serialise|load)|labels\/labelConfig)\.ts$/];

/**
 * Fails the build when the bundle loaded at activation pulls in a heavy module, or when a lazy
 * bundle holds code of the extension side (state such as the annotation store must exist once).
 */
function checkBundleBoundaries(results) {
  const problems = [];
  for (const result of results) {
    for (const [output, { inputs, entryPoint }] of Object.entries(result.metafile?.outputs ?? {})) {
      if (!output.endsWith('.js')) continue;
      const names = Object.keys(inputs);
      if (entryPoint === 'src/extension.ts') {
        for (const input of names) if (HEAVY_INPUTS.some((p) => p.test(input))) problems.push(`${output} includes ${input}: load it through src/base/lazyBundles.ts`);
      } else {
        for (const input of names) if (!/^(src\/core\/|src\/base\/bundles\/|node_modules\/)/.test(input)) problems.push(`${output} includes ${input}: lazy bundles hold pure core code only`);
      }
    }
  }
  if (problems.length > 0) throw new Error(`Bundle boundaries:\n  ${problems.join('\n  ')}`);
}

async function main() {
  // A production build (for the .vsix) replaces the shipped bundles only; a development build starts clean.
  if (!production) fs.rmSync(path.join(__dirname, 'dist'), { recursive: true, force: true });
  const contexts = await Promise.all(builds.filter((b) => Object.keys(b.entryPoints).length > 0).map((b) => esbuild.context(b)));
  if (watch) {
    await Promise.all(contexts.map((c) => c.watch()));
    return;
  }
  checkBundleBoundaries(await Promise.all(contexts.map((c) => c.rebuild())));
  await Promise.all(contexts.map((c) => c.dispose()));
  fs.chmodSync(path.join(__dirname, 'dist', 'cli.js'), 0o755);
  copySchemas();
}

/** JSON Schemas under src/ (`*Schema.json`) ship as dist/schemas/<name> (package.json's yamlValidation points there). */
function copySchemas() {
  const out = path.join(__dirname, 'dist', 'schemas');
  fs.mkdirSync(out, { recursive: true });
  for (const file of fs.readdirSync(path.join(__dirname, 'src'), { recursive: true }).map(String)) {
    if (file.endsWith('Schema.json')) fs.copyFileSync(path.join(__dirname, 'src', file), path.join(out, path.basename(file)));
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
