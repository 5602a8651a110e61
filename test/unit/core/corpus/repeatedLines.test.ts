import * as assert from 'node:assert/strict';
import { findRepeatedLines, RepeatedLineIndex } from '../../../../src/core/corpus/repeatedLines';
import { seedArticles } from '../../support/fixtureFiles';
import { summariseText } from './corpusFixtures';

const FOOTER = 'Copyright 2020 Middle East Monitor. Registered in England No. 05233292';
const NAV = 'Home | World | Politics | Business | Opinion';

/** A different seed article per index, with the site's lines around it. */
function siteArticle(i: number, folder: string, extra: { top?: string; bottom?: string } = {}): { path: string; text: string; folder: string } {
  const seeds = seedArticles();
  const body = seeds[i % seeds.length]?.text ?? '';
  return { path: `${folder}/a${i}.txt`, folder, text: [extra.top, body, extra.bottom].filter((x) => x !== undefined).join('\n') };
}

function summaries(list: { path: string; text: string; folder: string }[]) {
  return list.map((a) => summariseText(a.path, a.text, a.folder));
}

describe('lines repeated across a folder', () => {
  it('takes a footer shared by three articles of one site for boilerplate', () => {
    const found = findRepeatedLines(summaries([0, 1, 2].map((i) => siteArticle(i, 'mem', { top: NAV, bottom: FOOTER }))));
    assert.deepEqual(found.map((r) => [r.folder, r.count]), [
      ['mem', 3],
      ['mem', 3],
    ]);
    const footer = found.find((r) => r.example.start > 0);
    assert.ok(footer);
    const text = siteArticle(0, 'mem', { top: NAV, bottom: FOOTER }).text;
    assert.equal(text.slice(footer.example.start, footer.example.end), FOOTER);
  });

  it('does not count a line shared by only two articles of a site', () => {
    assert.deepEqual(findRepeatedLines(summaries([0, 1].map((i) => siteArticle(i, 'mem', { bottom: FOOTER })))), []);
  });

  it('keeps wire copy shared by two outlets as article text (seeds 001 and 004)', () => {
    const seeds = seedArticles();
    const s1 = seeds.find((s) => s.name.startsWith('001'));
    const s4 = seeds.find((s) => s.name.startsWith('004'));
    assert.ok(s1 && s4);
    const list = summaries([
      { path: 'outlet-a/001.txt', folder: 'outlet-a', text: s1.text },
      { path: 'outlet-b/004.txt', folder: 'outlet-b', text: s4.text },
      { path: 'outlet-c/004.txt', folder: 'outlet-c', text: s4.text },
    ]);
    assert.deepEqual(findRepeatedLines(list), []);
  });

  it('ignores blank, very short lines and differences of case and punctuation', () => {
    const texts = ['Share\n\n---\nREAD MORE: Idlib talks collapse\nbody one', 'Share\n\n---\nRead more — Idlib talks collapse!\nbody two', 'Share\n\n---\nread more: idlib talks collapse\nbody three'];
    const found = findRepeatedLines(texts.map((t, i) => summariseText(`s/${i}.txt`, t, 's')));
    assert.deepEqual(found.map((r) => r.count), [3]);
    assert.equal(texts[0]?.slice(found[0]?.example.start, found[0]?.example.end), 'READ MORE: Idlib talks collapse');
  });

  it('counts an article once however often it repeats a line', () => {
    const a = summariseText('s/a.txt', `${FOOTER}\n${FOOTER}\n${FOOTER}`, 's');
    const b = summariseText('s/b.txt', FOOTER, 's');
    assert.deepEqual(findRepeatedLines([a, b]), []);
  });

  it('updates marks as articles are added, replaced and removed', () => {
    const index = new RepeatedLineIndex();
    const list = summaries([0, 1, 2].map((i) => siteArticle(i, 'mem', { bottom: FOOTER })));
    for (const s of list) index.add(s);
    const marks = index.marksFor('mem/a0.txt');
    assert.equal(marks.length, 1);
    assert.equal(marks[0]?.kind, 'repeated');
    assert.equal(marks[0]?.count, 3);
    index.add(summariseText('mem/a2.txt', 'A rewritten article without the footer line at all', 'mem'));
    assert.deepEqual(index.marksFor('mem/a0.txt'), []);
    index.add(list[2] ?? list[0]!);
    assert.equal(index.marksFor('mem/a0.txt').length, 1);
    index.remove('mem/a1.txt');
    assert.deepEqual(index.marksFor('mem/a0.txt'), []);
    assert.deepEqual(index.repeatedLines(), []);
  });
});
