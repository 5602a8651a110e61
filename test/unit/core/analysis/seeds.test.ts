import * as assert from 'node:assert/strict';
import { analyze } from '../../../../src/core/analysis/analyze';
import { seedText, mentionName } from './helpers';

describe('seed articles, whole files', () => {
  it('finds the headline quote, two body quotes and the comment section of a video page', () => {
    const text = seedText('000_03cb73ca90429b2a.txt');
    const a = analyze(text);
    assert.equal(a.quotes.length, 3);
    assert.deepEqual(
      a.speakers.map((s) => s.name),
      ['Sergei Lavrov'],
    );
    assert.deepEqual(
      a.quotes.map((q) => mentionName(q.mention)),
      ['Lavrov', 'Lavrov', 'he'],
    );
    const kinds = new Set(a.noise.map((n) => n.kind));
    for (const k of ['duplicate', 'subscribe', 'video', 'contact', 'social', 'comment', 'comment-form']) assert.ok(kinds.has(k as never), k);
    const firstLine = text.slice(0, text.indexOf('\n'));
    assert.ok(!a.noise.some((n) => n.start === 0), `the title stays: ${firstLine}`);
  });

  it('keeps quotes of the title and body but none from the “Popular posts” list', () => {
    const text = seedText('002_2831f1d8eb210064.txt');
    const a = analyze(text);
    const listStart = text.indexOf('Popular posts');
    assert.ok(listStart > 0);
    assert.ok(a.quotes.every((q) => q.start < listStart));
    assert.ok(a.noise.some((n) => n.start === listStart && n.kind === 'related-links'));
  });

  it('attributes every quote of a quote-heavy article', () => {
    const text = seedText('004_7c365add9fe75bb6.txt');
    const a = analyze(text);
    assert.equal(a.quotes.length, 9);
    assert.ok(a.quotes.every((q) => q.speakerId !== null));
    assert.deepEqual(
      a.speakers.map((s) => s.name),
      ['Sergei Lavrov', 'Yusef Hamoud', 'Turkish security official', 'Ruth Hetherington', 'Recep Tayyip Erdogan'],
    );
  });

  it('is the same on CRLF text, shifted by the extra characters', () => {
    const text = seedText('001_fafea784eeeba758.txt');
    const crlf = text.replace(/\n/g, '\r\n');
    const a = analyze(text);
    const b = analyze(crlf);
    assert.deepEqual(
      b.quotes.map((q) => crlf.slice(q.start, q.end).replace(/\r\n/g, '\n')),
      a.quotes.map((q) => text.slice(q.start, q.end)),
    );
    assert.deepEqual(
      b.noise.map((n) => crlf.slice(n.start, n.end)),
      a.noise.map((n) => text.slice(n.start, n.end)),
    );
  });
});
