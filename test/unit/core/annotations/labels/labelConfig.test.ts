import * as assert from 'node:assert/strict';
import { DEFAULT_LABELS, parseLabelConfig } from '../../../../../src/core/annotations/labels/labelConfig';

describe('label configuration (.source-annotator.yaml)', () => {
  it('has six default labels with unique names and one-character keys', () => {
    assert.deepEqual(DEFAULT_LABELS.map((l) => `${l.name}:${l.key ?? ''}`), ['speaker:s', 'quote:q', 'noise:n', 'claim:c', 'paraphrase:p', 'note:o']);
    assert.equal(DEFAULT_LABELS.find((l) => l.name === 'quote')?.attributes[0]?.name, 'speaker');
    assert.equal(DEFAULT_LABELS.find((l) => l.name === 'noise')?.attributes[0]?.name, 'kind');
  });

  it('uses the defaults for an empty file or one without labels', () => {
    for (const text of ['', '# just a comment\n', 'other: 1\n']) {
      const config = parseLabelConfig(text);
      assert.equal(config.usesDefaults, true);
      assert.equal(config.labels, DEFAULT_LABELS);
      assert.deepEqual(config.problems, []);
    }
  });

  it('reads labels with colors, keys and typed attributes', () => {
    const config = parseLabelConfig(
      [
        'labels:',
        '  - name: quote',
        '    description: Words reported as said',
        '    color: charts.blue',
        '    key: q',
        '    attributes:',
        '      - { name: speaker, type: string, required: true }',
        '      - { name: verified, type: boolean }',
        '  - name: figure',
        '    color: "#c0ffee"',
        '',
      ].join('\n'),
    );
    assert.deepEqual(config.problems, []);
    assert.equal(config.usesDefaults, false);
    assert.deepEqual(config.labels, [
      {
        name: 'quote',
        description: 'Words reported as said',
        color: 'charts.blue',
        key: 'q',
        attributes: [
          { name: 'speaker', type: 'string', required: true },
          { name: 'verified', type: 'boolean', required: false },
        ],
      },
      { name: 'figure', color: '#c0ffee', attributes: [] },
    ]);
  });

  it('skips a bad entry, reporting its line, and keeps the rest', () => {
    const config = parseLabelConfig('labels:\n  - name: good\n  - name: bad\n    color: "#12"\n  - name: also-good\n    key: x\n');
    assert.deepEqual(config.labels.map((l) => l.name), ['good', 'also-good']);
    assert.equal(config.problems.length, 1);
    assert.deepEqual([config.problems[0]?.line, config.problems[0]?.severity], [4, 'error']);
    assert.match(config.problems[0]?.message ?? '', /color` has the wrong form.*skipped/);
  });

  it('reports duplicate names (later skipped) and duplicate keys (later loses its key)', () => {
    const config = parseLabelConfig('labels:\n  - { name: a, key: k }\n  - { name: b, key: k }\n  - { name: a }\n');
    assert.deepEqual(config.labels.map((l) => [l.name, l.key]), [['a', 'k'], ['b', undefined]]);
    assert.deepEqual(config.problems.map((p) => [p.line, p.severity]), [[3, 'warning'], [4, 'error']]);
    assert.match(config.problems[0]?.message ?? '', /key "k" already picks another label/);
    assert.match(config.problems[1]?.message ?? '', /"a" is used twice/);
  });

  it('reports a key longer than one character and a name with spaces', () => {
    const config = parseLabelConfig('labels:\n  - { name: ok, key: ab }\n  - { name: two words }\n');
    assert.deepEqual(config.labels, []);
    assert.deepEqual(config.problems.map((p) => p.line), [2, 3]);
  });

  it('falls back to the defaults, with the line, on a YAML error or a labels value that is not a list', () => {
    const broken = parseLabelConfig('labels:\n  - name: [unclosed\n');
    assert.equal(broken.usesDefaults, true);
    assert.ok((broken.problems[0]?.line ?? 0) >= 2);
    const notAList = parseLabelConfig('labels: quote\n');
    assert.equal(notAList.usesDefaults, true);
    assert.deepEqual([notAList.problems[0]?.line, notAList.problems[0]?.message], [1, '`labels` must be a list, not a string']);
  });
});
