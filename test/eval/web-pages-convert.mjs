#!/usr/bin/env node
// Builds line-labelled boilerplate sets, in the format of ../shared/eval/noise-dev, from an article
// extraction dataset laid out as the Zyte (Scrapinghub) article-extraction benchmark is: a folder
// `html/` of `<id>.html` pages and a JSON file of ground truth `{ "<id>": { "articleBody", "title",
// "url", … } }`. Such sets show how the boilerplate rules do on web sites they were never written
// for. The pages are not stored in this repository (their text belongs to their publishers): build
// them into a git-ignored folder, as the PolNeAR sets are.
//
//   node test/eval/web-pages-convert.mjs <dataset dir> <out dir> [--truth articles.json]
//   node test/eval/web-pages-convert.mjs <dataset dir> <out dir> --held-out [--other-sites DIR]…
//
// Writes <out dir>/tune and <out dir>/check, the sites split in two halves by a hash of their domain
// (rules may be written while looking at `tune`; `check` is for measuring only), each with
// <id>.txt, <id>.gold.json and manifest.json. `npm run eval` reports both when they are at
// test/eval/web-pages (or --web-pages DIR, $WEB_PAGES_DIR).
// With --held-out, every page goes to <out dir>/held-out, a set that is measured and never looked
// at; each --other-sites DIR (a folder this script wrote) leaves out the pages of the sites its
// manifests list, so that the set holds only sites no rule was written while looking at.
// `npm run eval` reports it when it is at test/eval/web-held-out (or --web-held-out DIR, $WEB_HELD_OUT_DIR).
//
// Text: every visible block of the page on a line of its own, blank lines between, as a naive
// scraper keeps it (script, style, forms and the head left out). Labels, on the ground-truth body:
// a line of four or more words is content when at least 80 % of its word trigrams occur in the
// body, noise when at most 20 % do, ignored between; a shorter line is content when it is a whole
// paragraph of the body, ignored when it occurs inside one, noise otherwise; the title is ignored.
// A content line the page repeats more often than the body holds it is ignored, every copy of it.
// A page whose content lines hold less than half of its body's characters was not converted well
// and is left out.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'htmlparser2';

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
/** Options that take no value. */
const FLAGS = new Set(['--held-out']);
const [src, out] = args.filter((a, i) => !a.startsWith('--') && !(args[i - 1]?.startsWith('--') && !FLAGS.has(args[i - 1])));
if (!src || !out) {
  console.error('usage: node test/eval/web-pages-convert.mjs <dataset dir> <out dir> [--truth articles.json] [--held-out [--other-sites DIR]…]');
  process.exit(2);
}
const heldOut = args.includes('--held-out');
/** The sites of the sets named by --other-sites: a held-out set leaves their pages out. */
const otherSites = new Set();
for (let i = 0; i < args.length; i++) {
  if (args[i] !== '--other-sites') continue;
  const dir = args[i + 1] ?? '';
  const manifests = ['tune', 'check', 'held-out'].map((h) => path.join(dir, h, 'manifest.json')).filter((f) => fs.existsSync(f));
  if (manifests.length === 0) {
    console.error(`web-pages-convert: no manifest.json under ${dir}/tune, /check or /held-out`);
    process.exit(2);
  }
  for (const f of manifests) for (const p of JSON.parse(fs.readFileSync(f, 'utf8')).pages) otherSites.add(p.domain);
}
const truthFile = path.join(src, option('--truth', fs.existsSync(path.join(src, 'articles.json')) ? 'articles.json' : 'ground-truth.json'));
const truth = JSON.parse(fs.readFileSync(truthFile, 'utf8'));

/** Elements whose text a reader never sees, or that hold controls rather than text. */
const HIDDEN = new Set(['script', 'style', 'noscript', 'template', 'svg', 'head', 'iframe', 'canvas', 'select', 'option', 'button', 'form']);
/** Elements that run on within a line; every other element starts and ends one. */
const INLINE = new Set(['a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'code', 'data', 'dfn', 'em', 'i', 'kbd', 'mark', 'q', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'wbr', 'font', 'label', 'img', 'picture', 'source']);

/** The visible lines of an HTML page. Iterative: a page nested thousands deep does not overflow the stack. */
function visibleLines(html) {
  const lines = [];
  let current = '';
  const flush = () => {
    const t = current.replace(/\s+/g, ' ').trim();
    if (t) lines.push(t);
    current = '';
  };
  const stack = [{ node: parseDocument(html, { decodeEntities: true }), exit: false }];
  while (stack.length > 0) {
    const { node, exit } = stack.pop();
    if (node.type === 'text') {
      current += node.data;
      continue;
    }
    const name = (node.name ?? '').toLowerCase();
    const block = node.type === 'tag' && !INLINE.has(name);
    if (exit) {
      if (block) flush();
      continue;
    }
    if (node.type === 'script' || node.type === 'style' || HIDDEN.has(name) || node.type === 'comment' || node.type === 'directive') continue;
    if (name === 'br') {
      flush();
      continue;
    }
    if (block) flush();
    stack.push({ node, exit: true });
    const children = node.children ?? [];
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i], exit: false });
  }
  flush();
  return lines;
}

const normalise = (s) => s.toLowerCase().replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"').replace(/\s+/g, ' ').trim();
const wordsOf = (s) => normalise(s).match(/[\p{L}\p{N}]+(?:'\p{L}+)?/gu) ?? [];
const trigrams = (words) => {
  const out = [];
  for (let i = 0; i + 2 < words.length; i++) out.push(`${words[i]} ${words[i + 1]} ${words[i + 2]}`);
  return out;
};

/** How many times `needle` occurs in `haystack`, copies not overlapping. */
function occurrences(haystack, needle) {
  let n = 0;
  for (let at = haystack.indexOf(needle); at >= 0 && needle.length > 0; at = haystack.indexOf(needle, at + needle.length)) n++;
  return n;
}

function label(line, body) {
  if (body.title && (line.norm === body.title || (line.norm.length > 20 && body.title.includes(line.norm)))) return 'ignore';
  if (line.words.length === 0) return 'noise';
  if (line.words.length < 4) return body.paragraphs.has(line.norm) ? 'content' : body.text.includes(line.norm) ? 'ignore' : 'noise';
  const grams = trigrams(line.words);
  const share = grams.filter((g) => body.trigrams.has(g)).length / grams.length;
  return share >= 0.8 ? 'content' : share <= 0.2 ? 'noise' : 'ignore';
}

const halves = heldOut ? { 'held-out': [] } : { tune: [], check: [] };
for (const half of Object.keys(halves)) fs.mkdirSync(path.join(out, half), { recursive: true });
let skipped = 0;
let ofOtherSites = 0;
for (const [id, page] of Object.entries(truth)) {
  const file = path.join(src, 'html', `${id}.html`);
  if (!page?.articleBody || !fs.existsSync(file)) {
    skipped++;
    continue;
  }
  const body = {
    text: normalise(page.articleBody),
    title: normalise(page.title ?? ''),
    paragraphs: new Set(page.articleBody.split(/\n+/).map(normalise).filter(Boolean)),
    trigrams: new Set(trigrams(wordsOf(page.articleBody))),
  };
  let text = '';
  const gold = { noise: [], content: [], ignore: { noise: [] } };
  const labelled = visibleLines(fs.readFileSync(file, 'utf8')).map((raw) => {
    const start = text.length;
    text += `${raw}\n\n`;
    const norm = normalise(raw);
    return { span: { start, end: start + raw.length }, norm, kind: label({ norm, words: wordsOf(raw) }, body) };
  });
  // A content line the page shows more often than the body holds it (a lead repeated as a teaser,
  // a heading repeated in a table of contents): which copy is the article's, the body cannot say,
  // so every copy is ignored rather than all of them counted as content.
  const copies = new Map();
  for (const l of labelled) if (l.kind === 'content') copies.set(l.norm, (copies.get(l.norm) ?? 0) + 1);
  for (const l of labelled) {
    const kind = l.kind === 'content' && copies.get(l.norm) > Math.max(1, occurrences(body.text, l.norm)) ? 'ignore' : l.kind;
    (kind === 'ignore' ? gold.ignore.noise : gold[kind]).push(l.span);
  }
  const contentChars = gold.content.reduce((n, s) => n + s.end - s.start, 0);
  if (contentChars < 0.5 * page.articleBody.length) {
    skipped++;
    continue;
  }
  const domain = (page.url ?? '').split('/')[2]?.replace(/^www\./, '') ?? '';
  if (otherSites.has(domain)) {
    ofOtherSites++;
    continue;
  }
  gold.meta = { url: page.url, domain };
  const half = heldOut ? 'held-out' : crypto.createHash('sha1').update(domain).digest()[0] % 2 === 0 ? 'tune' : 'check';
  fs.writeFileSync(path.join(out, half, `${id}.txt`), text.replace(/\n\n$/, '\n'));
  fs.writeFileSync(path.join(out, half, `${id}.gold.json`), JSON.stringify(gold));
  halves[half].push({ id, url: page.url, domain, noiseLines: gold.noise.length, contentLines: gold.content.length, contentChars });
}
for (const [half, pages] of Object.entries(halves)) {
  fs.writeFileSync(path.join(out, half, 'manifest.json'), JSON.stringify({ source: path.resolve(src), pages }, null, 1));
  console.log(`${half}: ${pages.length} pages of ${new Set(pages.map((p) => p.domain)).size} sites`);
}
if (skipped > 0) console.log(`left out: ${skipped} pages (no body, no page, or not converted well)`);
if (ofOtherSites > 0) console.log(`left out: ${ofOtherSites} pages of sites in the --other-sites sets`);
