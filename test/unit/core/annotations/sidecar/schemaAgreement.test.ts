// The JSON Schema files are what the YAML extension checks and completes with; our validator
// reads the same files. These tests keep the two from drifting: the schemas use only keywords
// the validator understands, every property is described, and required keys and types are
// enforced by the validator exactly as the schema states them.

import * as assert from 'node:assert/strict';
import type { JsonSchema } from '../../../../../src/core/annotations/schema/jsonSchemaSubset';
import { SUPPORTED_KEYWORDS } from '../../../../../src/core/annotations/schema/jsonSchemaSubset';
import { labelConfigSchema, parseLabelConfig } from '../../../../../src/core/annotations/labels/labelConfig';
import { parseSidecar, sidecarSchema } from '../../../../../src/core/annotations/sidecar/parse';
import { serialiseSidecar } from '../../../../../src/core/annotations/sidecar/serialise';
import { readProjectFile } from '../../../support/fixtureFiles';
import { ARTICLE, sampleSet } from './testData';

function* schemasIn(schema: JsonSchema, path: string): Generator<[string, JsonSchema]> {
  yield [path, schema];
  for (const [name, child] of Object.entries(schema.properties ?? {})) yield* schemasIn(child, `${path}.properties.${name}`);
  for (const [name, child] of Object.entries(schema.definitions ?? {})) yield* schemasIn(child, `${path}.definitions.${name}`);
  if (schema.items) yield* schemasIn(schema.items, `${path}.items`);
  if (typeof schema.additionalProperties === 'object') yield* schemasIn(schema.additionalProperties, `${path}.additionalProperties`);
}

const schemaFiles: [string, JsonSchema, string][] = [
  ['sidecarSchema.json', sidecarSchema, 'src/core/annotations/sidecar/sidecarSchema.json'],
  ['labelConfigSchema.json', labelConfigSchema, 'src/core/annotations/labels/labelConfigSchema.json'],
];

describe('JSON Schema files and the validator agree', () => {
  for (const [name, schema, file] of schemaFiles) {
    it(`${name} is the file on disk, draft-07, using only keywords the validator checks`, () => {
      assert.deepEqual(JSON.parse(readProjectFile(...file.split('/'))), schema);
      assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
      for (const [path, part] of schemasIn(schema, '#')) {
        for (const keyword of Object.keys(part)) assert.ok(SUPPORTED_KEYWORDS.includes(keyword), `${name} ${path} uses ${keyword}`);
      }
    });

    it(`${name} describes every property, for completion in the editor`, () => {
      for (const [path, part] of schemasIn(schema, '#')) {
        for (const [property, child] of Object.entries(part.properties ?? {})) {
          assert.ok(typeof child.description === 'string' && child.description.length > 10, `${name} ${path}.${property} has no description`);
        }
      }
    });
  }

  const written = serialiseSidecar(undefined, sampleSet(), ARTICLE);
  const annotationSchema = sidecarSchema.definitions?.['annotation'];
  /** The sidecar with `key` (and any lines nested under it) removed from the first tag's block. */
  const withoutKey = (text: string, key: string): string => {
    const lines = text.split('\n');
    const block = lines.findIndex((l) => l === '  - id: 00000000000a');
    if (key === 'id') {
      lines[block] = '  - placeholder: x';
      return lines.join('\n');
    }
    const at = lines.findIndex((l, i) => i > block && l.startsWith(`    ${key}:`));
    let end = at + 1;
    while (lines[end]?.startsWith('      ') === true) end++;
    lines.splice(at, end - at);
    return lines.join('\n');
  };

  for (const key of annotationSchema?.required ?? []) {
    it(`a tag without its required \`${key}\` is refused, as the schema says`, () => {
      const result = parseSidecar(withoutKey(written, key));
      assert.ok(!result.ok);
      assert.ok(result.errors.some((e) => e.message.includes(`required key \`${key}\``)), JSON.stringify(result.errors));
    });
  }

  for (const key of Object.keys(annotationSchema?.properties ?? {}).filter((k) => !(annotationSchema?.required ?? []).includes(k))) {
    it(`a tag without the optional \`${key}\` is accepted, as the schema says`, () => {
      const text = withoutKey(written, key);
      assert.equal(text.split('\n').length < written.split('\n').length, true);
      assert.ok(parseSidecar(text).ok);
    });
  }

  const wrongTypes: [string, string, string][] = [
    ['version', 'version: 1', 'version: "1"'],
    ['file', 'file: article.txt', 'file: [article.txt]'],
    ['sha256', `sha256: ${'a'.repeat(64)}`, 'sha256: 12'],
    ['annotations', 'annotations:\n', 'annotations: {}\nx:\n'],
    ['annotations[0].attributes.speaker', 'speaker: Sergei Lavrov', 'speaker: [Sergei]'],
    ['annotations[0].created', 'created: 2024-05-01T09:30:00.000Z', 'created: yesterday'],
  ];
  for (const [path, from, to] of wrongTypes) {
    it(`\`${path}\` of the wrong type or form is refused on its line`, () => {
      const text = written.replace(from, to);
      const result = parseSidecar(text);
      assert.ok(!result.ok);
      const error = result.errors.find((e) => e.message.includes(`\`${path}\``));
      assert.ok(error, JSON.stringify(result.errors));
      assert.equal(error.line, text.split('\n').findIndex((l) => l.includes(to.split('\n')[0] ?? to)) + 1);
    });
  }

  it('label entries follow the label schema: required name, attribute types from its enum', () => {
    const labelSchema = labelConfigSchema.definitions?.['label'];
    assert.deepEqual(labelSchema?.required, ['name']);
    const config = parseLabelConfig('labels:\n  - description: no name\n  - name: ok\n    attributes:\n      - { name: a, type: date }\n  - name: fine\n');
    assert.deepEqual(config.labels.map((l) => l.name), ['fine']);
    assert.match(config.problems[0]?.message ?? '', /lacks the required key `name`/);
    assert.match(config.problems[1]?.message ?? '', /type` must be one of "string", "number", "boolean"/);
  });
});
