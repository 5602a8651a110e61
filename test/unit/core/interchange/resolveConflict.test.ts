import * as assert from 'node:assert/strict';
import type { Annotation } from '../../../../src/core/annotations/model/types';
import { parseSidecar } from '../../../../src/core/annotations/sidecar/parse';
import { serialiseSidecar } from '../../../../src/core/annotations/sidecar/serialise';
import { mergeSidecars } from '../../../../src/core/interchange/mergeSidecars';
import { resolveConflict } from '../../../../src/core/interchange/resolveConflict';
import { recordedConflicts } from '../../../../src/core/interchange/sidecarConflicts';
import { sampleTags, TEXT } from './testArticle';

const sidecar = (annotations: readonly Annotation[]): string => serialiseSidecar(undefined, { file: 'story.txt', sha256: 'a'.repeat(64), annotations, rejections: [] }, TEXT);
const changed = (id: string, change: Partial<Annotation>): Annotation[] => sampleTags().map((a) => (a.id === id ? { ...a, ...change } : a));
const without = (id: string): Annotation[] => sampleTags().filter((a) => a.id !== id);

interface Case {
  readonly name: string;
  readonly ours: Annotation[];
  readonly theirs: Annotation[];
  readonly keep: 'ours' | 'theirs';
  /** The tag after the fix, or undefined when it is gone. */
  readonly expect: Partial<Annotation> | undefined;
}

const ID = '00000000000a';
const cases: Case[] = [
  { name: 'both changed the note, keep ours', ours: changed(ID, { note: 'ours' }), theirs: changed(ID, { note: 'theirs' }), keep: 'ours', expect: { note: 'ours' } },
  { name: 'both changed the note, keep theirs', ours: changed(ID, { note: 'ours' }), theirs: changed(ID, { note: 'theirs' }), keep: 'theirs', expect: { note: 'theirs' } },
  { name: 'theirs relabelled and dropped the note, keep theirs', ours: changed(ID, { note: 'ours' }), theirs: changed(ID, { label: 'claim', note: undefined }), keep: 'theirs', expect: { label: 'claim', note: undefined } },
  { name: 'theirs deleted it, keep theirs (the deletion)', ours: changed(ID, { note: 'ours' }), theirs: without(ID), keep: 'theirs', expect: undefined },
  { name: 'theirs deleted it, keep ours', ours: changed(ID, { note: 'ours' }), theirs: without(ID), keep: 'ours', expect: { note: 'ours' } },
  { name: 'we deleted it, keep ours (the deletion)', ours: without(ID), theirs: changed(ID, { note: 'theirs' }), keep: 'ours', expect: undefined },
  { name: 'we deleted it, keep theirs', ours: without(ID), theirs: changed(ID, { note: 'theirs' }), keep: 'theirs', expect: { note: 'theirs' } },
];

describe('settling a conflict the merge driver left in a sidecar', () => {
  for (const c of cases) {
    it(c.name, () => {
      const merged = mergeSidecars({ base: sidecar(sampleTags()), ours: sidecar(c.ours), theirs: sidecar(c.theirs) }).text;
      assert.equal(recordedConflicts(merged).length, 1);
      const fixed = resolveConflict(merged, ID, c.keep);
      assert.ok(fixed.ok);
      assert.deepEqual(recordedConflicts(fixed.text), [], 'the conflict is gone');
      const parsed = parseSidecar(fixed.text);
      assert.ok(parsed.ok, 'the result is a valid sidecar');
      const tag = parsed.sidecar.annotations.find((a) => a.id === ID);
      if (c.expect === undefined) assert.equal(tag, undefined);
      else {
        assert.ok(tag);
        for (const [key, value] of Object.entries(c.expect)) assert.deepEqual(tag[key as keyof typeof tag], value, key);
      }
      assert.equal(parsed.sidecar.annotations.filter((a) => a.id !== ID).length, sampleTags().length - 1, 'other tags are untouched');
    });
  }

  it('keeps comments and the other entries byte for byte', () => {
    const merged = mergeSidecars({ base: sidecar(sampleTags()), ours: sidecar(changed(ID, { note: 'ours' })), theirs: sidecar(changed(ID, { note: 'theirs' })) }).text;
    const commented = merged.replace('annotations:', '# checked by the desk\nannotations:');
    const fixed = resolveConflict(commented, ID, 'ours');
    assert.ok(fixed.ok);
    assert.ok(fixed.text.startsWith(commented.slice(0, commented.indexOf('annotations:'))));
    assert.ok(fixed.text.includes('# checked by the desk'));
    assert.ok(fixed.text.includes('Bo Li'));
  });

  it('refuses unknown ids and unreadable files without throwing', () => {
    assert.equal(resolveConflict(sidecar(sampleTags()), ID, 'ours').ok, false);
    assert.equal(resolveConflict('annotations: [oops', ID, 'ours').ok, false);
    assert.equal(resolveConflict('', ID, 'theirs').ok, false);
  });

  // Files the conflict view reads whenever one says `conflict:` (even in a comment), on the extension host.
  const hostile: [string, string][] = [
    ['nested 1,000 levels (the YAML reader would exhaust the stack)', `# conflict:\n${'['.repeat(1000)}${']'.repeat(1000)}\n`],
    ['an alias of a whole entry', `${sidecar(sampleTags())}other: &a { conflict: { side: theirs } }\nagain: *a\n# conflict:\n`],
    ['a key given twice', `${sidecar(sampleTags())}extra: 1\nextra: 2\n# conflict:\n`],
  ];
  for (const [what, text] of hostile) {
    it(`lists no conflict and settles none in a file that cannot be a sidecar: ${what}`, () => {
      for (let round = 0; round < 2; round++) assert.deepEqual(recordedConflicts(text), []);
      const fixed = resolveConflict(text, ID, 'ours');
      assert.equal(fixed.ok, false);
      assert.match(fixed.ok ? '' : fixed.reason, /^the sidecar cannot be read \(line \d+: /);
    });
  }
});
