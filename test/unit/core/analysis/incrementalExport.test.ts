import * as assert from 'node:assert/strict';
import { analyze, analyzeArticle } from '../../../../src/core/analysis/analyze';
import type { TextChange } from '../../../../src/core/analysis/editMap';
import { EditMap } from '../../../../src/core/analysis/editMap';
import { reanalyze } from '../../../../src/core/analysis/incremental';
import { spliceIsExact } from '../../../../src/core/analysis/incrementalExport';
import type { Analysis, ArticleScope, Span } from '../../../../src/core/analysis/types';
import { syntheticArchive } from '../../../bench/syntheticArchive';
import { archiveFixture } from '../archive/archiveFixtures';

const apply = (text: string, c: TextChange): string => text.slice(0, c.start) + c.text + text.slice(c.end);

/** An export of a few dozen articles in the LexisNexis layout, analysed once for every test here. */
const archive = syntheticArchive(60_000);
const before = analyze(archive.text);

function articles(a: Analysis): readonly ArticleScope[] {
  assert.ok(a.articles && a.articles.length > 10, 'the synthetic export splits into articles');
  return a.articles;
}

/** Detections lying in [from, to): every kind, for comparing an article's share of two analyses. */
function within(a: Analysis, from: number, to: number): { quotes: readonly Span[]; cues: readonly Span[]; noise: readonly Span[]; mentions: readonly Span[] } {
  const inside = (s: Span): boolean => s.start >= from && s.start < to;
  return { quotes: a.quotes.filter(inside), cues: a.cues.filter(inside), noise: a.noise.filter(inside), mentions: a.speakers.flatMap((s) => s.mentions).filter(inside) };
}

/** A letter typed in the middle of article `k`'s body. */
function keystrokeIn(k: number): TextChange {
  const body = articles(before)[k];
  assert.ok(body);
  const at = archive.text.indexOf(' ', Math.floor((body.bodyStart + body.bodyEnd) / 2)) + 1;
  assert.ok(at > body.bodyStart && at < body.bodyEnd);
  return { start: at, end: at, text: 'x' };
}

describe('reanalyze: a keystroke in one article of an export leaves the others alone', () => {
  const k = Math.floor(articles(before).length / 2);
  const change = keystrokeIn(k);
  const after = apply(archive.text, change);
  const quick = reanalyze(before, EditMap.of([change]), after, analyzeArticle);

  it('equals a full analysis of the edited text, ids, mentions, evidence and articles included', () => {
    assert.deepEqual(quick, analyze(after));
  });

  it('keeps the very objects of every article before the edited one', () => {
    const edited = articles(before)[k];
    assert.ok(edited);
    const old = within(before, 0, edited.start);
    const now = within(quick, 0, edited.start);
    assert.ok(old.quotes.length > 0 && old.noise.length > 0 && old.mentions.length > 0);
    for (const kind of ['quotes', 'cues', 'noise'] as const) {
      assert.equal(now[kind].length, old[kind].length);
      now[kind].forEach((s, i) => assert.equal(s, old[kind][i], `${kind} ${i} is the same object`));
    }
    const speakersBefore = quick.speakers.filter((s) => (s.mentions[0]?.start ?? Infinity) < edited.start);
    speakersBefore.forEach((s, i) => assert.equal(s, before.speakers[i], `speaker ${s.id} is the same object`));
    articles(quick).slice(0, k).forEach((a, i) => assert.equal(a, articles(before)[i]));
  });

  it('moves every article after the edited one by the typed character, with the same speaker ids', () => {
    const next = articles(before)[k + 1];
    assert.ok(next);
    const old = within(before, next.start, Infinity);
    const now = within(quick, next.start + 1, Infinity);
    for (const kind of ['quotes', 'cues', 'noise', 'mentions'] as const) {
      assert.deepEqual(
        now[kind].map((s) => [s.start - 1, s.end - 1]),
        old[kind].map((s) => [s.start, s.end]),
      );
    }
    const ids = (a: Analysis, from: number): string[] => a.quotes.filter((q) => q.start >= from).map((q) => q.speakerId ?? '-');
    assert.deepEqual(ids(quick, next.start + 1), ids(before, next.start));
  });
});

describe('reanalyze of an export: speaker ids follow the articles as a full analysis numbers them', () => {
  const cases: { name: string; k: number; typed: string; added: number }[] = [
    { name: 'a new speaker in an early article renumbers every later one', k: 2, typed: '\n\n“We start again tomorrow,” said Rosalind Quayle.\n\n', added: 1 },
    { name: 'a new speaker in the last article', k: -1, typed: '\n\n“Not again,” said Tom Reed.\n\n', added: 1 },
    { name: 'a paragraph of narrative (no new speaker)', k: 5, typed: '\n\nThe meeting ended late.\n\n', added: 0 },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const list = articles(before);
      const k = c.k < 0 ? list.length - 1 : c.k;
      const at = keystrokeIn(k).start;
      const change = { start: at, end: at, text: c.typed };
      const after = apply(archive.text, change);
      const quick = reanalyze(before, EditMap.of([change]), after, analyzeArticle);
      assert.equal(quick.speakers.length - before.speakers.length, c.added);
      assert.deepEqual(quick, analyze(after));
    });
  }

  it('a speaker known without any mention (as other tools may hand one in) is kept and renumbered with the others, in its article', () => {
    // Inserted as the first speaker of article 6: a new speaker typed into article 2 renumbers it.
    const list = articles(before);
    const sixth = list[6];
    assert.ok(sixth);
    const place = before.speakers.findIndex((sp) => (sp.mentions[0]?.start ?? 0) >= sixth.bodyStart);
    assert.ok(place > 0);
    const bare = { id: 'bare', name: 'regulator', mentions: [] };
    const speakers = [...before.speakers.slice(0, place), bare, ...before.speakers.slice(place)].map((sp, i) => ({ ...sp, id: `s${i}` }));
    const renamed = new Map(before.speakers.map((sp) => [sp.id, speakers.find((n) => n.name === sp.name && n.mentions === sp.mentions)?.id ?? sp.id]));
    const withBare: Analysis = { ...before, speakers, quotes: before.quotes.map((q) => (q.speakerId === null ? q : { ...q, speakerId: renamed.get(q.speakerId) ?? q.speakerId })) };
    const at = keystrokeIn(2).start;
    const change = { start: at, end: at, text: '\n\n“We start again tomorrow,” said Rosalind Quayle.\n\n' };
    const quick = reanalyze(withBare, EditMap.of([change]), apply(archive.text, change), analyzeArticle);
    assert.equal(quick.speakers.length, speakers.length + 1, 'every speaker kept, the new one added');
    assert.equal(quick.speakers[place + 1]?.name, 'regulator', 'after the new speaker, before the speakers of article 6');
    assert.equal(quick.speakers[place + 1]?.id, `s${place + 1}`);
  });

  it('many keystrokes one after another, each brought forward from the last quick result, still equal a full analysis', () => {
    let text = archive.text;
    let current = before;
    const list = articles(before);
    // Typing, deleting and a quote pasted, in three different articles, each step from the previous quick result.
    const steps: TextChange[] = [];
    let at = keystrokeIn(3).start;
    for (let i = 0; i < 5; i++) steps.push({ start: at + i, end: at + i, text: 'y' });
    steps.push({ start: at, end: at + 3, text: '' });
    at = keystrokeIn(list.length - 4).start - 2;
    steps.push({ start: at, end: at, text: ' “It is over,” he said. ' });
    at = keystrokeIn(1).start;
    steps.push({ start: at, end: at + 1, text: '' });
    for (const step of steps) {
      text = apply(text, step);
      current = reanalyze(current, EditMap.of([step]), text, analyzeArticle);
    }
    assert.deepEqual(current, analyze(text));
  });

  it('an edit of a metadata line drops that line until the full analysis and moves everything else', () => {
    const text = archiveFixture('lexisnexis');
    const full = analyze(text);
    const line = full.noise.find((n) => n.kind === 'metadata' && text.slice(n.start, n.end).startsWith('LENGTH:'));
    assert.ok(line);
    const change = { start: line.start + 3, end: line.start + 3, text: 'x' };
    const after = apply(text, change);
    const quick = reanalyze(full, EditMap.of([change]), after, analyzeArticle);
    assert.ok(!quick.noise.some((n) => n.start === line.start));
    assert.equal(quick.noise.length, full.noise.length - 1);
    assert.deepEqual(quick.quotes, analyze(after).quotes);
  });
});

describe('spliceIsExact: when the quick splice of an export equals a full analysis with the same articles', () => {
  const scopes = articles(before);
  const k = Math.floor(scopes.length / 2);
  const body = scopes[k];
  const next = scopes[k + 1];
  assert.ok(body && next);
  const cases: { name: string; changes: TextChange[]; exact: boolean }[] = [
    { name: 'a letter typed inside a body', changes: [keystrokeIn(k)], exact: true },
    { name: 'letters typed in two bodies', changes: [keystrokeIn(k), keystrokeIn(2)], exact: true },
    { name: 'a word deleted inside a body', changes: [{ start: body.bodyStart + 5, end: body.bodyStart + 12, text: '' }], exact: true },
    { name: 'typed at the very start of a body', changes: [{ start: body.bodyStart, end: body.bodyStart, text: 'A' }], exact: true },
    { name: 'typed in the metadata before a body', changes: [{ start: body.bodyStart - 1, end: body.bodyStart - 1, text: 'x' }], exact: false },
    { name: 'a deletion from one body into the next article', changes: [{ start: body.bodyEnd - 3, end: next.bodyStart + 3, text: '' }], exact: false },
    { name: 'a paste replacing more than a few articles', changes: [{ start: scopes[1]?.bodyStart ?? 0, end: scopes[1]?.bodyStart ?? 0, text: 'y'.repeat(250_000) }], exact: false },
  ];
  for (const c of cases) {
    it(`${c.name}: ${c.exact ? 'exact' : 'not known exact'}`, () => {
      // Edits are given in turn, each in the coordinates the one before left (the second comes first in the text).
      const ordered = [...c.changes].sort((a, b) => b.start - a.start);
      assert.equal(spliceIsExact(scopes, EditMap.of(ordered)), c.exact);
    });
  }

  it('whenever it says exact and the full analysis cuts the same articles, the splice equals that analysis', () => {
    for (const change of [keystrokeIn(k), keystrokeIn(1), { start: body.bodyStart + 5, end: body.bodyStart + 40, text: '“Never,” she said.\n\n' }]) {
      const edits = EditMap.of([change]);
      assert.ok(spliceIsExact(scopes, edits));
      const text = apply(archive.text, change);
      const full = analyze(text);
      const quick = reanalyze(before, edits, text, analyzeArticle);
      assert.deepEqual(quick.articles, full.articles);
      assert.deepEqual(quick, full);
    }
  });
});
