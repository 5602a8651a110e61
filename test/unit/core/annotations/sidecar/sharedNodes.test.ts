// Sidecars are data: anchors, aliases and merge keys anywhere in one are refused with their line,
// and a refused file is never written over.

import * as assert from 'node:assert/strict';
import { parseSidecar } from '../../../../../src/core/annotations/sidecar/parse';
import { MAX_SIDECAR_CHARACTERS } from '../../../../../src/core/annotations/sidecar/types';
import { serialiseSidecar } from '../../../../../src/core/annotations/sidecar/serialise';
import { ARTICLE, sampleSet } from './testData';

const written = serialiseSidecar(undefined, sampleSet(), ARTICLE);

function lineOf(text: string, fragment: string): number {
  const index = text.indexOf(fragment);
  assert.ok(index >= 0, `${fragment} is in the text`);
  return text.slice(0, index).split('\n').length;
}

function refused(text: string): { line: number; message: string }[] {
  const result = parseSidecar(text);
  assert.ok(!result.ok, 'the sidecar is refused');
  assert.equal(result.writable, false, 'a refused sidecar is not writable');
  assert.equal(serialiseSidecar(text, sampleSet(), ARTICLE), text, 'saving over it gives its bytes back unchanged');
  return result.errors.map((e) => ({ line: e.line, message: e.message }));
}

describe('sidecar anchors and aliases', () => {
  const cases: { name: string; edit: (text: string) => string; at: string; message: RegExp }[] = [
    {
      name: 'an id shared by two tags through an alias',
      edit: (t) => t.replace('id: 00000000000a', 'id: &i 00000000000a').replace('id: 00000000000b', 'id: *i'),
      at: '&i',
      message: /anchor &i is not allowed/,
    },
    {
      name: 'a position taken from another tag (start after end)',
      edit: (t) => t.replace('start: { line: 3, character: 1 }', 'start: &p { line: 5, character: 0 }').replace(/end: \{ line: 3, character: 61 \}/, 'end: *p'),
      at: '&p',
      message: /anchor &p/,
    },
    {
      name: 'a whole tag repeated by an alias',
      edit: (t) => t.replace('  - id: 00000000000a', '  - &tag\n    id: 00000000000a').replace('rejections:', 'extra:\n  - *tag\nrejections:'),
      // An anchor before a block mapping is reported where the mapping begins, the next line.
      at: 'id: 00000000000a',
      message: /anchor &tag/,
    },
    { name: 'an alias as the file name', edit: (t) => t.replace('file: article.txt', 'file: *f'), at: '*f', message: /alias \*f is not allowed/ },
    { name: 'an anchored note', edit: (t) => t.replace('note: check', 'note: &n check'), at: '&n', message: /anchor &n/ },
    { name: 'an anchored key', edit: (t) => t.replace('    label: quote', '    &k label: quote'), at: '&k', message: /anchor &k/ },
    { name: 'a merge key without alias', edit: (t) => t.replace('    label: quote', '    label: quote\n    <<: { note: smuggled }'), at: '<<', message: /merge key `<<`/ },
    {
      name: 'a merge key with alias',
      edit: (t) => t.replace('    label: quote', '    label: quote\n    <<: *defaults').replace('version: 1', 'version: 1\ndefaults: &defaults { note: x }'),
      at: '&defaults',
      message: /anchor &defaults/,
    },
  ];
  for (const c of cases) {
    it(`refuses ${c.name}, on its line`, () => {
      const text = c.edit(written);
      assert.notEqual(text, written, 'the case edits the file');
      const errors = refused(text);
      assert.ok(errors.some((e) => e.line === lineOf(text, c.at) && c.message.test(e.message)), JSON.stringify(errors));
    });
  }

  it('refuses 150 aliases with a bounded list of problems, not a crash', () => {
    const aliases = Array.from({ length: 150 }, (_, i) => `  k${i}: *a`).join('\n');
    const errors = refused(written.replace('version: 1', `version: 1\nshared: &a x\nmany:\n${aliases}`));
    assert.ok(errors.length <= 20, `${errors.length} problems`);
    assert.match(errors[errors.length - 1]?.message ?? '', /and \d+ more such problems/);
  });

  it('refuses a billion-laughs bomb quickly, without expanding it', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) {
      const name = String.fromCharCode(97 + i);
      const previous = String.fromCharCode(96 + i);
      levels.push(`${name}: &${name} [${Array.from({ length: 9 }, () => `*${previous}`).join(',')}]`);
    }
    const started = Date.now();
    const errors = refused(`${written}${levels.join('\n')}\n`);
    assert.ok(errors.length > 0);
    assert.ok(Date.now() - started < 5000, 'refused without expanding');
  });

  it(`refuses a sidecar longer than ${MAX_SIDECAR_CHARACTERS} characters unread, on line 1`, () => {
    const huge = `${written}# ${'x'.repeat(MAX_SIDECAR_CHARACTERS)}\n`;
    const errors = refused(huge);
    assert.equal(errors[0]?.line, 1);
    assert.match(errors[0]?.message ?? '', /at most 2,000,000 characters/);
  });

  // The YAML reader builds each level of nesting by a call of its own: thousands of levels exhaust
  // the stack, and a second such file could abort the whole process. Each is refused, with the
  // line and column where the nesting goes too deep, before the reader builds anything.
  const tooDeep = [
    { name: 'brackets', text: `${'['.repeat(1000)}${']'.repeat(1000)}\n`, line: 1, column: 201 },
    { name: 'dashes after the tags', text: `${written}extra:\n  - ${'- '.repeat(3000)}x\n`, line: written.split('\n').length + 1, column: 399 },
    { name: 'braces in a value', text: `${written}extra: [x, "y", ${'{a: '.repeat(400)}\n`, line: written.split('\n').length, column: 809 },
    { name: 'indentation', text: `${written}extra:\n${Array.from({ length: 300 }, (_, i) => `${' '.repeat(i + 1)}k${i}:`).join('\n')} 1\n`, line: written.split('\n').length + 200, column: 205 },
  ];
  for (const c of tooDeep) {
    it(`refuses nesting thousands of levels deep (${c.name}) with its line, again and again`, () => {
      for (let round = 0; round < 3; round++) {
        const errors = refused(c.text);
        assert.equal(errors.length, 1, JSON.stringify(errors));
        assert.equal(errors[0]?.line, c.line);
        assert.match(errors[0]?.message ?? '', /may nest at most 200 levels/);
        const result = parseSidecar(c.text);
        assert.ok(!result.ok && result.errors[0]?.column === c.column, JSON.stringify(!result.ok && result.errors[0]));
      }
    });
  }

  it('reads a sidecar whose values hold brackets, dashes and colons, and a note nested in flow style', () => {
    const text = written.replace('note: check the UN transcript', `note: "${'[[{- :'.repeat(100)}"`);
    assert.ok(parseSidecar(text).ok);
    const nested = `${written}extra: ${'['.repeat(150)}${']'.repeat(150)}\n`;
    assert.ok(parseSidecar(nested).ok, 'nesting within the bound is read (a key the product does not know is kept)');
    const oneLine = JSON.stringify(Array.from({ length: 500 }, (_, i) => ({ [`k${i}`]: [i, { at: i }] })));
    assert.ok(parseSidecar(`${written}extra: ${oneLine}\n`).ok, 'hundreds of keys inside brackets on one line nest nothing');
  });

  it('refuses a key given twice in one mapping, at the second, and tells 1 from "1"', () => {
    const twice = written.replace('note: check the UN transcript', 'note: check the UN transcript\n    note: another note');
    const errors = refused(twice);
    assert.deepEqual(errors, [{ line: lineOf(twice, 'note: another'), message: 'The key "note" is given twice in one mapping: keep one (a reader would take either)' }]);
    const top = refused(`${written}file: other.txt\n`);
    assert.equal(top[0]?.line, written.split('\n').length);
    assert.match(top[0]?.message ?? '', /key "file" is given twice/);
    assert.ok(parseSidecar(`${written}extra: { 1: a, "1": b }\n`).ok, 'the number 1 and the text "1" are two keys');
  });

  it('refuses a list or a mapping as a key, at its line, rather than read it as the string it would become', () => {
    for (const key of ['? [a, b]\n: 1', '? { a: 1 }\n: 2', '[x]: 3']) {
      const text = `${written}extra:\n  ${key.replace(/\n/g, '\n  ')}\n`;
      const errors = refused(text);
      assert.deepEqual(errors, [{ line: written.split('\n').length + 1, message: 'A list or mapping is not allowed as a key: write the key as a word or a string' }], key);
    }
  });

  it('reads tens of thousands of keys and YAML 1.1 collections without comparing each with all others (linear)', () => {
    // Timing is the bench's (test/bench/annotations.mjs); here: the answers, with every key read.
    const keys = Array.from({ length: 30_000 }, (_, i) => `k${i}: 1`).join('\n');
    const many = parseSidecar(`${written}extra:\n${keys.replace(/^/gm, '  ')}\n`);
    assert.ok(many.ok, 'distinct keys are no problem');
    const repeated = refused(`${written}extra:\n${keys.replace(/^/gm, '  ')}\n  k0: 2\n  k1: 2\n`);
    assert.equal(repeated.length, 2);
    const omap = parseSidecar(`!!omap\n${Array.from({ length: 20_000 }, (_, i) => `- a${i}: 1`).join('\n')}\n`);
    assert.ok(!omap.ok && /must be a mapping, not a list/.test(omap.errors[0]?.message ?? ''), JSON.stringify(!omap.ok && omap.errors[0]));
  });

  it('still reads a sidecar with an ampersand or asterisk inside a value', () => {
    const text = written.replace('note: check the UN transcript', 'note: "check &this *and that"');
    const result = parseSidecar(text);
    assert.ok(result.ok && result.writable);
  });
});

describe('sidecar file name', () => {
  it('accepts a sidecar that names the article it lies beside', () => {
    assert.ok(parseSidecar(written, { articleFileName: 'article.txt' }).ok);
  });

  it('refuses one that names another article, on the file line, and says how to fix it', () => {
    const result = parseSidecar(written, { articleFileName: 'other.txt' });
    assert.ok(!result.ok);
    assert.equal(result.writable, false);
    assert.equal(result.errors[0]?.line, lineOf(written, 'file:'));
    assert.match(result.errors[0]?.message ?? '', /belongs to "article\.txt", not to "other\.txt".*change `file:` to "other\.txt"/);
  });

  it('does not check the name when the caller does not know the article', () => {
    assert.ok(parseSidecar(written).ok);
  });
});

describe('sidecar keys named like a merge key', () => {
  it('writes an attribute named << quoted, and reads it back as an ordinary key', () => {
    const set = sampleSet();
    const [first, ...rest] = set.annotations;
    assert.ok(first);
    const withKey = { ...set, annotations: [{ ...first, attributes: { ...first.attributes, '<<': 'merged' } }, ...rest] };
    const text = serialiseSidecar(undefined, withKey, ARTICLE);
    assert.match(text, /"<<": merged/);
    const read = parseSidecar(text);
    assert.ok(read.ok, read.ok ? '' : JSON.stringify(read.errors));
    assert.equal(read.sidecar.annotations.find((a) => a.id === first.id)?.attributes['<<'], 'merged');
    // Rewritten over itself, it stays readable.
    assert.ok(parseSidecar(serialiseSidecar(text, withKey, ARTICLE)).ok);
  });

  it('still refuses a plain <<, which YAML 1.1 tools merge', () => {
    assert.match(refused(written.replace('    label: quote', '    label: quote\n    <<: merged'))[0]?.message ?? '', /merge key `<<`/);
  });
});
