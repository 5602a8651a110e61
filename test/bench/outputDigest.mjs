#!/usr/bin/env node
// The output of analyze() over every evaluation set, to prove a change of machinery (speed work)
// changes no result: prints one SHA-256 digest per set (of each file's name and its analysis as
// JSON, in file order), and with
//   --write DIR  also writes each file's analysis as DIR/<set>/<file>.json (the reference), or
//   --diff DIR   compares each file's analysis with the one written before and names every file
//                that differs (exit status 1 when one does).
// Sets: fixture seeds, shared seeds, noise-dev, noise-dev-2, PolNeAR train, PolNeAR dev (those present).
//
//   node test/bench/outputDigest.mjs [--write DIR | --diff DIR]
//   SHARED_EVAL_DIR=DIR, else ../shared/eval upwards; POLNEAR_TRAIN_DIR / POLNEAR_DEV_DIR, else test/eval/….
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { bundle } from './distinct.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const argv = process.argv.slice(2);
const opt = (name) => (argv.includes(name) ? path.resolve(argv[argv.indexOf(name) + 1]) : null);
const writeDir = opt('--write');
const diffDir = opt('--diff');

function findShared() {
  if (process.env.SHARED_EVAL_DIR) return path.resolve(process.env.SHARED_EVAL_DIR);
  for (let dir = root; path.dirname(dir) !== dir; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'shared', 'eval');
    if (fs.existsSync(candidate)) return candidate;
  }
  return null;
}

function sets() {
  const shared = findShared();
  const all = [
    ['fixture-seeds', path.join(root, 'test', 'fixtures', 'workspace', 'seeds')],
    ['seeds', shared && path.join(shared, 'seeds')],
    ['noise-dev', shared && path.join(shared, 'noise-dev')],
    ['noise-dev-2', shared && path.join(shared, 'noise-dev-2')],
    ['polnear-train', process.env.POLNEAR_TRAIN_DIR ?? path.join(root, 'test', 'eval', 'polnear-train')],
    ['polnear-dev', process.env.POLNEAR_DEV_DIR ?? path.join(root, 'test', 'eval', 'polnear-dev')],
  ];
  return all.filter(([, dir]) => dir && fs.existsSync(dir));
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'output-digest-'));
const { analyze } = createRequire(import.meta.url)(await bundle(root, tmp));
fs.rmSync(tmp, { recursive: true, force: true });

let differing = 0;
for (const [name, dir] of sets()) {
  const hash = crypto.createHash('sha256');
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  let changed = 0;
  for (const f of files) {
    const json = JSON.stringify(analyze(fs.readFileSync(path.join(dir, f), 'utf8')));
    hash.update(`${f}\n${json}\n`);
    if (writeDir) {
      fs.mkdirSync(path.join(writeDir, name), { recursive: true });
      fs.writeFileSync(path.join(writeDir, name, `${f}.json`), json);
    }
    if (diffDir) {
      const refFile = path.join(diffDir, name, `${f}.json`);
      const ref = fs.existsSync(refFile) ? fs.readFileSync(refFile, 'utf8') : null;
      if (ref !== json) {
        changed++;
        console.log(`  differs: ${name}/${f}${ref === null ? ' (no reference)' : ''}`);
      }
    }
  }
  differing += changed;
  console.log(`${name.padEnd(14)} ${String(files.length).padStart(4)} files  ${hash.digest('hex').slice(0, 16)}${diffDir ? `  ${changed} differ` : ''}`);
}
if (diffDir) console.log(differing === 0 ? 'identical' : `${differing} files differ`);
process.exit(differing === 0 ? 0 : 1);
