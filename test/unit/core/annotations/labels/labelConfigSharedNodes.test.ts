// The label file is data too: anchors, aliases and merge keys are refused with their line (the
// default labels apply), and its size is bounded.

import * as assert from 'node:assert/strict';
import { DEFAULT_LABELS, MAX_LABEL_CONFIG_CHARACTERS, parseLabelConfig } from '../../../../../src/core/annotations/labels/labelConfig';

describe('label configuration anchors, aliases and size', () => {
  const cases: { name: string; text: string; line: number; message: RegExp }[] = [
    { name: 'an aliased label entry', text: 'defaults: &d { name: quote }\nlabels:\n  - *d\n', line: 1, message: /anchor &d is not allowed/ },
    { name: 'an aliased list of labels', text: 'x: &x\n  - name: quote\nlabels: *x\n', line: 2, message: /anchor &x/ },
    { name: 'the alias itself', text: 'x: &x\n  - name: quote\nlabels: *x\n', line: 3, message: /alias \*x is not allowed/ },
    { name: 'an aliased attribute list', text: 'labels:\n  - name: quote\n    attributes: &a [{ name: who, type: string }]\n  - name: claim\n    attributes: *a\n', line: 5, message: /alias \*a/ },
    { name: 'a merge key', text: 'labels:\n  - name: quote\n    <<: { key: q }\n', line: 3, message: /merge key `<<`/ },
    { name: 'an anchored name', text: 'labels:\n  - name: &n quote\n', line: 2, message: /anchor &n/ },
  ];
  for (const c of cases) {
    it(`refuses ${c.name} on its line and uses the default labels`, () => {
      const config = parseLabelConfig(c.text);
      assert.equal(config.usesDefaults, true);
      assert.equal(config.labels, DEFAULT_LABELS);
      assert.ok(config.problems.every((p) => p.severity === 'error'));
      assert.ok(config.problems.some((p) => p.line === c.line && c.message.test(p.message)), JSON.stringify(config.problems));
      assert.ok(!config.labels.some((l) => l.name === 'undefined'), 'no label named undefined');
    });
  }

  it('refuses a billion-laughs bomb without expanding it', () => {
    const levels = ['a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let i = 1; i < 10; i++) levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(', ')}]`);
    const config = parseLabelConfig(`${levels.join('\n')}\nlabels: *j\n`);
    assert.equal(config.usesDefaults, true);
    assert.ok(config.problems.length > 0 && config.problems.length <= 20);
  });

  it('refuses nesting thousands of levels deep with its line, the default labels used', () => {
    for (let round = 0; round < 3; round++) {
      const config = parseLabelConfig(`labels:\n  - name: quote\n    attributes: ${'['.repeat(5000)}\n`);
      assert.equal(config.usesDefaults, true);
      assert.equal(config.problems[0]?.line, 3);
      assert.match(config.problems[0]?.message ?? '', /may nest at most 200 levels.*default labels are used/);
    }
  });

  it(`refuses a file longer than ${MAX_LABEL_CONFIG_CHARACTERS} characters unread`, () => {
    const config = parseLabelConfig(`labels:\n  - name: quote\n# ${'x'.repeat(MAX_LABEL_CONFIG_CHARACTERS)}\n`);
    assert.equal(config.usesDefaults, true);
    assert.equal(config.problems[0]?.line, 1);
    assert.match(config.problems[0]?.message ?? '', /at most 250,000 characters.*default labels are used/);
  });

  it('reads thousands of labels, reporting each duplicate name and key', () => {
    const entries = Array.from({ length: 3000 }, (_, i) => `  - { name: l${i % 2500}, key: "${String.fromCharCode(0x4e00 + (i % 2800))}" }`);
    const config = parseLabelConfig(`labels:\n${entries.join('\n')}\n`);
    assert.equal(config.labels.length, 2500);
    assert.equal(config.problems.filter((p) => /used twice/.test(p.message)).length, 500);
    assert.equal(config.problems.filter((p) => /already picks another label/.test(p.message)).length, 0, 'keys of skipped duplicates do not count');
  });
});
