// Costs of the annotation core as inputs double: re-anchoring many tags, one huge tag after a small
// edit, a big label configuration and a big sidecar. Each row doubles the input, so linear growth
// shows as times that double too (×2 per row), and anything faster-growing stands out.
// Prints; asserts nothing. Called by bench.mjs; also runs alone: `node test/bench/annotations.mjs`.
import esbuild from 'esbuild';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

async function loadCore() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sa-bench-annotations-'));
  const entry = path.join(dir, 'core.ts');
  const outFile = path.join(dir, 'core.cjs');
  const from = (file) => JSON.stringify(path.join(root, 'src', 'core', 'annotations', file));
  fs.writeFileSync(
    entry,
    [
      `export { reanchorAll } from ${from('anchoring/reanchor')};`,
      `export { anchorAt } from ${from('anchoring/capture')};`,
      `export { positionAt, LineIndex } from ${from('anchoring/positions')};`,
      `export { createAnnotation } from ${from('model/create')};`,
      `export { parseSidecar } from ${from('sidecar/parse')};`,
      `export { serialiseSidecar } from ${from('sidecar/serialise')};`,
      `export { parseLabelConfig } from ${from('labels/labelConfig')};`,
      `export { reanchorEntries, reattachOrphans } from ${JSON.stringify(path.join(root, 'src', 'core', 'tagging', 'reattach'))};`,
      ...['mergeSidecars', 'resolveConflict', 'sidecarConflicts'].map((file) => `export * from ${JSON.stringify(path.join(root, 'src', 'core', 'interchange', file))};`),
    ].join('\n'),
  );
  await esbuild.build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', target: 'node20', supported: { 'regexp-unicode-property-escapes': true }, outfile: outFile, logLevel: 'warning', loader: { '.json': 'json' } });
  const core = createRequire(import.meta.url)(outFile);
  fs.rmSync(dir, { recursive: true, force: true });
  return core;
}

function timed(run) {
  const t0 = process.hrtime.bigint();
  const result = run();
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, result };
}

function row(cells) {
  console.log(`| ${cells.join(' | ')} |`);
}

function growth(previous, ms) {
  return previous === undefined ? '' : `×${(ms / previous).toFixed(1)}`;
}

/** Distinct sentences, so that every tag has its own words and context. */
function sentences(count) {
  const subjects = ['The minister', 'A spokesperson', 'The council', 'Witnesses', 'The agency', 'Officials', 'The court', 'Residents'];
  const verbs = ['said', 'reported', 'confirmed', 'denied', 'announced', 'claimed', 'warned', 'added'];
  const out = [];
  for (let i = 0; i < count; i++) {
    out.push(`${subjects[i % 8]} ${verbs[(i >> 3) % 8]} that item ${i} of the budget would change by ${(i * 7919) % 1000} units.`);
  }
  return out;
}

/**
 * One table of re-anchoring N tags: `make(n)` gives the text, the tags' places in it ([start, end])
 * and the text they are found again in; each row times `reanchorAll` and counts the tags found.
 */
function benchReanchoring(core, title, counts, make) {
  console.log(`\n${title}\n`);
  row(['tags', 'text MB', 'ms', 'growth', 'found']);
  row(['---', '---', '---', '---', '---']);
  let previous;
  for (const n of counts) {
    const { text, places, edited } = make(n);
    const lines = new core.LineIndex(text);
    const anchors = places.map(([start, end]) => {
      const anchor = core.anchorAt(text, start, end);
      return { ...anchor, start: lines.positionAt(anchor.start), end: lines.positionAt(anchor.end) };
    });
    const { ms, result } = timed(() => core.reanchorAll(edited, anchors));
    row([n, (text.length / 2 ** 20).toFixed(2), ms.toFixed(0), growth(previous, ms), result.filter((r) => r.method !== 'orphaned').length]);
    previous = ms;
  }
}

/** `parts` joined, with the place of each part (less `trim` characters at its end). */
function placesOf(parts, from, trim = 0) {
  const places = [];
  let at = from;
  for (const part of parts) {
    places.push([at, at + part.length - trim]);
    at += part.length;
  }
  return places;
}

function benchManyTags(core, counts) {
  benchReanchoring(core, 're-anchoring N tags (one per sentence) after a line is added on top', counts, (n) => {
    const lines = sentences(n).map((sentence) => `${sentence}\n`);
    const text = lines.join('').slice(0, -1);
    return { text, places: placesOf(lines, 0, 1), edited: `An update notice added on top.\n${text}` };
  });
}

/**
 * Hostile: a text that is one long rule of dashes with a few words, and N tags on dashes and a
 * word, each other than the others: every tag's first characters are the same and occur at
 * nearly every place of the text.
 */
function benchCommonKeys(core, counts) {
  benchReanchoring(core, 're-anchoring N tags whose words start alike (dashes) in a text of dashes, after a line is added on top', counts, (n) => {
    const words = Array.from({ length: n }, (_, i) => `${'-'.repeat(40)} item${i} `);
    const text = `${'-'.repeat(500_000)}${words.join('')}`;
    return { text, places: placesOf(words, 500_000, 1), edited: `An update notice added on top.\n${text}` };
  });
}

/**
 * Hostile: long tags on a rule of one repeated character whose one other character is gone (a
 * divider edited), in a text of that character: a fuzzy match would end at nearly every character
 * near each tag's old place.
 */
function benchLookalikeRules(core, counts) {
  benchReanchoring(core, 're-anchoring N tags of 1,000 characters (a rule of "=" with one "#") after the "#"s are removed, in a text of "="s', counts, (n) => {
    const parts = Array.from({ length: n }, () => `${'='.repeat(999)}#${'='.repeat(4000)}`);
    const text = parts.join('');
    return { text, places: placesOf(parts, 0, 4000), edited: text.replaceAll('#', '=') };
  });
}

/** Hostile: 20 tags with a typo each, whose stored prefix and suffix are N characters (an imported file's long context). */
function benchLongContexts(core, sizes) {
  console.log('\nre-anchoring 20 edited tags whose stored prefix and suffix are N characters each\n');
  row(['context chars', 'ms', 'growth', 'found']);
  row(['---', '---', '---', '---']);
  let previous;
  for (const n of sizes) {
    const all = sentences(2000);
    const text = all.join('\n');
    const lines = new core.LineIndex(text);
    const anchors = [];
    let at = 0;
    for (const [i, sentence] of all.entries()) {
      if (i % 100 === 50) anchors.push({ start: lines.positionAt(at), end: lines.positionAt(at + sentence.length), text: sentence.replace('budget', 'budgte'), prefix: text.slice(Math.max(0, at - n), at), suffix: text.slice(at + sentence.length, at + sentence.length + n) });
      at += sentence.length + 1;
    }
    const { ms, result } = timed(() => core.reanchorAll(text, anchors));
    row([n, ms.toFixed(0), growth(previous, ms), result.filter((r) => r.method !== 'orphaned').length]);
    previous = ms;
  }
}

/**
 * The tags of a sidecar found again in a text reloaded from disk (`reanchorEntries`), and orphans
 * looked for after a keystroke (`reattachOrphans`): both convert every tag's place to lines and
 * characters, so each row doubles the text and the tags together.
 */
function benchEntries(core, counts) {
  console.log('\nreanchorEntries / reattachOrphans of N tags (one per sentence, a line added on top; every tag orphaned for the second)\n');
  row(['tags', 'text MB', 'reanchorEntries ms', 'growth', 'reattachOrphans ms', 'growth', 'found']);
  row(['---', '---', '---', '---', '---', '---', '---']);
  let previous;
  let previousOrphans;
  for (const n of counts) {
    const text = sentences(n).join('\n');
    const entries = [];
    let at = 0;
    for (const [i, sentence] of text.split('\n').entries()) {
      entries.push({ ...core.anchorAt(text, at, at + sentence.length), id: String(i), status: 'active' });
      at += sentence.length + 1;
    }
    const edited = `An update notice added on top.\n${text}`;
    const { ms, result } = timed(() => core.reanchorEntries(edited, entries));
    const orphans = entries.map((e) => ({ ...e, status: 'orphaned' }));
    const back = timed(() => core.reattachOrphans(edited, orphans));
    row([n, (text.length / 2 ** 20).toFixed(2), ms.toFixed(0), growth(previous, ms), back.ms.toFixed(0), growth(previousOrphans, back.ms), `${result.filter((r) => r.status !== 'orphaned').length}, ${back.result.filter((r) => r.status !== 'orphaned').length}`]);
    previous = ms;
    previousOrphans = back.ms;
  }
}

function benchBigTag(core, sizes) {
  console.log('\nre-anchoring one big tag after a 10-character edit in its middle\n');
  row(['tag KB', 'ms', 'growth', 'method']);
  row(['---', '---', '---', '---']);
  let previous;
  for (const kb of sizes) {
    const body = sentences(Math.ceil((kb * 1024) / 70)).join(' ').slice(0, kb * 1024);
    const text = `Headline of the piece\n${body}\nThe end of the article.\n`;
    const anchor = core.anchorAt(text, 22, 22 + body.length);
    const stored = { ...anchor, start: core.positionAt(text, anchor.start), end: core.positionAt(text, anchor.end) };
    const middle = 22 + Math.floor(body.length / 2);
    const edited = `${text.slice(0, middle)}0123456789${text.slice(middle)}`;
    const { ms, result } = timed(() => core.reanchorAll(edited, [stored]));
    row([kb, ms.toFixed(0), growth(previous, ms), `${result[0].method} ${result[0].confidence.toFixed(2)}`]);
    previous = ms;
  }
}

function benchLabelConfig(core, counts) {
  console.log('\nparsing a label configuration of N labels\n');
  row(['labels', 'KB', 'ms', 'growth', 'labels read']);
  row(['---', '---', '---', '---', '---']);
  let previous;
  for (const n of counts) {
    const yaml = ['labels:', ...Array.from({ length: n }, (_, i) => `  - name: label-${i}\n    description: Label number ${i}\n    attributes:\n      - { name: who, type: string }`)].join('\n');
    const { ms, result } = timed(() => core.parseLabelConfig(yaml));
    row([n, (yaml.length / 1024).toFixed(0), ms.toFixed(0), growth(previous, ms), `${result.labels.length} (${result.problems.length} problems)`]);
    previous = ms;
  }
}

function benchBigSidecar(core, counts) {
  console.log('\nparsing a sidecar of N tags\n');
  row(['tags', 'MB', 'parse ms', 'growth', 'heap MB after', 'save ms (one tag changed)', 'result']);
  row(['---', '---', '---', '---', '---', '---', '---']);
  let previous;
  for (const n of counts) {
    const text = sentences(n).join('\n');
    const annotations = [];
    let at = 0;
    for (const [i, sentence] of text.split('\n').entries()) {
      annotations.push(core.createAnnotation(text, { id: i.toString(16).padStart(12, '0'), label: 'claim', start: at, end: at + sentence.length, author: 'bench', now: '2024-05-01T09:30:00.000Z', note: 'checked' }));
      at += sentence.length + 1;
    }
    const yaml = core.serialiseSidecar(undefined, { file: 'a.txt', sha256: 'a'.repeat(64), annotations, rejections: [] }, text);
    globalThis.gc?.();
    const { ms, result } = timed(() => core.parseSidecar(yaml));
    const heap = process.memoryUsage().heapUsed / 2 ** 20;
    // A save after one tag changed: the rest of the file is kept as it was.
    const changed = { file: 'a.txt', sha256: 'a'.repeat(64), annotations: annotations.map((a, i) => (i === 0 ? { ...a, note: 'changed' } : a)), rejections: [] };
    const save = result.ok ? timed(() => core.serialiseSidecar(yaml, changed, text)).ms.toFixed(0) : '-';
    row([n, (yaml.length / 2 ** 20).toFixed(1), ms.toFixed(0), growth(previous, ms), heap.toFixed(0), save, result.ok ? 'ok' : result.errors[0]?.message.slice(0, 60)]);
    previous = ms;
  }
}

/**
 * Hostile shapes of a sidecar: many keys in one mapping (each key is checked against the others),
 * a YAML 1.1 ordered map, deep nesting (refused before the reader builds anything).
 */
function benchYamlShapes(core, counts) {
  console.log('\nparsing hostile sidecars of N entries (refused or not, in linear time)\n');
  row(['entries', 'keys in one mapping ms', 'growth', '!!omap ms', 'growth', '[ nested, ms', 'growth']);
  row(['---', '---', '---', '---', '---', '---', '---']);
  let previous = [];
  for (const n of counts) {
    const keys = timed(() => core.parseSidecar(Array.from({ length: n }, (_, i) => `k${i}: 1`).join('\n'))).ms;
    const omap = timed(() => core.parseSidecar(`!!omap\n${Array.from({ length: n }, (_, i) => `- a${i}: 1`).join('\n')}`)).ms;
    const nested = timed(() => core.parseSidecar('['.repeat(n * 10))).ms;
    row([n, keys.toFixed(0), growth(previous[0], keys), omap.toFixed(0), growth(previous[1], omap), nested.toFixed(1), growth(previous[2], nested)]);
    previous = [keys, omap, nested];
  }
}

/**
 * A valid sidecar with N keys of its own added by hand at the top level (the schema allows them),
 * through what reads it again as a whole: the conflict view, the merge (git's driver, and the
 * editor's merge of an outside change), settling a conflict, and a save.
 */
function benchExtraKeys(core, counts) {
  console.log('\na sidecar with N extra keys: conflicts listed, merged, a conflict settled, saved\n');
  row(['keys', 'MB', 'conflicts ms', 'growth', 'merge ms', 'growth', 'settle ms', 'growth', 'save ms', 'growth']);
  row(['---', '---', '---', '---', '---', '---', '---', '---', '---', '---']);
  const text = 'The mayor said the harbour fire was an accident.\n';
  const tag = core.createAnnotation(text, { id: '0000000000aa', label: 'claim', start: 4, end: 9, author: 'bench', now: '2024-05-01T09:30:00.000Z' });
  let previous = [];
  for (const n of counts) {
    const head = core.serialiseSidecar(undefined, { file: 'a.txt', sha256: '0'.repeat(64), annotations: [tag], rejections: [] }, text);
    const yaml = `${head}${Array.from({ length: n }, (_, i) => `k${i}: 1`).join('\n')}\n# conflict:\n`;
    const listed = timed(() => core.recordedConflicts(yaml)).ms;
    const merged = timed(() => core.mergeSidecars({ base: yaml, ours: yaml, theirs: yaml })).ms;
    const settled = timed(() => core.resolveConflict(yaml, '0000000000aa', 'ours')).ms;
    const saved = timed(() => core.serialiseSidecar(yaml, { file: 'a.txt', sha256: '0'.repeat(64), annotations: [{ ...tag, note: 'changed' }], rejections: [] }, text)).ms;
    const ms = [listed, merged, settled, saved];
    row([n, (yaml.length / 2 ** 20).toFixed(2), ...ms.flatMap((m, i) => [m.toFixed(0), growth(previous[i], m)])]);
    previous = ms;
  }
}

export async function benchAnnotations() {
  const core = await loadCore();
  benchManyTags(core, [2000, 4000, 8000, 16000]);
  benchEntries(core, [2000, 4000, 8000, 16000]);
  benchCommonKeys(core, [250, 500, 1000, 2000]);
  benchLookalikeRules(core, [50, 100, 200, 400]);
  benchLongContexts(core, [8000, 16000, 32000, 64000]);
  benchBigTag(core, [12, 25, 50, 100]);
  benchLabelConfig(core, [625, 1250, 2500, 5000]);
  benchBigSidecar(core, [625, 1250, 2500, 5000]);
  benchYamlShapes(core, [12_500, 25_000, 50_000, 100_000]);
  benchExtraKeys(core, [10_000, 20_000, 40_000, 80_000]);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await benchAnnotations();
