#!/usr/bin/env node
// npm run eval [-- --polnear-dev DIR] [--polnear-train DIR] [--per-doc] [--keep] [--no-errors] [--examples N]
//
// Runs the command line over every gold set and prints, for each, the scorer's table labelled
// "tuned on" or "checked only", then the error breakdowns (test/eval/errors.mjs): speakers missed by
// kind / wrong / spurious, cue misses by verb, boilerplate false positives by line shape and site.
// Ends with one table of the targets. Reports; never fails on a target.
//
// Sets: seeds, noise-dev, noise-dev-2 and both together (from ../shared/eval, found upwards from
// here or at $SHARED_EVAL_DIR), PolNeAR dev (--polnear-dev DIR, the older --polnear DIR,
// $POLNEAR_DEV_DIR or $POLNEAR_DIR, else test/eval/polnear-dev) and PolNeAR train
// (--polnear-train DIR, $POLNEAR_TRAIN_DIR, else test/eval/polnear-train), and the two halves of
// a set of web pages of other sites (--web-pages DIR, $WEB_PAGES_DIR, else test/eval/web-pages;
// built by test/eval/web-pages-convert.mjs), and web pages of yet other sites held out (--web-held-out
// DIR, $WEB_HELD_OUT_DIR, else test/eval/web-held-out; built by the same script with --held-out,
// reported by its figures alone, no error examples nor per-page rows), when present.
import { execFileSync, spawnSync } from 'node:child_process';
import esbuild from 'esbuild';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cueErrors, formatTally, noiseErrors, quoteErrors, speakerErrors, speakerExtentErrors, tally } from './errors.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const cli = path.join(root, 'dist', 'cli.js');
const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const perDoc = args.includes('--per-doc');
const keep = args.includes('--keep'); // keep the prediction folders for a closer look
const withErrors = !args.includes('--no-errors');
const examples = Number(option('--examples') ?? 3);

/** ../shared/eval from the main checkout, ../../shared/eval from a worktree under wt/. */
function findShared() {
  if (process.env.SHARED_EVAL_DIR) return path.resolve(process.env.SHARED_EVAL_DIR);
  for (let dir = root; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'shared', 'eval');
    if (fs.existsSync(path.join(candidate, 'score.mjs'))) return candidate;
    if (path.dirname(dir) === dir) return path.resolve(root, '..', 'shared', 'eval');
  }
}

/** The folder of a set built outside git (PolNeAR, web pages): a flag, else a variable, else test/eval/<fallback>. */
function builtSetDir(flags, envs, fallback) {
  for (const f of flags) if (option(f)) return { dir: path.resolve(option(f)), given: true };
  for (const e of envs) if (process.env[e]) return { dir: path.resolve(process.env[e]), given: true };
  return { dir: path.join(here, fallback), given: false };
}

const shared = findShared();
const made = [];
process.on('exit', () => {
  if (keep) console.log(`\nprediction folders kept: ${made.join(', ')}`);
  else for (const d of made) fs.rmSync(d, { recursive: true, force: true });
});

if (!fs.existsSync(path.join(shared, 'score.mjs'))) {
  console.error(`eval: the shared evaluation data was not found at ${shared} (expected score.mjs and the gold sets there; or set SHARED_EVAL_DIR).`);
  process.exit(1);
}
if (!fs.existsSync(cli)) {
  console.error('eval: dist/cli.js is missing; run `node esbuild.js` first (npm run eval does).');
  process.exit(1);
}

// Whether the current rules were written while looking at a set. Rules are tuned on PolNeAR train and
// both noise sets; PolNeAR dev is only checked (it was tuned on by early versions, never since).
const SETS = [
  { id: 'seeds', role: 'tuned on', dir: path.join(shared, 'seeds') },
  { id: 'noise-dev', role: 'tuned on', dir: path.join(shared, 'noise-dev') },
  { id: 'noise-dev-2', role: 'tuned on', dir: path.join(shared, 'noise-dev-2') },
  { id: 'polnear-dev', role: 'checked only (tuned on by early versions)', ...builtSetDir(['--polnear-dev', '--polnear'], ['POLNEAR_DEV_DIR', 'POLNEAR_DIR'], 'polnear-dev') },
  { id: 'polnear-train', role: 'tuned on', ...builtSetDir(['--polnear-train'], ['POLNEAR_TRAIN_DIR'], 'polnear-train') },
  ...webPageSets(builtSetDir(['--web-pages'], ['WEB_PAGES_DIR'], 'web-pages')),
  webHeldOutSet(builtSetDir(['--web-held-out'], ['WEB_HELD_OUT_DIR'], 'web-held-out')),
];

/** The halves of the web pages of other sites: rules are written while looking at `tune` only. */
function webPageSets({ dir, given }) {
  return [
    { id: 'web-pages tune', role: 'tuned on', dir: path.join(dir, 'tune'), given },
    { id: 'web-pages check', role: 'checked only', dir: path.join(dir, 'check'), given },
  ];
}

/** Web pages of yet other sites, never looked at while rules are written: only their figures are read. */
function webHeldOutSet({ dir, given }) {
  return { id: 'web-pages held out', role: 'never tuned on: no rule written from it', dir: path.join(dir, 'held-out'), given, figuresOnly: true };
}

const TARGETS = {
  seeds: [['quotes', 'exact', 1], ['speakers', 'overlap', 1], ['noise', 'char', 1]],
  'noise-dev': [['noise', 'char', 0.93], ['noise', 'char', 0.95, 'p']],
  'noise-dev-2': [['noise', 'char', 0.93], ['noise', 'char', 0.95, 'p']],
  'noise-dev + noise-dev-2': [['noise', 'char', 0.93], ['noise', 'char', 0.95, 'p']],
  'web-pages tune': [['noise', 'char', 0.93], ['noise', 'char', 0.95, 'p']],
  'web-pages check': [['noise', 'char', 0.93], ['noise', 'char', 0.95, 'p']],
  'web-pages held out': [['noise', 'char', 0.93], ['noise', 'char', 0.95, 'p']],
  // Speaker character F1 has no target: it shows whether mentions cover the whole phrase gold marks.
  'polnear-dev': [['quotes', 'exact', 0.975], ['speakers', 'overlap', 0.9], ['speakers', 'char', null], ['cues', 'overlap', 0.87]],
  'polnear-train': [['quotes', 'exact', 0.975], ['speakers', 'overlap', 0.9], ['speakers', 'char', null], ['cues', 'overlap', 0.87]],
};

function runSet(set) {
  const predDir = fs.mkdtempSync(path.join(os.tmpdir(), `sa-eval-${set.id}-`));
  made.push(predDir);
  const run = spawnSync(process.execPath, [cli, 'analyze', '--pred-dir', predDir, set.dir], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (run.status !== 0) {
    console.error(`eval: the command line failed on ${set.dir} (exit ${run.status}):\n${run.stderr}`);
    return null;
  }
  const jsonOut = path.join(predDir, 'score.json');
  const scoreArgs = [path.join(shared, 'score.mjs'), set.dir, predDir, '--json', jsonOut];
  if (perDoc && !set.figuresOnly) scoreArgs.push('--per-doc');
  const table = execFileSync(process.execPath, scoreArgs, { encoding: 'utf8', maxBuffer: 1 << 26 });
  const docs = fs.readdirSync(set.dir).filter((f) => f.endsWith('.gold.json')).length;
  console.log(`\n## ${set.id}: ${set.role} (${docs} documents, ${set.dir})\n`);
  console.log(table.trimEnd());
  const scores = JSON.parse(fs.readFileSync(jsonOut, 'utf8'));
  const overlap = levelOf(scores, 'speakers', 'overlap');
  const chars = levelOf(scores, 'speakers', 'char');
  // Overlap says whether the source was found; characters whether its whole mention was.
  if (overlap && chars) console.log(`\nspeakers: overlap F1 ${fmt(overlap.f1)}, character P ${fmt(chars.p)} R ${fmt(chars.r)} F1 ${fmt(chars.f1)}`);
  return { predDir, scores };
}

function levelOf(scores, cat, level) {
  return scores?.categories?.[cat]?.[level] ?? null;
}

const fmt = (v) => (typeof v === 'number' ? v.toFixed(3) : '-');
const prf = (tp, pred, gold) => {
  const p = pred === 0 ? null : tp / pred;
  const r = gold === 0 ? null : tp / gold;
  return { p, r, f1: p === null || r === null ? null : p + r === 0 ? 0 : (2 * p * r) / (p + r), tp, pred, gold };
};

/** Micro average over sets: the scorer's counts summed, as if the folders were one. */
function combine(results, cat, level) {
  let tp = 0;
  let pred = 0;
  let gold = 0;
  for (const r of results) {
    const l = levelOf(r.scores, cat, level);
    if (!l) continue;
    tp += l.tp;
    pred += l.pred;
    gold += l.gold;
  }
  return prf(tp, pred, gold);
}

// A predicted canonical name is right when it names the same source as the gold one: equal after
// dropping articles and case, or the same words up to one transliteration letter, or one a subset of the other.
function sameName(pred, gold) {
  const norm = (s) => s.toLowerCase().replace(/['’]s\b/g, '').replace(/^(the|a|an) /, '').split(/\s+/).filter(Boolean);
  const a = norm(pred);
  const b = norm(gold);
  const close = (x, y) => {
    if (x === y) return true;
    if (Math.abs(x.length - y.length) > 1 || x.length < 5) return false;
    // At most one insertion, deletion or substitution.
    if (x.length === y.length) {
      let d = 0;
      for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) d++;
      return d <= 1;
    }
    const [long, short] = x.length > y.length ? [x, y] : [y, x];
    for (let i = 0; i < long.length; i++) if (long.slice(0, i) + long.slice(i + 1) === short) return true;
    return false;
  };
  const within = (xs, ys) => xs.every((x) => ys.some((y) => close(x, y)));
  return a.length > 0 && a.length === b.length && within(a, b) && within(b, a);
}

/** Every document of a set: id, text, gold and our predictions. */
function* documents(goldDir, predDir) {
  for (const f of fs.readdirSync(goldDir).filter((x) => x.endsWith('.gold.json')).sort()) {
    const id = f.replace(/\.gold\.json$/, '');
    const predPath = path.join(predDir, `${id}.pred.json`);
    yield {
      id,
      text: fs.readFileSync(path.join(goldDir, `${id}.txt`), 'utf8'),
      gold: JSON.parse(fs.readFileSync(path.join(goldDir, f), 'utf8')),
      pred: fs.existsSync(predPath) ? JSON.parse(fs.readFileSync(predPath, 'utf8')) : {},
    };
  }
}

function speakerShare(goldDir, predDir) {
  let right = 0;
  let total = 0;
  const wrong = [];
  for (const { id, gold, pred } of documents(goldDir, predDir)) {
    for (const g of gold.quotes ?? []) {
      if (!g.speaker) continue;
      total++;
      const p = (pred.quotes ?? []).find((q) => q.start === g.start && q.end === g.end);
      if (p && p.speaker && sameName(p.speaker, g.speaker)) right++;
      else wrong.push(`${id} [${g.start}-${g.end}] gold "${g.speaker}", predicted ${p ? JSON.stringify(p.speaker) : 'no quote'}`);
    }
  }
  return { right, total, wrong };
}

/** The engine's reporting verbs, so cue misses can say "not in our lexicon"; null when it cannot be loaded. */
async function reportingVerbs() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sa-eval-lexicon-'));
  made.push(dir);
  try {
    const outfile = path.join(dir, 'lexicon.cjs');
    await esbuild.build({ entryPoints: [path.join(root, 'src', 'core', 'analysis', 'lexicon.ts')], bundle: true, platform: 'node', format: 'cjs', outfile, logLevel: 'silent' });
    const verbs = createRequire(import.meta.url)(outfile).REPORTING_VERBS;
    // cues.ts:cueAt also takes "according to" and "put it" outside the verb list.
    return verbs instanceof Set ? new Set([...verbs, 'according', 'put']) : null;
  } catch {
    return null;
  }
}
const knownVerbs = withErrors ? await reportingVerbs() : null;

/** The breakdown must account for every error the scorer counts (overlap level); says so when not. */
function checkAgainstScorer(set, cat, errors, scores) {
  const l = levelOf(scores, cat, 'overlap');
  if (!l) return;
  const spurious = errors.filter((e) => e.group === 'spurious').length;
  const missed = errors.length - spurious;
  if (missed !== l.gold - l.tp || spurious !== l.pred - l.tp) {
    console.log(`\nwarning: ${set.id} ${cat}: the breakdown has ${missed} missed and ${spurious} spurious, the scorer ${l.gold - l.tp} and ${l.pred - l.tp}`);
  }
}

/** Error breakdowns of one set, for the categories its gold has. */
function printErrors(set, predDir, scores) {
  const quotes = [];
  const speakers = [];
  const cues = [];
  const noise = [];
  for (const doc of documents(set.dir, predDir)) {
    const tag = (e) => ({ ...e, example: `${doc.id.slice(0, 24)}: ${e.example}` });
    if (Array.isArray(doc.gold.quotes)) quotes.push(...quoteErrors(doc.text, doc.gold, doc.pred).map(tag));
    if (Array.isArray(doc.gold.speakers) && doc.gold.speakers.length + (doc.pred.speakers?.length ?? 0) > 0) speakers.push(...speakerErrors(doc.text, doc.gold, doc.pred).map(tag));
    if (Array.isArray(doc.gold.cues)) cues.push(...cueErrors(doc.text, doc.gold, doc.pred, knownVerbs).map(tag));
    if (Array.isArray(doc.gold.noise)) noise.push(...noiseErrors(doc.text, doc.gold, doc.pred).map(tag));
  }
  const extents = [];
  for (const doc of documents(set.dir, predDir)) {
    if (Array.isArray(doc.gold.speakers)) extents.push(...speakerExtentErrors(doc.text, doc.gold, doc.pred).map((e) => ({ ...e, example: `${doc.id.slice(0, 24)}: ${e.example}` })));
  }
  const opts = { examples };
  const exact = levelOf(scores, 'quotes', 'exact');
  const missedQuotes = quotes.filter((e) => e.group === 'missed').length;
  // A boundary error is one spurious and one missed quote; two predictions may share one gold quote.
  if (exact && quotes.filter((e) => e.group !== 'missed').length !== exact.pred - exact.tp) {
    console.log(`\nwarning: ${set.id} quotes: the breakdown has ${quotes.length - missedQuotes} wrong predictions, the scorer ${exact.pred - exact.tp}`);
  }
  if (quotes.length) console.log(`\n${formatTally(`${set.id}: quote errors (exact level; boundary errors count once here)`, tally(quotes), { ...opts, top: 8 })}`);
  checkAgainstScorer(set, 'speakers', speakers, scores);
  checkAgainstScorer(set, 'cues', cues, scores);
  if (speakers.length) {
    console.log(`\n${formatTally(`${set.id}: speaker errors (missed by shape and place; wrong; spurious)`, tally(speakers), opts)}`);
    const missed = speakers.filter((e) => e.group === 'missed');
    const by = (field) => tally(missed.map((e) => ({ ...e, group: `missed speakers by ${field}` })), (e) => e[field]);
    console.log(`\n${formatTally(`${set.id}: missed speakers, each facet alone`, [...by('quote'), ...by('shape'), ...by('place')], { ...opts, examples: 0 })}`);
    const ruled = speakers.filter((e) => e.group === 'wrong speaker' || e.group === 'spurious');
    console.log(`\n${formatTally(`${set.id}: wrong and spurious speakers by the rule that attributed our quote`, tally(ruled, (e) => e.rule), { ...opts, examples: 2 })}`);
  }
  if (extents.length) console.log(`\n${formatTally(`${set.id}: speaker mention extents, matched mentions (characters gold has and we do not, and ours beyond gold)`, tally(extents), { ...opts, unit: 'chars', examples: 2 })}`);
  if (cues.length) console.log(`\n${formatTally(`${set.id}: cue errors by verb`, tally(cues), { ...opts, top: 15 })}`);
  if (noise.length) {
    const charOpts = { ...opts, unit: 'chars' };
    console.log(`\n${formatTally(`${set.id}: boilerplate errors by line shape`, tally(noise), charOpts)}`);
    const fps = noise.filter((e) => e.group === 'false positive');
    console.log(`\n${formatTally(`${set.id}: boilerplate false positives by our noise kind`, tally(fps, (e) => e.rule), { ...charOpts, examples: 2 })}`);
    if (fps.some((e) => e.site)) {
      const bySite = tally(fps.map((e) => ({ ...e, group: e.site || '?' })), (e) => e.kind);
      console.log(`\n${formatTally(`${set.id}: boilerplate false positives by site, then line shape`, bySite, { ...charOpts, top: 4, examples: 1 })}`);
    }
  }
}

const summary = [];
function addTargets(set, scores) {
  for (const [cat, level, target, which = 'f1'] of TARGETS[set] ?? []) {
    const l = scores.categories ? levelOf(scores, cat, level) : scores[`${cat}:${level}`];
    const v = l?.[which];
    const name = which === 'f1' ? `${cat}, ${level} F1` : `${cat}, ${level} ${which.toUpperCase()}`;
    if (target === null) summary.push({ set, measure: name, value: fmt(v), target: '-', met: null });
    else summary.push({ set, measure: name, value: fmt(v), target: `≥ ${target}`, met: typeof v === 'number' && v >= target - 1e-9 });
  }
}

const results = {};
for (const set of SETS) {
  if (!fs.existsSync(set.dir)) {
    const how = set.id.startsWith('polnear')
      ? `; build it as ${path.join(shared, 'README.md')} describes and pass --${set.id} DIR`
      : set.id === 'web-pages held out'
        ? '; build it with test/eval/web-pages-convert.mjs --held-out and pass --web-held-out DIR'
        : set.id.startsWith('web-pages')
          ? '; build it with test/eval/web-pages-convert.mjs and pass --web-pages DIR'
          : '';
    console.log(`\n## ${set.id}: skipped (${set.given ? 'folder not found: ' : 'no folder at '}${set.dir}${how})`);
    continue;
  }
  const r = runSet(set);
  if (!r) continue;
  results[set.id] = r;
  addTargets(set.id, r.scores);
  if (set.id === 'seeds') {
    const share = speakerShare(set.dir, r.predDir);
    const pct = share.total === 0 ? 0 : (100 * share.right) / share.total;
    console.log(`\nquotes with the right canonical speaker: ${share.right}/${share.total} = ${pct.toFixed(1)}%`);
    for (const w of share.wrong) console.log(`  miss: ${w}`);
    summary.push({ set: 'seeds', measure: 'right canonical speaker', value: `${pct.toFixed(1)}%`, target: '100%', met: share.right === share.total });
  }
  // A held-out set's pages stay unread: its figures only, no examples of its errors.
  if (withErrors && !set.figuresOnly) printErrors(set, r.predDir, r.scores);
}

const noiseSets = ['noise-dev', 'noise-dev-2'].filter((id) => results[id]);
if (noiseSets.length === 2) {
  const c = combine(noiseSets.map((id) => results[id]), 'noise', 'char');
  console.log(`\n## noise-dev + noise-dev-2: both tuned on (micro average of the two)\n`);
  console.log(`noise     char      ${fmt(c.p)}  ${fmt(c.r)}  ${fmt(c.f1)}  (${c.tp}/${c.pred}/${c.gold})`);
  addTargets('noise-dev + noise-dev-2', { 'noise:char': c });
}

console.log('\n## Targets\n');
console.log('| set | measure | value | target | met |\n|---|---|---|---|---|');
for (const r of summary) console.log(`| ${r.set} | ${r.measure} | ${r.value} | ${r.target} | ${r.met === null ? '-' : r.met ? 'yes' : 'no'} |`);
