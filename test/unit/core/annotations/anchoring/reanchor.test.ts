import * as assert from 'node:assert/strict';
import { anchorAt } from '../../../../../src/core/annotations/anchoring/capture';
import { positionAt } from '../../../../../src/core/annotations/anchoring/positions';
import type { StoredAnchor } from '../../../../../src/core/annotations/anchoring/types';
import { needsReview, reanchor, reanchorAll } from '../../../../../src/core/annotations/anchoring/reanchor';
import { seedArticles } from '../../../support/fixtureFiles';

function stored(text: string, passage: string, occurrence = 0): StoredAnchor {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = text.indexOf(passage, start + 1);
  assert.ok(start >= 0, `${passage} not in text`);
  const anchor = anchorAt(text, start, start + passage.length);
  return { ...anchor, start: positionAt(text, anchor.start), end: positionAt(text, anchor.end) };
}

describe('re-anchoring tags after the text changed outside the editor', () => {
  const article = 'Lavrov spoke in Geneva.\n\n“We will not negotiate with terrorists in Idlib,” Lavrov said on Tuesday.\n\nLavrov left the next day.\n';

  it('keeps a passage that is still at its stored position', () => {
    const result = reanchor(`${article}Comments closed.\n`, stored(article, 'Geneva'));
    assert.equal(result.method, 'position');
    assert.equal(result.confidence, 1);
  });

  it('finds a moved passage and tells repeats apart by their context', () => {
    const anchor = stored(article, 'Lavrov', 1);
    const edited = `UPDATE: corrected.\n\n${article}`;
    const result = reanchor(edited, anchor);
    assert.equal(result.method, 'exact');
    assert.equal(edited.slice(result.start - 3, result.end + 5), ',” Lavrov said');
    assert.ok(!needsReview(result));
  });

  it('follows a passage whose words were edited (fuzzy), within its error budget', () => {
    const anchor = stored(article, 'We will not negotiate with terrorists in Idlib');
    const edited = article.replace('negotiate', 'negociate').replace('Geneva', 'Geneva, Switzerland');
    const result = reanchor(edited, anchor);
    assert.equal(result.method, 'fuzzy');
    assert.equal(edited.slice(result.start, result.end), 'We will not negociate with terrorists in Idlib');
  });

  it('matches short passages exactly only: an edited short word is orphaned', () => {
    const result = reanchor(article.replace('Geneva', 'Genf'), stored(article, 'Geneva'));
    assert.equal(result.method, 'orphaned');
    assert.equal(result.start, result.end);
  });

  it('orphans a deleted passage rather than landing on another copy of its words', () => {
    const anchor = stored(article, 'Lavrov', 2);
    const edited = article.replace('\nLavrov left the next day.\n', '\n');
    const result = reanchor(edited, anchor);
    assert.ok(result.method === 'orphaned' || needsReview(result), JSON.stringify(result));
  });

  // Text copied, re-typed or scraped again keeps its words but not always its marks. A tag whose
  // neighbours were only re-typed stays on exactly its words, surely, however short.
  const retyped = 'Officials met on Monday.\n\tJohn Smith spoke first. He said the news was "fake" - and left.\nThe end.\n';
  const retypings: { name: string; edit: (t: string) => string }[] = [
    { name: 'a tab become a space', edit: (t) => t.replace('\tJohn', ' John') },
    { name: 'straight quotes become curly ones', edit: (t) => t.replace('"fake"', '“fake”') },
    { name: 'a hyphen become a dash', edit: (t) => t.replace(' - and', ' – and') },
    { name: 'single spaces become double', edit: (t) => t.replace(' spoke', '  spoke').replace('the news was', 'the  news  was').replace(' and left', '  and  left') },
    { name: 'a line break become a space, a tab a no-break space', edit: (t) => t.replace('Monday.\n\t', 'Monday.\u00a0') },
    { name: 'all of these at once', edit: (t) => t.replace('\tJohn', ' John').replace('"fake"', '“fake”').replace(' - and', ' — and').replace(' spoke', '  spoke').replace('the news was', 'the  news  was').replace(' left', '   left') },
  ];
  for (const r of retypings) {
    for (const words of ['John Smith', 'fake', 'news', 'left']) {
      it(`keeps a tag on its words, surely, when its neighbours were re-typed: ${r.name} (“${words}”)`, () => {
        const edited = r.edit(retyped);
        assert.notEqual(edited, retyped);
        const [result] = reanchorAll(edited, [stored(retyped, words)]);
        assert.ok(result);
        assert.equal(edited.slice(result.start, result.end), words);
        assert.equal(result.start, edited.indexOf(words));
        assert.ok(!needsReview(result) && result.method !== 'orphaned', `${result.method} ${result.confidence}`);
      });
    }
  }

  it('still tells a changed word beside a tag: other words around it are other context', () => {
    const text = 'The council said the plan works. The mayor said the plan fails.\n';
    // The tagged "said" (the mayor's) and the other one both stay; only the mayor's context fits.
    const [result] = reanchorAll(`Update.\n${text}`, [stored(text, 'said', 1)]);
    assert.equal(result?.start, `Update.\n${text}`.lastIndexOf('said'));
  });

  it('returns offsets into the text as given, with BOM and CRLF', () => {
    const anchor = stored(article, 'Lavrov said on Tuesday');
    const edited = `\uFEFF${article.replace(/\n/g, '\r\n')}`;
    const result = reanchor(edited, anchor);
    assert.equal(edited.slice(result.start, result.end), 'Lavrov said on Tuesday');
  });

  // Their speed is measured by `npm run bench`, not asserted here.
  it('re-anchors 50 tags on a 3 KB article after a new first paragraph and CRLF', () => {
    const [seed] = seedArticles();
    assert.ok(seed);
    const words = [...seed.text.matchAll(/\p{L}{4,}/gu)].filter((_, i) => i % 3 === 0).slice(0, 50);
    assert.equal(words.length, 50);
    const anchors = words.map((w) => {
      const anchor = anchorAt(seed.text, w.index, w.index + w[0].length);
      return { ...anchor, start: positionAt(seed.text, anchor.start), end: positionAt(seed.text, anchor.end) };
    });
    const edited = `A new first paragraph.\n\n${seed.text.replace(/\n/g, '\r\n')}`;
    const results = reanchorAll(edited, anchors);
    assert.ok(results.every((r) => r.method !== 'orphaned'));
  });

  it('finds tags again in a long text (1 MB, every 40th sentence tagged, most edited)', function () {
    this.timeout(20_000);
    const seeds = seedArticles().map((s) => s.text);
    const parts: string[] = [];
    for (let i = 0, length = 0; length < 1_000_000; i++) {
      parts.push(`Part ${i}\n\n${seeds[i % seeds.length] ?? ''}`);
      length += parts[i]?.length ?? 0;
    }
    const long = parts.join('\n');
    const sentences = [...long.matchAll(/[A-Z][^.\n]{40,200}\./g)].filter((_, i) => i % 40 === 0);
    const anchors = sentences.map((m) => {
      const anchor = anchorAt(long, m.index, m.index + m[0].length);
      return { ...anchor, start: positionAt(long, anchor.start), end: positionAt(long, anchor.end) };
    });
    const edited = `Inserted line.\n${long.replace(/ the /g, ' teh ')}`;
    const results = reanchorAll(edited, anchors);
    assert.ok(results.filter((r) => r.method !== 'orphaned').length >= 0.9 * anchors.length);
  });

  it('finds an edited rule of one repeated character by its context, not at a look-alike place of the run', () => {
    // A divider tagged, its one "#" gone since, in a run of "=": the words around it say where it is.
    const rule = `${'='.repeat(60)}#${'='.repeat(59)}`;
    const text = `${'='.repeat(300)}\nSection two of the report begins here.\n${rule}\nThe council voted on the budget for next year.\n${'='.repeat(300)}\n`;
    const edited = `A notice added on top of the page.\n${text.replace('#', '=')}`;
    const result = reanchor(edited, stored(text, rule));
    assert.notEqual(result.method, 'orphaned');
    const at = edited.indexOf('begins here.\n') + 'begins here.\n'.length;
    assert.deepEqual([result.start, result.end], [at, at + rule.length]);
  });

  it('still finds an edited passage of ordinary words whose letters repeat often', () => {
    const text = 'Intro line.\n\nHa ha ha, said the minister of the budget, laughing at the question.\n\nEnd.\n';
    const passage = 'Ha ha ha, said the minister of the budget, laughing at the question.';
    const result = reanchor(`Top.\n${text.replace('budget', 'budgte')}`, stored(text, passage));
    assert.equal(result.method, 'fuzzy');
  });

  it('weighs a long imported context as the editor weighs its own: an edited passage is not put on a look-alike sentence near the top', () => {
    // Sentences alike but for their figures; the passage known by its words and a long context
    // only (a W3C selector gives no place), its words edited since ("budget" mistyped).
    const subjects = ['The minister', 'A spokesperson', 'The council', 'Witnesses', 'The agency', 'Officials', 'The court', 'Residents'];
    const verbs = ['said', 'reported', 'confirmed', 'denied', 'announced', 'claimed', 'warned', 'added'];
    const sentences = Array.from({ length: 200 }, (_, i) => `${subjects[i % 8]} ${verbs[(i >> 3) % 8]} that item ${i} of the budget would change by ${(i * 7919) % 1000} units.`);
    const text = sentences.join('\n');
    const tagged = sentences[50] ?? '';
    const at = text.indexOf(tagged);
    const anchor: StoredAnchor = {
      start: { line: 1, character: 0 },
      end: { line: 1, character: 0 },
      text: tagged.replace('budget', 'budgte'),
      prefix: text.slice(at - 128, at),
      suffix: text.slice(at + tagged.length, at + tagged.length + 128),
    };
    const result = reanchor(text, anchor);
    assert.equal(text.slice(result.start, result.end), tagged);
    assert.ok(!needsReview(result));
  });
});

describe('re-anchoring: edits beside a tag, tags with no stored surroundings, and look-alike sentences', () => {
  const BUDGET = 'Paragraph one talks about the weather in the region today.\nParagraph two is about sports and the local team winning again.\nThe mayor said the budget will grow by ten percent next year.\nParagraph four ends the article with a note.\n';
  const TAGGED = 'the budget will grow by ten percent';

  /** [case, text after the edit] — the tagged words are there whole, only their surroundings changed. */
  const beside: [string, string][] = [
    ['the words after the tag cut', BUDGET.replace(' next year.', '.')],
    ['the words after the tag replaced', BUDGET.replace(' next year.', ', which is false.')],
    ['both sides replaced', BUDGET.replace('The mayor', 'The critic').replace(' next year.', ', which is false.')],
  ];
  for (const [name, edited] of beside) {
    it(`${name}: the tag keeps its very words, never cut short or stretched over the edit`, () => {
      const result = reanchor(edited, stored(BUDGET, TAGGED));
      assert.notEqual(result.method, 'orphaned');
      assert.equal(edited.slice(result.start, result.end), TAGGED);
    });
  }

  it('a tag over a whole one-sentence article is found after a line break or a byte-order mark is added', () => {
    const text = 'Alpha beta gamma delta.';
    const anchor = { text, prefix: '', suffix: '', start: { line: 0, character: 0 }, end: { line: 0, character: text.length } };
    for (const edited of [`${text}\n`, `\uFEFF${text}`, `\n${text}\n`]) {
      const result = reanchor(edited, anchor);
      assert.notEqual(result.method, 'orphaned', JSON.stringify(edited));
      assert.equal(edited.slice(result.start, result.end), text);
      assert.ok(!needsReview(result));
    }
  });

  it('a sentence deleted while a look-alike far above shares the tagged words: its tags are flagged for review, never silently moved', () => {
    const filler = Array.from({ length: 20 }, (_, i) => `Filler paragraph number ${i} talks about the weather and the harvest in the valley.`).join('\n\n');
    const kept = 'Last year, the opposition claimed that the minister resigned on Friday after the vote in parliament.';
    const deleted = 'Today, officials confirmed that the minister resigned on Friday after the vote in parliament.';
    const before = `Title\n\n${kept}\n\n${filler}\n\n${deleted}\n\nThe end.\n`;
    const after = before.replace(`${deleted}\n\n`, '');
    const anchors = ['minister', 'resigned on Friday', 'the vote', 'parliament'].map((w) => stored(before, w, 1));
    for (const result of reanchorAll(after, anchors)) assert.ok(result.method === 'orphaned' || needsReview(result), JSON.stringify(result));
    // Moved far with all of their surroundings (text added above), tags are followed without a flag.
    const lone = before.replace(`${kept}\n\n`, '');
    const added = `Title\n\n${'A paragraph added at the top, long enough to move everything well past the near window. '.repeat(6)}\n\n${lone.slice(7)}`;
    const loneAnchors = ['minister', 'resigned on Friday', 'the vote', 'parliament'].map((w) => stored(lone, w));
    for (const result of reanchorAll(added, loneAnchors)) assert.ok(!needsReview(result) && result.method === 'exact', JSON.stringify(result));
  });
});
